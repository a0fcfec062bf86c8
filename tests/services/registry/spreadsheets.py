"""Spreadsheets for the import tests, written the way clerks' tools write them."""

import csv
import io
import zipfile
from functools import cache
from typing import Any

from openpyxl import Workbook

from redchain.services.registry.credit_code import make_credit_code

ENTERPRISE_HEADER_ZH = [
    "统一社会信用代码",
    "企业名称",
    "产业链",
    "地址",
    "片区",
    "职工人数",
    "重点企业",
    "联系人",
    "联系电话",
]
ENTERPRISE_HEADER_EN = [
    "creditCode",
    "name",
    "chain",
    "address",
    "area",
    "employeeCount",
    "isKey",
    "contactName",
    "contactPhone",
]


def csv_bytes(rows: list[list[Any]], encoding: str = "utf-8", bom: bool = False) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    return ("\ufeff" if bom else "").encode(encoding) + out.getvalue().encode(encoding)


def xlsx_bytes(rows: list[list[Any]], title_row: str | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    if title_row:
        sheet.append([title_row])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def enterprise_row(serial: int, chain: str = "", **overrides: Any) -> list[Any]:
    values = {
        "credit_code": make_credit_code(serial),
        "name": f"博翔新材料科技有限公司{serial}",
        "chain": chain,
        "address": "长沙高新区麓谷大道 627 号",
        "area": "麓谷片区",
        "employee_count": 120,
        "is_key": "否",
        "contact_name": "王丽",
        "contact_phone": "13800138000",
    } | overrides
    return list(values.values())


@cache
def xlsx_bomb(uncompressed_mb: int, complete: bool = True) -> bytes:
    """A workbook as a decompression bomb, written with zipfile directly (openpyxl would take minutes): a
    header row, then equal enterprise rows, each followed by 16 kB of whitespace (legal between elements,
    skipped by readers), until the sheet is `uncompressed_mb` large; deflate packs it ~800:1. With
    `complete=False` the sheet's XML is left unclosed, so a reader that goes on to its end fails where one
    that stops at a limit does not."""
    row = ("<row>" + "".join(_inline(value) for value in enterprise_row(1)) + "</row>").encode() + b" " * 16_000
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in WORKBOOK_PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            chunks = uncompressed_mb * 1024 * 1024 // (64 * len(row))
            # Declared as Excel declares it; without it openpyxl would parse the whole sheet just to size it.
            sheet.write(_SHEET_START.format(last_row=1 + 64 * chunks).encode())
            sheet.write(("<row>" + "".join(_inline(h) for h in ENTERPRISE_HEADER_ZH) + "</row>").encode())
            for _ in range(chunks):
                sheet.write(row * 64)
            if complete:
                sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


def _inline(value: Any) -> str:
    return f'<c t="inlineStr"><is><t>{value}</t></is></c>'


_SHEET_START = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<dimension ref="A1:I{last_row}"/><sheetData>'
)
WORKBOOK_PARTS = {
    "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>',
    "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="企业" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>',
}
