"""Rendering a document: the template of its type and format, filled with docxtpl, then given the
page, margins, font and each element's size and weight from the format's data."""

import dataclasses
import io
import re

import jinja2
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docxtpl import DocxTemplate

from danvan.core.documents.defaults import default_template_path
from danvan.core.documents.models import DocumentTemplate, style_name

_UNDEFINED = re.compile(r"'(?:[^']*object'? has no attribute )?'?([\w.]+)'? (?:is undefined|has no attribute)|has no attribute '([\w]+)'")


# A body item ``(CENTRED, text)`` is a heading set in the middle of the line ("QUYẾT ĐỊNH:", the deciding authority).
CENTRED = "centred"


@dataclasses.dataclass(frozen=True)
class Article:
    """An article of a decision ("Điều 1. Tặng …"): the guides set "Điều" and its number in bold, the rest as the body.

    ``text`` is the whole article as translated; its label is what comes before the first ". "."""

    text: str

    @property
    def label(self):
        return self.text.split(". ", 1)[0] + "." if ". " in self.text else ""

    @property
    def rest(self):
        return self.text.split(". ", 1)[1] if ". " in self.text else self.text


# Character styles of the built-in templates and the element whose weight and slant they take (their size is the
# paragraph's): an article's "Điều 1." is as bold as the body's headings.
CHARACTER_STYLES = {"DV article": "heading"}


@dataclasses.dataclass(frozen=True)
class Table:
    """A table in a document's body or attached list: ``columns`` are the header cells, ``rows`` lists of cell
    texts, ``widths`` the columns' relative widths (equal when left out)."""

    columns: tuple
    rows: tuple
    widths: tuple = ()

    def context(self):
        return {"columns": [str(c) for c in self.columns], "rows": [[str(cell) for cell in row] for row in self.rows]}


@dataclasses.dataclass(frozen=True)
class Annex:
    """An attached list (danh sách kèm theo) printed after the signature from a new page: a title and a body."""

    title: str
    body: tuple


def template_source(document_type, document_format):
    """The administrator's uploaded template for (type, format), else the built-in one of the type's layout."""
    uploaded = DocumentTemplate.objects.filter(type=document_type, format=document_format).first()
    if uploaded and uploaded.file:
        with uploaded.file.open("rb") as handle:
            return io.BytesIO(handle.read())
    return str(default_template_path(document_type.layout))


def _field_of(error):
    """The template field a Jinja error is about ("summary", "item.text" …), for the official to fix the template."""
    match = _UNDEFINED.search(str(error))
    return (match.group(1) or match.group(2)) if match else None


def _refuse(error):
    field = _field_of(error)
    if field:
        return ValidationError(_("The document's template cannot be used: its field “%(field)s” is unknown.") % {"field": field})
    return ValidationError(_("The document's template cannot be used: %(error)s") % {"error": error})


def _apply_page(document, document_format, landscape):
    width, height = Mm(document_format.page_width_mm), Mm(document_format.page_height_mm)
    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (height, width) if landscape else (width, height)
        section.top_margin = Mm(document_format.margin_top_mm)
        section.bottom_margin = Mm(document_format.margin_bottom_mm)
        section.left_margin = Mm(document_format.margin_left_mm)
        section.right_margin = Mm(document_format.margin_right_mm)


def _set_font(font, name):
    font.name = name
    fonts = font.element.rPr.rFonts
    for attribute in ("w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)


def _apply_styles(document, document_format, elements):
    styles = {style.name: style for style in document.styles}
    _set_font(styles["Normal"].font, document_format.font_name)
    for element in elements:
        style = styles.get(style_name(element.element))
        if style is None:
            continue  # an administrator's template may leave an element out
        _set_font(style.font, document_format.font_name)
        style.font.size = Pt(float(element.size))
        style.font.bold, style.font.italic, style.font.underline = element.bold, element.italic, element.underline
    by_element = {element.element: element for element in elements}
    for name, source in CHARACTER_STYLES.items():
        style, element = styles.get(name), by_element.get(source)
        if style is not None and element is not None:
            _set_font(style.font, document_format.font_name)
            style.font.bold, style.font.italic = element.bold, element.italic


def _is_table(table):
    cells = table.rows[0].cells if table.rows else ()
    return bool(cells) and cells[0].paragraphs and cells[0].paragraphs[0].style.name == "DV table_head"


def _apply_widths(document, document_format, landscape, tables):
    """Each rendered table spans the text width, its columns in the proportions its ``Table`` asks for."""
    page = document_format.page_height_mm if landscape else document_format.page_width_mm
    text_width = page - document_format.margin_left_mm - document_format.margin_right_mm
    rendered = [table for table in document.tables if _is_table(table)]
    if len(rendered) != len(tables):
        return  # an administrator's template left a table out: keep its own widths
    for table, wanted in zip(rendered, tables):
        count = len(table.rows[0].cells)
        weights = list(wanted.widths) if len(wanted.widths) == count else [1] * count
        widths = [Mm(text_width * weight / sum(weights)) for weight in weights]
        for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
            column.set(qn("w:w"), str(int(width.twips)))
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = width


def _fit_layout_tables(document, document_format, landscape):
    """The header and signature tables span the format's text width: a format with other margins (the Đoàn's
    20 mm on the right) keeps the template's proportions between the columns."""
    page = document_format.page_height_mm if landscape else document_format.page_width_mm
    text_width = Mm(page - document_format.margin_left_mm - document_format.margin_right_mm)
    for table in document.tables:
        if _is_table(table):
            continue
        columns = table._tbl.tblGrid.findall(qn("w:gridCol"))
        widths = [int(column.get(qn("w:w")) or 0) for column in columns]
        if not all(widths):
            continue  # an administrator's table without fixed widths
        scaled = [Mm(text_width.mm * width / sum(widths)) for width in widths]
        for column, width in zip(columns, scaled):
            column.set(qn("w:w"), str(int(width.twips)))
        for row in table.rows:
            for cell, width in zip(row.cells, scaled):
                cell.width = width


def render(document_type, document_format, context, tables=()):
    """The .docx bytes; a template that does not render raises ValidationError naming the field.

    ``tables`` are the body's and attached lists' ``Table`` objects in the order the document prints them."""
    elements = list(document_format.elements.all())
    try:
        template = DocxTemplate(template_source(document_type, document_format))
        template.render(context, jinja_env=jinja2.Environment(undefined=jinja2.StrictUndefined), autoescape=True)
    except (jinja2.TemplateError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise _refuse(error) from error
    except Exception as error:  # a file that is no .docx at all (zipfile, lxml errors)
        raise ValidationError(_("The document's template is not a Word document (.docx).")) from error
    _apply_page(template.docx, document_format, document_type.landscape)
    _apply_widths(template.docx, document_format, document_type.landscape, tables)
    _fit_layout_tables(template.docx, document_format, document_type.landscape)
    _apply_styles(template.docx, document_format, elements)
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def heading(index, label):
    """A body's part heading as documents number them: ``heading(1, "Hạn chế")`` is (True, "II. HẠN CHẾ")."""
    return True, f"{ROMAN[index]}. {label.upper()}"
