"""Spreadsheets for the import tests, written the way clerks' tools write them."""

import csv
import io
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
