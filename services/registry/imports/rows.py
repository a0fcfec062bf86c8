"""Checking spreadsheet rows: each cell parsed and validated in Python, every problem reported with its
row number and the column's header as written in the file."""

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from redchain.services.errors import DomainError
from redchain.services.registry import credit_code
from redchain.services.registry.errors import InvalidCreditCode, Negative, Required
from redchain.services.registry.imports.errors import (
    AmbiguousOrganization,
    NotABoolean,
    NotADate,
    NotANumber,
    UnknownChain,
    UnknownEnterprise,
    UnknownOrganization,
    UnknownStatus,
)
from redchain.services.registry.imports.files import Cell, Column
from redchain.services.registry.models import MemberStatus
from redchain.services.registry.validation import optional_text, required_text

ENTERPRISE_COLUMNS = (
    Column("credit_code", ("统一社会信用代码", "信用代码", "creditCode"), required=True),
    Column("name", ("企业名称", "名称", "name"), required=True),
    Column("chain", ("产业链", "所属产业链", "chain")),
    Column("address", ("地址", "企业地址", "address")),
    Column("area", ("片区", "所在片区", "area")),
    Column("employee_count", ("职工人数", "员工人数", "employeeCount", "employees")),
    Column("is_key", ("重点企业", "是否重点企业", "isKey")),
    Column("contact_name", ("联系人", "contactName")),
    Column("contact_phone", ("联系电话", "contactPhone")),
)
MEMBER_COLUMNS = (
    Column("name", ("姓名", "name"), required=True),
    Column("id_card", ("身份证号", "身份证号码", "公民身份号码", "idCard", "idCardNumber"), required=True),
    Column("status", ("党员状态", "状态", "status")),
    Column("organization", ("所在党组织", "党组织", "organization")),
    Column("enterprise", ("所在企业信用代码", "企业统一社会信用代码", "enterpriseCreditCode", "enterprise")),
    Column("joined_on", ("入党日期", "入党时间", "joinedOn")),
    Column("is_floating", ("流动党员", "是否流动党员", "isFloating")),
    Column("inflow_area", ("流入地", "inflowArea")),
    Column("phone", ("联系电话", "手机号", "phone")),
)
TRUE_WORDS = {"是", "true", "yes", "y", "1", "√"}
FALSE_WORDS = {"否", "false", "no", "n", "0", ""}
STATUS_WORDS = {
    "正式党员": MemberStatus.FULL,
    "正式": MemberStatus.FULL,
    "预备党员": MemberStatus.PROBATIONARY,
    "预备": MemberStatus.PROBATIONARY,
    "发展对象": MemberStatus.DEVELOPMENT_TARGET,
    "入党积极分子": MemberStatus.ACTIVIST,
    "积极分子": MemberStatus.ACTIVIST,
} | {status.value.lower(): status for status in MemberStatus}
DATE_SHAPE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    code: str
    message_zh: str
    message_en: str

    @classmethod
    def of(cls, row: int, column: str, exc: DomainError) -> "RowError":
        return cls(row, column, exc.code.value, exc.message("zh"), exc.message("en"))

    def as_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "code": self.code,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
        }


@dataclass
class CheckedRow:
    number: int
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    key: str | None = None  # what the row is matched on: credit code, or ID-card number


# Cells ------------------------------------------------------------------------------------------


def text(cell: Cell) -> str:
    """A cell as text. Excel stores long digit strings (phones, counts) as numbers: no ".0" tail."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell).strip()


def whole_number(cell: Cell) -> int:
    raw = text(cell).replace(",", "").replace("，", "")
    if not raw:
        return 0
    try:
        number = float(raw) if "." in raw else int(raw)
    except ValueError:
        raise NotANumber(value=raw) from None
    if isinstance(number, float) and not number.is_integer():
        raise NotANumber(value=raw)
    return int(number)


def yes_no(cell: Cell) -> bool:
    raw = text(cell).lower()
    if raw in TRUE_WORDS:
        return True
    if raw in FALSE_WORDS:
        return False
    raise NotABoolean(value=raw)


def calendar_date(cell: Cell) -> date | None:
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    raw = text(cell)
    if not raw:
        return None
    match = DATE_SHAPE.match(raw) or (re.match(r"^(\d{4})(\d{2})(\d{2})$", raw))
    try:
        if match is None:
            raise ValueError(raw)
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise NotADate(value=raw) from None


def clean_credit_code(cell: Cell) -> str:
    code = credit_code.normalize(text(cell))
    if not code:
        raise Required()
    rule = credit_code.broken_rule(code)
    if rule is not None:
        raise InvalidCreditCode(None, rule)
    return code


# Rows -------------------------------------------------------------------------------------------


class _Checker:
    """Runs one check per cell; a failing check is reported against its column and the row goes on."""

    def __init__(self, number: int, cells: dict[str, Cell], headers: dict[str, str]) -> None:
        self.row = CheckedRow(number)
        self.cells = cells
        self.headers = headers

    def has(self, name: str) -> bool:
        return name in self.headers

    def check(self, name: str, parse: Any, into: str | None = None) -> None:
        if not self.has(name):
            return
        try:
            self.row.values[into or name] = parse(self.cells[name])
        except DomainError as exc:
            self.row.errors.append(RowError.of(self.row.number, self.headers[name], exc))


def check_enterprise(
    number: int, cells: dict[str, Cell], headers: dict[str, str], chains: dict[str, uuid.UUID]
) -> CheckedRow:
    """Values of the columns present: a column left out of the file is left alone by the import."""

    def chain(cell: Cell) -> uuid.UUID | None:
        name = text(cell)
        if not name:
            return None
        if name not in chains:
            raise UnknownChain(value=name)
        return chains[name]

    def non_negative(cell: Cell) -> int:
        count = whole_number(cell)
        if count < 0:
            raise Negative()
        return count

    checker = _Checker(number, cells, headers)
    checker.check("credit_code", clean_credit_code)
    checker.check("name", lambda cell: required_text("name", text(cell), 200))
    checker.check("chain", chain, into="chain_id")
    checker.check("address", lambda cell: optional_text("address", text(cell), 300))
    checker.check("area", lambda cell: optional_text("area", text(cell), 100))
    checker.check("employee_count", non_negative)
    checker.check("is_key", yes_no)
    checker.check("contact_name", lambda cell: optional_text("contactName", text(cell), 100))
    checker.check("contact_phone", lambda cell: optional_text("contactPhone", text(cell), 32))
    checker.row.key = checker.row.values.get("credit_code")
    return checker.row


@dataclass(frozen=True)
class MemberPlaces:
    organizations: dict[str, list[uuid.UUID]]  # by name; names are not unique
    enterprises: dict[str, uuid.UUID]  # by credit code


def check_member(number: int, cells: dict[str, Cell], headers: dict[str, str], places: MemberPlaces) -> CheckedRow:
    def status(cell: Cell) -> MemberStatus:
        raw = text(cell)
        if not raw:
            return MemberStatus.FULL
        if raw.lower() not in STATUS_WORDS:
            raise UnknownStatus(value=raw)
        return STATUS_WORDS[raw.lower()]

    def organization(cell: Cell) -> uuid.UUID | None:
        name = text(cell)
        if not name:
            return None
        found = places.organizations.get(name, [])
        if not found:
            raise UnknownOrganization(value=name)
        if len(found) > 1:
            raise AmbiguousOrganization(value=name)
        return found[0]

    def enterprise(cell: Cell) -> uuid.UUID | None:
        code = credit_code.normalize(text(cell))
        if not code:
            return None
        if code not in places.enterprises:
            raise UnknownEnterprise(value=code)
        return places.enterprises[code]

    def id_card_number(cell: Cell) -> str:
        # Validated (and hashed) by the member service; here it only has to be there.
        number = text(cell).upper()
        if not number:
            raise Required()
        return number

    checker = _Checker(number, cells, headers)
    checker.check("name", lambda cell: required_text("name", text(cell), 100))
    checker.check("id_card", id_card_number, into="id_card_number")
    checker.check("status", status)
    checker.check("organization", organization, into="organization_id")
    checker.check("enterprise", enterprise, into="enterprise_id")
    checker.check("joined_on", calendar_date)
    checker.check("is_floating", yes_no)
    checker.check("inflow_area", lambda cell: optional_text("inflowArea", text(cell), 100))
    checker.check("phone", lambda cell: optional_text("phone", text(cell), 32))
    checker.row.key = checker.row.values.get("id_card_number")
    return checker.row


# The member service names its fields as the API does; the report names the file's columns.
MEMBER_FIELD_COLUMNS = {
    "name": "name",
    "idCardNumber": "id_card",
    "status": "status",
    "organizationId": "organization",
    "enterpriseId": "enterprise",
    "joinedOn": "joined_on",
    "isFloating": "is_floating",
    "inflowArea": "inflow_area",
    "phone": "phone",
}
