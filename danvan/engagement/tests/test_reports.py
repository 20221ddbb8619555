"""The KL 215-KL/TW report on receptions, dialogues and petitions: a registered báo cáo of the unit's Party committee
in the Party format, signed by its head, with the statistics' figures; issued once per unit and period, scoped,
refused in Vietnamese."""

import datetime
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import translation

from danvan.core.choices import Role
from danvan.core.documents.models import Document, Element
from danvan.core.tests import documents as clerk
from danvan.engagement.choices import DialogueKind, PetitionStatus
from danvan.engagement.tests.factories import DialogueFactory, PetitionFactory, chair_of, party_committee

pytestmark = pytest.mark.django_db
YEAR = datetime.date.today().year - 1  # a whole year behind us, whatever day the suite runs


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def the_year(tree):
    """In xã Bình An: a periodic dialogue and a reception day, and four petitions (two on time, one late, one overdue)."""
    chair = chair_of(tree.cc1, since=datetime.date(2000, 1, 1))
    DialogueFactory(unit=tree.cc1, chair=chair, kind=DialogueKind.PERIODIC, date=datetime.date(YEAR, 3, 12), participants=120,
                    opinions_raised=15, opinions_answered=12)
    DialogueFactory(unit=tree.cc1, chair=chair, kind=DialogueKind.PARTY_RECEPTION, date=datetime.date(YEAR, 4, 15), participants=9,
                    opinions_raised=4, opinions_answered=3)
    received, deadline = datetime.date(YEAR, 9, 15), datetime.date(YEAR, 9, 29)
    for answered in (datetime.date(YEAR, 9, 18), datetime.date(YEAR, 9, 22), datetime.date(YEAR, 10, 6)):
        PetitionFactory(unit=tree.cc1, received_on=received, deadline=deadline, status=PetitionStatus.ANSWERED, answered_on=answered)
    PetitionFactory(unit=tree.h1, received_on=received, deadline=deadline, status=PetitionStatus.ACCEPTED)
    PetitionFactory(unit=tree.cc3, received_on=received, deadline=deadline)  # another province: not counted


def url(unit, period="year", year=YEAR, pdf=False):
    name = "engagement:reception-report-pdf" if pdf else "engagement:reception-report"
    return f"{reverse(name, args=[unit.pk])}?year={year}&period={quote(period)}"


def download(client, address):
    response = client.get(address)
    assert response.status_code == 200, (response.status_code, getattr(response, "url", ""))
    return b"".join(response.streaming_content)


def texts(opened, element):
    return [p.text for p in clerk.of_element(opened, element) if p.text]


def test_the_party_committee_reports_the_years_receptions_dialogues_and_petitions(tree, make_user, login):
    committee = party_committee(tree.cc1)
    the_year(tree)
    client = login(make_user(tree.cc1, role=Role.EDITOR))
    first = download(client, url(tree.cc1))
    assert download(client, url(tree.cc1)) == first and Document.objects.count() == 1
    document = Document.objects.get()
    assert (document.issuer, document.type.code) == (committee, "report")
    assert "-BC/" in document.symbol
    opened = clerk.open_docx(first)
    party = clerk.format_named("party")
    clerk.check_page(opened, party)
    clerk.check_elements(opened, party)
    assert texts(opened, Element.TYPE_NAME) == ["BÁO CÁO"]
    body = " ".join(texts(opened, Element.BODY))
    assert "215-KL/TW" in body and f"năm {YEAR}" in body
    assert "tiếp công dân: 1" in body.lower() and "9 lượt" in body
    assert "Số cuộc đối thoại với Nhân dân: 1" in body or "đối thoại với nhân dân: 1" in body.lower()
    assert "tiếp nhận: 4" in body.lower() and "đúng hạn: 2" in body and "quá hạn: 1" in body
    assert "5 ngày làm việc" in body  # median of 3, 5 and 15 working days
    assert texts(opened, Element.SIGNER) == ["Nguyễn Văn Bình"]


def test_each_period_is_its_own_document_and_the_pdf_is_offered(tree, make_user, login):
    party_committee(tree.cc1)
    client = login(make_user(tree.cc1, role=Role.EDITOR))
    download(client, url(tree.cc1, "q1"))
    download(client, url(tree.cc1, "m09"))
    assert Document.objects.count() == 2
    pdf = client.get(url(tree.cc1, "m09", pdf=True))
    assert pdf.status_code in (200, 202)
    if not pdf.streaming:  # not converted yet: the page offers the .docx of the same period
        assert url(tree.cc1, "m09").replace("&", "&amp;") in pdf.content.decode()
    page = client.get(reverse("engagement:stats")).content.decode()
    assert url(tree.cc1, "m01", year=datetime.date.today().year).replace("&", "&amp;") in page


@pytest.mark.parametrize("period, year", [("m13", YEAR), ("quý 1", YEAR), ("year", 1999), ("year", 99999), ("year", datetime.date.today().year + 1)])
def test_a_bad_period_is_refused_in_vietnamese_and_nothing_is_issued(tree, make_user, login, period, year):
    party_committee(tree.cc1)
    client = login(make_user(tree.cc1, role=Role.EDITOR))
    response = client.get(url(tree.cc1, period, year), follow=True)
    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert shown and not any(message.isascii() for message in shown), shown
    assert not Document.objects.exists()


def test_a_hamlet_is_reported_on_by_its_communes_party_committee(tree, make_user, login):
    committee = party_committee(tree.cc1)
    client = login(make_user(tree.cc1, role=Role.EDITOR))
    assert download(client, url(tree.h1)) == download(client, url(tree.cc1))
    assert Document.objects.get().issuer == committee


def test_a_unit_without_party_committee_is_told_so(tree, make_user, login):
    client = login(make_user(tree.cc2, role=Role.EDITOR))
    response = client.get(url(tree.cc2), follow=True)
    assert any("Đảng" in str(message) for message in response.context["messages"])
    assert not Document.objects.exists()


def test_a_reader_cannot_issue_and_another_unit_cannot_see(tree, make_user, login, client):
    party_committee(tree.cc1)
    reader = login(make_user(tree.cc1, role=Role.VIEWER))
    response = reader.get(url(tree.cc1), follow=True)
    assert any("chưa được ban hành" in str(message) or "chưa" in str(message) for message in response.context["messages"])
    assert not Document.objects.exists()
    assert login(make_user(tree.cc3, role=Role.EDITOR)).get(url(tree.cc1)).status_code == 404
    assert client.get(url(tree.cc1)).status_code == 302  # anonymous: to the login page
    assert not Document.objects.exists()


def test_a_dialogues_conclusion_notice_is_the_committees_with_the_petitions_raised_there(tree, make_user, login):
    committee = party_committee(tree.cc1)
    chair = committee.positions.get().person
    dialogue = DialogueFactory(unit=tree.cc1, chair=chair, chair_title="Bí thư Đảng ủy", date=datetime.date(YEAR, 3, 12),
                               organizations=[committee], summary="Tập trung giải quyết dứt điểm việc họp chợ lấn chiếm lòng đường.")
    petition = PetitionFactory(unit=tree.cc1, dialogue=dialogue, content="Đề nghị sửa cầu kênh Xáng")
    client = login(make_user(tree.cc1, role=Role.EDITOR))
    address = reverse("engagement:dialogue-notice", args=[dialogue.pk])
    assert address in client.get(dialogue.get_absolute_url()).content.decode()
    first = download(client, address)
    assert download(client, address) == first and Document.objects.count() == 1
    document = Document.objects.get()
    assert (document.issuer, document.type.code, document.signer_name) == (committee, "notice", "Nguyễn Văn Bình")
    assert "-TB/" in document.symbol
    opened = clerk.open_docx(first)
    party = clerk.format_named("party")
    clerk.check_page(opened, party)
    clerk.check_elements(opened, party)
    assert texts(opened, Element.TYPE_NAME) == ["THÔNG BÁO"]
    body = " ".join(texts(opened, Element.BODY))
    assert "120 lượt người tham dự" in body and "12 ý kiến được giải đáp trực tiếp" in body
    assert "họp chợ lấn chiếm lòng đường" in body
    assert f"1. Đề nghị sửa cầu kênh Xáng (giao {petition.assigned_to} giải quyết)." in body
    assert login(make_user(tree.cp2, role=Role.ADMINISTRATOR)).get(address).status_code == 404


def test_a_dialogue_held_by_no_body_is_told_so_and_nothing_is_issued(tree, make_user, login):
    dialogue = DialogueFactory(unit=tree.cc1, organizations=[])
    client = login(make_user(tree.cc1, role=Role.EDITOR))
    page = client.get(reverse("engagement:dialogue-notice", args=[dialogue.pk]), follow=True).content.decode()
    assert "cơ quan đó ban hành thông báo kết luận" in page and not Document.objects.exists()


def test_a_reception_days_notice_speaks_of_citizens_received(tree, make_user, login):
    committee = party_committee(tree.cc1)
    dialogue = DialogueFactory(unit=tree.cc1, chair=committee.positions.get().person, chair_title="Bí thư Đảng ủy",
                               kind=DialogueKind.PARTY_RECEPTION, date=datetime.date(YEAR, 4, 15), participants=9,
                               opinions_raised=4, opinions_answered=3, organizations=[committee])
    opened = clerk.open_docx(download(login(make_user(tree.cc1, role=Role.EDITOR)), reverse("engagement:dialogue-notice", args=[dialogue.pk])))
    assert Document.objects.get().summary == f"kết luận buổi tiếp công dân ngày 15/04/{YEAR}"
    assert "Đã tiếp 9 lượt công dân; 4 ý kiến được nêu, trong đó 3 ý kiến được giải đáp trực tiếp tại buổi tiếp." in " ".join(texts(opened, Element.BODY))
