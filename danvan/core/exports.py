"""Lists exported to .xlsx, exactly as filtered on the page, ready to print as officials file them.

Every export has a heading (what, which unit, which filters, the export date), an STT column,
dates as dd/mm/yyyy, columns as wide as their content, the header frozen and filterable, and an
A4 landscape page that repeats the header on every sheet of paper.
"""

import dataclasses
import datetime
import itertools

from django.http import HttpResponse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from danvan.core.spreadsheets import starts_like_formula

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


DATE_FORMAT = "dd/mm/yyyy"
# Whole numbers as Vietnamese write them, 12.345, in every locale: "#,##0" would show "12,345" in an
# English-set Excel. The dots are literal, so the cell stays a number (sums, sorting, filters work).
# Below a billion, which no count of this application reaches.
THOUSANDS_FORMAT = r"[>=1000000]#\.###\.##0;[>=1000]#\.##0;0"


class Plain(int):
    """A whole number written without thousands separators: a year (2018, never 2.018), a code."""


def plain(value):
    """``value`` to be written as a plain number (None stays an empty cell)."""
    return None if value is None else Plain(value)


WIDTH_SAMPLE = 200  # rows read ahead to size the columns; the rest streams
MIN_WIDTH, MAX_WIDTH = 6, 60
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


@dataclasses.dataclass(frozen=True)
class ExportHeading:
    """What the rows are, of which unit, under which filters: the lines above the table."""

    title: str
    unit: str = ""
    conditions: str = ""


def _cell(sheet, value):
    if isinstance(value, datetime.datetime):
        value = value.date() if value.time() == datetime.time() else value
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT if not isinstance(value, datetime.datetime) else DATE_FORMAT + " hh:mm"
        return cell
    if isinstance(value, int) and not isinstance(value, (bool, Plain)):
        cell = WriteOnlyCell(sheet, value=int(value))
        cell.number_format = THOUSANDS_FORMAT
        return cell
    if isinstance(value, (int, float)) or value is None:
        return int(value) if isinstance(value, Plain) else value
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))  # control characters would make openpyxl refuse the row
    if not starts_like_formula(text):
        return text
    # Typed text such as =HYPERLINK(...) must reach the reader as that text, never run as a formula:
    # an inline string, marked with a quote prefix so that editing the cell in Excel keeps it text.
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def _shown_width(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return 11
    return max((len(line) for line in str(value if value is not None else "").splitlines()), default=0)


def _widths(headers, sample):
    columns = zip(headers, *sample) if sample else ([header] for header in headers)
    return [min(MAX_WIDTH, max(MIN_WIDTH, *(_shown_width(value) + 2 for value in column))) for column in columns]


def _heading_lines(heading):
    lines = [(heading.title, Font(bold=True, size=14))]
    if heading.unit:
        lines.append((_("Unit: %(unit)s") % {"unit": heading.unit}, None))
    lines.append((heading.conditions or _("All records, no filter"), None))
    lines.append((_("Exported on %(date)s") % {"date": date_format(datetime.date.today(), "d/m/Y")}, Font(italic=True)))
    return lines


def _append_heading(sheet, lines):
    for text, font in lines:
        cell = WriteOnlyCell(sheet, value=str(text))
        if font:
            cell.font = font
        sheet.append([cell])
    sheet.append([])


def _print_setup(sheet, header_row, columns, last_row):
    last_column = get_column_letter(columns)
    sheet.auto_filter.ref = f"A{header_row}:{last_column}{max(last_row, header_row)}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def xlsx_response(filename, headers, rows, sheet_title="Danh sách", heading=None):
    """``rows`` streams (a generator is fine); the first ones are read ahead to size the columns."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(sheet_title)[:31])
    headers = [pgettext("column", "No."), *(str(header) for header in headers)]
    rows = iter(rows)
    sample = [[None, *row] for row in itertools.islice(rows, WIDTH_SAMPLE)]
    for index, width in enumerate(_widths(headers, sample), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    lines = _heading_lines(heading or ExportHeading(str(sheet_title)))
    header_row = len(lines) + 2  # the heading, a blank line, then the header
    sheet.freeze_panes = f"A{header_row + 1}"  # a write-only sheet takes its view before the first row
    _append_heading(sheet, lines)

    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font, cell.border = Font(bold=True), _BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 0
    for count, row in enumerate(itertools.chain((row[1:] for row in sample), rows), start=1):
        sheet.append([_cell(sheet, count), *(_cell(sheet, value) for value in row)])
    _print_setup(sheet, header_row, len(headers), header_row + count)
    response = HttpResponse(content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    workbook.save(response)
    return response


class XlsxExportMixin:
    """For a ScopedListView: ``?format=xlsx`` returns the filtered list; ``export_columns`` names the columns.

    ``export_columns`` is a list of (header, function of the record) pairs; a list whose columns depend on
    the user (a column of personal data only for those allowed to read it) overrides ``get_export_columns()``.
    """

    export_columns = ()
    export_filename = "danh-sach.xlsx"
    export_title = ""  # the heading above the table; the model's plural name when empty

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") != "xlsx":
            return super().get(request, *args, **kwargs)
        filterset = self.get_filterset(self.get_filterset_class())
        valid = filterset.is_valid()
        queryset = filterset.qs if valid else self.get_queryset()
        columns = self.get_export_columns()
        headers = [header for header, _ in columns]
        rows = ([accessor(record) for _, accessor in columns] for record in queryset.iterator(chunk_size=2000))
        return xlsx_response(self.export_filename, headers, rows, heading=self.export_heading(filterset if valid else None))

    def get_export_columns(self):
        return self.export_columns

    def export_heading(self, filterset):
        title = str(self.export_title or self.model._meta.verbose_name_plural).capitalize()
        chosen = filterset.form.cleaned_data if filterset is not None else {}
        unit = chosen.get("unit") or self.request.user.unit
        conditions = [f"{filterset.form.fields[name].label}: {_shown(filterset.form.fields[name], value)}"
                      for name, value in chosen.items() if name not in ("unit", "sort", "o") and value not in (None, "", [], ())]
        return ExportHeading(title, str(getattr(unit, "choice_label", unit) or _("The whole country")), "; ".join(conditions))


def _shown(field, value):
    """A filter's value as the page showed it: the label of a choice, a date as dd/mm/yyyy."""
    if isinstance(value, datetime.date):
        return date_format(value, "d/m/Y")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if hasattr(value, "_meta"):  # a record: its name, without reading the field's whole table of choices
        return str(value)
    labels = {str(key): label for key, label in getattr(field, "choices", ()) if not isinstance(label, (list, tuple))}
    return str(labels.get(str(value), value))


@dataclasses.dataclass(frozen=True)
class PlainTable:
    """A table written under the charted ones, without a chart (a ranking, say)."""

    title: str
    headers: list
    rows: list


CHART_COLUMN = "F"  # charts stand right of their tables
ROW_CM = 0.5  # a default row's height, to keep the next block below a chart


def _chart_height(chart):
    """Centimetres: 7.5 (openpyxl's default) for years, more for a long list of categories."""
    return 7.5 if chart.orientation == "vertical" else max(7.5, 0.6 * len(chart.rows) + 3)


def _write_block(sheet, row, title, headers, rows):
    """A titled table from ``row``; returns the rows of its header and of its last line."""
    sheet.cell(row=row, column=1, value=str(title)).font = Font(bold=True)
    header_row = row + 1
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row=header_row, column=column, value=str(header))
        cell.font, cell.border = Font(bold=True), _BOX
    for offset, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=header_row + offset, column=column, value=value if isinstance(value, (int, float)) or value is None else str(value))
            cell.border = _BOX
            if isinstance(value, int):
                cell.number_format = "#,##0"
            elif isinstance(value, float):
                cell.number_format = "0.0"
    return header_row, header_row + len(rows)


def _bar_chart(sheet, chart, header_row, last_row):
    """The page's chart as an Excel bar chart over the cells just written: the same title, series and categories."""
    bars = BarChart()
    bars.type = "col" if chart.orientation == "vertical" else "bar"
    bars.title = chart.title
    if chart.stacked:
        bars.grouping, bars.overlap = "stacked", 100
    if chart.orientation != "vertical":
        bars.y_axis.majorGridlines = None
        bars.x_axis.scaling.orientation = "maxMin"  # the first row on top, as on the page
    bars.legend = bars.legend if chart.stacked else None
    data = Reference(sheet, min_col=2, max_col=1 + len(chart.series), min_row=header_row, max_row=last_row)
    bars.add_data(data, titles_from_data=True)
    bars.set_categories(Reference(sheet, min_col=1, min_row=header_row + 1, max_row=last_row))
    bars.height = _chart_height(chart)
    bars.width = 16
    return bars


def charts_response(filename, heading, charts, tables=()):
    """Statistics as .xlsx: each ``danvan.core.charts.Chart`` as a table of its figures with the same bar chart
    beside it (an Excel chart on those cells, so the reader can restyle it), then ``tables`` (``PlainTable``)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(heading.title)[:31]
    row = 1
    for text, font in _heading_lines(heading):
        sheet.cell(row=row, column=1, value=str(text)).font = font or Font()
        row += 1
    row += 1
    for chart in charts:
        headers = [_("Category"), *(series.label for series in chart.series)]
        header_row, last_row = _write_block(sheet, row, chart.title, headers, [(label, *values) for label, values in chart.rows])
        if chart.rows:
            sheet.add_chart(_bar_chart(sheet, chart, header_row, last_row), f"{CHART_COLUMN}{row}")
        row += max(last_row - row + 2, int(_chart_height(chart) / ROW_CM) + 2)
    for table in tables:
        last_row = _write_block(sheet, row, table.title, table.headers, table.rows)[1]
        row = last_row + 2
    sheet.column_dimensions["A"].width = 40
    for letter in "BCDE":
        sheet.column_dimensions[letter].width = 14
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    response = HttpResponse(content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    workbook.save(response)
    return response
