"""Budget versions: medelstilldelning split as FINSAM says, posts from grants, fastställd
versions locked, revisions as new versions."""

import pytest
from django.urls import reverse

from ekonomi import services
from ekonomi.models import Budgetrad, Budgetversion

from ..conftest import client_for


def test_medelstilldelning_of_the_seed(ekonomi):
    # Seed 003: state 3 689 000 kr, region 1 844 500 kr, Sundsvalls kommun 1 844 500 kr.
    fordelning = [
        (getattr(p, "namn", p), b) for p, b in services.medelstilldelning_fordelning(3_689_000)
    ]
    assert fordelning == [
        ("stat", 3_689_000),
        ("Region Västernorrland", 1_844_500),
        ("Sundsvalls kommun", 1_844_500),
    ]
    assert sum(b for _p, b in fordelning) == 7_378_000


def test_faststalld_budget_is_locked_and_revised_as_a_new_version(ekonomi, moten):
    kansli = client_for("forbundschef")
    faststalld = Budgetversion.objects.get(ar__ar=2021, nummer=1)
    url = reverse("ekonomi_budget", args=[2021])
    post = faststalld.rader.first().post
    response = kansli.post(
        url, {"version": faststalld.pk, "atgard": "spara", f"belopp_{post.pk}": "1"}, follow=True
    )
    assert "En fastställd budget ändras inte. Gör en ny version." in response.content.decode()
    assert Budgetrad.objects.get(version=faststalld, post=post).belopp != 1

    kansli.post(url, {"version": faststalld.pk, "atgard": "ny_version"})
    ny = Budgetversion.objects.get(ar__ar=2021, nummer=2)
    assert ny.status == "forslag" and ny.rader.count() == faststalld.rader.count()
    kansli.post(
        url,
        {
            "version": ny.pk,
            "atgard": "spara",
            f"belopp_{post.pk}": "4000000",
            f"plan1_{post.pk}": "4100000",
        },
    )
    rad = Budgetrad.objects.get(version=ny, post=post)
    assert (rad.belopp, rad.plan1) == (4_000_000, 4_100_000)
    bad = kansli.post(
        url,
        {
            "version": ny.pk,
            "atgard": "spara",
            f"belopp_{post.pk}": "fyra",
            f"plan2_{post.pk}": "-5",
        },
    )
    # Both errors at once, on the page, tied to their fields, what was typed kept; nothing saved.
    html = bad.content.decode()
    assert bad.status_code == 422 and 'id="formfel"' in html
    namn = post.visningsnamn
    assert f'<a href="#b{post.pk}">{namn}: belopp skrivs i hela kronor.</a>' in html
    assert f'<a href="#p2{post.pk}">{namn}: beloppet kan inte vara negativt.</a>' in html
    assert (
        f'name="belopp_{post.pk}" value="fyra" aria-invalid="true" '
        f'aria-describedby="b{post.pk}_error"' in html
    )
    assert Budgetrad.objects.get(version=ny, post=post).belopp == 4_000_000
    # Reports compare against the fastställd version until the revision is fastställd too.
    from ekonomi import selectors

    assert selectors.budgetversion(2021) == faststalld
    paragraf = moten.justerat.paragrafer.get(nummer=168)
    kansli.post(url, {"version": ny.pk, "atgard": "faststall", "paragraf": paragraf.pk})
    ny.refresh_from_db()
    assert ny.status == "faststalld" and ny.paragraf == paragraf
    assert selectors.budgetversion(2021) == ny
    page = client_for("ledamot").get(reverse("ekonomi_uppfoljning", args=[2021])).content.decode()
    assert "version 2, fastställd i § 168" in page
    assert (
        client_for("ledamot").post(url, {"version": ny.pk, "atgard": "ny_version"}).status_code
        == 403
    )


def test_insatsposter_from_the_grants(ekonomi):
    from ekonomi.models import Budgetpost, Verksamhetsar

    va = Verksamhetsar.objects.get(ar=2022)
    version = services.budgetversion_create(actor=None, verksamhetsar=va, namn="Reviderad 2022")
    antal = services.insatsposter_from_beviljningar(actor=None, version=version)
    # Every insats granted money for 2022: the seven decisions of § 161–167 and the demo's
    # Rehabvägledare, granted in February 2022.
    assert antal == 8
    sip = Budgetpost.objects.get(insats__namn="SIP-samordnare Arbetsmarknadstorget")
    assert version.rader.get(post=sip).belopp == 645_000
    fk = Budgetpost.objects.get(insats__namn="Försäkringsutredare Arbetsmarknadstorget")
    assert version.rader.get(post=fk).belopp == 162_661 + 30_000
    with pytest.raises(services.Fel):
        version.status = "faststalld"
        version.save()
        services.insatsposter_from_beviljningar(actor=None, version=version)
