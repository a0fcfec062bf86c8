"""Reading an uploaded spreadsheet: CSV (UTF-8 with or without BOM, else GB18030) or XLSX, into a header
and numbered rows. Headers are matched in Chinese or English, ignoring case, spaces, underscores and `*`."""

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from redchain.services.registry.imports.errors import (
    EmptyFile,
    FileTooLarge,
    MissingColumn,
    UnreadableFile,
    UnsupportedFileType,
)

MAX_IMPORT_BYTES = 20 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
Cell = str | int | float | date | datetime | None


class FileKind(StrEnum):
    CSV = "CSV"
    XLSX = "XLSX"


@dataclass(frozen=True)
class Column:
    field: str
    aliases: tuple[str, ...]
    required: bool = False


@dataclass(frozen=True)
class Table:
    """`headers[field]` is the column's header as written in the file (the error report names it so);
    `rows` are (spreadsheet row number, cells by field), blank rows left out."""

    headers: dict[str, str]
    rows: list[tuple[int, dict[str, Cell]]]


def _key(header: object) -> str:
    return re.sub(r"[\s_*\ufeff]", "", str(header or "")).lower()


def file_kind(filename: str, content: bytes) -> FileKind:
    """By name and content: a renamed image or a legacy .xls is refused before it reaches the worker."""
    if len(content) > MAX_IMPORT_BYTES:
        raise FileTooLarge("file", limit_mb=MAX_IMPORT_BYTES // (1024 * 1024))
    name = filename.lower()
    if name.endswith(".xlsx") and content.startswith(ZIP_MAGIC):
        return FileKind.XLSX
    if name.endswith(".csv") and b"\x00" not in content[:8192]:
        decode_csv(content)
        return FileKind.CSV
    raise UnsupportedFileType("file")


def decode_csv(content: bytes) -> str:
    # Excel on Chinese Windows saves "CSV" as GB18030 (GBK); everything else sends UTF-8, often with a BOM.
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise UnsupportedFileType("file") from exc


def _csv_rows(content: bytes) -> Iterator[list[Cell]]:
    yield from csv.reader(io.StringIO(decode_csv(content), newline=""))


def _xlsx_rows(content: bytes) -> Iterator[list[Cell]]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise UnreadableFile("file") from exc
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield list(values)
    finally:
        workbook.close()


def _blank(cells: Iterable[Any]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def _header(cells: list[Cell], by_alias: dict[str, Column]) -> dict[str, tuple[int, str]]:
    """Recognised columns of a row: field -> (position, header as written)."""
    found: dict[str, tuple[int, str]] = {}
    for position, header in enumerate(cells):
        column = by_alias.get(_key(header))
        if column is not None and column.field not in found:
            found[column.field] = (position, str(header).strip().lstrip("\ufeff"))
    return found


def read_table(kind: FileKind, content: bytes, columns: tuple[Column, ...]) -> Table:
    """The file's rows under `columns`; unknown columns are ignored. The header is the first row naming a
    known column, so a title row above it does no harm. Raises MissingColumn, EmptyFile, UnreadableFile."""
    by_alias = {_key(alias): column for column in columns for alias in (column.field, *column.aliases)}
    rows = enumerate(_csv_rows(content) if kind is FileKind.CSV else _xlsx_rows(content), start=1)
    header: dict[str, tuple[int, str]] = {}
    blank_file = True
    for _, cells in rows:
        blank_file = blank_file and _blank(cells)
        header = _header(cells, by_alias)
        if header:
            break
    if blank_file:
        raise EmptyFile("file")
    for column in columns:
        if column.required and column.field not in header:
            raise MissingColumn("file", column=column.aliases[0])
    table_rows = []
    for number, cells in rows:
        if _blank(cells):
            continue
        table_rows.append((number, {field: cells[i] if i < len(cells) else None for field, (i, _) in header.items()}))
    if not table_rows:
        raise EmptyFile("file")
    return Table({field: text for field, (_, text) in header.items()}, table_rows)
