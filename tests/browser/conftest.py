"""Browser suite: Playwright for Python driving Debian's Chromium against the live server.

On a machine without /usr/bin/chromium these tests skip with a message; with
FORBUND_BROWSER_TESTS=required (set by .ci/run) a missing Chromium fails the run instead.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("FORBUND_CHROMIUM", "/usr/bin/chromium"))
REQUIRED = os.environ.get("FORBUND_BROWSER_TESTS") == "required"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = (
            f"Chromium saknas ({CHROMIUM}): webbläsartesterna hoppas över. "
            "Installera med 'apt-get install chromium'."
        )
        if REQUIRED:
            pytest.fail(message.replace("hoppas över", "krävs (FORBUND_BROWSER_TESTS=required)"))
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the Django ORM calls the tests
    # make between browser steps are synchronous and safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def ny_kontext(browser, **kwargs):
    """Every browser context of the suite: Swedish, Stockholm time, and reduced motion, so
    Bootstrap drops its colour transitions and axe never measures a button halfway through
    fading to its hover colour (the pointer rests where the last click was, which is often on
    top of what htmx just swapped in; a phone context without it failed CI once)."""
    return browser.new_context(
        **{
            "locale": "sv-SE",
            "timezone_id": "Europe/Stockholm",
            "reduced_motion": "reduce",
            **kwargs,
        }
    )


@pytest.fixture
def page(browser):
    context = ny_kontext(browser)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def demo_live(transactional_db, live_server, settings, tmp_path, _demodatabaser):
    """The live server on a copy of the demo with its protocols, insatser, budget and every
    year up to today (built once per run, see tests/conftest.py), and a MEDIA_ROOT of this
    test's own holding the files the levels stored (the demo's handlingar)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    shutil.copytree(_demodatabaser.media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return live_server


@pytest.fixture
def seed_live(transactional_db, live_server, settings, tmp_path, _demodatabaser):
    """As `demo_live`, on the seeds' world alone (protocols of 2021 and January 2022, the
    insatser and the 2021 budget; see NIVAER in tests/conftest.py)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    shutil.copytree(_demodatabaser.media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return live_server


class AxeChecker:
    """Runs axe-core (WCAG 2.1 AA) on a page and remembers every URL it checked."""

    def __init__(self):
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.checked = []

    def __call__(self, page):
        results = self.axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        serious = [
            v for v in results.response["violations"] if v["impact"] in ("serious", "critical")
        ]
        self.checked.append(page.url)
        assert not serious, f"{page.url}: " + "; ".join(
            f"{v['id']} ({v['impact']}): {v['help']} – "
            + ", ".join(n["target"][0] for n in v["nodes"][:3])
            for v in serious
        )


@pytest.fixture
def axe_check():
    return AxeChecker()
