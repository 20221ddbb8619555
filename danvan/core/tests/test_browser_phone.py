"""Every page of the menu on a 360 px phone, as each kind of user: a menu that opens and closes, nothing sideways."""

import pytest
from playwright.sync_api import expect

from danvan.accounts.tests.factories import PASSWORD, UserFactory
from danvan.core.choices import Role
from danvan.core.tests.browser import log_in, shot
from danvan.movement.tests.factories import InitiativeFactory
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.oversight.tests.factories import FollowUpFactory, MissionFactory
from danvan.people.tests.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

USERS = [
    ("binhan", Role.EDITOR, "cc1", "Khối dân vận xã Bình An"),
    ("angiang", Role.APPROVER, "cp", "Ban Tuyên giáo và Dân vận Tỉnh ủy An Giang"),
    ("xemtinh", Role.VIEWER, "cp", "Văn phòng Tỉnh ủy An Giang"),
]


@pytest.fixture
def world(tree):
    for username, role, unit, label in USERS:
        UserFactory(username=username, unit=getattr(tree, unit), role=role, first_name=label, last_name="")
    organization = OrganizationFactory(unit=tree.cc1, name="Ủy ban Mặt trận Tổ quốc Việt Nam xã Bình An, tỉnh An Giang")
    PersonFactory(unit=tree.cc1, full_name="Nguyễn Thị Thanh Hương")
    InitiativeFactory(unit=tree.cc1, owner_organization=organization,
                      name="Dân vận khéo trong vận động nhân dân hiến đất làm đường giao thông nông thôn")
    FollowUpFactory(mission=MissionFactory(unit=tree.cp), owner_unit=tree.cc1)
    return tree


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize(("username", "role", "unit", "label"), USERS)
def test_every_menu_page_fits_a_phone(world, live_server, browser, username, role, unit, label):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    log_in(page, live_server.url, username, PASSWORD)
    menu, button = page.locator("nav.mainnav"), page.locator("label.menu-button")
    expect(menu).to_be_hidden()
    button.click()
    expect(menu).to_be_visible()
    shot(page, f"phone-{username}-menu-open-360")
    entries = menu.locator("a")
    labels = entries.all_inner_texts()
    assert "Đơn vị" in labels and "API" not in labels, labels
    links = [entries.nth(n).get_attribute("href") for n in range(entries.count())]
    button.click()
    expect(menu).to_be_hidden()
    wide = []
    for link in links:
        page.goto(f"{live_server.url}{link}")
        expect(page.locator("h1").first).to_be_visible()
        assert "Lỗi" not in page.title()
        if not no_sideways_scroll(page):
            wide.append((link, page.evaluate("document.documentElement.scrollWidth")))
        shot(page, f"phone-{username}{link.replace('/', '-').rstrip('-')}-360")
    assert wide == [], f"pages wider than 360 px: {wide}"
    expect(page.locator("footer a")).to_have_text("API cho lập trình viên")


def test_the_menu_stands_open_on_a_desktop(world, live_server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    log_in(page, live_server.url, "binhan", PASSWORD)
    expect(page.locator("nav.mainnav")).to_be_visible()
    expect(page.locator("label.menu-button")).to_be_hidden()
    shot(page, "desktop-menu-1280")
