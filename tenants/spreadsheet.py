"""Cells safe to open in a spreadsheet program, for every CSV and XLSX the portal writes.

A school name such as `=HYPERLINK("http://evil","x")` would run as a formula when an office
opens the export (OWASP "CSV injection"): text starting with =, +, -, @, a tab or a carriage
return is written with a leading apostrophe, which spreadsheets show as text. Characters XML
forbids (most control characters) are dropped, so the XLSX writer never fails on a name."""

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# The characters XML 1.0 does not allow (openpyxl raises IllegalCharacterError on them).
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def safe_cell(value):
    """The value to write into a cell: numbers, dates and None as they are, text defused."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_XML.sub("", value)
    if value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_row(values):
    return [safe_cell(value) for value in values]
