"""Under the strict Content-Security-Policy, no page makes the browser refuse anything.

A headless Chromium walks every page the project defines (each list and form, and
each detail page with one record of every model, built as in the URL walk), the
public showcase and the API docs, and listens to the console: Chromium reports
every script or style the policy refuses there.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from danvan.accounts.tests.factories import PASSWORD, UserFactory
from danvan.core.choices import Role
from danvan.core.tests.browser import log_in
from danvan.core.tests.factories import RECORD_IN_UNIT
from danvan.core.tests.test_url_walk import collect_routes, url_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Not pages: the API's JSON routes, the admin (Django's own), the language switch, static files.
NOT_PAGES = ("api/v1/", "admin/", "i18n/", "static/")
FIRST_PK = 980001

@pytest.fixture
def approver(tree):
    return UserFactory(username="pheduyet", unit=tree.cc1, role=Role.APPROVER)


@pytest.fixture
def pages(tree, approver, login):
    """Every HTML page the approver of xã Bình An opens, with one record of every model there."""
    records = {model: build(tree.cc1, f"Bản ghi {model.__name__}", FIRST_PK + offset)
               for offset, (model, build) in enumerate(RECORD_IN_UNIT.items())}
    addresses = set()
    for route in collect_routes():
        if route.name is None or route.route.startswith(NOT_PAGES) or route.kwargs - {"pk"}:
            continue
        if "pk" not in route.kwargs:
            addresses.add(url_for(route))
        elif route.model in records:
            addresses.add(url_for(route, records[route.model].pk))
    client = login(approver)
    html = [address for address in sorted(addresses) if is_page(client.get(address))]
    return html + [reverse("api:docs")]


def is_page(response):
    """An HTML page, not a download, a redirect or an action that only answers POST."""
    return response.status_code == 200 and response["Content-Type"].startswith("text/html")


def listen(page):
    """The policy refusals Chromium reports on ``page`` from now on (a list that grows)."""
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    return refused


def test_the_listener_hears_a_refused_inline_style(tree, live_server, browser):
    """The control: an inline style on a page is refused, and the walk below would hear it."""
    page = browser.new_page()
    page.goto(f"{live_server.url}{reverse('accounts:login')}")
    refused = listen(page)
    page.evaluate("document.body.setAttribute('style', 'color: red')")
    page.wait_for_timeout(300)
    assert refused


def test_no_page_breaks_the_policy(tree, pages, live_server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    found = listen(page)
    refused = {}

    def visit(address):
        before = len(found)
        page.goto(f"{live_server.url}{address}", wait_until="load")
        if address == reverse("api:docs"):
            page.fill(".swagger-ui input.operation-filter-input", "units")
            expect(page.locator(".swagger-ui")).to_contain_text("/api/v1/units/")
        page.wait_for_timeout(50)
        if len(found) > before:
            refused[address] = found[before:]

    for address in [reverse("accounts:login"), reverse("movement:showcase"), f"{reverse('engagement:public-petition')}?province={tree.cp.pk}",
                    reverse("engagement:public-track")]:
        visit(address)
    log_in(page, live_server.url, "pheduyet", PASSWORD)
    for address in pages:
        visit(address)
    assert len(pages) > 30, pages
    assert refused == {}, refused
