"""A body may carry a table and a document may attach lists after its signature (danh sách kèm theo)."""

import pytest

from danvan.core.choices import Role
from danvan.core.documents.render import CENTRED, Annex, Table
from danvan.core.tests import documents as clerk
from danvan.core.tests.test_documents import issue, party_body

pytestmark = pytest.mark.django_db


def test_a_table_in_the_body_and_an_attached_list_are_rendered_with_their_rows_and_widths(tree, make_user):
    scores = Table(("Tiêu chí", "Điểm"), (("Hiệu quả", "30"), ("Nhân rộng", "20")), widths=(3, 1))
    attached = Table(("STT", "Tên", "Đơn vị"), (("1", "Chi hội A", "xã X"),), widths=(1, 4, 4))
    document = issue(make_user(tree.cp2, role=Role.EDITOR), party_body(tree.cp2),
                     body=[(CENTRED, "QUYẾT ĐỊNH:"), (True, "I. KẾT QUẢ"), scores, (False, "Kết luận.")],
                     annexes=[Annex("DANH SÁCH KÈM THEO", ((False, "Gồm 01 tập thể."), attached))])
    opened = clerk.open_docx(document.file.read())
    tables = [t for t in opened.tables if t.rows[0].cells[0].paragraphs[0].style.name == "DV table_head"]
    assert [[c.text for c in row.cells] for row in tables[0].rows] == [["Tiêu chí", "Điểm"], ["Hiệu quả", "30"], ["Nhân rộng", "20"]]
    assert [[c.text for c in row.cells] for row in tables[1].rows] == [["STT", "Tên", "Đơn vị"], ["1", "Chi hội A", "xã X"]]
    first, second = (cell.width for cell in tables[0].rows[1].cells)
    assert abs(first - 3 * second) < 2000  # EMU rounding
    assert [p.text for p in opened.paragraphs if p.style.name == "DV centred"] == ["QUYẾT ĐỊNH:"]
    assert [p.text for p in clerk.of_element(opened, "heading")] == ["I. KẾT QUẢ"]
    titles = [p for p in opened.paragraphs if p.style.name == "DV annex_title"]
    assert [p.text for p in titles] == ["DANH SÁCH KÈM THEO"]
    note = [p.text for p in opened.paragraphs if p.style.name == "DV annex_note"]
    assert note == [f"(Kèm theo Báo cáo số {document.symbol} ngày 05/3/2026 của Ban Tuyên giáo và Dân vận Tỉnh ủy Cà Mau)"]
    clerk.check_elements(opened, clerk.format_named("party"))


def test_a_document_without_tables_prints_no_attached_list(tree, make_user):
    document = issue(make_user(tree.cp2, role=Role.EDITOR), party_body(tree.cp2))
    opened = clerk.open_docx(document.file.read())
    assert not [p for p in opened.paragraphs if p.style.name.startswith("DV annex")]
    assert not [t for t in opened.tables if t.rows[0].cells[0].paragraphs[0].style.name == "DV table_head"]
