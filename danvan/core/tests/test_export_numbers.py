"""Whole numbers in .xlsx exports read as Vietnamese write them (12.345) and stay numbers; years stay 2018."""

import io
import re

from openpyxl import load_workbook

from danvan.core.exports import THOUSANDS_FORMAT, plain, xlsx_response


def shown(number, number_format):
    """What Excel or LibreOffice shows for ``number`` under a conditional format of digit placeholders and literal dots."""
    for section in number_format.split(";"):
        condition = re.match(r"\[>=(\d+)\]", section)
        if condition is None or number >= int(condition.group(1)):
            pattern = re.sub(r"^\[[^\]]*\]", "", section).replace("\\", "")
            break
    digits, out = list(str(abs(number))), []
    for symbol in reversed(pattern):
        if symbol in "#0":
            out.append(digits.pop() if digits else ("0" if symbol == "0" else ""))
        elif digits:
            out.append(symbol)
    return ("-" if number < 0 else "") + "".join(digits) + "".join(reversed(out))


def test_the_format_shows_dots_between_thousands():
    assert [shown(n, THOUSANDS_FORMAT) for n in (0, 7, 999, 1000, 12345, 999999, 1000000, 14154000, 987654321)] == [
        "0", "7", "999", "1.000", "12.345", "999.999", "1.000.000", "14.154.000", "987.654.321"]


def _exported(rows):
    response = xlsx_response("x.xlsx", ["Số hộ", "Năm", "Tỷ lệ", "Ghi chú"], rows)
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = next(row for row in sheet.iter_rows() if row[0].value == "STT")
    return list(sheet.iter_rows(min_row=header[0].row + 1))


def test_counts_carry_the_thousands_format_and_stay_numbers_while_years_stay_plain():
    first, second = _exported([[14154, plain(2018), 1.5, "12345"], [7, plain(None), None, True]])
    count, year, ratio, note = first[1:]
    assert (count.value, count.data_type, count.number_format) == (14154, "n", THOUSANDS_FORMAT)
    assert shown(count.value, count.number_format) == "14.154"
    assert (year.value, year.data_type, year.number_format) == (2018, "n", "General")
    assert ratio.value == 1.5 and ratio.number_format == "General"
    assert (note.value, note.data_type) == ("12345", "s")  # text typed as digits stays text
    assert second[1].value == 7 and second[2].value is None and second[4].value is True
    assert first[0].number_format == THOUSANDS_FORMAT  # the STT column is a count too
