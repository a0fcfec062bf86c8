"""Reading an uploaded spreadsheet: CSV (UTF-8 with or without BOM, else GB18030) or XLSX, into a header
and numbered rows. Headers are matched in Chinese or English, ignoring case, spaces, underscores and `*`."""

import csv
import io
import re
import zipfile
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from redchain.infra.settings import Settings, get_settings
from redchain.services.registry.imports.errors import (
    CompressionTooHigh,
    EmptyFile,
    FileTooLarge,
    MissingColumn,
    TooManyRows,
    UncompressedTooLarge,
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
    """By name, content and size: a renamed image, a legacy .xls or a file past the import limits is refused
    before it reaches the worker, as far as that can be known without parsing it (a workbook's rows are
    counted as the worker reads them)."""
    if len(content) > MAX_IMPORT_BYTES:
        raise FileTooLarge("file", limit_mb=MAX_IMPORT_BYTES // (1024 * 1024))
    limits = get_settings()
    name = filename.lower()
    if name.endswith(".xlsx") and content.startswith(ZIP_MAGIC):
        _check_archive(content, limits)
        return FileKind.XLSX
    if name.endswith(".csv") and b"\x00" not in content[:8192]:
        text = decode_csv(content)
        # A CSV of n rows has at least n - 1 line breaks; only a file with that many is worth counting.
        if text.count("\n") >= limits.import_max_rows:
            deque(_numbered(_csv_rows(text), limits.import_max_rows), maxlen=0)
        return FileKind.CSV
    raise UnsupportedFileType("file")


def _check_archive(content: bytes, limits: Settings) -> None:
    """From the zip's directory alone. Its declared sizes are a bound: zipfile never unpacks a member past
    its file_size, so a member lying about its size reads as damaged, not as more data."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnreadableFile("file") from exc
    unpacked = sum(member.file_size for member in members)
    if unpacked > limits.import_max_uncompressed_bytes:
        raise UncompressedTooLarge("file", limit_mb=limits.import_max_uncompressed_bytes // (1024 * 1024))
    if unpacked > limits.import_max_compression_ratio * max(sum(m.compress_size for m in members), 1):
        raise CompressionTooHigh("file", limit=limits.import_max_compression_ratio)


def _numbered(rows: Iterable[list[Cell]], max_rows: int) -> Iterator[tuple[int, list[Cell]]]:
    """Rows with their spreadsheet numbers; stops reading at the first row past the limit."""
    for number, cells in enumerate(rows, start=1):
        if number > max_rows:
            raise TooManyRows("file", limit=max_rows)
        yield number, cells


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


def _csv_rows(text: str) -> Iterator[list[Cell]]:
    yield from csv.reader(io.StringIO(text, newline=""))


def _xlsx_rows(content: bytes) -> Iterator[list[Cell]]:
    # Opening reads the sheet's <dimension>; a sheet without one is parsed once in full to size it, which the
    # limit on the unpacked size bounds. A member lying about its size fails its CRC, as BadZipFile.
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, ParseError, KeyError, OSError) as exc:
        raise UnreadableFile("file") from exc
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield list(values)
    except (zipfile.BadZipFile, ParseError) as exc:
        raise UnreadableFile("file") from exc
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


def read_table(kind: FileKind, content: bytes, columns: tuple[Column, ...], max_rows: int) -> Table:
    """The file's rows under `columns`; unknown columns are ignored. The header is the first row naming a
    known column, so a title row above it does no harm. Raises MissingColumn, EmptyFile, UnreadableFile,
    TooManyRows (blank rows count: a workbook can declare a million of them in a few bytes)."""
    by_alias = {_key(alias): column for column in columns for alias in (column.field, *column.aliases)}
    rows = _numbered(_csv_rows(decode_csv(content)) if kind is FileKind.CSV else _xlsx_rows(content), max_rows)
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
