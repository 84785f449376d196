"""Every page fits the screen (WCAG 2.1 1.4.10 Reflow, with 1.4.4 and 1.4.12): each persona
opens every page of the permission matrix it may see, and the public pages are opened signed
out, at 320 CSS px (a phone, or 1 280 px at 400 % zoom), at 320 px with the text spacing of
1.4.12, at 640 px (200 % zoom) and at 1 280 px. The page must never scroll sideways; a wide
data table may scroll only inside its own region.

One browser, one context per persona: a page is loaded once and measured at each width by
resizing the viewport."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from ..conftest import PERSONAS
from ..sidor import sidor
from .conftest import ny_kontext

BREDDER = [(320, 640), (640, 800), (1280, 800)]

# WCAG 1.4.12: line height 1.5, paragraph spacing 2 × the font size, letter spacing 0.12 and
# word spacing 0.16 × the font size. Added as a constructed style sheet (the CSP forbids inline
# style, not the CSS object model), the way the W3C's text-spacing bookmarklet does.
TEXTAVSTAND = """() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return document.adoptedStyleSheets.length;
}"""
UTAN_TEXTAVSTAND = "() => { document.adoptedStyleSheets = []; }"

# The page's width, and what sticks out furthest when it is too wide (for the message).
MATT = """(bredd) => {
  const sw = document.documentElement.scrollWidth;
  let varst = "";
  if (sw > bredd) {
    let max = bredd;
    for (const el of document.body.querySelectorAll("*")) {
      let inuti = false;  // inside a region that scrolls or clips: not what widens the page
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== "visible") { inuti = true; break; }
      }
      if (inuti) continue;
      const r = el.getBoundingClientRect();
      if (r.right > max && r.width > 0) {
        max = r.right;
        varst = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
          + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : "");
      }
    }
  }
  return [sw, varst];
}"""


def _session(username: str) -> str:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def test_no_page_scrolls_sideways_at_320_or_1280_px(browser, live_server, enkat, settings):
    # `enkat`: the demo with its protocols, insatser, budget, the meetings in every state and
    # an open survey round (tests/conftest.py), on a copy of its own for the live server.
    brister, antal = [], 0
    for persona in PERSONAS:
        urls = sidor(persona)
        context = ny_kontext(browser, viewport={"width": 320, "height": 640})
        if persona != "anonym":
            context.add_cookies(
                [
                    {
                        "name": settings.SESSION_COOKIE_NAME,
                        "value": _session(persona),
                        "url": live_server.url,
                    }
                ]
            )
        page = context.new_page()
        page.set_default_timeout(15_000)
        for name, url in urls:
            page.set_viewport_size({"width": 320, "height": 640})
            response = page.goto(live_server.url + url)
            assert response.status == 200, (persona, name, url, response.status)
            if "text/html" not in response.headers.get("content-type", ""):
                continue
            antal += 1
            matningar = []
            for bredd, hojd in BREDDER:
                page.set_viewport_size({"width": bredd, "height": hojd})
                matningar.append((f"{bredd} px", bredd, *page.evaluate(MATT, bredd)))
                if bredd == 320:
                    page.evaluate(TEXTAVSTAND)
                    matningar.append(("320 px, 1.4.12", bredd, *page.evaluate(MATT, bredd)))
                    page.evaluate(UTAN_TEXTAVSTAND)
            for vad, bredd, sw, varst in matningar:
                if sw > bredd:
                    brister.append(f"{persona} {url} vid {vad}: {sw} px bred ({varst})")
        context.close()
    assert antal > 150
    assert brister == [], "\n".join(brister)
