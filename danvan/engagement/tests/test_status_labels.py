"""A province renames a status: its pages, export, API and public page show the new label; another province keeps the
default; the type behind the status does not change; only an administrator of the province renames, and bad input is
refused in Vietnamese with nothing saved."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from danvan.core.choices import Role
from danvan.engagement.choices import PetitionStatus, StatusType
from danvan.engagement.models import PetitionStatusLabel
from danvan.engagement.tests.factories import PetitionFactory

pytestmark = pytest.mark.django_db
RENAMED = "Đã nhận đơn, chờ phân loại"


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture
def renamed(tree):
    PetitionStatusLabel.objects.create(unit=tree.cp, status=PetitionStatus.RECEIVED, label=RENAMED)
    return PetitionFactory(unit=tree.cc1), PetitionFactory(unit=tree.cc3)  # An Giang renamed it, Cà Mau did not


def test_the_province_s_label_is_shown_on_pages_export_and_api(tree, renamed, make_user, login):
    ours, theirs = renamed
    assert ours.status_type == StatusType.OPEN  # renaming changes the words, not what the status means
    client = login(make_user(tree.cp, role=Role.VIEWER))
    assert RENAMED in client.get(reverse("engagement:petition-detail", args=[ours.pk])).content.decode()
    assert RENAMED in client.get(reverse("engagement:petition-list")).content.decode()
    workbook = load_workbook(io.BytesIO(client.get(reverse("engagement:petition-list") + "?format=xlsx").content))
    assert RENAMED in [cell.value for row in workbook.active.iter_rows() for cell in row]
    row = client.get(f"/api/v1/petitions/{ours.pk}/").json()
    assert (row["status"], row["status_type"], row["status_label"]) == ("received", "open", RENAMED)

    other = login(make_user(tree.cp2, role=Role.VIEWER))
    assert other.get(f"/api/v1/petitions/{theirs.pk}/").json()["status_label"] == "Đã tiếp nhận"
    assert RENAMED not in other.get(reverse("engagement:petition-detail", args=[theirs.pk])).content.decode()


def test_a_province_administrator_renames_a_status_of_their_province(tree, make_user, login):
    client = login(make_user(tree.cp, role=Role.ADMINISTRATOR))
    response = client.post(reverse("engagement:status-label-create"), {"unit": tree.cp.pk, "status": "accepted", "label": "  Đang xử lý  "})
    assert response.status_code == 302
    assert PetitionStatusLabel.objects.get().label == "Đang xử lý"
    assert "Đang xử lý" in client.get(reverse("engagement:status-label-list")).content.decode()


@pytest.mark.parametrize("values, field", [
    ({"label": ""}, "label"),
    ({"label": "x" * 101}, "label"),
    ({"status": "vanished"}, "status"),
    ({"unit": "cc1"}, "unit"),  # a commune, not a province
    ({"unit": "cp2"}, "unit"),  # another province
    ({"unit": "99999999"}, "unit"),
])
def test_bad_input_is_refused_in_vietnamese_and_nothing_saved(tree, make_user, login, values, field):
    client = login(make_user(tree.cp, role=Role.ADMINISTRATOR))
    data = {"unit": tree.cp.pk, "status": "accepted", "label": "Đang xử lý", **values}
    if data["unit"] in ("cc1", "cp2"):
        data["unit"] = getattr(tree, data["unit"]).pk
    response = client.post(reverse("engagement:status-label-create"), data)
    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    assert errors and not any(message.isascii() for message in errors), errors
    assert not PetitionStatusLabel.objects.exists()


def test_a_second_label_for_the_same_status_is_refused(tree, make_user, login):
    PetitionStatusLabel.objects.create(unit=tree.cp, status="accepted", label="Đang xử lý")
    client = login(make_user(tree.cp, role=Role.ADMINISTRATOR))
    response = client.post(reverse("engagement:status-label-create"), {"unit": tree.cp.pk, "status": "accepted", "label": "Khác"})
    assert response.status_code == 200 and PetitionStatusLabel.objects.count() == 1


@pytest.mark.parametrize("role", [Role.EDITOR, Role.APPROVER, Role.VIEWER])
def test_only_an_administrator_renames(tree, make_user, login, role):
    client = login(make_user(tree.cp, role=role))
    assert client.post(reverse("engagement:status-label-create"), {"unit": tree.cp.pk, "status": "accepted", "label": "X"}).status_code == 403
    assert not PetitionStatusLabel.objects.exists()


def test_another_province_s_label_is_neither_shown_nor_edited(tree, make_user, login):
    theirs = PetitionStatusLabel.objects.create(unit=tree.cp2, status="accepted", label="Của Cà Mau")
    client = login(make_user(tree.cp, role=Role.ADMINISTRATOR))
    assert "Của Cà Mau" not in client.get(reverse("engagement:status-label-list")).content.decode()
    url = reverse("engagement:status-label-update", args=[theirs.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"unit": tree.cp.pk, "status": "accepted", "label": "Đổi"}).status_code == 404
    theirs.refresh_from_db()
    assert (theirs.unit, theirs.label) == (tree.cp2, "Của Cà Mau")
