"""One shared link per round: only while open; one answer per browser by a signed cookie;
nothing about the browser or the person stored. QR codes on the printable list."""

import datetime as dt

from django.urls import reverse

from enkater import services
from enkater.models import Inkorg, Omgang, Svar

from ..conftest import client_for


def test_kansli_creates_the_shared_link_with_a_qr_code(enkat):
    kansli = client_for("forbundschef")
    response = kansli.post(reverse("omgang_detail", args=[enkat.pk]), {"atgard": "delad_skapa"})
    assert response.status_code == 302
    enkat.refresh_from_db()
    assert enkat.delad_kod and len(enkat.delad_kod) == 12
    html = kansli.get(reverse("omgang_detail", args=[enkat.pk])).content.decode()
    assert f"/e/alla/{enkat.delad_kod}/" in html
    assert 'src="data:image/svg+xml' in html and "QR-kod till den delade länken" in html
    assert "style=" not in html.split("<main", 1)[-1]  # the CSP forbids inline style


def test_one_answer_per_browser_and_nothing_that_identifies(enkat):
    services.delad_lank_create(actor=None, omgang=enkat)
    url = reverse("besvara_delad", args=[enkat.delad_kod])
    f1 = enkat.formular.fragor.get(nummer="1")
    browser = client_for("anonym")
    assert browser.get(url).status_code == 200
    response = browser.post(url, {f"f{f1.pk}": 5}, REMOTE_ADDR="10.9.8.7")
    assert response.status_code == 200 and "Tack för ditt svar!" in response.content.decode()
    kaka = response.cookies[f"enkat_{enkat.pk}"]
    assert kaka["httponly"] and kaka["samesite"] == "Strict"
    assert kaka["path"] == url
    assert "10.9.8.7" not in kaka.value and kaka.value.startswith("svarat:")
    # The same browser is refused, by GET and by POST; the answer is stored once.
    again = browser.get(url)
    assert again.status_code == 410 and "Du har redan svarat" in again.content.decode()
    assert browser.post(url, {f"f{f1.pk}": 1}).status_code == 410
    assert Inkorg.objects.filter(omgang=enkat).count() == 1
    services.inkorg_toem(omgang=enkat, min_antal=1)
    assert Svar.objects.filter(omgang=enkat).count() == 1
    svar = Svar.objects.get(omgang=enkat)
    assert (svar.kanal, svar.datum) == ("webb", dt.date.today())
    # Another browser (another phone) may answer.
    other = client_for("anonym")
    assert other.post(url, {f"f{f1.pk}": 3}).status_code == 200
    services.inkorg_toem(omgang=enkat, min_antal=1)
    assert Svar.objects.filter(omgang=enkat).count() == 2
    # A forged cookie is not trusted: it neither refuses nor breaks the page.
    forged = client_for("anonym")
    forged.cookies[f"enkat_{enkat.pk}"] = "svarat"
    assert forged.get(url).status_code == 200


def test_shared_link_only_while_open_and_only_while_it_exists(enkat):
    services.delad_lank_create(actor=None, omgang=enkat)
    kod = enkat.delad_kod
    Omgang.objects.filter(pk=enkat.pk).update(
        oppnar=dt.date.today() - dt.timedelta(days=10),
        stanger=dt.date.today() - dt.timedelta(days=1),
    )
    anonym = client_for("anonym")
    closed = anonym.get(reverse("besvara_delad", args=[kod]))
    assert closed.status_code == 410 and "Enkäten är stängd" in closed.content.decode()
    f1 = enkat.formular.fragor.get(nummer="1")
    assert anonym.post(reverse("besvara_delad", args=[kod]), {f"f{f1.pk}": 4}).status_code == 410
    assert not Svar.objects.filter(omgang=enkat).exists()
    assert not Inkorg.objects.filter(omgang=enkat).exists()
    client_for("forbundschef").post(
        reverse("omgang_detail", args=[enkat.pk]), {"atgard": "delad_stang"}
    )
    assert anonym.get(reverse("besvara_delad", args=[kod])).status_code == 404
    assert anonym.get(reverse("besvara_delad", args=["finnsinte"])).status_code == 404


def test_token_list_has_a_qr_code_per_link_and_prints(enkat, django_assert_max_num_queries):
    kansli = client_for("forbundschef")
    url = reverse("omgang_lankar", args=[enkat.pk])
    with django_assert_max_num_queries(40) as before:
        html = kansli.get(url).content.decode()
    assert html.count('src="data:image/svg+xml') == 3
    for token in enkat.tokens.all():
        assert f"/e/{token.kod}/" in html
    services.tokens_create(actor=None, omgang=enkat, antal=20)
    with django_assert_max_num_queries(len(before.captured_queries)):
        html = kansli.get(url).content.decode()
    assert html.count('src="data:image/svg+xml') == 23
    assert 'class="col-md-6 lapp' in html  # the print stylesheet keeps each slip whole


def test_a_self_rating_has_no_web_links(enkat):
    omgang = Omgang.objects.filter(tillfalle="in").first()
    kansli = client_for("forbundschef")
    response = kansli.post(
        reverse("omgang_detail", args=[omgang.pk]), {"atgard": "delad_skapa"}, follow=True
    )
    assert "inga webblänkar" in response.content.decode()
    omgang.refresh_from_db()
    assert omgang.delad_kod is None
    kansli.post(reverse("omgang_detail", args=[omgang.pk]), {"antal": 5})
    assert not omgang.tokens.exists()
