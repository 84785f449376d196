"""The paged lists in the browser, at ten years of meetings: "Nästa sida" is a plain link that
works with JavaScript turned off and keeps the search; the second page passes axe-core and
fits 320 px without scrolling sideways."""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect

from devtools import skala

from ..moten.test_sidindelning import TIO_AR
from .conftest import ny_kontext


def _context(browser, live_server, username: str | None, **kwargs):
    context = ny_kontext(browser, **kwargs)
    if username:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )
    return context


SIDOR = [
    # (who, first page, what must be on every page)
    (None, "/anslagstavla/", "Arkiv: justerade protokoll"),
    ("ledamot", "/beslut/?q=bevilja", "Beslut som matchar ”bevilja”"),
    ("ordforande", "/insatser/?sort=beviljat", "Insatser"),
]


def test_next_page_links_work_without_javascript_fit_320_px_and_pass_axe(
    browser, demo_live, axe_check
):
    skala.generera(storlek=TIO_AR, seed=19)
    for username, forsta, text in SIDOR:
        # Without JavaScript: the link is an ordinary link and the filters follow it.
        utan_js = _context(browser, demo_live, username, java_script_enabled=False)
        page = utan_js.new_page()
        page.goto(demo_live.url + forsta)
        nav = page.get_by_role("navigation", name=re.compile("^Sidor i "))
        expect(nav.get_by_text("Sida 1")).to_be_visible()
        nav.get_by_role("link", name="Nästa sida").click()
        expect(nav.get_by_text("Sida 2")).to_be_visible()
        expect(page.get_by_text(text).first).to_be_visible()
        andra = page.url
        assert "efter=" in andra and forsta.split("?")[-1].split("=")[0] in andra
        utan_js.close()

        # With JavaScript, on a phone: the second page fits and passes axe.
        context = _context(browser, demo_live, username, viewport={"width": 320, "height": 640})
        page = context.new_page()
        page.goto(andra)
        expect(page.get_by_role("navigation", name=re.compile("^Sidor i "))).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, andra
        axe_check(page)
        page.get_by_role("link", name="Första sidan").click()
        expect(page.get_by_text("Sida 1")).to_be_visible()
        context.close()
    assert len(axe_check.checked) == len(SIDOR)
