"""Two officials edit the same model at once, in a real headless Chromium: neither loses work without being told."""

import pytest
from playwright.sync_api import expect

from danvan.core.tests.browser import shot
from danvan.demo.tests.test_browser import demo_world, log_in  # noqa: F401 - demo_world is a fixture
from danvan.movement.models import Initiative

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_commune_editor_and_the_district_approver_edit_one_model_at_once(demo_world, live_server, browser):
    initiative = Initiative.objects.filter(unit__name="Thạnh Yên", unit__level=3).order_by("pk").first()
    edit_url = f"{live_server.url}/movement/{initiative.pk}/edit/"

    commune = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(commune, live_server.url, "thanhyen")
    district = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    log_in(district, live_server.url, "uminhthuong")

    # Both open the edit page of the same model.
    commune.goto(edit_url)
    expect(commune.locator("h1")).to_contain_text(initiative.name)
    district.goto(edit_url)
    shot(district, "edit-conflict-01-district-opens-360")

    # The district approver saves a new description first.
    district.fill("textarea[name=description]", "Mô tả do huyện bổ sung")
    district.click("form.form button.primary")
    expect(district.locator("main")).to_contain_text("Mô tả do huyện bổ sung")
    shot(district, "edit-conflict-02-district-saved-360")

    # The commune editor, still on the page opened before, types his own and saves.
    commune.fill("textarea[name=description]", "Mô tả của xã sau khảo sát")
    commune.fill("textarea[name=goals]", "Mục tiêu của xã")
    commune.click("form.form button.primary")
    error = commune.locator(".field.has-error").filter(has=commune.locator("textarea[name=description]"))
    expect(error).to_contain_text("đã đổi thành “Mô tả do huyện bổ sung”")
    expect(commune.locator("textarea[name=description]")).to_have_value("Mô tả của xã sau khảo sát")
    expect(commune.locator("textarea[name=goals]")).to_have_value("Mục tiêu của xã")
    shot(commune, "edit-conflict-03-commune-told-1280")

    # Having read the district's text, he keeps his own: the second save goes through.
    commune.click("form.form button.primary")
    expect(commune.locator("main")).to_contain_text("Mô tả của xã sau khảo sát")
    expect(commune.locator("main")).to_contain_text("Mục tiêu của xã")
    shot(commune, "edit-conflict-04-commune-saved-1280")
