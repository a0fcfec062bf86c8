"""Formula-injection payloads that every export test types through its real inputs, and how to read an
export back as a spreadsheet program would."""

import csv
import io

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell

FORMULAS = ('=HYPERLINK("http://x","y")', "+1+1", "@SUM(A1)", "-2+3")


def csv_cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def xlsx_cells(content: bytes) -> list[list[Cell]]:
    """Not read-only: that mode reports a formula as its text, and data_type is what tells them apart."""
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    return [list(row) for row in sheet.iter_rows()]  # type: ignore[misc]


def assert_inert_xlsx(content: bytes, payloads: tuple[str, ...] = FORMULAS) -> None:
    """Each payload is in the workbook, as a string cell, not a formula; no cell at all is a formula."""
    cells = [cell for row in xlsx_cells(content) for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    as_strings = {cell.value for cell in cells if cell.data_type == "s"}
    assert set(payloads) <= as_strings
