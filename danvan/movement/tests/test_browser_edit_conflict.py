"""Two officials edit the same model at once, in a real headless Chromium: neither loses work without being told."""

import pytest
from playwright.sync_api import expect

from danvan.accounts.tests.factories import PASSWORD, UserFactory
from danvan.core.choices import Role
from danvan.core.tests.browser import log_in, shot
from danvan.movement.tests.factories import FieldFactory, InitiativeFactory
from danvan.organizations.tests.factories import OrganizationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(tree):
    """A commune's model, its editor and the approver of the province above (the demo's roles, on the test tree)."""
    UserFactory(username="binhan", unit=tree.cc1, role=Role.EDITOR, first_name="Khối dân vận xã Bình An", last_name="")
    UserFactory(username="angiang", unit=tree.cp, role=Role.APPROVER, first_name="Ban Tuyên giáo và Dân vận Tỉnh ủy", last_name="")
    initiative = InitiativeFactory(unit=tree.cc1, name="Dân vận khéo trong cải cách hành chính",
                                   owner_organization=OrganizationFactory(unit=tree.cc1, name="Hội Nông dân xã Bình An"))
    initiative.fields.set([FieldFactory()])
    return initiative


def test_a_commune_editor_and_the_province_approver_edit_one_model_at_once(world, live_server, browser):
    initiative = world
    edit_url = f"{live_server.url}/movement/{initiative.pk}/edit/"

    commune = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(commune, live_server.url, "binhan", PASSWORD)
    district = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    log_in(district, live_server.url, "angiang", PASSWORD)

    # Both open the edit page of the same model.
    commune.goto(edit_url)
    expect(commune.locator("h1")).to_contain_text(initiative.name)
    district.goto(edit_url)
    shot(district, "edit-conflict-01-district-opens-360")

    # The province approver saves a new description first.
    district.fill("textarea[name=description]", "Mô tả do tỉnh bổ sung")
    district.click("form.form button.primary")
    expect(district.locator("main")).to_contain_text("Mô tả do tỉnh bổ sung")
    shot(district, "edit-conflict-02-district-saved-360")

    # The commune editor, still on the page opened before, types his own and saves.
    commune.fill("textarea[name=description]", "Mô tả của xã sau khảo sát")
    commune.fill("textarea[name=goals]", "Mục tiêu của xã")
    commune.click("form.form button.primary")
    error = commune.locator(".field.has-error").filter(has=commune.locator("textarea[name=description]"))
    expect(error).to_contain_text("đã đổi thành “Mô tả do tỉnh bổ sung”")
    expect(commune.locator("textarea[name=description]")).to_have_value("Mô tả của xã sau khảo sát")
    expect(commune.locator("textarea[name=goals]")).to_have_value("Mục tiêu của xã")
    shot(commune, "edit-conflict-03-commune-told-1280")

    # Having read the province's text, he keeps his own: the second save goes through.
    commune.click("form.form button.primary")
    expect(commune.locator("main")).to_contain_text("Mô tả của xã sau khảo sát")
    expect(commune.locator("main")).to_contain_text("Mục tiêu của xã")
    shot(commune, "edit-conflict-04-commune-saved-1280")
