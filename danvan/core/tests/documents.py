"""What a clerk checks on a document, shared by the tests of every app that issues one."""

import functools
import io
import re
import shutil
import subprocess

import docx
from docx.oxml.ns import qn
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
    return "\n".join(p.text for p in paragraphs(document)).replace("\u00a0", " ")


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
    # A place is kept in no-break spaces ("HUYỆN U MINH THƯỢNG" is never broken): read as the words it prints.
    return [p.text.replace("\u00a0", " ") for p in left.paragraphs], [p.text.replace("\u00a0", " ") for p in right.paragraphs]


def format_named(code):
    return DocumentFormat.objects.get(code=code)


# --- whether a line holds on one line -----------------------------------------------------------------

@functools.cache
def _font_file(name, bold, italic):
    """The file fontconfig gives for the format's font (Liberation Serif stands for Times New Roman), or None."""
    if shutil.which("fc-match") is None:
        return None
    pattern = name + (":bold" if bold else "") + (":italic" if italic else "")
    found = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True).stdout.strip()
    return found or None


def text_width_mm(text, size, font_name, bold=False, italic=False):
    """The printed width of ``text`` in the format's font, from the font's own advance widths; None without the font."""
    from PIL import ImageFont

    path = _font_file(font_name, bool(bold), bool(italic))
    if path is None:
        return None
    return ImageFont.truetype(path, 1000).getlength(text) / 1000 * float(size) / 72 * 25.4


def _cell_width_mm(table, cell_index):
    grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
    width = Mm(0) + int(grid[cell_index].get(qn("w:w"))) * 635  # twips to EMU
    padding = table._tbl.tblPr.find(qn("w:tblCellMar"))
    sides = [padding.find(qn(f"w:{side}")) for side in ("left", "right")] if padding is not None else [None, None]
    # Without its own padding a cell has Word's and LibreOffice's 0.19 cm a side.
    pad = sum(int(side.get(qn("w:w"))) * 635 if side is not None else Mm(1.9) for side in sides)
    return (width - pad) / 36000


def lines_needed(paragraph, width_mm, font_name):
    """The lines the paragraph takes when wrapped at its spaces (no-break spaces hold), or None without the font;
    a piece wider than the column alone counts as the lines it overflows."""
    font = paragraph.style.font

    def width(text):
        return text_width_mm(text, font.size.pt, font_name, font.bold, font.italic)

    if width(paragraph.text) is None:
        return None
    lines, current = 1, ""
    for piece in paragraph.text.split(" "):
        candidate = f"{current} {piece}" if current else piece
        if width(candidate) <= width_mm:
            current = candidate
            continue
        if current:
            lines += 1
        lines += int(width(piece) // width_mm)
        current = piece
    return lines


def check_header_fits(document, document_format, landscape=False):
    """On A4 at the format's sizes: the national title, motto, rule, place and date, the superior body and the number
    each hold on one line of their column; the issuing body's name on at most two, as on a real document. The
    header's columns span the text width."""
    table = document.tables[0]
    page = document_format.page_height_mm if landscape else document_format.page_width_mm
    text_width = page - document_format.margin_left_mm - document_format.margin_right_mm
    total = sum(int(column.get(qn("w:w"))) for column in table._tbl.tblGrid.findall(qn("w:gridCol"))) / 56.7
    assert abs(total - text_width) < 1, (total, text_width)
    for index, cell in enumerate(table.rows[0].cells):
        width = _cell_width_mm(table, index)
        for paragraph in cell.paragraphs:
            if not paragraph.text:
                continue
            most = 2 if paragraph.style.name == style_name("issuer") else 1
            needed = lines_needed(paragraph, width, document_format.font_name)
            assert needed is None or needed <= most, (paragraph.text, needed, round(width, 1))


ARTICLE = re.compile(r"^Điều \d+\.")


def check_articles(document):
    """"Điều 1.", "Điều 2." … in bold and the article's text not (36-HD/VPTW; Nghị định 30, Phụ lục I)."""
    for paragraph in paragraphs(document):
        if not ARTICLE.match(paragraph.text):
            continue
        runs = [run for run in paragraph.runs if run.text]
        label = ARTICLE.match(paragraph.text).group(0)
        assert runs[0].text == label, (paragraph.text, [run.text for run in runs])

        def bold(run):
            return run.bold if run.bold is not None else bool(run.style.font.bold if run.style is not None else False)

        assert bold(runs[0]) and not any(bold(run) for run in runs[1:]), paragraph.text
