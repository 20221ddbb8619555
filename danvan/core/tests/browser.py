"""What every browser test shares: Debian's Chromium started as this machine allows, logging in, screenshots.

The ``browser`` fixture is in ``danvan/conftest.py``; tests import ``log_in`` and ``shot`` from here.
"""

from pathlib import Path

from playwright.sync_api import expect

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "browser"
CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium keeps calling home, which a closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]

# CI shares two cores with the live server and the database: wait longer than the default 5 s.
expect.set_options(timeout=20_000)


def log_in(page, base_url, username, password):
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button.primary")
    expect(page.locator("#global-search")).to_be_visible()


def shot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def choose(page, field, typed, option):
    """Pick ``option`` in the autocomplete named ``field`` after typing ``typed``, as a person does."""
    box = page.locator(f"[data-autocomplete]:has(input[name='{field}'])")
    box.locator("[data-ac-input]").fill(typed)
    box.locator(f".ac-results [data-ac-value]:has-text('{option}')").first.click()
    expect(box.locator("[data-ac-hidden]")).not_to_have_value("")


def fits(page):
    """The page does not scroll sideways at its width."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} scrolls sideways ({width}px wide)"
