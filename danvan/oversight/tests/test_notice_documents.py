"""The conclusion notices of a mission and of a meeting as the register issues them: the issuer's Party format,
numbered TB from 01, what was found and what is asked (owner, deadline), issued once, scoped, and refused with a
Vietnamese message (no number taken) when nobody can sign."""

import pytest
from django.urls import reverse

from danvan.core.choices import Role
from danvan.core.documents.models import Document, Element
from danvan.core.tests import documents as clerk
from danvan.oversight.choices import MissionStatus
from danvan.oversight.models import MissionMember
from danvan.oversight.tests.documents import concluded_mission, meeting_with_chair, mission_with_leader

pytestmark = pytest.mark.django_db


def download(client, name, record):
    response = client.get(reverse(f"oversight:{name}", args=[record.pk]))
    assert response.status_code == 200, response
    return b"".join(response.streaming_content)


def texts(opened, element):
    """The element's written lines (the signature block's blank lines for the signature left out)."""
    return [p.text for p in clerk.of_element(opened, element) if p.text]


def body_texts(opened):
    return texts(opened, Element.BODY)


def test_the_mission_notice_is_the_leading_bodys_notice_of_what_was_found_and_what_is_asked(tree, make_user, login):
    mission, _leader = concluded_mission(tree.ld2, tree.lc2)
    client = login(make_user(tree.ld2, role=Role.EDITOR))
    first = download(client, "mission-notice", mission)
    assert download(client, "mission-notice", mission) == first
    # A reader of the district downloads the very file the official issued, and no second number is taken.
    assert download(login(make_user(tree.ld2, role=Role.VIEWER)), "mission-notice", mission) == first
    document = Document.objects.get()
    assert (document.symbol, document.type.code, document.issuer) == ("01-TB/BDVHU", "notice", mission.leading_organization)
    opened = clerk.open_docx(first)
    party = clerk.format_named("party")
    clerk.check_page(opened, party)
    clerk.check_elements(opened, party)
    left, right = clerk.header_lines(opened)
    assert clerk.PARTY_SYMBOL.match(left[-1].removeprefix("Số ")) and right[0] == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert texts(opened, Element.TYPE_NAME) == ["THÔNG BÁO"]
    assert clerk.of_element(opened, Element.SUMMARY)[0].text == "kết luận kiểm tra"
    assert texts(opened, Element.HEADING) == [
        "I. KẾT QUẢ, ƯU ĐIỂM", "II. HẠN CHẾ, KHUYẾT ĐIỂM", "III. NGUYÊN NHÂN", "IV. KIẾN NGHỊ, PHƯƠNG HƯỚNG"]
    body = body_texts(opened)
    assert body[0] == ("Ngày 01/10/2018, Đoàn kiểm tra của Ban Dân vận Huyện ủy Năm Căn do đồng chí Trần Văn Hùng, "
                       "Phó Trưởng ban Dân vận Huyện ủy làm trưởng đoàn đã làm việc với xã Mong Thọ.")
    assert body[1] == "Nội dung: Kiểm tra công tác dân vận 9 tháng năm 2018."
    assert "- [xã Mong Thọ] Quy chế dân chủ ở cơ sở được mở rộng." in body and "- Việc đối thoại còn hình thức." in body
    assert body[-2:] == [
        "- Nhân rộng mô hình “Dân vận khéo” (đơn vị thực hiện: Ủy ban MTTQ Việt Nam huyện Năm Căn; thời hạn: 31/12/2019).",
        "- Rà soát hộ nghèo (đơn vị thực hiện: xã Mong Thọ; thời hạn: chưa định thời hạn).",
    ]
    assert texts(opened, Element.AUTHORITY) == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]
    assert texts(opened, Element.SIGNER) == ["Trần Văn Hùng"]
    recipients = texts(opened, Element.RECIPIENTS)
    assert recipients == ["- xã Mong Thọ", "- Ủy ban MTTQ Việt Nam huyện Năm Căn", "- Lưu VT"], recipients


def test_the_report_and_the_notice_are_two_documents_numbered_in_their_own_types(tree, make_user, login):
    mission, _leader = concluded_mission(tree.ld2, tree.lc2)
    client = login(make_user(tree.ld2, role=Role.EDITOR))
    download(client, "mission-notice", mission)
    download(client, "mission-report", mission)
    download(client, "mission-notice", mission)
    assert sorted(Document.objects.values_list("symbol", flat=True)) == ["01-BC/BDVHU", "01-TB/BDVHU"]


def test_the_notice_link_shows_once_the_mission_has_concluded_and_not_before(tree, make_user, login):
    mission, _leader = concluded_mission(tree.ld2, tree.lc2)
    client = login(make_user(tree.ld2, role=Role.EDITOR))
    link = reverse("oversight:mission-notice", args=[mission.pk])
    assert link in client.get(mission.get_absolute_url()).content.decode()
    mission.status = MissionStatus.IN_PROGRESS
    mission.save()
    assert link not in client.get(mission.get_absolute_url()).content.decode()
    response = client.get(link, follow=True)
    assert "Thông báo kết luận chỉ ban hành khi đoàn đã kết thúc" in response.content.decode() and not Document.objects.exists()


def test_a_concluded_mission_without_leader_gives_the_message_and_no_document(tree, make_user, login):
    mission, _leader = concluded_mission(tree.ld2, tree.lc2)
    MissionMember.objects.filter(mission=mission).delete()
    response = login(make_user(tree.ld2, role=Role.EDITOR)).get(reverse("oversight:mission-notice", args=[mission.pk]), follow=True)
    assert response.status_code == 200 and "cần người ký" in response.content.decode()
    assert not Document.objects.exists()


def test_another_units_user_gets_404_for_either_notice(tree, make_user, login):
    mission, _leader = concluded_mission(tree.ld2, tree.lc2)
    meeting, _chair = meeting_with_chair(tree.ld2, tree.lc2)
    neighbour = login(make_user(tree.lp1, role=Role.ADMINISTRATOR))
    assert neighbour.get(reverse("oversight:mission-notice", args=[mission.pk])).status_code == 404
    assert neighbour.get(reverse("oversight:meeting-notice", args=[meeting.pk])).status_code == 404
    assert not Document.objects.exists()


def test_the_meeting_notice_lists_its_conclusions_and_tasks_by_owner_and_is_issued_once(tree, make_user, login):
    meeting, _chair = meeting_with_chair(tree.ld2, tree.lc2)
    client = login(make_user(tree.ld2, role=Role.EDITOR))
    assert reverse("oversight:meeting-notice", args=[meeting.pk]) in client.get(meeting.get_absolute_url()).content.decode()
    first = download(client, "meeting-notice", meeting)
    assert download(client, "meeting-notice", meeting) == first and Document.objects.count() == 1
    document = Document.objects.get()
    assert (document.issuer, document.symbol, document.type.code) == (meeting.organization, "01-TB/HU", "notice")
    opened = clerk.open_docx(first)
    clerk.check_elements(opened, clerk.format_named("party"))
    left, _right = clerk.header_lines(opened)
    assert clerk.PARTY_SYMBOL.match(left[-1].removeprefix("Số ")), left
    assert texts(opened, Element.TYPE_NAME) == ["THÔNG BÁO"]
    assert clerk.of_element(opened, Element.SUMMARY)[0].text == "kết luận Hội nghị giao ban công tác dân vận 9 tháng"
    body = body_texts(opened)
    assert body[0].startswith("Ngày 03/10/2018, tại Hội trường Huyện ủy, Huyện ủy Năm Căn tổ chức Hội nghị giao ban")
    assert "đồng chí Hoàng Văn Thắng, Phó Bí thư Huyện ủy chủ trì" in body[0]
    assert "Tham dự có các đồng chí: Ngô Văn Tuyến, Trưởng Ban Dân vận." in body
    assert "Kết quả năm dân vận chính quyền chưa rõ nét." in body
    headings = texts(opened, Element.HEADING)
    assert headings == ["I. KẾT LUẬN", "II. NHIỆM VỤ", "1. UBND huyện Năm Căn", "2. Huyện ủy Năm Căn"]
    text = clerk.text(opened)
    assert text.index("Rà soát hộ nghèo") < text.index("Phối hợp tuyển quân") < text.index("2. Huyện ủy Năm Căn")
    assert "- Củng cố Ban Chỉ đạo Đề án 61 (đơn vị thực hiện: Huyện ủy Năm Căn; thời hạn: 31/12/2018)." in body
    # A Party committee's deputy secretary signs on behalf of its standing committee.
    assert texts(opened, Element.AUTHORITY) == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"]
    assert texts(opened, Element.SIGNER) == ["Hoàng Văn Thắng"]
    assert texts(opened, Element.RECIPIENTS) == [
        "- UBND huyện Năm Căn", "- Huyện ủy Năm Căn", "- Lưu VT"]


def test_a_meeting_without_chair_gives_the_message_and_no_document(tree, make_user, login):
    meeting, _chair = meeting_with_chair(tree.ld2, tree.lc2)
    meeting.chair = None
    meeting.save()
    response = login(make_user(tree.ld2, role=Role.EDITOR)).get(reverse("oversight:meeting-notice", args=[meeting.pk]), follow=True)
    assert response.status_code == 200 and "cần người ký" in response.content.decode()
    assert not Document.objects.exists()
