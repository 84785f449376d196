"""What is approved stays approved, in the database (issue 18): an approved statistics period
and its rows, an approved årsrapport, an approved verksamhetsrapport and its sections, an
attested or paid payment and an adopted signaturlista with its names refuse every change,
through the ORM, the admin, a form and raw SQL.

The raw SQL runs as the portal's production role (`forbund_app`, set up by forbund/roller.py in
the test cluster), which owns no table: it cannot disable, drop or replace a lock trigger,
cannot TRUNCATE, cannot silence triggers with session_replication_role, and pgtrigger's ignore
switch does nothing (no lock asks it: forbund/sparr.py). Every lock trigger of every app is
tried so (moten's protocol locks included)."""

import datetime as dt

import psycopg
import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from psycopg import errors

from insatser import selectors as insats_selectors
from insatser import services as insats_services
from insatser.models import Arsrapport, Beviljning, Insats, Period, Statistikrad, Utbetalning
from moten.models import Paragraf
from rapporter import services as rapport_services
from rapporter.models import Rapportavsnitt, Verksamhetsrapport

from .approll import APP, skapa_approll, som_approll
from .conftest import client_for

# Every table whose rows a lock trigger guards. moten's protocol locks (issue 14) are named
# by table too, so they are tried here whatever their triggers are called.
LASTA_TABELLER = {
    "insatser_period",
    "insatser_statistikrad",
    "insatser_arsrapport",
    "insatser_utbetalning",
    "insatser_signaturlista",
    "insatser_signaturlista_attestanter",
    "ekonomi_verksamhetsrapport",
    "ekonomi_rapportavsnitt",
    "moten_protokoll",
    "moten_paragraf",
    "moten_attsats",
    "moten_jav",
    "moten_justering",
    "moten_narvaro",
    "moten_mote",
}


def _anvandare(namn):
    return get_user_model().objects.get(username=namn)


def _godkant(kansli=None):
    """An approved period (the demo's), årsrapport, verksamhetsrapport and a paid payment."""
    kansli = kansli or _anvandare("forbundschef")
    sip = Insats.objects.get(namn="SIP-samordnare Arbetsmarknadstorget")
    period = Period.objects.get(insats=sip, status=Period.Status.GODKAND)
    paragraf = Paragraf.objects.get(protokoll__mote__datum=dt.date(2022, 1, 21), nummer=5)
    rapport = insats_services.arsrapport_save(
        actor=kansli, insats=sip, ar=2021, verksamhet="Året", resultat="Bra", framat="Vidare"
    )
    insats_services.arsrapport_lamna_in(actor=kansli, rapport=rapport)
    insats_services.arsrapport_godkann(actor=kansli, rapport=rapport, paragraf=paragraf)
    vr = Verksamhetsrapport.objects.get(typ="arsredovisning")
    rapport_services.verksamhetsrapport_godkann(actor=kansli, rapport=vr, paragraf=paragraf)
    beviljning = Beviljning.objects.filter(insats=sip, ar=2022).get()
    delbetalning = beviljning.betalplan.order_by("ordning").first()
    insats_services.delbetalning_utlos(actor=kansli, delbetalning=delbetalning)
    betald = insats_services.utbetalning_begar(
        actor=kansli, beviljning=beviljning, belopp=1000, delbetalning=delbetalning
    )
    insats_services.utbetalning_attestera(actor=_anvandare("utvecklingsledare"), utbetalning=betald)
    insats_services.utbetalning_attestera(actor=_anvandare("ordforande"), utbetalning=betald)
    insats_services.utbetalning_utbetald(
        actor=kansli, utbetalning=betald, datum=timezone.localdate()
    )
    attesterad = insats_services.utbetalning_begar(
        actor=kansli, beviljning=beviljning, belopp=500, delbetalning=delbetalning
    )
    insats_services.utbetalning_attestera(
        actor=_anvandare("utvecklingsledare"), utbetalning=attesterad
    )
    insats_services.utbetalning_attestera(actor=_anvandare("ordforande"), utbetalning=attesterad)
    halv = insats_services.utbetalning_begar(
        actor=kansli, beviljning=beviljning, belopp=200, delbetalning=delbetalning
    )
    insats_services.utbetalning_attestera(actor=_anvandare("ordforande"), utbetalning=halv)
    return {
        "period": period.pk,
        "arsrapport": rapport.pk,
        "verksamhetsrapport": vr.pk,
        "betald": betald.pk,
        "attesterad": attesterad.pk,
        "halv": halv.pk,
        "signaturlista": insats_selectors.signaturlista_i_kraft(timezone.localdate()).pk,
    }


# (what, SQL, the word of the refusal) with %(…)s from _godkant.
RAW = [
    (
        "period tillbaka till utkast",
        "UPDATE insatser_period SET status = 'utkast' WHERE id = %(period)s",
        "Perioden",
    ),
    ("period bort", "DELETE FROM insatser_period WHERE id = %(period)s", "Perioden"),
    (
        "periodens rader ändrade",
        "UPDATE insatser_statistikrad SET totalt = totalt + 1 WHERE period_id = %(period)s",
        "Perioden",
    ),
    (
        "periodens rader bort",
        "DELETE FROM insatser_statistikrad WHERE period_id = %(period)s",
        "Perioden",
    ),
    (
        "en rad till i perioden",
        "INSERT INTO insatser_statistikrad (period_id, tabell, kategori, totalt, kvinnor, man, manader) "
        "VALUES (%(period)s, 'kommun', 'Timrå kommun', 1, 1, 0, 0)",
        "Perioden",
    ),
    (
        "en rad flyttad in i perioden",
        "UPDATE insatser_statistikrad SET period_id = %(period)s WHERE period_id <> %(period)s",
        "Perioden",
    ),
    (
        "årsrapporten ändrad",
        "UPDATE insatser_arsrapport SET resultat = 'x' WHERE id = %(arsrapport)s",
        "Årsrapporten",
    ),
    (
        "årsrapporten bort",
        "DELETE FROM insatser_arsrapport WHERE id = %(arsrapport)s",
        "Årsrapporten",
    ),
    (
        "verksamhetsrapporten ändrad",
        "UPDATE ekonomi_verksamhetsrapport SET status = 'utkast' WHERE id = %(verksamhetsrapport)s",
        "Verksamhetsrapporten",
    ),
    (
        "verksamhetsrapporten bort",
        "DELETE FROM ekonomi_verksamhetsrapport WHERE id = %(verksamhetsrapport)s",
        "Verksamhetsrapporten",
    ),
    (
        "dess text ändrad",
        "UPDATE ekonomi_rapportavsnitt SET text = 'x' WHERE rapport_id = %(verksamhetsrapport)s",
        "Verksamhetsrapporten",
    ),
    (
        "dess text bort",
        "DELETE FROM ekonomi_rapportavsnitt WHERE rapport_id = %(verksamhetsrapport)s",
        "Verksamhetsrapporten",
    ),
    (
        "betald utbetalning ändrad",
        "UPDATE insatser_utbetalning SET belopp = 1 WHERE id = %(betald)s",
        "Utbetalningen",
    ),
    (
        "betald utbetalning ogjord",
        "UPDATE insatser_utbetalning SET status = 'attesterad', utbetald = NULL WHERE id = %(betald)s",
        "Utbetalningen",
    ),
    (
        "betald utbetalning bort",
        "DELETE FROM insatser_utbetalning WHERE id = %(betald)s",
        "Utbetalningen",
    ),
    (
        "attesterad utbetalning, annat belopp",
        "UPDATE insatser_utbetalning SET belopp = 1 WHERE id = %(attesterad)s",
        "Utbetalningen",
    ),
    (
        "attesterad utbetalning, attest bort",
        "UPDATE insatser_utbetalning SET status = 'begard', attest2_av_id = NULL, attest2 = NULL WHERE id = %(attesterad)s",
        "Utbetalningen",
    ),
    (
        "attesterad utbetalning bort",
        "DELETE FROM insatser_utbetalning WHERE id = %(attesterad)s",
        "Utbetalningen",
    ),
    (
        "halvattesterad, annat belopp",
        "UPDATE insatser_utbetalning SET belopp = 1 WHERE id = %(halv)s",
        "Utbetalningen",
    ),
    (
        "antagen signaturlista ändrad",
        "UPDATE insatser_signaturlista SET giltig_fran = giltig_fran - 1 WHERE id = %(signaturlista)s",
        "Signaturlistan är antagen",
    ),
    (
        "antagen signaturlista inte antagen längre",
        "UPDATE insatser_signaturlista SET antagen = NULL WHERE id = %(signaturlista)s",
        "Signaturlistan är antagen",
    ),
    (
        "antagen signaturlista bort",
        "DELETE FROM insatser_signaturlista WHERE id = %(signaturlista)s",
        "Signaturlistan är antagen",
    ),
    (
        "ett namn till på antagen signaturlista",
        "INSERT INTO insatser_signaturlista_attestanter (signaturlista_id, person_id) "
        "SELECT %(signaturlista)s, id FROM forbund_person WHERE id NOT IN (SELECT person_id "
        "FROM insatser_signaturlista_attestanter WHERE signaturlista_id = %(signaturlista)s) LIMIT 1",
        "Signaturlistan är antagen",
    ),
    (
        "ett namn bort från antagen signaturlista",
        "DELETE FROM insatser_signaturlista_attestanter WHERE signaturlista_id = %(signaturlista)s",
        "Signaturlistan är antagen",
    ),
    (
        "ett namn bytt på antagen signaturlista",
        "UPDATE insatser_signaturlista_attestanter SET person_id = (SELECT max(id) FROM forbund_person) "
        "WHERE signaturlista_id = %(signaturlista)s",
        "Signaturlistan är antagen",
    ),
    (
        "signaturlista ur ett protokoll som inte är justerat",
        "INSERT INTO insatser_signaturlista (paragraf_id, giltig_fran, antagen) "
        "SELECT p.id, now(), now() FROM moten_paragraf p JOIN moten_protokoll r ON r.id = p.protokoll_id "
        "WHERE r.status <> 'justerat' LIMIT 1",
        "justerat protokoll",
    ),
    (
        "halvattesterad, annan attestant",
        "UPDATE insatser_utbetalning SET attest1_av_id = begard_av_id + 0 WHERE id = %(halv)s",
        "Utbetalningen",
    ),
]


@pytest.mark.parametrize("vad,sql,ord_", RAW, ids=[r[0] for r in RAW])
def test_raw_sql_is_refused_in_the_database(seed_moten, vad, sql, ord_):
    ids = _godkant()
    with (
        pytest.raises(IntegrityError, match=ord_),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, ids)


def test_what_is_not_approved_can_still_change(seed_moten):
    ids = _godkant()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE insatser_utbetalning SET status = 'utbetald', utbetald = now() WHERE id = %(attesterad)s",
            ids,
        )
    assert Utbetalning.objects.get(pk=ids["attesterad"]).status == "utbetald"
    # The service still records a payment as paid: the one change an attested one allows.
    utkast = insats_services.period_create(
        actor=None,
        insats=Insats.objects.get(namn="SIP-samordnare Arbetsmarknadstorget"),
        fran=dt.date(2022, 5, 1),
        till=dt.date(2022, 8, 31),
    )
    Statistikrad.objects.create(period=utkast, tabell="deltagare", kategori="Aktiva", totalt=1)
    Statistikrad.objects.filter(period=utkast).update(totalt=2)


def test_the_orm_and_the_admin_are_refused(seed_moten):
    ids = _godkant()
    period = Period.objects.get(pk=ids["period"])
    period.status = Period.Status.UTKAST
    with pytest.raises(IntegrityError, match="Perioden är godkänd"), transaction.atomic():
        period.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        Arsrapport.objects.filter(pk=ids["arsrapport"]).update(resultat="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        Rapportavsnitt.objects.filter(rapport_id=ids["verksamhetsrapport"]).delete()
    # The admin shows the approved period read-only and refuses a crafted POST.
    kansli = client_for("forbundschef")
    url = reverse("admin:insatser_period_change", args=[ids["period"]])
    svar = kansli.post(url, {"status": "utkast", "fran": "2022-01-01", "till": "2022-04-30"})
    assert svar.status_code == 403
    assert Period.objects.get(pk=ids["period"]).status == Period.Status.GODKAND


def test_a_lock_reached_from_a_view_is_a_swedish_409(seed_moten, rf):
    """Whatever path meets a lock (here: a view that would save past its service) gets the
    trigger's message and 409, not a 500."""
    from forbund.middleware import LasSom409

    ids = _godkant()
    request = rf.get("/")
    request.user = _anvandare("forbundschef")
    try:
        with transaction.atomic():
            Period.objects.filter(pk=ids["period"]).update(status="utkast")
    except IntegrityError as exc:
        svar = LasSom409(lambda r: None).process_exception(request, exc)
    assert svar.status_code == 409
    assert "Perioden är godkänd och låst" in svar.content.decode()


# --- As the portal's production role --------------------------------------------------------

FORBJUDET = errors.InsufficientPrivilege.sqlstate  # 42501


def _kor(conn, sql, params=None):
    try:
        conn.execute(sql, params)
    except psycopg.Error as exc:
        return exc.sqlstate
    return None


def _las_triggrar(conn) -> list[tuple[str, str, str]]:
    """(table, trigger, function) of every trigger on the portal's tables."""
    return conn.execute(
        "SELECT c.relname, t.tgname, p.proname FROM pg_trigger t "
        "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_proc p ON p.oid = t.tgfoid "
        "WHERE NOT t.tgisinternal AND n.nspname = 'public' ORDER BY 1, 2"
    ).fetchall()


@pytest.mark.django_db(transaction=True)
def test_the_portals_own_role_cannot_change_or_unlock_what_is_approved(seed_moten):
    ids = _godkant()
    skapa_approll()
    with som_approll() as conn:
        roll = conn.execute(
            "SELECT rolsuper, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = current_user"
        ).fetchone()
        assert roll == (False, False, False)
        assert (
            conn.execute(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = current_user"
            ).fetchone()[0]
            == 0
        )
        # It reads and writes rows like the portal does.
        assert conn.execute("SELECT count(*) FROM insatser_period").fetchone()[0] >= 1
        assert _kor(conn, "UPDATE forbund_person SET titel = titel") is None

        triggrar = _las_triggrar(conn)
        assert {t for t, _n, _f in triggrar} >= LASTA_TABELLER, triggrar
        pgid = [n for _t, n, _f in triggrar]

        # No lock function asks pgtrigger's ignore switch (forbund/sparr.py)...
        kallor = conn.execute(
            "SELECT p.proname, p.prosrc FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid "
            "WHERE NOT t.tgisinternal"
        ).fetchall()
        assert kallor and not [n for n, src in kallor if "ignore" in src], kallor
        # ...so every refusal holds, also with that switch set to every trigger.
        for ignorera in (None, "{" + ",".join(pgid) + "}"):
            if ignorera:
                conn.execute("SELECT set_config('pgtrigger.ignore', %s, false)", [ignorera])
            for vad, sql, _ord in RAW:
                assert _kor(conn, sql, ids) == "23001", f"{vad} gick igenom som {APP}"

        # Nothing lifts a lock.
        for tabell, namn, funktion in triggrar:
            for sql in (
                f'ALTER TABLE "{tabell}" DISABLE TRIGGER "{namn}"',
                f'ALTER TABLE "{tabell}" DISABLE TRIGGER ALL',
                f'DROP TRIGGER "{namn}" ON "{tabell}"',
                f'CREATE OR REPLACE FUNCTION "{funktion}"() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql',
                f'TRUNCATE "{tabell}" CASCADE',
                f'CREATE TRIGGER x BEFORE UPDATE ON "{tabell}" FOR EACH ROW EXECUTE FUNCTION "{funktion}"()',
            ):
                assert _kor(conn, sql) == FORBJUDET, f"{APP} fick köra: {sql}"
        for sql in (
            "SET session_replication_role = replica",
            "CREATE OR REPLACE FUNCTION public._pgtrigger_should_ignore(trigger_name NAME) "
            "RETURNS BOOLEAN AS $$ SELECT TRUE $$ LANGUAGE sql",
            f"ALTER ROLE {APP} SUPERUSER",
            "CREATE TABLE public.x (id int)",
            "ALTER TABLE insatser_period OWNER TO forbund_app",
        ):
            assert _kor(conn, sql) == FORBJUDET, f"{APP} fick köra: {sql}"

    # And the rows are as they were.
    assert Period.objects.get(pk=ids["period"]).status == Period.Status.GODKAND
    assert Utbetalning.objects.get(pk=ids["betald"]).status == Utbetalning.Status.UTBETALD
    assert Verksamhetsrapport.objects.get(pk=ids["verksamhetsrapport"]).status == "godkand"


def test_the_database_check_refuses_a_superuser_connection(db):
    """`manage.py check --database default` in production says so when the portal connects
    as a superuser (as the test suite does)."""
    from forbund.kontroller import portalens_roll

    fel = portalens_roll(databases=["default"])
    assert [f.id for f in fel] == ["forbund.E001"]


@pytest.mark.django_db(transaction=True)
def test_the_production_roles_migrate_and_serve(tmp_path):
    """The README's production set-up, end to end in the test cluster: a fresh database, the
    two roles from `manage.py databasroller`, every migration run by `manage.py migrate` as the
    owner (DATABASE_MIGRATION_URL, not a superuser), the deploy and database checks clean for
    the portal's role (DATABASE_URL), which can write rows but not lift a lock."""
    import subprocess
    import sys
    from urllib.parse import quote

    from psycopg import sql as psql

    from .server import ROOT

    s = connection.settings_dict
    namn = f"{s['NAME']}_roller"
    uttag = psql.Identifier(namn)
    with connection.cursor() as cursor:
        cursor.execute(psql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(uttag))
        cursor.execute(psql.SQL("CREATE DATABASE {}").format(uttag))
    try:

        def url(roll):
            return f"postgres://{roll}@{quote(s['HOST'], safe='')}:{s['PORT']}/{namn}"

        env = {
            k: v
            for k, v in __import__("os").environ.items()
            if k
            not in {
                "FORBUND_PGDATA",
                "FORBUND_PG_STOP_AT_EXIT",
                "DJANGO_SETTINGS_MODULE",
                "DJANGO_ALLOW_ASYNC_UNSAFE",
            }
        } | {
            "DJANGO_SETTINGS_MODULE": "forbund.settings.production",
            "SECRET_KEY": "test-roller-" + "k3y" * 20,
            "ALLOWED_HOSTS": "portal.example.org",
        }

        def manage(*args, **extra):
            return subprocess.run(  # noqa: S603
                [sys.executable, "manage.py", *args],
                cwd=ROOT,
                env=env | extra,
                capture_output=True,
                text=True,
                timeout=600,
            )

        roller = manage(
            "databasroller", "--agare", "forbund_agare", "--app", APP, "--databas", namn,
            "--utfor", DATABASE_URL=url(s["USER"]),
        )  # fmt: skip
        assert roller.returncode == 0, roller.stderr
        roller_url = {"DATABASE_URL": url(APP), "DATABASE_MIGRATION_URL": url("forbund_agare")}
        migrering = manage("migrate", "--noinput", **roller_url)
        assert migrering.returncode == 0, migrering.stderr[-3000:]
        kontroll = manage(
            "check", "--deploy", "--database", "default", "--fail-level", "WARNING", **roller_url
        )
        assert kontroll.returncode == 0, kontroll.stderr
        # As a superuser the database check refuses.
        superuser = manage(
            "check", "--deploy", "--database", "default", DATABASE_URL=url(s["USER"])
        )
        assert "forbund.E001" in superuser.stderr
        with psycopg.connect(
            host=s["HOST"], port=s["PORT"], user=APP, dbname=namn, autocommit=True
        ) as conn:
            ägare = conn.execute(
                "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
            assert ägare == [("forbund_agare",)]
            assert (
                _kor(
                    conn,
                    "INSERT INTO forbund_organ (forbund_id, namn, typ) SELECT 1, 'x', 'y' WHERE false",
                )
                is None
            )
            assert _kor(conn, "ALTER TABLE insatser_period DISABLE TRIGGER ALL") == FORBJUDET
            assert not conn.execute(
                "SELECT p.proname FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid "
                "WHERE NOT t.tgisinternal AND p.prosrc LIKE '%%ignore%%'"
            ).fetchall()
    finally:
        with connection.cursor() as cursor:
            cursor.execute(psql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(uttag))
