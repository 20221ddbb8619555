"""A directive's implementation report as the register issues it: the reporting unit's body (its own directive's
issuer, or for a directive from above the viewer's body of the same kind), the matrix's data (who concretised it,
with what document and when, who has not yet), issued once per reporting body, scoped, refused in Vietnamese."""

import pytest
from django.urls import reverse

from danvan.core.choices import Role
from danvan.core.documents.models import Document, Element
from danvan.core.tests import documents as clerk
from danvan.directives.tests.documents import directive_from_the_province
from danvan.people.tests.factories import PersonFactory, PositionFactory

pytestmark = pytest.mark.django_db


def report_url(directive):
    return reverse("directives:report", args=[directive.pk])


def download(client, directive):
    response = client.get(report_url(directive))
    assert response.status_code == 200, response
    return b"".join(response.streaming_content)


def texts(opened, element):
    return [p.text for p in clerk.of_element(opened, element) if p.text]


def test_the_district_reports_which_communes_concretised_a_provincial_resolution(tree, make_user, login):
    directive, commission, _head = directive_from_the_province(tree.ld2, [tree.lc2, tree.lc3])
    client = login(make_user(tree.ld2, role=Role.EDITOR))
    page = client.get(directive.get_absolute_url()).content.decode()
    assert report_url(directive) in page
    first = download(client, directive)
    assert download(client, directive) == first and Document.objects.count() == 1
    document = Document.objects.get()
    assert (document.issuer, document.symbol, document.type.code) == (commission, "01-BC/BDVHU", "report")
    opened = clerk.open_docx(first)
    party = clerk.format_named("party")
    clerk.check_page(opened, party)
    clerk.check_elements(opened, party)
    left, right = clerk.header_lines(opened)
    assert clerk.PARTY_SYMBOL.match(left[-1].removeprefix("Số ")) and right[0] == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert texts(opened, Element.TYPE_NAME) == ["BÁO CÁO"]
    assert texts(opened, Element.SUMMARY) == [f"kết quả triển khai thực hiện {directive}"]
    assert texts(opened, Element.BODY) == [
        f"Thực hiện {directive} ngày 03/06/2013 của Ban Dân vận Tỉnh ủy Cà Mau về tăng cường công tác dân vận, "
        "Ban Dân vận Huyện ủy Năm Căn báo cáo kết quả triển khai thực hiện như sau:",
        "- Chương trình hành động 20-CTr/HU ngày 15/07/2013 (triển khai ngày 15/07/2013)",
        "- xã Mong Thọ: Kế hoạch 13-KH/ĐU ngày 29/08/2013 (triển khai ngày 01/09/2013)",
        "- xã Hàm Rồng",
    ]
    assert texts(opened, Element.HEADING) == [
        "I. VIỆC CỤ THỂ HÓA Ở CẤP MÌNH", "II. CÁC ĐƠN VỊ ĐÃ CỤ THỂ HÓA (1/2)", "III. CÁC ĐƠN VỊ CHƯA CỤ THỂ HÓA (1)"]
    assert texts(opened, Element.SIGNER) == ["Tôn Nữ Hương Giang"]
    assert texts(opened, Element.RECIPIENTS) == ["- Ban Dân vận Tỉnh ủy Cà Mau", "- Lưu VT"]


def test_the_issuing_body_reports_on_its_own_directive_naming_the_units_one_level_below(tree, make_user, login):
    directive, _commission, _head = directive_from_the_province(tree.ld2, [tree.lc2, tree.lc3])
    client = login(make_user(tree.lp2, role=Role.EDITOR))
    assert report_url(directive) in client.get(directive.get_absolute_url()).content.decode()
    response = client.get(report_url(directive), follow=True)
    # The provincial commission's head is not recorded: refused on the page, no number taken.
    assert "cần người ký" in response.content.decode() and not Document.objects.exists()
    PositionFactory(person=PersonFactory(unit=tree.lp2, full_name="Phan Thành Đức"), organization=directive.issuing_organization,
                    title="Phó Trưởng ban Dân vận Tỉnh ủy")
    opened = clerk.open_docx(download(client, directive))
    assert Document.objects.get().issuer == directive.issuing_organization
    body = texts(opened, Element.BODY)
    # The district concretised it through its commune: a unit below counts for the district.
    assert "- huyện Năm Căn: Chương trình hành động 20-CTr/HU ngày 15/07/2013 (triển khai ngày 15/07/2013); " \
           "Kế hoạch 13-KH/ĐU ngày 29/08/2013 (triển khai ngày 01/09/2013)" in body, body
    # The issuer does not concretise its own text: its report opens with the units below.
    assert texts(opened, Element.HEADING) == ["I. CÁC ĐƠN VỊ ĐÃ CỤ THỂ HÓA (1/1)", "II. CÁC ĐƠN VỊ CHƯA CỤ THỂ HÓA (0)"]
    assert texts(opened, Element.AUTHORITY) == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]
    assert texts(opened, Element.SIGNER) == ["Phan Thành Đức"]


def test_no_head_that_day_gives_the_message_and_no_document(tree, make_user, login):
    directive, commission, _head = directive_from_the_province(tree.ld2, [tree.lc2, tree.lc3])
    commission.positions.update(valid_to="2016-12-31")
    response = login(make_user(tree.ld2, role=Role.EDITOR)).get(report_url(directive), follow=True)
    assert response.status_code == 200 and "cần người ký" in response.content.decode()
    assert not Document.objects.exists()


def test_a_unit_with_no_reporting_body_sees_no_link_and_gets_the_message(tree, make_user, login):
    directive, _commission, _head = directive_from_the_province(tree.ld2, [tree.lc2, tree.lc3])
    client = login(make_user(tree.lc3, role=Role.EDITOR))
    assert report_url(directive) not in client.get(directive.get_absolute_url()).content.decode()
    response = client.get(report_url(directive), follow=True)
    assert "không có tổ chức nào báo cáo được" in response.content.decode() and not Document.objects.exists()


def test_another_units_user_gets_404(tree, make_user, login):
    directive, _commission, _head = directive_from_the_province(tree.ld2, [tree.lc2, tree.lc3])
    assert login(make_user(tree.lp1, role=Role.ADMINISTRATOR)).get(report_url(directive)).status_code == 404
    assert not Document.objects.exists()
