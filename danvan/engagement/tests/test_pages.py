"""The petition's pages: each step a form with its buttons, refusals on the form, nothing saved; the dialogue's petitions."""

import pytest
from django.urls import reverse

from danvan.core.choices import Role
from danvan.engagement.choices import PetitionStatus
from danvan.engagement.models import Petition, PetitionTransfer
from danvan.engagement.tests.factories import DialogueFactory, PetitionFactory
from danvan.organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(tree, make_user, login):
    return login(make_user(tree.cc1, role=Role.EDITOR))


def step(petition, name):
    return reverse(f"engagement:petition-{name}", args=[petition.pk])


def test_the_steps_run_from_the_petitions_page(tree, editor):
    petition = PetitionFactory(unit=tree.cc1)
    committee = OrganizationFactory(unit=tree.cc1, name="UBND xã Bình An")
    detail = editor.get(petition.get_absolute_url()).content.decode()
    assert step(petition, "transfer") in detail and step(petition, "answer") in detail and step(petition, "return") not in detail
    assert "UBND xã Bình An" in editor.get(step(petition, "transfer")).content.decode()
    assert editor.post(step(petition, "transfer"), {"to_body": committee.pk, "sent_on": "16/09/2025"}).status_code == 302
    response = editor.post(step(petition, "return"), {"reason": ""})
    assert response.status_code == 200 and "Hãy ghi lý do trả lại đơn." in response.content.decode()
    assert Petition.objects.get().status == PetitionStatus.TRANSFERRED
    assert editor.post(step(petition, "return"), {"reason": "Không đúng thẩm quyền"}).status_code == 302
    page = editor.get(petition.get_absolute_url()).content.decode()
    assert "Không đúng thẩm quyền" in page and "Giao lại" in page
    assert editor.post(step(petition, "transfer"), {"to_body": committee.pk}).status_code == 302
    assert editor.post(step(petition, "accept"), {}).status_code == 302
    response = editor.post(step(petition, "answer"), {"answer": " "})
    assert response.status_code == 200 and "Hãy ghi nội dung trả lời người gửi đơn." in response.content.decode()
    assert editor.post(step(petition, "answer"), {"answer": "Đã sửa đường"}).status_code == 302
    assert editor.post(step(petition, "close"), {"satisfaction": "satisfied"}).status_code == 302
    assert Petition.objects.get().status == PetitionStatus.CLOSED


def test_a_transfer_form_refuses_a_body_outside_the_chain(tree, make_user, login):
    client = login(make_user(tree.cp, role=Role.EDITOR))
    petition = PetitionFactory(unit=tree.cc1)
    for body in (OrganizationFactory(unit=tree.cc2).pk, OrganizationFactory(unit=tree.cc3).pk, "9" * 30, ""):
        response = client.post(step(petition, "transfer"), {"to_body": body})
        assert response.status_code == 200 and "has-error" in response.content.decode()
    assert not PetitionTransfer.objects.exists() and Petition.objects.get().status == PetitionStatus.RECEIVED


def test_another_units_editor_and_a_viewer_cannot_take_a_step(tree, make_user, login):
    petition = PetitionFactory(unit=tree.cc1)
    body = OrganizationFactory(unit=tree.cc1)
    assert login(make_user(tree.cc3, role=Role.EDITOR)).post(step(petition, "transfer"), {"to_body": body.pk}).status_code == 404
    assert login(make_user(tree.cc1, role=Role.VIEWER)).post(step(petition, "transfer"), {"to_body": body.pk}).status_code == 403
    assert Petition.objects.get().status == PetitionStatus.RECEIVED


def test_a_dialogue_lists_the_petitions_raised_there_and_opens_the_form_on_it(tree, editor):
    dialogue = DialogueFactory(unit=tree.cc1)
    PetitionFactory(unit=tree.cc1, channel="dialogue", dialogue=dialogue, content="Đèn đường ấp Mới hỏng")
    page = editor.get(dialogue.get_absolute_url()).content.decode()
    assert "Đèn đường ấp Mới hỏng" in page
    form = editor.get(reverse("engagement:petition-create"), {"dialogue": dialogue.pk}).content.decode()
    assert f'value="{dialogue.pk}" selected' in form
    assert editor.get(reverse("engagement:petition-create"), {"dialogue": "9" * 40}).status_code == 200


def test_the_list_filters_by_status_overdue_kind_and_field(tree, editor):
    import datetime

    late = PetitionFactory(unit=tree.cc1, deadline=datetime.date(2025, 1, 10), content="Quá hạn đây")
    PetitionFactory(unit=tree.cc1, deadline=datetime.date.today(), content="Còn hạn đây", status=PetitionStatus.ACCEPTED)
    page = editor.get(reverse("engagement:petition-list"), {"status": "open", "overdue": "true", "kind": late.kind_id,
                                                            "field": late.field_id, "unit": tree.cc1.pk}).content.decode()
    assert "Quá hạn đây" in page and "Còn hạn đây" not in page
    assert "Tất cả" in page
