"""The public page: anyone writes to a commune of today without an account, gets a tracking code and later reads the
status and public answer; flooding, robots and bad input are refused in Vietnamese with nothing saved; nothing
personal is ever shown publicly."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from danvan.core import humancheck
from danvan.engagement import services
from danvan.engagement.choices import Channel, PetitionStatus
from danvan.engagement.models import Petition, PetitionStatusLabel, PetitionTracking
from danvan.engagement.tests.factories import petition_field, petition_kind
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory

pytestmark = pytest.mark.django_db
SUBMIT = reverse("engagement:public-petition")
TRACK = reverse("engagement:public-track")
CONTENT = "Đèn đường ấp Mới hư hỏng đã hai tháng, đề nghị xã sửa chữa"


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    with translation.override("vi"):
        yield
    cache.clear()


@pytest.fixture
def committee(tree):
    """The People's Committee of xã Bình An (today's), and a Front committee beside it that must not receive."""
    government = OrganizationKindFactory(code="ubnd", name="Ủy ban nhân dân", category="government")
    OrganizationFactory(unit=tree.cc1, name="Ủy ban MTTQ xã Bình An")
    petition_kind(), petition_kind("Khiếu nại", 30)
    return OrganizationFactory(unit=tree.cc1, name="UBND xã Bình An", kind=government)


def answered_form(unit, **values):
    """What a person sends after reading the form for ten seconds and adding 2 and 3."""
    return {"unit": unit.pk, "field": petition_field().pk, "content": CONTENT, "petitioner_name": "Lê Văn Tám",
            "petitioner_contact": "0913 111 222", "check_token": humancheck.new_token(2, 3, at=time.time() - 10),
            "check_answer": "5", "website": "", **values}


def send(client, unit, **values):
    return client.post(f"{SUBMIT}?province={unit.parent_id}", answered_form(unit, **values))


def page_errors(response):
    form = response.context["form"]
    messages = [message for errors in form.errors.values() for message in errors]
    assert messages and not any(message.isascii() for message in messages), messages
    return " ".join(messages)


def test_a_citizen_sends_a_petition_and_follows_it_with_the_code(tree, committee, client, make_user):
    page = client.get(f"{SUBMIT}?province={tree.cp.pk}")
    assert page.status_code == 200 and "xã Bình An" in page.content.decode()
    assert "Minh Hòa" not in page.content.decode()  # a commune before 2025 is not offered
    response = send(client, tree.cc1)
    assert response.status_code == 302 and response["Location"] == reverse("engagement:public-submitted")
    petition = Petition.objects.get()
    assert (petition.channel, petition.status, petition.kind.name, petition.assigned_to) == (Channel.ONLINE, PetitionStatus.RECEIVED, "Kiến nghị", committee)
    assert petition.petitioner_name == "Lê Văn Tám" and petition.deadline is not None

    shown = client.get(response["Location"]).content.decode()
    code = shown.split("data-tracking-code>")[1].split("<")[0]
    assert len(code.replace("-", "")) == services.TRACKING_LENGTH
    assert code.replace("-", "") not in PetitionTracking.objects.get().code_hash  # only its hash is kept
    assert client.get(response["Location"]).status_code == 302  # shown once

    services.answer_petition(make_user(tree.cc1), petition, "Xã đã thay bóng đèn ngày hôm nay.")
    tracked = client.post(TRACK, {"code": code.lower().replace("-", " ")}).content.decode()
    assert "Đã trả lời" in tracked and "Xã đã thay bóng đèn" in tracked
    for personal in ("Lê Văn Tám", "0913 111 222", CONTENT):
        assert personal not in tracked


def test_a_province_s_own_label_is_what_the_citizen_reads(tree, committee, client):
    send(client, tree.cc1)
    code = client.get(reverse("engagement:public-submitted")).content.decode().split("data-tracking-code>")[1].split("<")[0]
    PetitionStatusLabel.objects.create(unit=tree.cp, status=PetitionStatus.RECEIVED, label="Đã tiếp nhận, đang phân loại")
    assert "Đã tiếp nhận, đang phân loại" in client.post(TRACK, {"code": code}).content.decode()


@pytest.mark.parametrize("values, expected", [
    ({"content": "   "}, "nội dung"),
    ({"content": "x" * 20_001}, "20000"),
    ({"check_answer": "6"}, "chưa đúng"),
    ({"check_answer": "99999999999999999999"}, ""),
    ({"website": "http://spam.example"}, "không gửi được"),
    ({"check_token": "giả mạo"}, "câu hỏi"),
    ({"check_token": "now"}, "quá nhanh"),
    ({"check_token": "three hours ago"}, "câu hỏi"),
    ({"field": "999999"}, "lĩnh vực"),
    ({"field": "abc"}, "lĩnh vực"),
])
def test_bad_input_is_refused_in_vietnamese_and_nothing_is_saved(tree, committee, client, values, expected):
    ages = {"now": 0, "three hours ago": 3 * 60 * 60}
    if values.get("check_token") in ages:
        values = {"check_token": humancheck.new_token(2, 3, at=time.time() - ages[values["check_token"]])}
    response = send(client, tree.cc1, **values)
    assert response.status_code == 200
    assert expected.lower() in page_errors(response).lower()
    assert not Petition.objects.exists() and not PetitionTracking.objects.exists()


@pytest.mark.parametrize("unit_name", ["lc1", "cp", "h1", "cc3"])
def test_only_a_commune_of_today_with_its_people_s_committee_receives(tree, committee, client, unit_name):
    """A commune before 2025, a province, a hamlet, and xã Đất Mũi, which has no People's Committee recorded."""
    unit = getattr(tree, unit_name)
    response = client.post(SUBMIT, answered_form(unit))
    assert response.status_code == 200 and "xã" in page_errors(response)
    assert not Petition.objects.exists()


def test_flooding_from_one_address_is_refused_and_nothing_more_is_saved(tree, committee, client):
    for _ in range(services.PER_ADDRESS):
        assert send(client, tree.cc1).status_code == 302
    response = send(client, tree.cc1)
    assert "quá nhiều" in page_errors(response).lower()
    assert Petition.objects.count() == services.PER_ADDRESS


def test_flooding_one_commune_from_many_addresses_is_refused(tree, committee, client, monkeypatch):
    monkeypatch.setattr(services, "PER_COMMUNE", 3)
    for number in range(3):
        assert client.post(f"{SUBMIT}?province={tree.cp.pk}", answered_form(tree.cc1), REMOTE_ADDR=f"10.0.0.{number}").status_code == 302
    response = client.post(f"{SUBMIT}?province={tree.cp.pk}", answered_form(tree.cc1), REMOTE_ADDR="10.0.0.200")
    assert "quá nhiều" in page_errors(response).lower()
    assert Petition.objects.count() == 3


def test_a_wrong_or_malformed_code_finds_nothing(tree, committee, client):
    send(client, tree.cc1)
    for code in ["", "ABCDE-FGHJK", "x" * 41, "<script>", "0" * 10]:
        response = client.post(TRACK, {"code": code})
        assert response.status_code == 200 and "petition" not in response.context
        page_errors(response)


def test_looking_up_codes_in_bulk_is_refused(tree, committee, client, monkeypatch):
    monkeypatch.setattr("danvan.engagement.views.LOOKUPS_PER_ADDRESS", 2)
    for _ in range(2):
        client.post(TRACK, {"code": "ABCDE-FGHJK"})
    assert "quá nhiều" in page_errors(client.post(TRACK, {"code": "ABCDE-FGHJK"})).lower()


def test_the_public_pages_are_never_kept_by_a_browser_or_proxy(tree, committee, client):
    for response in (client.get(SUBMIT), client.get(TRACK)):
        assert response.status_code == 200 and "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_tracking_code_is_read_as_people_type_it():
    code = "0123456789"
    assert services.tracking_hash("o12-3456 789") == services.tracking_hash(code)
    assert services.tracking_hash("OI23456789") == services.tracking_hash("0123456789")
    assert services.petition_tracked_by("ABC") is None


def test_a_spoofed_forwarded_for_from_an_untrusted_peer_does_not_bypass_the_limit(tree, committee, client, settings):
    settings.DANVAN_TRUSTED_PROXIES = ["10.9.0.0/16"]
    for number in range(services.PER_ADDRESS):
        response = client.post(f"{SUBMIT}?province={tree.cp.pk}", answered_form(tree.cc1),
                               REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
        assert response.status_code == 302
    response = client.post(f"{SUBMIT}?province={tree.cp.pk}", answered_form(tree.cc1),
                           REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert "quá nhiều" in page_errors(response).lower()
    assert Petition.objects.count() == services.PER_ADDRESS


def test_through_a_trusted_proxy_each_citizen_is_counted_by_their_own_address(tree, committee, client, settings):
    settings.DANVAN_TRUSTED_PROXIES = ["10.9.0.0/16"]
    # Two citizens behind the same proxy: neither uses up the other's allowance.
    for number in range(services.PER_ADDRESS):
        for citizen in ("198.51.100.1", "198.51.100.2"):
            response = client.post(f"{SUBMIT}?province={tree.cp.pk}", answered_form(tree.cc1),
                                   REMOTE_ADDR="10.9.0.1", HTTP_X_FORWARDED_FOR=f"6.6.6.{number}, {citizen}")
            assert response.status_code == 302, (number, citizen)
    # The first citizen's sixth, with a new address written in front by hand: still the first citizen.
    response = client.post(f"{SUBMIT}?province={tree.cp.pk}", answered_form(tree.cc1),
                           REMOTE_ADDR="10.9.0.1", HTTP_X_FORWARDED_FOR="6.6.6.250, 198.51.100.1")
    assert "quá nhiều" in page_errors(response).lower()
    assert Petition.objects.count() == 2 * services.PER_ADDRESS


@pytest.fixture
def calendar_through_last_year(monkeypatch):
    """As if the calendar were entered only through last year: today's deadlines fall in a year not published."""
    import datetime

    from danvan.core.workdays import calendar

    monkeypatch.setattr(calendar, "LIBRARY_ANNOUNCEMENTS_THROUGH", datetime.date.today().year - 1)
    monkeypatch.setattr(calendar, "_cached", {})
    return datetime.date.today().year


def test_a_citizen_s_petition_whose_deadline_falls_in_a_year_not_published_is_kept_and_waits(
        tree, committee, client, make_user, calendar_through_last_year):
    from danvan.core.workdays.calendar import working_calendar
    from danvan.core.workdays.models import CalendarYear

    year = calendar_through_last_year
    response = send(client, tree.cc1)
    assert response.status_code == 302
    assert "-" in client.get(response["Location"]).context["code"]  # the citizen has the tracking code
    petition = Petition.objects.get()
    assert petition.deadline is None and petition.deadline_pending_year == year
    staff = client.__class__()
    staff.force_login(make_user(tree.cc1))
    waiting = f"chờ công bố lịch năm {year}"
    assert waiting in staff.get(petition.get_absolute_url()).content.decode()
    assert waiting in staff.get(reverse("engagement:petition-list")).content.decode()
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(staff.get(reverse("engagement:petition-list") + "?format=xlsx").content)).active
    assert any(waiting in str(cell.value) for row in sheet.iter_rows() for cell in row)
    # The administrator enters the year: the signal computes the waiting deadlines, each from its own receipt.
    for published in (year, year + 1):
        CalendarYear.objects.create(year=published, announcement="Thông báo nghỉ lễ, Tết")
        petition.refresh_from_db()
        if petition.deadline is not None:
            break
        assert petition.deadline_pending_year == published + 1  # falls further still: waits for the next year
    assert petition.deadline_pending_year is None
    assert petition.deadline == working_calendar().add(petition.received_on, petition.kind.time_limit_days)
    assert waiting not in staff.get(petition.get_absolute_url()).content.decode()


def test_a_petition_entered_by_staff_into_a_year_not_published_is_still_refused(tree, committee, make_user, calendar_through_last_year):
    import datetime

    from django.core.exceptions import ValidationError

    from danvan.engagement.tests.factories import PetitionFactory

    petition = PetitionFactory.build(unit=tree.cc1, assigned_to=committee, kind=petition_kind(), received_on=datetime.date.today())
    with pytest.raises(ValidationError) as refused:
        services.record_petition(make_user(tree.cc1), petition)
    assert not any(message.isascii() for message in refused.value.message_dict["received_on"])
    assert not Petition.objects.exists()


def test_a_petition_answered_while_its_deadline_waited_stays_on_time_when_the_year_is_published(
        tree, committee, client, make_user, calendar_through_last_year):
    import datetime

    from danvan.core.workdays.models import CalendarYear

    year = calendar_through_last_year
    send(client, tree.cc1)
    petition = Petition.objects.get()
    Petition.objects.filter(pk=petition.pk).update(status=PetitionStatus.ANSWERED, answer="Đã trả lời", answered_on=datetime.date(year + 2, 6, 1))
    staff = client.__class__()
    staff.force_login(make_user(tree.cc1))
    page = staff.get(petition.get_absolute_url()).content.decode()
    assert "Đúng hạn" in page and "Trễ hạn" not in page
    for published in (year, year + 1, year + 2):
        CalendarYear.objects.create(year=published, announcement="Thông báo nghỉ lễ, Tết")
    petition.refresh_from_db()
    assert (petition.deadline, petition.deadline_pending_year, petition.answered_on_time) == (None, None, True)
