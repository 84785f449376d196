"""The demo förbund: idempotent, and with no real person's name from the seeds."""

from django.core.management import call_command

from devtools.demo import PERSONER
from forbund.models import Forbund, Organ, Part, Person, Uppdrag

# People named in the seed documents (public records). None of them may be in demo data.
REAL_NAMES_IN_SEEDS = [
    "Nordenö",
    "Väst",
    "Samnegård",
    "Burman",
    "Kempe",
    "Pettersson",
    "Jan Andersson",
    "Ulander",
    "Sondell",
    "Gillow",
    "Frisk",
    "Windstam",
    "Therese Persson",
    "Lillemor Larsson",
]


def test_load_demo_is_idempotent(db, capsys, settings, tmp_path):
    from ekonomi.models import Budgetpost
    from insatser.models import Beviljning, Insats
    from moten.models import Paragraf

    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo")

    def counts():
        return [
            m.objects.count()
            for m in (Forbund, Person, Uppdrag, Paragraf, Insats, Beviljning, Budgetpost)
        ]

    first = counts()
    # Every app's demo is loaded by the one command `make run` uses.
    assert all(n > 0 for n in first), first
    call_command("load_demo")
    assert counts() == first
    out = capsys.readouterr().out
    assert "redan ett förbund" in out
    assert "forbundschef" in out and "demo-sundsvall-2022" in out


def test_demo_is_sundsvall_with_four_parter_and_invented_people(demo):
    forbund = Forbund.objects.get()
    assert forbund.namn == "Samordningsförbundet Sundsvall"
    assert sorted(Part.objects.values_list("namn", flat=True)) == [
        "Arbetsförmedlingen",
        "Försäkringskassan",
        "Region Västernorrland",
        "Sundsvalls kommun",
    ]
    styrelsen = Organ.objects.get(typ=Organ.Typ.STYRELSE)
    aktiva = styrelsen.uppdrag.aktiva()
    # One ordinarie ledamot and one ersättare per part.
    assert aktiva.filter(roll="ersattare").count() == 4
    assert aktiva.exclude(roll="ersattare").count() == 4
    assert Organ.objects.filter(typ=Organ.Typ.SAMVERKANSRAD).exists()
    names = [f"{p.fornamn} {p.efternamn}" for p in PERSONER]
    for real in REAL_NAMES_IN_SEEDS:
        assert not any(real in name for name in names), real
    for person in Person.objects.all():
        assert person.epost.endswith("@example.org")
