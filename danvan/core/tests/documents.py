"""What a clerk checks on a document, shared by the tests of every app that issues one."""

import io
import re

import docx
from docx.shared import Mm, Pt

from danvan.core.documents.models import DocumentFormat, style_name

PARTY_SYMBOL = re.compile(r"^\d{2,}-[A-ZĐ]{1,4}r?/[A-ZĐ]+$")
STATE_SYMBOL = re.compile(r"^\d{2,}/[A-ZĐ]{1,4}r?-[A-ZĐ]+$")


def open_docx(content):
    return docx.Document(io.BytesIO(content))


def paragraphs(document):
    """Every paragraph in reading order: the header and signature tables' cells included."""
    found = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            found.append(docx.text.paragraph.Paragraph(block, document))
        elif block.tag.endswith("}tbl"):
            table = docx.table.Table(block, document)
            for row in table.rows:
                for cell in row.cells:
                    found.extend(cell.paragraphs)
    return found


def of_element(document, element):
    return [p for p in paragraphs(document) if p.style.name == style_name(element)]


def text(document):
    return "\n".join(p.text for p in paragraphs(document))


def check_page(document, document_format, landscape=False):
    section = document.sections[0]
    width, height = Mm(document_format.page_width_mm), Mm(document_format.page_height_mm)
    expected = (height, width) if landscape else (width, height)
    assert abs(section.page_width - expected[0]) < Mm(1) and abs(section.page_height - expected[1]) < Mm(1)
    for side in ("top", "bottom", "left", "right"):
        assert abs(getattr(section, f"{side}_margin") - Mm(getattr(document_format, f"margin_{side}_mm"))) < Mm(0.5), side


def check_elements(document, document_format):
    """Each element's paragraphs carry the format's font, size, weight and slant, and every run says the font."""
    assert document.styles["Normal"].font.name == document_format.font_name
    for element in document_format.elements.all():
        for paragraph in of_element(document, element.element):
            style = paragraph.style
            assert style.font.name == document_format.font_name, element.element
            assert style.font.size == Pt(float(element.size)), element.element
            assert bool(style.font.bold) == element.bold and bool(style.font.italic) == element.italic, element.element
            for run in paragraph.runs:
                assert run.font.name in (None, document_format.font_name)
                assert run.font.size in (None, style.font.size)


def header_lines(document):
    """The header's lines in order: left column then right column, as written."""
    table = document.tables[0]
    left, right = table.rows[0].cells
    return [p.text for p in left.paragraphs], [p.text for p in right.paragraphs]


def format_named(code):
    return DocumentFormat.objects.get(code=code)
