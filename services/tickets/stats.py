"""Statistics for the committee (opened, resolved, open now, SLA met, time to resolve, satisfaction, by
chain and by category) and the CSV export of a filtered ticket list."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.clock import PARK_TIME
from redchain.infra.spreadsheet import SheetFormat, csv_text
from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.errors import NotFound, PermissionDenied
from redchain.services.registry import service as registry
from redchain.services.tenancy import service as tenancy
from redchain.services.tickets.errors import ExportTooLarge, InvalidPeriod
from redchain.services.tickets.models import Ticket, TicketStatus
from redchain.services.tickets.policies import read_scope
from redchain.services.tickets.repository import StatsRow, TicketFilter, TicketRepository

EXPORT_LIMIT = 10_000
MAX_PERIOD_DAYS = 3660


@dataclass(frozen=True)
class TicketStats:
    total: StatsRow
    by_chain: list[StatsRow]
    by_category: list[StatsRow]
    by_status: dict[TicketStatus, int]  # raised in the period, by status now


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """[start 00:00, the day after end 00:00) in park time: both days count."""
    if end < start or (end - start).days > MAX_PERIOD_DAYS:
        raise InvalidPeriod("period")
    return (datetime.combine(start, time(), PARK_TIME), datetime.combine(end + timedelta(days=1), time(), PARK_TIME))


def _empty() -> StatsRow:
    return StatsRow("TOTAL", None, 0, 0, 0, 0, None, None, None, 0, 0, 0)


async def ticket_stats(
    session: AsyncSession,
    actor: Actor,
    start: date,
    end: date,
    chain_id: uuid.UUID | None = None,
    category_id: uuid.UUID | None = None,
) -> TicketStats:
    """Over the tickets the caller may see. A chain or category it cannot see is NotFound."""
    if read_scope(actor).empty:
        raise PermissionDenied()
    since, until = period_bounds(start, end)
    repo = TicketRepository(session)
    if chain_id is not None and await registry.get_chain(session, actor, chain_id) is None:
        raise NotFound("chainId")
    if category_id is not None and await repo.category(actor.tenant_id, category_id) is None:
        raise NotFound("category")
    rows = await repo.stats(actor, since, until, chain_id, category_id)
    by_status = await repo.status_counts(actor, since, until, chain_id, category_id)
    return TicketStats(
        total=next((r for r in rows if r.group == "TOTAL"), _empty()),
        by_chain=[r for r in rows if r.group == "CHAIN"],
        by_category=[r for r in rows if r.group == "CATEGORY"],
        by_status=by_status,
    )


def _local(moment: datetime | None) -> str:
    return moment.astimezone(PARK_TIME).strftime("%Y-%m-%d %H:%M") if moment else ""


CSV_HEADER = (
    "编号 ID",
    "提交时间 Created",
    "企业 Enterprise",
    "统一社会信用代码 Credit code",
    "产业链 Chain",
    "类别 Category",
    "方面 Aspect",
    "优先级 Priority",
    "状态 Status",
    "标题 Title",
    "承办人 Assignee",
    "首次响应 First response",
    "办结 Resolved",
    "关闭 Closed",
    "办结时限 Resolution due",
    "按时办结 SLA met",
    "满意度 Satisfaction",
)


async def export_csv(session: AsyncSession, actor: Actor, where: TicketFilter) -> str:
    """Newest first, through the one spreadsheet writer (UTF-8 with a byte-order mark, formulas neutralised)."""
    repo = TicketRepository(session)
    rows = await repo.export_rows(actor, where, EXPORT_LIMIT + 1)
    if len(rows) > EXPORT_LIMIT:
        raise ExportTooLarge("filter", limit=EXPORT_LIMIT)
    # Names of what the caller's tickets refer to: visible with the tickets, whatever the registry scope.
    system = Actor.system(actor.tenant_id)
    enterprises = {
        e.id: e for e in await registry.enterprises_by_ids(session, system, list({t.enterprise_id for t in rows}))
    }
    chains = {
        c.id: c.name
        for c in await registry.chains_by_ids(session, system, list({t.chain_id for t in rows if t.chain_id}))
    }
    categories = {
        c.id: c.name
        for c in await repo.categories_by_ids(
            actor.tenant_id, list({t.category_id for t in rows} | {t.aspect_id for t in rows})
        )
    }
    users = {
        u.id: u.display_name
        for u in await tenancy.users_by_ids(session, list({t.assignee_user_id for t in rows if t.assignee_user_id}))
    }
    lines = []
    for t in rows:
        enterprise = enterprises.get(t.enterprise_id)
        lines.append(
            (
                str(t.id),
                _local(t.created_at),
                enterprise.name if enterprise else "",
                enterprise.credit_code if enterprise else "",
                chains.get(t.chain_id) if t.chain_id else "",
                categories.get(t.category_id),
                categories.get(t.aspect_id),
                t.priority,
                t.status,
                t.title,
                users.get(t.assignee_user_id) if t.assignee_user_id else "",
                _local(t.first_responded_at),
                _local(t.resolved_at),
                _local(t.closed_at),
                _local(t.resolution_due_at),
                _sla_met(t),
                t.satisfaction_rating,
            )
        )
    # An export carries enterprises' names and problems out of the system: a security event.
    audit.record(
        session, actor, "security.export", "Ticket", None, after={"format": SheetFormat.CSV.value, "rows": len(lines)}
    )
    return csv_text([CSV_HEADER, *lines])


def _sla_met(ticket: Ticket) -> str:
    if ticket.resolved_at is None or ticket.resolution_due_at is None:
        return ""
    return "是 yes" if ticket.resolved_at <= ticket.resolution_due_at else "否 no"
