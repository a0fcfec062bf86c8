"""The enterprise list as a spreadsheet (企业名录导出): the filters of the list screen, server side, audited."""

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.clock import PARK_TIME, park_today
from redchain.infra.spreadsheet import SheetFile, SheetFormat, sheet_file
from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.permissions import Perm
from redchain.services.personal_data import mask_phone
from redchain.services.registry.policies import require, sees_enterprise_phone
from redchain.services.registry.repository import EnterpriseExportRow, EnterpriseFilter, EnterpriseRepository

# Above the largest park (the reference park has 38,000 enterprises); a file is cut there, and says so
# in the audit entry, rather than exhausting the server.
MAX_EXPORT_ROWS = 50_000
HEADER = (
    "统一社会信用代码 Credit code",
    "企业名称 Name",
    "产业链 Chain",
    "片区 Area",
    "地址 Address",
    "职工人数 Employees",
    "重点企业 Key",
    "党组织覆盖 Covered",
    "党员数 Members",
    "联系人 Contact",
    "联系电话 Contact phone",
    "归档时间 Archived",
)


def _yes_no(value: bool) -> str:
    return "是 yes" if value else "否 no"


def _line(actor: Actor, row: EnterpriseExportRow) -> tuple[str | int | None, ...]:
    e = row.enterprise
    # The same rule as the API's field: whoever would see the number masked on screen gets it masked here.
    phone = e.contact_phone if sees_enterprise_phone(actor, e.id, e.chain_id) else mask_phone(e.contact_phone)
    return (
        e.credit_code,
        e.name,
        row.chain_name or "",
        e.area or "",
        e.address or "",
        e.employee_count,
        _yes_no(e.is_key),
        _yes_no(row.covered),
        row.member_count,
        e.contact_name or "",
        phone or "",
        e.archived_at.astimezone(PARK_TIME).strftime("%Y-%m-%d %H:%M") if e.archived_at else "",
    )


async def export_enterprises(
    session: AsyncSession, actor: Actor, where: EnterpriseFilter, fmt: SheetFormat
) -> SheetFile:
    """The enterprises `actor` may see under `where`, in name order. A security event: the file carries
    the park's register (and contacts) out of the system."""
    require(actor, Perm.REGISTRY_READ)
    rows = await EnterpriseRepository(session).export_rows(actor, where, MAX_EXPORT_ROWS + 1)
    truncated = len(rows) > MAX_EXPORT_ROWS
    lines = [_line(actor, row) for row in rows[:MAX_EXPORT_ROWS]]
    file = sheet_file(fmt, f"enterprises-{park_today():%Y%m%d}", "企业名录", [HEADER, *lines])
    audit.record(
        session,
        actor,
        audit.SecurityEvent.EXPORT,
        "Enterprise",
        None,
        after={"format": fmt.value, "rows": len(lines), "truncated": truncated, "filter": _described(where)},
    )
    return file


def _described(where: EnterpriseFilter) -> dict[str, str | bool | None]:
    """The filter as the audit log keeps it: what was asked for, so a reviewer knows what left."""
    return {
        "chain_id": str(where.chain_id) if where.chain_id else None,
        "area": where.area,
        "is_key": where.is_key,
        "covered": where.covered,
        "archived": where.archived,
        "search": where.search,
    }
