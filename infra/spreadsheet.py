"""The one spreadsheet writer every export goes through, CSV or XLSX: text a spreadsheet program would run
as a formula (CSV/formula injection, OWASP) is written so that it stays text."""

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

Cell = str | int | None
# Excel, LibreOffice and Google Sheets evaluate a cell starting with one of these, even after spaces.
FORMULA_START = re.compile(r"^\s*[=+\-@\t\r]")


class SheetFormat(StrEnum):
    CSV = "CSV"
    XLSX = "XLSX"


MEDIA_TYPES = {
    SheetFormat.CSV: "text/csv; charset=utf-8",
    SheetFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class SheetFile:
    filename: str
    media_type: str
    content: bytes


def is_formula(text: str) -> bool:
    return FORMULA_START.match(text) is not None


def csv_text(rows: Iterable[Sequence[Cell]]) -> str:
    """With a byte-order mark, so Excel reads the Chinese. A formula-like text gets a leading apostrophe,
    which Excel and LibreOffice take as "this is text"; numbers stay numbers, negative ones included."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow(["'" + cell if isinstance(cell, str) and is_formula(cell) else cell for cell in row])
    return "\ufeff" + out.getvalue()


def _xlsx_cell(sheet: WriteOnlyWorksheet, value: Cell) -> WriteOnlyCell:
    if not isinstance(value, str):
        return WriteOnlyCell(sheet, value=value)
    # openpyxl raises on control characters XML cannot carry; the rest of the text is worth more than them.
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))
    # openpyxl stores a str beginning with "=" as a live formula; an explicit string cell is never evaluated.
    cell.data_type = "s"
    return cell


def xlsx_bytes(title: str, rows: Iterable[Sequence[Cell]]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sheet_file(fmt: SheetFormat, stem: str, title: str, rows: Iterable[Sequence[Cell]]) -> SheetFile:
    """`title` names the XLSX worksheet (at most 31 characters); a CSV has none."""
    content = xlsx_bytes(title, rows) if fmt is SheetFormat.XLSX else csv_text(rows).encode()
    return SheetFile(f"{stem}.{fmt.value.lower()}", MEDIA_TYPES[fmt], content)
