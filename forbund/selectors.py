"""Reads that several views share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from procrastinate.contrib.django.models import ProcrastinateJob

from .models import (
    Bekraftelse,
    Forbund,
    Kalenderlank,
    Paminnelse,
    Part,
    Person,
    Uppdrag,
    Utskick,
)
from .permissions import KANSLI_ROLLER

HISTORY_TYPES = {"+": "Skapad", "~": "Ändrad", "-": "Borttagen"}
ADMIN_HANDELSER = {ADDITION: "skapad", CHANGE: "ändrad", DELETION: "borttagen"}


def forbund_get() -> Forbund | None:
    return Forbund.objects.first()


def parter_namn() -> list[str]:
    """The names of the parter, in their order (as reports list the members)."""
    return list(Part.objects.order_by("ordning", "namn").values_list("namn", flat=True))


def kommunnamn() -> list[str]:
    """The member kommuner's names, in the parter's order: the rows of every SUS table per
    kommun."""
    return list(
        Part.objects.filter(typ=Part.Typ.KOMMUN)
        .order_by("ordning", "namn")
        .values_list("namn", flat=True)
    )


@dataclass(frozen=True)
class Andring:
    falt: str
    fore: str
    efter: str


@dataclass(frozen=True)
class HistorikRad:
    tidpunkt: datetime
    vem: str
    handelse: str
    andringar: tuple[Andring, ...]
    orsak: str


def historik(obj: models.Model, *, limit: int = 50) -> list[HistorikRad]:
    """The change history of one object, newest first, with old and new values.

    A constant number of queries: one for the records, one per foreign-key field that
    changed (to show names instead of ids).
    """
    records = list(
        obj.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    model = type(obj)
    deltas = []
    for i, rec in enumerate(records[:limit]):
        prev = records[i + 1] if i + 1 < len(records) else None
        changes = rec.diff_against(prev).changes if prev is not None else []
        deltas.append((rec, changes))

    fk_ids: dict[str, set] = {}
    for _rec, changes in deltas:
        for ch in changes:
            field = model._meta.get_field(ch.field)
            if field.is_relation and not field.many_to_many:
                fk_ids.setdefault(ch.field, set()).update(v for v in (ch.old, ch.new) if v)
    fk_names = {
        name: {
            o.pk: str(o)
            for o in model._meta.get_field(name).related_model.objects.filter(pk__in=ids)
        }
        for name, ids in fk_ids.items()
    }

    def show(field_name: str, value) -> str:
        field = model._meta.get_field(field_name)
        if value in (None, "", []):
            return "–"
        if field.many_to_many:
            # simple-history gives the m2m rows as a list of dicts; their count is enough here.
            return f"{len(value)} st"
        if field.is_relation:
            return fk_names.get(field_name, {}).get(value, f"#{value}")
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if hasattr(value, "isoformat"):
            return value.isoformat()
        if isinstance(value, bool):
            return "ja" if value else "nej"
        return str(value)

    rows = []
    for rec, changes in deltas:
        user = rec.history_user
        rows.append(
            HistorikRad(
                tidpunkt=timezone.localtime(rec.history_date),
                vem=(user.get_full_name() or user.username) if user else "systemet",
                handelse=HISTORY_TYPES.get(rec.history_type, rec.history_type),
                andringar=tuple(
                    Andring(
                        falt=str(model._meta.get_field(ch.field).verbose_name),
                        fore=show(ch.field, ch.old),
                        efter=show(ch.field, ch.new),
                    )
                    for ch in changes
                ),
                orsak=rec.history_change_reason or "",
            )
        )
    return rows


def uppdrag_en_gang(uppdrag) -> list[Uppdrag]:
    """Each (roll, organ) once, its latest mandate first met: a ledamot re-elected for a new
    term is one line in the register, not one per term. `uppdrag` newest first."""
    sett: dict[tuple, Uppdrag] = {}
    for u in uppdrag:
        sett.setdefault((u.roll, u.organ_id), u)
    return list(sett.values())


def personer_med_uppdrag():
    """All people with their uppdrag, for the register (two queries whatever the size)."""
    return Person.objects.select_related("user").prefetch_related(
        models.Prefetch(
            "uppdrag",
            queryset=Uppdrag.objects.select_related("organ", "part").order_by("-startdatum"),
        )
    )


def uppdrag_som_loper_ut(*, dagar: int = 90):
    """Active uppdrag that end within `dagar` days: the kansli should plan their renewal."""
    idag = timezone.localdate()
    return (
        Uppdrag.objects.aktiva(idag)
        .filter(slutdatum__lte=idag + timedelta(days=dagar))
        .select_related("person", "organ", "part")
        .order_by("slutdatum")
    )


def personer_utan_inloggning():
    """People with an active uppdrag but no login yet: the kansli should give them one."""
    return (
        Person.objects.filter(user__isnull=True, uppdrag__in=Uppdrag.objects.aktiva())
        .distinct()
        .order_by("efternamn", "fornamn")
    )


@dataclass(frozen=True)
class LoggRad:
    """One line of the log of who can act: when, by whom, what happened, to what."""

    tidpunkt: datetime
    vem: str
    handelse: str
    vad: str


def visningsnamn(user) -> str:
    """Who made a change, as the log names them."""
    return (user.get_full_name() or user.username) if user else "systemet"


def bekraftelser_vantande() -> list[Bekraftelse]:
    return list(
        Bekraftelse.objects.filter(bekraftad__isnull=True).select_related(
            "person", "uppdrag__organ", "begard_av"
        )
    )


def personlogg(*, limit: int = 200, andra: list[LoggRad] = ()) -> list[LoggRad]:
    """Every change to people, uppdrag and logins (the portal's own flow and the admin's
    changes to accounts), and every request for and confirmation of a change to who can
    act, newest first, with `andra` (the signaturlistor: insatser.selectors) among them.
    A constant number of queries."""
    rader = list(andra)
    for rec in Person.history.select_related("history_user").order_by("-history_date")[:limit]:
        orsak = rec.history_change_reason or HISTORY_TYPES.get(rec.history_type, "")
        rader.append(
            LoggRad(
                rec.history_date,
                visningsnamn(rec.history_user),
                f"Person: {orsak}",
                f"{rec.fornamn} {rec.efternamn}",
            )
        )
    for rec in Uppdrag.history.select_related("history_user", "person").order_by("-history_date")[
        :limit
    ]:
        orsak = rec.history_change_reason or HISTORY_TYPES.get(rec.history_type, "")
        rader.append(
            LoggRad(
                rec.history_date,
                visningsnamn(rec.history_user),
                f"Uppdrag: {orsak}",
                f"{rec.get_roll_display()}, {rec.person}",
            )
        )
    for b in Bekraftelse.objects.select_related("person", "begard_av", "bekraftad_av")[:limit]:
        vad = f"{b.get_typ_display()}: {b.person}" + (f" ({b.epost})" if b.epost else "")
        rader.append(LoggRad(b.begard, visningsnamn(b.begard_av), "Väntar på bekräftelse", vad))
        if b.bekraftad:
            rader.append(LoggRad(b.bekraftad, visningsnamn(b.bekraftad_av), "Bekräftad", vad))
    konton = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(get_user_model())
    ).select_related("user")
    for e in konton.order_by("-action_time")[:limit]:
        andring = e.get_change_message()
        rader.append(
            LoggRad(
                e.action_time,
                visningsnamn(e.user),
                f"Inloggning: {ADMIN_HANDELSER.get(e.action_flag, 'ändrad')} i administrationen",
                e.object_repr + (f" ({andring})" if andring else ""),
            )
        )
    rader.sort(key=lambda r: r.tidpunkt, reverse=True)
    return [
        LoggRad(timezone.localtime(r.tidpunkt), r.vem, r.handelse, r.vad) for r in rader[:limit]
    ]


def kalenderlank_get(token: str):
    """The calendar address with this token and its person, or None."""
    return Kalenderlank.objects.select_related("person").filter(token=token).first()


def kalenderlank_for(user):
    """The logged-in user's own calendar address, or None."""
    return Kalenderlank.objects.filter(person__user=user).first()


def kansli_anvandare() -> list[int]:
    """The users who hold a kansli role today (who the kansli's reminders go to)."""
    return list(
        Uppdrag.objects.aktiva()
        .filter(roll__in=KANSLI_ROLLER, person__user__isnull=False, person__user__is_active=True)
        .values_list("person__user_id", flat=True)
        .distinct()
    )


PAMINNELSER_DAGAR = 14


def paminnelser_for(user, *, limit: int = 20):
    """The user's reminders of the last two weeks, newest first (the start page)."""
    return Paminnelse.objects.filter(
        mottagare=user, skapad__gte=timezone.now() - timedelta(days=PAMINNELSER_DAGAR)
    ).order_by("-skapad", "pk")[:limit]


def utskick_ej_skickade(*, limit: int = 200):
    """Mail not sent yet, with the attempts and the last error, oldest first."""
    return Utskick.objects.filter(skickat__isnull=True).order_by("skapad")[:limit]


def utskick_for(ids) -> list[Utskick]:
    return list(Utskick.objects.filter(pk__in=[i for i in ids if i]))


def jobbkon_lage() -> dict[str, int]:
    """How many jobs failed for good and how many messages wait (the kansli's start page)."""
    return {
        "misslyckade": ProcrastinateJob.objects.filter(status="failed").count(),
        "ej_skickade": Utskick.objects.filter(skickat__isnull=True).count(),
    }
