"""Spreadsheet cells that a spreadsheet program would run as a formula (OWASP: CSV/formula injection).

Exports write such text as text; imports refuse it, naming the row and the column.
"""

import re

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

# A cell whose text starts with one of these is taken for a formula by Excel or LibreOffice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# "-5", "+84912345678", "-1,5": numbers typed as text, which no program runs.
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")


def starts_like_formula(text):
    """True for text a spreadsheet program may run, whatever it is (exports write all of it as text)."""
    return isinstance(text, str) and text.startswith(FORMULA_STARTS)


def is_formula(value):
    """True for a cell an import must refuse: a formula, or text starting like one that is not a plain number."""
    if isinstance(value, (ArrayFormula, DataTableFormula)):
        return True
    return starts_like_formula(value) and not _PLAIN_NUMBER.fullmatch(value.strip())


def formula_problems(row_number, values, column_names):
    """One message per cell of the row that holds a formula; ``column_names[i]`` names column i (else its letter)."""
    return [
        _("Row %(row)s, column “%(column)s”: a cell may not begin with =, +, -, @, a tab or a line break "
          "(a spreadsheet formula); remove that character.") % {
            "row": row_number, "column": column_names[index] if index < len(column_names) else get_column_letter(index + 1)}
        for index, value in enumerate(values) if is_formula(value)
    ]
