"""The built-in .docx templates, built with python-docx so they can be made again
(``danvan build_document_templates``); an administrator may replace any of them per type and format.

Each element sits in a paragraph of its own style ("DV issuer", "DV place_date" …): rendering sets those
styles from the format's data, so a template carries layout and the format carries the figures.
"""

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from danvan.core.documents.models import Element, Layout, style_name

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "data" / "documents"

CENTRED = {Element.NATIONAL_TITLE, Element.MOTTO, Element.TITLE_RULE, Element.SUPERIOR, Element.ISSUER,
           Element.ISSUER_MARK, Element.SYMBOL, Element.PLACE_DATE, Element.TYPE_NAME, Element.SUMMARY,
           Element.RECIPIENT, Element.AUTHORITY, Element.SIGNER, Element.AWARDER, Element.AWARD_VERB,
           Element.CERTIFICATE_TITLE}


def default_template_path(layout):
    return TEMPLATE_DIR / f"{layout}.docx"


def _styles(document):
    for element in Element:
        style = document.styles.add_style(style_name(element), WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.alignment = (
            WD_ALIGN_PARAGRAPH.CENTER if element in CENTRED
            else WD_ALIGN_PARAGRAPH.JUSTIFY if element == Element.BODY else WD_ALIGN_PARAGRAPH.LEFT
        )
    document.styles[style_name(Element.BODY)].paragraph_format.first_line_indent = Pt(28)
    document.styles[style_name(Element.BODY)].paragraph_format.space_after = Pt(6)
    document.styles[style_name(Element.TYPE_NAME)].paragraph_format.space_before = Pt(12)
    document.styles[style_name(Element.HEADING)].paragraph_format.space_before = Pt(6)  # apart from a table above it
    # The certificate's lines stand apart as on the printed sample: "TẶNG" under who awards, the title and the
    # recipient each with room around them.
    document.styles[style_name(Element.AWARDER)].paragraph_format.space_before = Pt(18)
    document.styles[style_name(Element.AWARD_VERB)].paragraph_format.space_before = Pt(6)
    document.styles[style_name(Element.CERTIFICATE_TITLE)].paragraph_format.space_before = Pt(6)
    document.styles[style_name(Element.CERTIFICATE_TITLE)].paragraph_format.space_after = Pt(6)
    document.styles[style_name(Element.RECIPIENT)].paragraph_format.space_after = Pt(6)
    _table_styles(document)
    article = document.styles.add_style("DV article", WD_STYLE_TYPE.CHARACTER)
    article.font.bold = True  # rendering sets it from the format's heading element


# A body's centred headings, tables and attached lists (danh sách kèm theo) take their sizes from the body and
# heading elements (no figures of their own), so a format's data still decides every size.
TABLE_STYLES = {
    "DV centred": (Element.HEADING, WD_ALIGN_PARAGRAPH.CENTER),
    "DV table": (Element.BODY, WD_ALIGN_PARAGRAPH.LEFT), "DV table_head": (Element.HEADING, WD_ALIGN_PARAGRAPH.CENTER),
    "DV annex_title": (Element.HEADING, WD_ALIGN_PARAGRAPH.CENTER), "DV annex_note": (Element.PLACE_DATE, WD_ALIGN_PARAGRAPH.CENTER),
}


def _table_styles(document):
    for name, (base, alignment) in TABLE_STYLES.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles[style_name(base)]
        style.paragraph_format.alignment = alignment
        style.paragraph_format.first_line_indent = Pt(0)
        style.paragraph_format.space_before = style.paragraph_format.space_after = Pt(0)
    document.styles["DV annex_title"].paragraph_format.page_break_before = True
    document.styles["DV centred"].paragraph_format.space_before = Pt(6)
    document.styles["DV centred"].paragraph_format.space_after = Pt(6)
    document.styles["DV annex_note"].paragraph_format.space_after = Pt(12)


def _line(container, element, text):
    return container.add_paragraph(text, style=style_name(element))


def _optional(container, element, variable):
    container.add_paragraph(f"{{%p if {variable} %}}")
    _line(container, element, f"{{{{ {variable} }}}}")
    container.add_paragraph("{%p endif %}")


# Column widths (mm) of the header and signature tables, for a portrait A4 with 30 and 15 mm side margins
# (165 mm of text) and for a landscape one. The header's cells have no side padding, so each column's whole width
# holds text: on the right the widest national title ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13 pt bold, 95 mm)
# and a long place and date line (14 pt italic, about 90 mm) each hold on one line, as on a real document; on the
# left a superior body as long as "HUYỆN ỦY U MINH THƯỢNG" (14 pt, 67 mm) does too, and the issuing body's name
# takes at most two lines, as it does there. The clerk's test measures these lines against the columns.
PORTRAIT_COLUMNS, LANDSCAPE_COLUMNS = (68, 97), (110, 142)


def _no_side_padding(table):
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "0")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.append(margins)


def _two_columns(document, widths):
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = table.rows[0].cells
    for column, cell, width in zip(table.columns, (left, right), widths):
        column.width = cell.width = Mm(width)  # Word reads the cell's width, LibreOffice the grid's
        # A new cell holds one empty paragraph; the template's lines follow it, so drop it.
        cell._tc.remove(cell.paragraphs[0]._p)
    return left, right


def _header(document, widths):
    left, right = _two_columns(document, widths)
    _no_side_padding(document.tables[-1])
    _optional(left, Element.SUPERIOR, "superior")
    _line(left, Element.ISSUER, "{{ issuer }}")
    _optional(left, Element.ISSUER_MARK, "issuer_mark")
    _line(left, Element.SYMBOL, "{{ symbol_line }}")
    _line(right, Element.NATIONAL_TITLE, "{{ national_title }}")
    _optional(right, Element.MOTTO, "motto")
    _optional(right, Element.TITLE_RULE, "title_rule")
    _line(right, Element.PLACE_DATE, "{{ place_date }}")


def _signature(cell):
    _optional(cell, Element.AUTHORITY, "authority")
    _line(cell, Element.AUTHORITY, "{{ signer_title }}")
    for _ in range(3):  # room for the signature and the seal
        _line(cell, Element.SIGNER, "")
    _line(cell, Element.SIGNER, "{{ signer_name }}")


def _table(document):
    """A table of any columns: docxtpl repeats the header cell per column and the row per row
    (rendering then sets the columns' widths); the header row repeats on each page."""
    table = document.add_table(rows=4, cols=3)
    table.style = document.styles["Table Grid"]
    for row, cells in enumerate((("{%tc for column in item.table.columns %}", "{{ column }}", "{%tc endfor %}"),
                                 ("{%tr for row in item.table.rows %}", "", ""),
                                 ("{%tc for cell in row %}", "{{ cell }}", "{%tc endfor %}"),
                                 ("{%tr endfor %}", "", ""))):
        for column, text in enumerate(cells):
            paragraph = table.cell(row, column).paragraphs[0]
            paragraph.text = text
            paragraph.style = document.styles["DV table_head" if row == 0 else "DV table"]
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(OxmlElement("w:tblHeader"))
    header[-1].set(qn("w:val"), "true")


def _body(document, items="body"):
    document.add_paragraph(f"{{%p for item in {items} %}}")
    document.add_paragraph("{%p if item.table %}")
    _table(document)
    document.add_paragraph("{%p elif item.centred %}")
    document.add_paragraph("{{ item.text }}", style="DV centred")
    document.add_paragraph("{%p elif item.article %}")
    article = _line(document, Element.BODY, "")
    article.add_run("{{ item.label }}", style="DV article")
    article.add_run(" {{ item.rest }}")
    document.add_paragraph("{%p elif item.heading %}")
    _line(document, Element.HEADING, "{{ item.text }}")
    document.add_paragraph("{%p else %}")
    _line(document, Element.BODY, "{{ item.text }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")


def _annexes(document):
    """The attached lists after the signature, each from a new page: title, "(Kèm theo … số … ngày … của …)", body."""
    document.add_paragraph("{%p for annex in annexes %}")
    document.add_paragraph("{{ annex.title }}", style="DV annex_title")
    document.add_paragraph("{{ annex_note }}", style="DV annex_note")
    _body(document, "annex.body")
    document.add_paragraph("{%p endfor %}")


def _opening(widths):
    """A new document with the styles, the header block, the type name and the summary."""
    document = Document()
    _styles(document)
    _header(document, widths)
    _line(document, Element.TYPE_NAME, "{{ type_name }}")
    _optional(document, Element.SUMMARY, "summary")
    return document


def build_text():
    document = _opening(PORTRAIT_COLUMNS)
    _body(document)
    recipients, signature = _two_columns(document, PORTRAIT_COLUMNS)
    _line(recipients, Element.RECIPIENTS_HEADING, "{{ recipients_heading }}")
    recipients.add_paragraph("{%p for line in recipients %}")
    _line(recipients, Element.RECIPIENTS, "- {{ line }}")
    recipients.add_paragraph("{%p endfor %}")
    _signature(signature)
    _annexes(document)
    return document


def build_certificate():
    """The state's sample of a giấy khen / bằng khen (Nghị định 98/2023/NĐ-CP, Thông tư of the Ministry of Home
    Affairs on the forms), landscape: the national title (and motto) centred; who awards ("CHỦ TỊCH ỦY BAN NHÂN DÂN
    HUYỆN …", "BAN THƯỜNG VỤ HUYỆN ỦY …"); "TẶNG"; the title in large letters ("GIẤY KHEN"); the recipient; the
    unit and the citation ("Đã có thành tích …"); then on the left the decision it carries out ("Quyết định số …
    ngày … tháng … năm …") and the certificate's number in the register, on the right the place and date and the
    signature."""
    document = Document()
    _styles(document)
    _line(document, Element.NATIONAL_TITLE, "{{ national_title }}")
    _optional(document, Element.MOTTO, "motto")
    _optional(document, Element.TITLE_RULE, "title_rule")
    _line(document, Element.AWARDER, "{{ awarder }}")
    _line(document, Element.AWARD_VERB, "{{ award_verb }}")
    _line(document, Element.CERTIFICATE_TITLE, "{{ certificate_title }}")
    _line(document, Element.RECIPIENT, "{{ recipient_name }}")
    _body(document)
    reference, signature = _two_columns(document, LANDSCAPE_COLUMNS)
    _no_side_padding(document.tables[-1])
    reference.add_paragraph("{%p if reference %}")
    _line(reference, Element.SYMBOL, "{{ reference }}")
    reference.add_paragraph("{%p endif %}")
    _line(reference, Element.SYMBOL, "{{ symbol_line }}")
    _line(signature, Element.PLACE_DATE, "{{ place_date }}")
    _signature(signature)
    return document


BUILDERS = {Layout.TEXT: build_text, Layout.CERTIFICATE: build_certificate}


def write_all(directory=TEMPLATE_DIR):
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for layout, build in BUILDERS.items():
        path = directory / f"{layout}.docx"
        build().save(path)
        written.append(path)
    return written
