"""The petitioner's name and contact (Nghị định 13/2023/NĐ-CP): shown only with ``engagement.view_petitioner`` within
scope, each read logged and listed for administrators; the API, exports, history and search leave them out otherwise."""

import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from danvan.core.choices import Role
from danvan.engagement.models import Petition, PetitionerRead
from danvan.engagement.tests.factories import PetitionFactory

pytestmark = pytest.mark.django_db
NAME, CONTACT = "Trần Thị Lan", "0912 345 678"


@pytest.fixture
def petition(tree):
    return PetitionFactory(unit=tree.cc1, petitioner_name=NAME, petitioner_contact=CONTACT)


@pytest.fixture
def allowed(make_user):
    def make(unit, role=Role.VIEWER, **kwargs):
        user = make_user(unit, role=role, **kwargs)
        user.user_permissions.add(Permission.objects.get(codename="view_petitioner", content_type__app_label="engagement"))
        return user
    return make


def page(client, petition):
    return client.get(reverse("engagement:petition-detail", args=[petition.pk])).content.decode()


def test_without_the_permission_the_petitioner_is_not_shown_nor_logged(tree, petition, make_user, login):
    for role in (Role.VIEWER, Role.EDITOR, Role.APPROVER):
        text = page(login(make_user(tree.cc1, role=role)), petition)
        assert NAME not in text and CONTACT not in text
    assert not PetitionerRead.objects.exists()


def test_with_the_permission_the_petitioner_is_shown_and_each_read_logged(tree, petition, allowed, login):
    user = allowed(tree.cc1)
    client = login(user)
    assert NAME in page(client, petition) and CONTACT in page(client, petition)
    reads = PetitionerRead.objects.filter(petition=petition, user=user)
    assert reads.count() == 2 and {read.surface for read in reads} == {"page"}


def test_the_permission_does_not_reach_outside_the_scope(tree, petition, allowed, login):
    client = login(allowed(tree.cc3))
    assert client.get(reverse("engagement:petition-detail", args=[petition.pk])).status_code == 404
    assert client.get(f"/api/v1/petitions/{petition.pk}/").status_code == 404
    assert not PetitionerRead.objects.exists()


def test_the_reads_are_listed_for_administrators_only(tree, petition, allowed, make_user, login):
    reader = allowed(tree.cc1, first_name="Nguyễn", last_name="Hòa")
    page(login(reader), petition)
    administrator = page(login(make_user(tree.cc1, role=Role.ADMINISTRATOR)), petition)
    assert "Lượt xem thông tin người gửi đơn" in administrator and reader.get_full_name() in administrator
    assert NAME not in administrator  # an administrator without the permission sees who read, not what
    assert "Lượt xem thông tin người gửi đơn" not in page(login(reader), petition)


def test_the_api_leaves_the_petitioner_out_without_the_permission(tree, petition, make_user, allowed, login):
    plain = login(make_user(tree.cc1, role=Role.VIEWER))
    row = plain.get(f"/api/v1/petitions/{petition.pk}/").json()
    assert "petitioner_name" not in row and "petitioner_contact" not in row
    assert all("petitioner_name" not in r for r in plain.get("/api/v1/petitions/").json()["results"])
    assert not PetitionerRead.objects.exists()
    user = allowed(tree.cc1)
    client = login(user)
    assert client.get(f"/api/v1/petitions/{petition.pk}/").json()["petitioner_name"] == NAME
    PetitionFactory(unit=tree.cc1)
    assert [r["petitioner_contact"] for r in client.get("/api/v1/petitions/").json()["results"]] == [CONTACT, CONTACT]
    assert PetitionerRead.objects.filter(user=user, surface="api").count() == 3


def test_the_export_leaves_the_petitioner_out_without_the_permission(tree, petition, make_user, allowed, login):
    def cells(client):
        response = client.get(reverse("engagement:petition-list"), {"format": "xlsx"})
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        return {str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None}

    assert NAME not in cells(login(make_user(tree.cc1, role=Role.VIEWER)))
    assert not PetitionerRead.objects.exists()
    user = allowed(tree.cc1)
    shown = cells(login(user))
    assert NAME in shown and CONTACT in shown
    assert PetitionerRead.objects.filter(user=user, surface="export").count() == 1


def test_the_edit_form_neither_shows_nor_changes_the_petitioner_without_the_permission(tree, petition, make_user, allowed, login):
    url = reverse("engagement:petition-update", args=[petition.pk])
    editor = login(make_user(tree.cc1, role=Role.EDITOR))
    assert NAME not in editor.get(url).content.decode()
    response = editor.post(url, {"unit": tree.cc1.pk, "channel": "letter", "kind": petition.kind_id, "field": petition.field_id,
                                 "content": petition.content, "received_on": "15/09/2025", "petitioner_name": "Người khác",
                                 "read_version": petition.version})
    assert response.status_code == 302
    assert Petition.objects.get(pk=petition.pk).petitioner_name == NAME
    allowed_editor = login(allowed(tree.cc1, role=Role.EDITOR))
    assert NAME in allowed_editor.get(url).content.decode()
    assert PetitionerRead.objects.filter(surface="edit").count() == 1


def test_the_api_refuses_changing_the_petitioner_without_the_permission(tree, petition, make_user, login):
    client = login(make_user(tree.cc1, role=Role.EDITOR), HTTP_ACCEPT_LANGUAGE="vi")
    response = client.patch(f"/api/v1/petitions/{petition.pk}/", {"petitioner_name": "Người khác"}, content_type="application/json")
    assert response.status_code == 403
    assert Petition.objects.get(pk=petition.pk).petitioner_name == NAME


def test_history_and_search_never_hold_the_petitioner(tree, make_user, login):
    from danvan.engagement import services
    from danvan.engagement.tests.factories import petition_field, petition_kind
    from danvan.organizations.tests.factories import OrganizationFactory

    user = make_user(tree.cc1, role=Role.EDITOR)
    services.record_petition(user, Petition(unit=tree.cc1, channel="letter", kind=petition_kind(), field=petition_field(),
                                            content="Xin sửa cống", petitioner_name=NAME, petitioner_contact=CONTACT,
                                            received_on=PetitionFactory._meta.declarations["received_on"],
                                            assigned_to=OrganizationFactory(unit=tree.cc1)))
    petition = Petition.objects.get()
    assert NAME not in page(login(make_user(tree.cc1, role=Role.ADMINISTRATOR)), petition)
    client = login(user)
    assert petition.content not in client.get(reverse("engagement:petition-list"), {"q": "Trần Thị Lan"}).content.decode()
