"""Lists exported to .xlsx with Vietnamese headers, exactly as filtered on the page."""

import datetime

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from danvan.core.spreadsheets import starts_like_formula

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(sheet, value):
    if isinstance(value, (datetime.date, datetime.datetime, int, float)) or value is None:
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))  # control characters would make openpyxl refuse the row
    if not starts_like_formula(text):
        return text
    # Typed text such as =HYPERLINK(...) must reach the reader as that text, never run as a formula:
    # an inline string, marked with a quote prefix so that editing the cell in Excel keeps it text.
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def xlsx_response(filename, headers, rows, sheet_title="Danh sách"):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    bold = Font(bold=True)

    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=str(header))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
    response = HttpResponse(content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    workbook.save(response)
    return response


class XlsxExportMixin:
    """For a ScopedListView: ``?format=xlsx`` returns the filtered list; ``export_columns`` names the columns.

    ``export_columns`` is a list of (header, function of the record) pairs.
    """

    export_columns = ()
    export_filename = "danh-sach.xlsx"

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") != "xlsx":
            return super().get(request, *args, **kwargs)
        filterset = self.get_filterset(self.get_filterset_class())
        queryset = filterset.qs if filterset.is_valid() else self.get_queryset()
        headers = [header for header, _ in self.export_columns]
        rows = ([accessor(record) for _, accessor in self.export_columns] for record in queryset.iterator(chunk_size=2000))
        return xlsx_response(self.export_filename, headers, rows)
