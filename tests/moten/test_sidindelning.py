"""The long lists page (keyset pagination, forbund.sidindelning): /api/beslut, /api/protokoll,
the anslagstavla's archive, the beslutsregister and the insatser overview. Paged through to
the end at ten years of generated meetings, every item is seen exactly once, in the list's
order; every page asks the same number of queries; a cursor that cannot be read is a Swedish
400. The beslutsregister's search runs on the stored, indexed `sokvektor`."""

import base64
import json
import re
from html import unescape

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from devtools import skala
from forbund import sidindelning as sid
from forbund.models import Person
from insatser.models import Insats
from moten import selectors, services
from moten.models import AttSats, Protokoll

from ..conftest import client_for

# Ten years of board meetings (fewer per year than `make bench`'s, so the suite stays fast),
# and enough insatser for the overview to have a second page.
TIO_AR = skala.Storlek(
    ar=10, moten_per_ar=6, paragrafer=6, insatser=60, svar=300, transaktioner=2_000, sista_ar=2018
)


@pytest.fixture
def tio_ar(hela_demot):
    skala.generera(storlek=TIO_AR, seed=19)


def _api_alla(klient, url: str, params: dict) -> tuple[list[dict], int]:
    """Every item of an API list, following `next` to the end; and the number of pages."""
    items, sidor = [], 0
    svar = klient.get(url, params)
    while True:
        assert svar.status_code == 200, svar.content
        data = svar.json()
        items += data["items"]
        sidor += 1
        assert len(data["items"]) <= sid.STORLEK
        if not data["next"]:
            assert "Link" not in svar
            return items, sidor
        assert len(data["items"]) == sid.STORLEK
        assert svar["Link"] == f'<{data["next"]}>; rel="next"'
        svar = klient.get(data["next"].removeprefix("http://testserver"))


def _nasta_lank(html: str) -> str | None:
    traff = re.search(r'<a class="page-link" href="([^"]+)" rel="next">Nästa sida</a>', html)
    return unescape(traff.group(1)) if traff else None


def _html_alla(klient, url: str, radmonster: str, *, efter: str = "") -> tuple[list, int]:
    """Every row of an HTML list (what `radmonster` finds after `efter`), following the
    "Nästa sida" links to the end; and the number of pages."""
    rader, sidor, adress = [], 0, url
    while adress:
        svar = klient.get(adress)
        assert svar.status_code == 200
        html = svar.content.decode()
        del_ = html.split(efter, 1)[1] if efter else html
        rader += re.findall(radmonster, del_)
        sidor += 1
        lank = _nasta_lank(html)
        adress = (url.split("?")[0] + lank.split("#")[0]) if lank else None
    return rader, sidor


def test_api_beslut_pages_through_ten_years_seeing_each_decision_once(tio_ar):
    klient = client_for("anonym")
    items, sidor = _api_alla(klient, "/api/beslut", {})
    alla = list(
        selectors.beslutsregister().order_by(*(n.order_by() for n in selectors.BESLUT_ORDNING))
    )
    assert len(alla) > 5 * sid.STORLEK and sidor == -(-len(alla) // sid.STORLEK)
    assert len(items) == len(alla)
    sedda = [(i["utdrag_pdf"], i["att"]) for i in items]
    vantade = [
        (
            "http://testserver" + reverse("protokollsutdrag_pdf", args=[a.paragraf_id]),
            f"Att {a.text}",
        )
        for a in alla
    ]
    assert sedda == vantade  # each once, newest first, in the protocols' order
    datum = [i["sammantradesdatum"] for i in items]
    assert datum == sorted(datum, reverse=True)
    assert {d[:4] for d in datum} >= {str(ar) for ar in range(2009, 2019)}


def test_api_beslut_search_pages_by_rank_and_keeps_the_filters(tio_ar):
    klient = client_for("anonym")
    items, sidor = _api_alla(klient, "/api/beslut", {"q": "bevilja", "ar": 2015})
    vantade = selectors.beslutsregister(q="bevilja", ar=2015)
    assert sidor >= 1 and len(items) == vantade.count() > 0
    assert all(i["sammantradesdatum"].startswith("2015") for i in items)
    assert all("<mark>bevilja</mark>" in i["att_markerad"].lower() for i in items)
    # Across the ten years: more than a page, each match once, the best first.
    items, sidor = _api_alla(klient, "/api/beslut", {"q": "bevilja"})
    alla = selectors.beslutsregister(q="bevilja")
    assert sidor > 1 and len(items) == alla.count()
    assert len({(i["utdrag_pdf"], i["att"], i["sammantradesdatum"]) for i in items}) == len(
        {(a.paragraf_id, a.text, a.paragraf.protokoll.mote.datum) for a in alla}
    )


def test_small_pages_over_ties_in_rank_and_date_skip_nothing(tio_ar):
    """Pages of 7 cut through clauses of equal rank, meetings of the same day and clauses of
    one paragraph: the keyset still gives every row exactly once."""
    for q in ("", "bevilja", "handlingarna"):
        sedda, markor, sidor = [], None, 0
        while True:
            sida = selectors.beslutsregister_sida(q=q, markor=markor, storlek=7)
            sedda += [a.pk for a in sida.rader]
            sidor += 1
            if not sida.nasta:
                break
            assert sida.nummer == sidor
            markor = sida.nasta
        alla = set(selectors.beslutsregister(q=q).values_list("pk", flat=True))
        assert len(sedda) == len(set(sedda)) == len(alla) and set(sedda) == alla, q
        assert sidor > 3


def test_api_protokoll_and_the_archive_page_through_every_justerat_protocol_once(tio_ar):
    justerade = list(
        Protokoll.objects.filter(status=Protokoll.Status.JUSTERAT)
        .order_by("-mote__datum", "-mote_id")
        .values_list("pk", flat=True)
    )
    assert len(justerade) > sid.STORLEK
    items, sidor = _api_alla(client_for("anonym"), "/api/protokoll", {})
    assert [p["id"] for p in items] == justerade and sidor == 2
    assert all(re.fullmatch(r"§ \d+–\d+", p["paragrafer"]) for p in items)
    arkiv, sidor = _html_alla(
        client_for("anonym"),
        reverse("anslagstavla"),
        r'<a href="/anslagstavla/protokoll/(\d+)/">Läs',
        efter='id="arkiv"',
    )
    assert [int(pk) for pk in arkiv] == justerade and sidor == 2


def test_the_beslutsregister_pages_with_its_search_in_the_links(tio_ar):
    klient = client_for("ledamot")
    url = reverse("beslutsregister") + "?q=handlingarna&ar="
    rader, sidor = _html_alla(
        klient, url, r'<td data-etikett="Beslut"><strong>Att</strong> (.*?)</td>'
    )
    assert sidor > 1 and len(rader) == selectors.beslutsregister(q="handlingarna").count()
    assert all("<mark>handlingarna</mark>" in r for r in rader)
    andra = klient.get(reverse("beslutsregister") + _nasta_lank(klient.get(url).content.decode()))
    html = andra.content.decode()
    assert 'aria-label="Sidor i beslutsregistret"' in html and "Sida 2" in html
    assert 'href="?q=handlingarna&amp;ar=">Första sidan' in html


def test_the_insatser_overview_pages_by_name_and_by_figures(tio_ar):
    klient = client_for("ordforande")
    synliga = Insats.objects.count()
    assert synliga > sid.STORLEK
    monster = r'<td><a href="/insatser/(\d+)/">'
    for sort in ("namn", "deltagare", "beviljat"):
        rader, sidor = _html_alla(klient, reverse("insats_list") + f"?sort={sort}", monster)
        assert sidor == 2 and len(rader) == len(set(rader)) == synliga, sort
    # By name, the database pages: the second page asks what the first asked.
    forsta = reverse("insats_list")
    html = klient.get(forsta).content.decode()
    andra = forsta + _nasta_lank(html)
    assert _fragor(klient, forsta) == _fragor(klient, andra)


def _fragor(klient, url: str) -> int:
    klient.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert klient.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_every_page_asks_the_same_number_of_queries_at_both_sizes(hela_demot):
    def rakna():
        ut = {}
        for namn, persona, url in (
            ("api_beslut", "anonym", "/api/beslut"),
            ("api_sok", "anonym", "/api/beslut?q=bevilja"),
            ("api_protokoll", "anonym", "/api/protokoll"),
            ("arkiv", "anonym", reverse("anslagstavla")),
            ("register", "ledamot", reverse("beslutsregister")),
            ("register_sok", "ledamot", reverse("beslutsregister") + "?q=bevilja"),
        ):
            klient = client_for(persona)
            ut[namn] = _fragor(klient, url)
            if url.startswith("/api/"):
                nasta = klient.get(url).json()["next"]
            else:
                lank = _nasta_lank(klient.get(url).content.decode())
                nasta = lank and url.split("?")[0] + lank
            if nasta:
                ut[namn + "_sida2"] = _fragor(klient, nasta.removeprefix("http://testserver"))
        return ut

    skala.generera(storlek=skala.LITEN, seed=7)
    fore = rakna()
    skala.generera(storlek=TIO_AR, seed=19)
    efter = rakna()
    for namn, antal in efter.items():
        assert antal == fore.get(namn, efter[namn.removesuffix("_sida2")]), namn


def _markor(data) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


TRASIGA = [
    "x",
    "!!!",
    "%00",
    _markor([1, 2]),
    _markor({"s": 2}),
    _markor({"s": 2, "k": ["2020-01-01"]}),
    _markor({"s": 2, "k": ["2020-13-01", 5, 1, 1, 1]}),
    _markor({"s": 2, "k": ["2020-01-01", "5", 1, 1, 1]}),
    _markor({"s": 2, "k": ["2020-01-01", 10**30, 1, 1, 1]}),
    _markor({"s": 0, "k": ["2020-01-01", 5, 1, 1, 1]}),
    base64.urlsafe_b64encode(b'{"s":2,"k":[NaN,"2020-01-01",5,1,1,1]}').decode(),
    base64.urlsafe_b64encode(b"\xff\xfe").decode(),
    "A" * 5000,
]


@pytest.mark.parametrize("markor", TRASIGA)
def test_a_cursor_that_cannot_be_read_is_a_swedish_400(moten, markor):
    for persona, url in (
        ("anonym", "/api/beslut"),
        ("anonym", "/api/beslut?q=bevilja"),
        ("anonym", "/api/protokoll"),
        ("anonym", reverse("anslagstavla")),
        ("ledamot", reverse("beslutsregister")),
        ("ledamot", reverse("beslutsregister") + "?q=bevilja"),
        ("ordforande", reverse("insats_list")),
        ("ordforande", reverse("insats_list") + "?sort=deltagare"),
    ):
        svar = client_for(persona).get(url, {"efter": markor})
        assert svar.status_code == 400, (url, svar.status_code)
        text = svar.json()["detail"] if url.startswith("/api/") else svar.content.decode()
        assert "Sidmarkören i adressen kan inte läsas" in text, url


def test_a_cursor_of_another_list_is_a_400_too(moten):
    # The archive's cursor (date, id) on the beslutsregister (five keys) and the search.
    arkiv = sid.koda(2, ["2021-11-26", 5])
    for url in ("/api/beslut", "/api/beslut?q=bevilja", reverse("beslutsregister")):
        persona = "ledamot" if url.startswith("/beslut") else "anonym"
        assert client_for(persona).get(url, {"efter": arkiv}).status_code == 400


def test_the_search_uses_the_stored_vector_through_its_gin_index(tio_ar):
    """The index matches what the search asks (the stored column @@ the query): with
    sequential scans priced out, PostgreSQL reaches the rows through it. (Whether it prefers
    the index on its own depends on the table's size: at the ten years of `make bench`,
    16 000 clauses, it does; at the few hundred here a scan is cheaper.)"""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE moten_attsats")
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = AttSats.objects.filter(
        sokvektor=SearchQuery("bevilja", config="swedish", search_type="websearch")
    ).explain()
    assert "attsats_sokvektor_gin" in plan, plan


def test_the_stored_vector_follows_the_text_and_headlines_escape_it(moten):
    """A clause changed before justering (an UPDATE, as the editor saves it) is found by its
    new words once justerat: PostgreSQL recomputed the stored vector. What it says is shown
    as text, only the highlighting is markup."""
    protokoll = moten.numrerat.protokoll
    paragraf = services.paragraf_create(
        actor=None, protokoll=protokoll, rubrik="Ansökan", beslut=["bevilja medel"]
    )
    AttSats.objects.filter(paragraf=paragraf).update(
        text='<script>alert("x")</script> bevilja <b>fjärilshuset</b> medel'
    )
    for username in ("ordforande", "ledamot"):
        services.protokoll_justera(
            actor=None, protokoll=protokoll, person=Person.objects.get(user__username=username)
        )
    html = client_for("ledamot").get(reverse("beslutsregister"), {"q": "fjärilshuset"})
    html = html.content.decode()
    assert "<script>alert" not in html and "<b>" not in html
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; bevilja "
        "&lt;b&gt;<mark>fjärilshuset</mark>&lt;/b&gt; medel"
    ) in html
    (item,) = client_for("anonym").get("/api/beslut", {"q": "fjärilshuset"}).json()["items"]
    assert item["att"].startswith('Att <script>alert("x")')  # the plain text, as stored
    assert (
        "&lt;script&gt;" in item["att_markerad"]
        and "<mark>fjärilshuset</mark>" in item["att_markerad"]
    )


def test_the_schema_documents_the_pages(demo):
    schema = client_for("anonym").get("/api/openapi.json").json()
    for vag, sida in (("/api/beslut", "BeslutSida"), ("/api/protokoll", "ProtokollSida")):
        operation = schema["paths"][vag]["get"]
        assert "efter" in {p["name"] for p in operation["parameters"]}
        assert "Link" in operation["responses"]["200"]["headers"]
        assert operation["responses"]["400"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/FelOut"
        }
        egenskaper = schema["components"]["schemas"][sida]["properties"]
        assert {"items", "next"} <= set(egenskaper)


def test_a_client_chooses_the_page_size_and_next_keeps_it(tio_ar):
    """`antal` (1–200) sets the page size; the next link keeps it, and small pages through
    /api/protokoll and /api/beslut see the same items, in the same order, as the default."""
    klient = client_for("anonym")
    for url, params in (("/api/protokoll", {}), ("/api/beslut", {"q": "bevilja"})):
        storsta = klient.get(url, {**params, "antal": 200}).json()
        assert len(storsta["items"]) == 200 or storsta["next"] is None
        alla, _ = _api_alla(klient, url, params)
        sma, svar = [], klient.get(url, {**params, "antal": 7})
        while True:
            data = svar.json()
            assert len(data["items"]) <= 7
            sma += data["items"]
            if not data["next"]:
                break
            assert "antal=7" in data["next"]
            svar = klient.get(data["next"].removeprefix("http://testserver"))
        assert sma == alla
    for fel in ("0", "201", "-3"):
        svar = klient.get("/api/protokoll", {"antal": fel})
        assert svar.status_code == 422
        assert svar.json()["detail"] == "Antal per sida ska vara ett heltal mellan 1 och 200."
    assert klient.get("/api/beslut", {"antal": "många"}).status_code == 422
