"""Petitions: the deadline on the working calendar, the transfer chain, each step of the handling, and bad input refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from danvan.core.choices import Level, Role
from danvan.core.models import TransitionRecord
from danvan.core.services import VersionConflict
from danvan.engagement import services
from danvan.engagement.choices import Channel, PetitionStatus, TransferOutcome
from danvan.engagement.models import Petition, PetitionTransfer
from danvan.engagement.tests.factories import DialogueFactory, PetitionFactory, petition_field, petition_kind
from danvan.organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db
RECEIVED = datetime.date(2025, 9, 15)  # a Monday


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def new(tree, **values):
    fields = {"unit": tree.cc1, "channel": Channel.LETTER, "kind": petition_kind(), "field": petition_field(), "content": "Đường liên ấp sạt lở",
              "received_on": RECEIVED, "assigned_to": OrganizationFactory(unit=tree.cc1, name="Đảng ủy xã Bình An")}
    return Petition(**{**fields, **values})


def vietnamese_message(error, field):
    messages = error.value.message_dict[field]
    assert messages and not any(message.isascii() for message in messages), messages
    return " ".join(messages)


def test_the_deadline_counts_working_days_from_the_day_after_receipt(tree, make_user):
    petition = services.record_petition(make_user(tree.cc1), new(tree))
    assert petition.status == PetitionStatus.RECEIVED
    assert petition.deadline == datetime.date(2025, 9, 29)  # ten working days, two weekends skipped
    tet = services.record_petition(make_user(tree.cc1), new(tree, received_on=datetime.date(2025, 1, 24)))
    assert tet.deadline > datetime.date(2025, 2, 7)  # Tết Ất Tỵ (25/01–02/02/2025) is not counted


def test_a_deadline_the_calendar_cannot_compute_is_refused(tree, make_user):
    long = petition_kind("Khiếu nại", days=30)
    with pytest.raises(ValidationError) as error:
        services.record_petition(make_user(tree.cc1), new(tree, kind=long, received_on=datetime.date(2026, 12, 1)))
    assert "2027" in vietnamese_message(error, "received_on")
    assert not Petition.objects.exists()


def test_a_deadline_sent_through_the_api_is_not_taken(tree, make_user, login):
    client = login(make_user(tree.cc1))
    response = client.post("/api/v1/petitions/", {
        "unit": tree.cc1.pk, "channel": "letter", "kind": petition_kind().pk, "field": petition_field().pk, "content": "Xin cấp nước sạch",
        "received_on": "2025-09-15", "deadline": "2030-01-01", "assigned_to": OrganizationFactory(unit=tree.cc1).pk}, content_type="application/json")
    assert response.status_code == 201
    assert Petition.objects.get().deadline == datetime.date(2025, 9, 29)


@pytest.mark.parametrize("values, field", [
    ({"content": "x" * 20_001}, "content"),
    ({"content": ""}, "content"),
    ({"received_on": datetime.date.today() + datetime.timedelta(days=1)}, "received_on"),
    ({"channel": Channel.DIALOGUE}, "dialogue"),
])
def test_bad_values_are_refused_in_vietnamese_and_nothing_is_saved(tree, make_user, values, field):
    with pytest.raises(ValidationError) as error:
        services.record_petition(make_user(tree.cc1), new(tree, **values))
    vietnamese_message(error, field)
    assert not Petition.objects.exists()


def test_another_units_dialogue_or_body_is_refused(tree, make_user):
    user = make_user(tree.cc1)
    with pytest.raises(ValidationError) as error:
        services.record_petition(user, new(tree, channel=Channel.DIALOGUE, dialogue=DialogueFactory(unit=tree.cc3)))
    vietnamese_message(error, "dialogue")
    with pytest.raises(ValidationError) as error:
        services.record_petition(user, new(tree, assigned_to=OrganizationFactory(unit=tree.cc3)))
    vietnamese_message(error, "assigned_to")
    assert not Petition.objects.exists()


def test_a_dialogue_of_another_commune_in_scope_is_refused_too(tree, make_user):
    with pytest.raises(ValidationError) as error:
        services.record_petition(make_user(tree.cp), new(tree, channel=Channel.DIALOGUE, dialogue=DialogueFactory(unit=tree.cc2)))
    vietnamese_message(error, "dialogue")
    assert not Petition.objects.exists()


def test_a_transfer_outside_the_chain_of_units_is_refused(tree, make_user):
    user = make_user(tree.cp)  # the province reaches both communes: the chain, not the scope, refuses
    petition = services.record_petition(user, new(tree))
    with pytest.raises(ValidationError) as error:
        services.transfer_petition(user, petition, OrganizationFactory(unit=tree.cc2))
    assert "ngoài" in vietnamese_message(error, "to_body")
    petition.refresh_from_db()
    assert petition.status == PetitionStatus.RECEIVED and not PetitionTransfer.objects.exists()


def test_a_transfer_may_go_up_or_down_the_chain(tree, make_user):
    user = make_user(tree.cc1)
    petition = services.record_petition(user, new(tree))
    hamlet = OrganizationFactory(unit=tree.h1, name="Chi hội Nông dân ấp Mới")
    services.transfer_petition(user, petition, hamlet, note="Ấp xác minh")
    services.return_petition(user, petition, "Không thuộc thẩm quyền của chi hội")
    province = OrganizationFactory(unit=tree.cp, name="Sở Nông nghiệp và Môi trường")
    services.transfer_petition(user, petition, province)
    assert [t.to_body for t in petition.transfers.order_by("pk")] == [hamlet, province]


def test_return_without_a_reason_and_an_answer_without_text_are_refused(tree, make_user):
    user = make_user(tree.cc1)
    petition = services.record_petition(user, new(tree))
    services.transfer_petition(user, petition, OrganizationFactory(unit=tree.cc1, name="UBND xã Bình An"))
    with pytest.raises(ValidationError) as error:
        services.return_petition(user, petition, "   ")
    vietnamese_message(error, "reason")
    petition.refresh_from_db()
    assert petition.status == PetitionStatus.TRANSFERRED and petition.transfers.get().outcome == TransferOutcome.PENDING
    services.accept_petition(user, petition)
    with pytest.raises(ValidationError) as error:
        services.answer_petition(user, petition, "")
    vietnamese_message(error, "answer")
    petition.refresh_from_db()
    assert petition.status == PetitionStatus.ACCEPTED and petition.answer == ""


def test_the_whole_handling_is_recorded_and_on_time_is_derived(tree, make_user):
    user = make_user(tree.cc1)
    party = OrganizationFactory(unit=tree.cc1, name="Đảng ủy xã Bình An")
    committee = OrganizationFactory(unit=tree.cc1, name="UBND xã Bình An")
    front = OrganizationFactory(unit=tree.cc1, name="Ủy ban MTTQ xã Bình An")
    petition = services.record_petition(user, new(tree, assigned_to=party))
    services.transfer_petition(user, petition, committee, sent_on=datetime.date(2025, 9, 16))
    services.return_petition(user, petition, "Thuộc thẩm quyền Mặt trận", on=datetime.date(2025, 9, 17))
    assert petition.assigned_to == party and petition.status == PetitionStatus.RETURNED
    services.transfer_petition(user, petition, front, sent_on=datetime.date(2025, 9, 18))
    services.accept_petition(user, petition, on=datetime.date(2025, 9, 19))
    services.answer_petition(user, petition, "Đã phối hợp sửa chữa đoạn đường.", on=datetime.date(2025, 9, 26))
    services.close_petition(user, petition, "satisfied")
    petition = Petition.objects.get(pk=petition.pk)
    assert (petition.status, petition.status_type, petition.assigned_to, petition.answered_on_time) == ("closed", "closed", front, True)
    assert [(t.to_body, t.outcome, t.reason) for t in petition.transfers.order_by("pk")] == [
        (committee, "returned", "Thuộc thẩm quyền Mặt trận"), (front, "accepted", "")]
    moves = TransitionRecord.objects.filter(object_id=petition.pk).order_by("pk").values_list("target", flat=True)
    assert list(moves) == ["transferred", "returned", "transferred", "accepted", "answered", "closed"]


def test_overdue_is_derived_from_the_deadline_and_the_status(tree):
    late = PetitionFactory(unit=tree.cc1, deadline=datetime.date(2025, 1, 10))
    PetitionFactory(unit=tree.cc1, deadline=datetime.date(2025, 1, 10), status=PetitionStatus.ANSWERED, answered_on=datetime.date(2025, 1, 20))
    PetitionFactory(unit=tree.cc1, deadline=datetime.date.today())
    assert list(Petition.objects.overdue()) == [late] and late.is_overdue


def test_a_stale_edit_is_refused(tree, make_user):
    user = make_user(tree.cc1)
    petition = PetitionFactory(unit=tree.cc1)
    mine, theirs = Petition.objects.get(pk=petition.pk), Petition.objects.get(pk=petition.pk)
    theirs.content = "Nội dung đã sửa"
    services.record_petition(user, theirs)
    mine.content = "Nội dung khác"
    with pytest.raises(VersionConflict):
        services.record_petition(user, mine)
    assert Petition.objects.get(pk=petition.pk).content == "Nội dung đã sửa"


def test_the_body_is_not_changed_by_an_edit(tree, make_user):
    petition = PetitionFactory(unit=tree.cc1)
    petition = Petition.objects.get(pk=petition.pk)
    petition.assigned_to = OrganizationFactory(unit=tree.cc1)
    with pytest.raises(ValidationError) as error:
        services.record_petition(make_user(tree.cc1), petition)
    vietnamese_message(error, "assigned_to")


# --- the API --------------------------------------------------------------------------------------

@pytest.fixture
def api(tree, make_user, login):
    return login(make_user(tree.cc1, role=Role.EDITOR), HTTP_ACCEPT_LANGUAGE="vi")


def test_the_api_filters_by_status_type_and_overdue(tree, api):
    late = PetitionFactory(unit=tree.cc1, deadline=datetime.date(2025, 1, 10))
    PetitionFactory(unit=tree.cc1, deadline=datetime.date.today(), status=PetitionStatus.ACCEPTED)
    PetitionFactory(unit=tree.cc3, deadline=datetime.date(2025, 1, 10))
    ids = lambda **query: [row["id"] for row in api.get("/api/v1/petitions/", {"unit": tree.cc1.pk, **query}).json()["results"]]
    assert ids(status="open", overdue="true") == [late.pk]
    assert len(ids(status="in_progress")) == 1 and ids(status="answered") == [] and ids(status="closed") == []
    row = api.get(f"/api/v1/petitions/{late.pk}/").json()
    assert row["status_type"] == "open" and row["is_overdue"] is True
    assert api.get("/api/v1/petitions/", {"status": "nonsense"}).status_code == 400


def test_the_api_steps_refuse_bad_input_in_vietnamese(tree, api):
    petition = PetitionFactory(unit=tree.cc1)
    url = f"/api/v1/petitions/{petition.pk}"
    outside = OrganizationFactory(unit=tree.cc3)
    response = api.post(f"{url}/transfer/", {"to_body": outside.pk}, content_type="application/json")
    assert response.status_code == 400 and "to_body" in response.json()
    assert api.post(f"{url}/transfer/", {"to_body": "9" * 40}, content_type="application/json").status_code == 400
    committee = OrganizationFactory(unit=tree.cc1)
    assert api.post(f"{url}/transfer/", {"to_body": committee.pk}, content_type="application/json").status_code == 200
    response = api.post(f"{url}/return/", {"reason": ""}, content_type="application/json")
    assert response.status_code == 400 and "lý do" in str(response.json())
    assert api.post(f"{url}/return/", {"reason": "Sai thẩm quyền"}, content_type="application/json").json()["status"] == "returned"
    assert api.post(f"{url}/answer/", {"answer": "Trả lời"}, content_type="application/json").status_code == 400  # returned: not answerable
    assert api.post(f"{url}/transfer/", {"to_body": committee.pk}, content_type="application/json").status_code == 200
    assert api.post(f"{url}/accept/", {}, content_type="application/json").json()["status"] == "accepted"
    response = api.post(f"{url}/answer/", {"answer": "  "}, content_type="application/json")
    assert response.status_code == 400 and "answer" in response.json()
    body = api.post(f"{url}/answer/", {"answer": "Đã sửa đường", "answered_on": "2025-09-20"}, content_type="application/json").json()
    assert (body["status"], body["answered_on_time"]) == ("answered", True)
    assert api.post(f"{url}/close/", {"satisfaction": "bogus"}, content_type="application/json").status_code == 400
    assert api.post(f"{url}/close/", {"satisfaction": "partly"}, content_type="application/json").json()["status"] == "closed"


@pytest.mark.parametrize("payload", [
    {"content": "x" * 20_001}, {"kind": "9" * 40}, {"field": -1}, {"dialogue": 2 ** 63}, {"received_on": "15/09/2025"}, {"channel": "fax"},
])
def test_the_api_refuses_malformed_or_huge_input(tree, api, payload):
    base = {"unit": tree.cc1.pk, "channel": "letter", "kind": petition_kind().pk, "field": petition_field().pk, "content": "Xin cấp nước",
            "received_on": "2025-09-15", "assigned_to": OrganizationFactory(unit=tree.cc1).pk}
    response = api.post("/api/v1/petitions/", {**base, **payload}, content_type="application/json")
    assert response.status_code == 400
    assert not Petition.objects.exists()


# --- escalation (vượt cấp): derived from the level addressed and the unit concerned ------------------


@pytest.mark.parametrize("unit_name, addressed, escalated", [
    ("cc1", Level.PROVINCE, True),   # a commune's matter sent straight to the province
    ("cc1", Level.DISTRICT, True),   # or to a district of before 2025: the commune is skipped all the same
    ("cc1", Level.COMMUNE, False),
    ("h1", Level.COMMUNE, False),    # a hamlet's matter is the commune's to settle
    ("h1", Level.PROVINCE, True),
    ("cp", Level.PROVINCE, False),
    ("cp", Level.COMMUNE, False),    # sent below: not escalated (the commune passes it up)
])
def test_escalation_is_derived_from_the_level_addressed(tree, make_user, unit_name, addressed, escalated):
    unit = getattr(tree, unit_name)
    petition = services.record_petition(make_user(tree.cp), new(tree, unit=unit, assigned_to=OrganizationFactory(unit=unit), addressed_level=addressed))
    assert Petition.objects.get(pk=petition.pk).is_escalated is escalated


def test_escalation_follows_an_edit_and_an_earlier_reading_stays_when_no_level_is_recorded(tree, make_user):
    user = make_user(tree.cc1)
    petition = services.record_petition(user, new(tree, addressed_level=Level.PROVINCE))
    assert petition.is_escalated
    petition.addressed_level = Level.COMMUNE
    services.record_petition(user, petition)
    assert not Petition.objects.get(pk=petition.pk).is_escalated
    # A petition recorded before the level was: the official's reading (the old tick box) is kept on edit.
    Petition.objects.filter(pk=petition.pk).update(addressed_level=None, is_escalated=True)
    petition = Petition.objects.get(pk=petition.pk)
    petition.content = "Đường liên ấp sạt lở nặng hơn"
    services.record_petition(user, petition)
    assert Petition.objects.get(pk=petition.pk).is_escalated


def test_escalation_is_not_typed_but_shown_filtered_and_read_through_the_api(tree, make_user, login):
    client = login(make_user(tree.cc1))
    body = OrganizationFactory(unit=tree.cc1)
    payload = {"unit": tree.cc1.pk, "channel": "letter", "kind": petition_kind().pk, "field": petition_field().pk, "content": "Xin cấp nước sạch",
               "received_on": "2025-09-15", "assigned_to": body.pk}
    response = client.post("/api/v1/petitions/", {**payload, "is_escalated": True, "addressed_level": Level.COMMUNE}, content_type="application/json")
    assert response.status_code == 201 and response.json()["is_escalated"] is False
    response = client.post("/api/v1/petitions/", {**payload, "content": "Lò bún gây ô nhiễm", "addressed_level": Level.PROVINCE},
                           content_type="application/json")
    assert response.status_code == 201 and response.json()["is_escalated"] is True
    escalated = Petition.objects.get(pk=response.json()["id"])
    assert client.post("/api/v1/petitions/", {**payload, "addressed_level": 9}, content_type="application/json").status_code == 400
    page = client.get(escalated.get_absolute_url()).content.decode()
    assert "Vượt cấp" in page and "Tỉnh" in page
    listed = client.get(reverse("engagement:petition-list") + "?escalated=true").content.decode()
    assert "Lò bún gây ô nhiễm" in listed and "Xin cấp nước sạch" not in listed
    assert [row["id"] for row in client.get("/api/v1/petitions/?escalated=true").json()["results"]] == [escalated.pk]
    form = client.get(reverse("engagement:petition-create")).content.decode()
    assert 'name="addressed_level"' in form and 'name="is_escalated"' not in form
