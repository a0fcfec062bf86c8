"""All SQL of the tickets context."""

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlmodel import col

from redchain.infra.clock import park_today
from redchain.infra.models_base import new_id, utcnow
from redchain.infra.pagination import Page, PageRequest, count, paginate
from redchain.services.actor import Actor
from redchain.services.liaison import queries as liaison_queries
from redchain.services.permissions import Role
from redchain.services.registry import queries as registry_queries
from redchain.services.tenancy import queries as tenancy_queries
from redchain.services.tickets.models import (
    OPEN_STATUSES,
    SOLVED_STATUSES,
    ExtensionStatus,
    SlaMark,
    Ticket,
    TicketAttachment,
    TicketCategory,
    TicketEvent,
    TicketExtensionRequest,
    TicketPriority,
    TicketSlaPolicy,
    TicketStatus,
    TicketWatcher,
    Visibility,
)
from redchain.services.tickets.policies import read_scope


@dataclass(frozen=True)
class TicketFilter:
    statuses: tuple[TicketStatus, ...] = ()
    priority: TicketPriority | None = None
    chain_id: uuid.UUID | None = None
    enterprise_id: uuid.UUID | None = None
    category_id: uuid.UUID | None = None
    aspect_id: uuid.UUID | None = None
    assignee_user_id: uuid.UUID | None = None
    unassigned: bool = False
    overdue_at: datetime | None = None  # open and past a deadline at this moment
    created_from: datetime | None = None
    created_before: datetime | None = None
    search: str | None = None  # a substring of the title or of the enterprise's name


@dataclass(frozen=True)
class StatsRow:
    group: str  # TOTAL, CHAIN or CATEGORY
    key: uuid.UUID | None  # the chain or category (None: tickets without a chain)
    opened: int
    resolved: int
    open_now: int
    sla_met: int
    median_seconds: float | None
    p90_seconds: float | None
    satisfaction_average: float | None
    rated: int
    categories: int
    aspects: int


@dataclass(frozen=True)
class SlaCrossing:
    """A ticket the sweep moved past one or more thresholds, with the marks it newly set."""

    ticket_id: uuid.UUID
    marks: SlaMark
    chain_id: uuid.UUID | None
    assignee_user_id: uuid.UUID | None
    title: str


def _crossed(now: datetime) -> sa.ColumnElement[int]:
    """The SlaMark bits whose threshold is at or before `now`."""
    unanswered = col(Ticket.first_responded_at).is_(None)
    parts = [
        (SlaMark.FIRST_RESPONSE_WARNED, sa.and_(unanswered, col(Ticket.first_response_warn_at) <= now)),
        (SlaMark.FIRST_RESPONSE_BREACHED, sa.and_(unanswered, col(Ticket.first_response_due_at) <= now)),
        (SlaMark.RESOLUTION_WARNED, col(Ticket.resolution_warn_at) <= now),
        (SlaMark.RESOLUTION_BREACHED, col(Ticket.resolution_due_at) <= now),
        (SlaMark.ESCALATED_TO_ADMIN, col(Ticket.admin_escalation_at) <= now),
    ]
    expr: sa.ColumnElement[int] = sa.literal(0)
    for mark, condition in parts:
        expr = expr.op("|")(sa.case((condition, int(mark)), else_=0))
    return expr


class TicketRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, *objects: object) -> None:
        self.session.add_all(objects)
        await self.session.flush()

    # Scope -------------------------------------------------------------------------------------

    @staticmethod
    def _in_scope(actor: Actor) -> sa.ColumnElement[bool]:
        scope = read_scope(actor)
        if scope.whole_park:
            return sa.true()
        parts: list[sa.ColumnElement[bool]] = []
        if scope.chain_ids:
            parts.append(col(Ticket.chain_id).in_(scope.chain_ids))
        if scope.enterprise_ids:
            parts.append(col(Ticket.enterprise_id).in_(scope.enterprise_ids))
        if scope.officer_user_id:
            posted = liaison_queries.posted_enterprise_ids(actor.tenant_id, park_today(), scope.officer_user_id)
            parts.append(col(Ticket.enterprise_id).in_(posted))
        if scope.user_id:
            parts.append(col(Ticket.assignee_user_id) == scope.user_id)
            parts.append(
                col(Ticket.id).in_(
                    sa.select(col(TicketWatcher.ticket_id)).where(
                        col(TicketWatcher.tenant_id) == actor.tenant_id, col(TicketWatcher.user_id) == scope.user_id
                    )
                )
            )
        return sa.or_(*parts) if parts else sa.false()

    @classmethod
    def scoped(cls, actor: Actor) -> sa.Select[Ticket]:
        """The one place that narrows tickets to what an actor may see."""
        return sa.select(Ticket).where(col(Ticket.tenant_id) == actor.tenant_id, cls._in_scope(actor))

    async def ticket(self, actor: Actor, ticket_id: uuid.UUID, for_update: bool = False) -> Ticket | None:
        stmt = self.scoped(actor).where(col(Ticket.id) == ticket_id)
        if for_update:
            # Transitions on one ticket queue here; the loser re-reads the winner's state.
            stmt = stmt.with_for_update(of=Ticket)
        return await self.session.scalar(stmt.execution_options(populate_existing=True))

    async def tickets(self, actor: Actor, ids: Sequence[uuid.UUID]) -> list[Ticket]:
        stmt = self.scoped(actor).where(col(Ticket.id).in_(list(ids)))
        return list(await self.session.scalars(stmt))

    def _filtered(self, actor: Actor, where: TicketFilter) -> sa.Select[Ticket]:
        stmt = self.scoped(actor)
        if where.statuses:
            stmt = stmt.where(col(Ticket.status).in_(where.statuses))
        for column, value in (
            (Ticket.priority, where.priority),
            (Ticket.chain_id, where.chain_id),
            (Ticket.enterprise_id, where.enterprise_id),
            (Ticket.category_id, where.category_id),
            (Ticket.aspect_id, where.aspect_id),
            (Ticket.assignee_user_id, where.assignee_user_id),
        ):
            if value is not None:
                stmt = stmt.where(col(column) == value)
        if where.unassigned:
            stmt = stmt.where(col(Ticket.assignee_user_id).is_(None))
        if where.overdue_at is not None:
            now = where.overdue_at
            stmt = stmt.where(
                col(Ticket.status).in_(OPEN_STATUSES),
                sa.or_(
                    col(Ticket.resolution_due_at) <= now,
                    sa.and_(col(Ticket.first_responded_at).is_(None), col(Ticket.first_response_due_at) <= now),
                ),
            )
        if where.created_from is not None:
            stmt = stmt.where(col(Ticket.created_at) >= where.created_from)
        if where.created_before is not None:
            stmt = stmt.where(col(Ticket.created_at) < where.created_before)
        if where.search:
            stmt = stmt.where(
                sa.or_(
                    registry_queries.contains(col(Ticket.title), where.search),
                    col(Ticket.enterprise_id).in_(registry_queries.enterprise_ids_named(actor.tenant_id, where.search)),
                )
            )
        return stmt

    async def page(self, actor: Actor, where: TicketFilter, page: PageRequest) -> Page[Ticket]:
        keys = [col(Ticket.created_at), col(Ticket.id)]
        return await paginate(self.session, self._filtered(actor, where).add_columns(*keys), keys, page)

    async def count(self, actor: Actor, where: TicketFilter) -> int:
        return await count(self.session, self._filtered(actor, where))

    async def export_rows(self, actor: Actor, where: TicketFilter, limit: int) -> list[Ticket]:
        stmt = self._filtered(actor, where)
        stmt = stmt.order_by(col(Ticket.created_at).desc(), col(Ticket.id).desc()).limit(limit)
        return list(await self.session.scalars(stmt))

    async def stats(
        self,
        actor: Actor,
        start: datetime,
        end: datetime,
        chain_id: uuid.UUID | None,
        category_id: uuid.UUID | None,
    ) -> list[StatsRow]:
        """Totals, per chain and per category over [start, end), in one statement (GROUPING SETS)."""
        opened = sa.and_(col(Ticket.created_at) >= start, col(Ticket.created_at) < end)
        resolved = sa.and_(
            col(Ticket.status).in_(SOLVED_STATUSES), col(Ticket.resolved_at) >= start, col(Ticket.resolved_at) < end
        )
        responded_in_time = sa.or_(
            col(Ticket.first_response_due_at).is_(None),
            col(Ticket.first_responded_at) <= col(Ticket.first_response_due_at),
        )
        met = sa.and_(resolved, col(Ticket.resolved_at) <= col(Ticket.resolution_due_at), responded_in_time)
        rated = sa.and_(
            col(Ticket.closed_at) >= start, col(Ticket.closed_at) < end, col(Ticket.satisfaction_rating).is_not(None)
        )
        seconds = col(Ticket.resolution_seconds)
        stmt = (
            sa.select(
                sa.func.grouping(col(Ticket.chain_id)),
                sa.func.grouping(col(Ticket.category_id)),
                col(Ticket.chain_id),
                col(Ticket.category_id),
                sa.func.count().filter(opened),
                sa.func.count().filter(resolved),
                sa.func.count().filter(col(Ticket.status).in_(OPEN_STATUSES)),
                sa.func.count().filter(met),
                sa.func.percentile_cont(0.5).within_group(seconds).filter(resolved),
                sa.func.percentile_cont(0.9).within_group(seconds).filter(resolved),
                sa.func.avg(col(Ticket.satisfaction_rating)).filter(rated),
                sa.func.count().filter(rated),
                sa.func.count(col(Ticket.category_id).distinct()).filter(resolved),
                sa.func.count(col(Ticket.aspect_id).distinct()).filter(resolved),
            )
            .where(
                col(Ticket.tenant_id) == actor.tenant_id,
                self._in_scope(actor),
                sa.or_(
                    col(Ticket.status).in_(OPEN_STATUSES),
                    col(Ticket.created_at) >= start,
                    col(Ticket.resolved_at) >= start,
                    col(Ticket.closed_at) >= start,
                ),
            )
            .group_by(
                sa.func.grouping_sets(sa.tuple_(), sa.tuple_(col(Ticket.chain_id)), sa.tuple_(col(Ticket.category_id)))
            )
        )
        if chain_id is not None:
            stmt = stmt.where(col(Ticket.chain_id) == chain_id)
        if category_id is not None:
            stmt = stmt.where(col(Ticket.category_id) == category_id)
        rows = (await self.session.execute(stmt)).all()
        return [
            StatsRow(
                group="TOTAL" if r[0] and r[1] else "CHAIN" if not r[0] else "CATEGORY",
                key=r[2] if not r[0] else r[3],
                opened=r[4],
                resolved=r[5],
                open_now=r[6],
                sla_met=r[7],
                median_seconds=float(r[8]) if r[8] is not None else None,
                p90_seconds=float(r[9]) if r[9] is not None else None,
                satisfaction_average=float(r[10]) if r[10] is not None else None,
                rated=r[11],
                categories=r[12],
                aspects=r[13],
            )
            for r in rows
        ]

    async def status_counts(
        self,
        actor: Actor,
        start: datetime,
        end: datetime,
        chain_id: uuid.UUID | None,
        category_id: uuid.UUID | None,
    ) -> dict[TicketStatus, int]:
        """Tickets raised in [start, end), by their status now."""
        stmt = (
            sa.select(col(Ticket.status), sa.func.count())
            .where(
                col(Ticket.tenant_id) == actor.tenant_id,
                self._in_scope(actor),
                col(Ticket.created_at) >= start,
                col(Ticket.created_at) < end,
            )
            .group_by(col(Ticket.status))
        )
        if chain_id is not None:
            stmt = stmt.where(col(Ticket.chain_id) == chain_id)
        if category_id is not None:
            stmt = stmt.where(col(Ticket.category_id) == category_id)
        return {TicketStatus(status): n for status, n in (await self.session.execute(stmt)).all()}

    # Facts from other contexts that the rules need -----------------------------------------------

    async def is_officer_of(
        self, tenant_id: uuid.UUID, user_id: uuid.UUID, enterprise_id: uuid.UUID, today: date
    ) -> bool:
        return enterprise_id in await self.officer_enterprise_ids(tenant_id, user_id, today)

    async def officer_enterprise_ids(self, tenant_id: uuid.UUID, user_id: uuid.UUID, today: date) -> set[uuid.UUID]:
        return set(await self.session.scalars(liaison_queries.posted_enterprise_ids(tenant_id, today, user_id)))

    async def has_membership(
        self, tenant_id: uuid.UUID, user_id: uuid.UUID, role: Role, chain_id: uuid.UUID | None = None
    ) -> bool:
        return bool(await self.session.scalar(tenancy_queries.holds_role(tenant_id, user_id, role, chain_id)))

    async def assignee_candidate_ids(
        self, tenant_id: uuid.UUID, chain_id: uuid.UUID | None, enterprise_id: uuid.UUID, today: date
    ) -> set[uuid.UUID]:
        """Who a ticket may go to: its chain's staff, and liaison officers posted to its enterprise."""
        posted = {
            officer
            for _, officer in await self.session.execute(liaison_queries.postings(tenant_id, [enterprise_id], today))
        }
        officers = set(await self.session.scalars(tenancy_queries.role_holder_ids(tenant_id, Role.LIAISON_OFFICER)))
        found = posted & officers
        if chain_id is not None:
            found |= set(
                await self.session.scalars(tenancy_queries.role_holder_ids(tenant_id, Role.CHAIN_STAFF, chain_id))
            )
        return found

    async def park_admin_ids(self, tenant_id: uuid.UUID) -> list[uuid.UUID]:
        return sorted(await self.session.scalars(tenancy_queries.role_holder_ids(tenant_id, Role.PARK_ADMIN)))

    async def visit_of_enterprise(self, tenant_id: uuid.UUID, visit_id: uuid.UUID, enterprise_id: uuid.UUID) -> bool:
        return bool(await self.session.scalar(liaison_queries.visit_of_enterprise(tenant_id, visit_id, enterprise_id)))

    # Taxonomy ----------------------------------------------------------------------------------

    async def categories(self, tenant_id: uuid.UUID, include_archived: bool = False) -> list[TicketCategory]:
        stmt = sa.select(TicketCategory).where(col(TicketCategory.tenant_id) == tenant_id)
        if not include_archived:
            stmt = stmt.where(col(TicketCategory.archived_at).is_(None))
        stmt = stmt.order_by(col(TicketCategory.sort_order), col(TicketCategory.code))
        return list(await self.session.scalars(stmt))

    async def categories_by_ids(self, tenant_id: uuid.UUID, ids: Sequence[uuid.UUID]) -> list[TicketCategory]:
        stmt = sa.select(TicketCategory).where(
            col(TicketCategory.tenant_id) == tenant_id, col(TicketCategory.id).in_(list(ids))
        )
        return list(await self.session.scalars(stmt))

    async def category(
        self, tenant_id: uuid.UUID, category_id: uuid.UUID, for_update: bool = False
    ) -> TicketCategory | None:
        stmt = sa.select(TicketCategory).where(
            col(TicketCategory.tenant_id) == tenant_id, col(TicketCategory.id) == category_id
        )
        return await self.session.scalar(stmt.with_for_update() if for_update else stmt)

    async def category_code_taken(self, tenant_id: uuid.UUID, code: str) -> bool:
        stmt = sa.select(
            sa.exists().where(col(TicketCategory.tenant_id) == tenant_id, col(TicketCategory.code) == code)
        )
        return bool(await self.session.scalar(stmt))

    async def insert_categories_once(self, rows: list[dict[str, Any]]) -> None:
        """Adds the rows whose code the park does not have yet: seeding twice is harmless."""
        if rows:
            stmt = pg_insert(TicketCategory).values(rows).on_conflict_do_nothing(index_elements=["tenant_id", "code"])
            await self.session.execute(stmt)

    async def category_ids_by_code(self, tenant_id: uuid.UUID, codes: Iterable[str]) -> dict[str, uuid.UUID]:
        stmt = sa.select(col(TicketCategory.code), col(TicketCategory.id)).where(
            col(TicketCategory.tenant_id) == tenant_id, col(TicketCategory.code).in_(list(codes))
        )
        return {code: id_ for code, id_ in (await self.session.execute(stmt)).all()}

    # SLA policies ------------------------------------------------------------------------------

    async def sla_policies(self, tenant_id: uuid.UUID) -> list[TicketSlaPolicy]:
        stmt = sa.select(TicketSlaPolicy).where(col(TicketSlaPolicy.tenant_id) == tenant_id)
        return list(await self.session.scalars(stmt))

    async def sla_policy(
        self, tenant_id: uuid.UUID, priority: TicketPriority, for_update: bool = False
    ) -> TicketSlaPolicy | None:
        stmt = sa.select(TicketSlaPolicy).where(
            col(TicketSlaPolicy.tenant_id) == tenant_id, col(TicketSlaPolicy.priority) == priority
        )
        return await self.session.scalar(stmt.with_for_update() if for_update else stmt)

    async def upsert_sla_policy(
        self,
        tenant_id: uuid.UUID,
        priority: TicketPriority,
        first_response_minutes: int,
        resolution_minutes: int,
        updated_by: uuid.UUID | None,
    ) -> uuid.UUID:
        values = {
            "first_response_minutes": first_response_minutes,
            "resolution_minutes": resolution_minutes,
            "updated_by": updated_by,
        }
        stmt = (
            pg_insert(TicketSlaPolicy)
            .values(
                tenant_id=tenant_id,
                id=new_id(),
                created_at=utcnow(),
                priority=priority,
                **values,
            )
            .on_conflict_do_update(index_elements=["tenant_id", "priority"], set_=values)
            .returning(col(TicketSlaPolicy.id))
        )
        return (await self.session.execute(stmt)).scalar_one()

    # Timeline, watchers, attachments, extension requests ---------------------------------------

    def _timeline(
        self, tenant_id: uuid.UUID, ticket_ids: Sequence[uuid.UUID], include_internal: bool
    ) -> sa.Select[TicketEvent]:
        stmt = sa.select(TicketEvent).where(
            col(TicketEvent.tenant_id) == tenant_id, col(TicketEvent.ticket_id).in_(list(ticket_ids))
        )
        if not include_internal:
            stmt = stmt.where(col(TicketEvent.visibility) == Visibility.PUBLIC)
        return stmt

    async def timeline_pages(
        self,
        tenant_id: uuid.UUID,
        ticket_ids: Sequence[uuid.UUID],
        include_internal: bool,
        after_seq: int | None,
        limit: int,
    ) -> dict[uuid.UUID, list[TicketEvent]]:
        """The first `limit` events after `after_seq` of each ticket, oldest first, in one statement."""
        stmt = self._timeline(tenant_id, ticket_ids, include_internal)
        if after_seq is not None:
            stmt = stmt.where(col(TicketEvent.seq) > after_seq)
        position = sa.func.row_number().over(partition_by=col(TicketEvent.ticket_id), order_by=col(TicketEvent.seq))
        numbered = stmt.add_columns(position.label("position")).subquery()
        event = aliased(TicketEvent, numbered)
        rows = await self.session.scalars(
            sa.select(event).where(numbered.c.position <= limit).order_by(numbered.c.ticket_id, numbered.c.seq)
        )
        pages: dict[uuid.UUID, list[TicketEvent]] = {ticket_id: [] for ticket_id in ticket_ids}
        for row in rows:
            pages[row.ticket_id].append(row)
        return pages

    async def timeline_counts(
        self, tenant_id: uuid.UUID, ticket_ids: Sequence[uuid.UUID], include_internal: bool
    ) -> dict[uuid.UUID, int]:
        stmt = (
            self._timeline(tenant_id, ticket_ids, include_internal)
            .with_only_columns(col(TicketEvent.ticket_id), sa.func.count())
            .group_by(col(TicketEvent.ticket_id))
        )
        counts: dict[uuid.UUID, int] = {key: value for key, value in (await self.session.execute(stmt)).all()}
        return {ticket_id: counts.get(ticket_id, 0) for ticket_id in ticket_ids}

    async def add_events(self, rows: list[dict[str, Any]]) -> None:
        """Many timeline entries in one round trip (the sweep writes thousands)."""
        if rows:
            await self.session.execute(sa.insert(TicketEvent), rows)

    async def watcher_ids(self, tenant_id: uuid.UUID, ticket_id: uuid.UUID) -> list[uuid.UUID]:
        stmt = sa.select(col(TicketWatcher.user_id)).where(
            col(TicketWatcher.tenant_id) == tenant_id, col(TicketWatcher.ticket_id) == ticket_id
        )
        return list(await self.session.scalars(stmt.order_by(col(TicketWatcher.created_at))))

    async def watchers_of(self, tenant_id: uuid.UUID, ticket_ids: Sequence[uuid.UUID]) -> list[TicketWatcher]:
        stmt = sa.select(TicketWatcher).where(
            col(TicketWatcher.tenant_id) == tenant_id, col(TicketWatcher.ticket_id).in_(list(ticket_ids))
        )
        return list(await self.session.scalars(stmt.order_by(col(TicketWatcher.created_at))))

    async def add_watchers(self, tenant_id: uuid.UUID, ticket_id: uuid.UUID, user_ids: Iterable[uuid.UUID]) -> int:
        rows = [
            {"tenant_id": tenant_id, "id": new_id(), "created_at": utcnow(), "ticket_id": ticket_id, "user_id": user_id}
            for user_id in dict.fromkeys(user_ids)
        ]
        if not rows:
            return 0
        stmt = (
            pg_insert(TicketWatcher)
            .values(rows)
            .on_conflict_do_nothing(index_elements=["tenant_id", "ticket_id", "user_id"])
            .returning(col(TicketWatcher.id))
        )
        return len((await self.session.scalars(stmt)).all())

    async def remove_watcher(self, tenant_id: uuid.UUID, ticket_id: uuid.UUID, user_id: uuid.UUID) -> int:
        result = await self.session.execute(
            sa.delete(TicketWatcher).where(
                col(TicketWatcher.tenant_id) == tenant_id,
                col(TicketWatcher.ticket_id) == ticket_id,
                col(TicketWatcher.user_id) == user_id,
            )
        )
        return int(result.rowcount)  # type: ignore[attr-defined]

    async def attachments_of(self, tenant_id: uuid.UUID, ticket_ids: Sequence[uuid.UUID]) -> list[TicketAttachment]:
        stmt = sa.select(TicketAttachment).where(
            col(TicketAttachment.tenant_id) == tenant_id, col(TicketAttachment.ticket_id).in_(list(ticket_ids))
        )
        return list(await self.session.scalars(stmt.order_by(col(TicketAttachment.created_at))))

    async def attachment(self, tenant_id: uuid.UUID, attachment_id: uuid.UUID) -> TicketAttachment | None:
        stmt = sa.select(TicketAttachment).where(
            col(TicketAttachment.tenant_id) == tenant_id, col(TicketAttachment.id) == attachment_id
        )
        return await self.session.scalar(stmt)

    async def extension_requests_of(
        self, tenant_id: uuid.UUID, ticket_ids: Sequence[uuid.UUID]
    ) -> list[TicketExtensionRequest]:
        stmt = sa.select(TicketExtensionRequest).where(
            col(TicketExtensionRequest.tenant_id) == tenant_id,
            col(TicketExtensionRequest.ticket_id).in_(list(ticket_ids)),
        )
        return list(await self.session.scalars(stmt.order_by(col(TicketExtensionRequest.created_at))))

    async def extension_request(
        self, tenant_id: uuid.UUID, request_id: uuid.UUID, for_update: bool = False
    ) -> TicketExtensionRequest | None:
        stmt = sa.select(TicketExtensionRequest).where(
            col(TicketExtensionRequest.tenant_id) == tenant_id, col(TicketExtensionRequest.id) == request_id
        )
        return await self.session.scalar(stmt.with_for_update() if for_update else stmt)

    async def pending_extension_exists(self, tenant_id: uuid.UUID, ticket_id: uuid.UUID) -> bool:
        stmt = sa.select(
            sa.exists().where(
                col(TicketExtensionRequest.tenant_id) == tenant_id,
                col(TicketExtensionRequest.ticket_id) == ticket_id,
                col(TicketExtensionRequest.status) == ExtensionStatus.PENDING,
            )
        )
        return bool(await self.session.scalar(stmt))

    # The SLA sweep and auto-close (worker) -------------------------------------------------------

    async def mark_crossed_thresholds(self, tenant_id: uuid.UUID, now: datetime, limit: int) -> list[SlaCrossing]:
        """One statement: locks up to `limit` due tickets (skipping ones a transition holds), sets the marks
        of every threshold they passed, and returns the newly set ones. The guard `sla_done & bits = 0` in
        the data makes a second run, or a concurrent sweep, find nothing to do."""
        crossed = _crossed(now)
        due = (
            sa.select(col(Ticket.id), col(Ticket.sla_done).label("old_done"), crossed.label("crossed"))
            .where(col(Ticket.tenant_id) == tenant_id, col(Ticket.sla_next_at) <= now)
            .order_by(col(Ticket.sla_next_at))
            .limit(limit)
            .with_for_update(skip_locked=True)
            .cte("due")
        )
        new_marks = due.c.crossed.op("&")(due.c.old_done.op("#")(sa.literal(-1)))  # crossed & ~old
        breached = int(SlaMark.FIRST_RESPONSE_BREACHED | SlaMark.RESOLUTION_BREACHED)
        level = sa.func.greatest(
            col(Ticket.escalation_level),
            sa.case(
                (new_marks.op("&")(int(SlaMark.ESCALATED_TO_ADMIN)) != 0, 2),
                (new_marks.op("&")(breached) != 0, 1),
                else_=0,
            ),
        )
        stmt = (
            sa.update(Ticket)
            .where(col(Ticket.tenant_id) == tenant_id, col(Ticket.id) == due.c.id)
            .values(sla_done=col(Ticket.sla_done).op("|")(due.c.crossed), escalation_level=level)
            .returning(col(Ticket.id), new_marks, col(Ticket.chain_id), col(Ticket.assignee_user_id), col(Ticket.title))
            .execution_options(synchronize_session=False)
        )
        rows = (await self.session.execute(stmt)).all()
        return [SlaCrossing(row[0], SlaMark(row[1]), row[2], row[3], row[4]) for row in rows]

    async def resolved_before(self, tenant_id: uuid.UUID, cutoff: datetime, limit: int) -> list[uuid.UUID]:
        stmt = (
            sa.select(col(Ticket.id))
            .where(
                col(Ticket.tenant_id) == tenant_id,
                col(Ticket.status) == TicketStatus.RESOLVED,
                col(Ticket.resolved_at) <= cutoff,
            )
            .order_by(col(Ticket.resolved_at))
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return list(await self.session.scalars(stmt))


async def parks_with_due_tickets(owner_session: AsyncSession, now: datetime) -> list[uuid.UUID]:
    """Across parks (owner connection): the parks with a ticket whose next SLA threshold has come."""
    stmt = sa.select(col(Ticket.tenant_id)).where(col(Ticket.sla_next_at) <= now).distinct()
    return list(await owner_session.scalars(stmt))


async def parks_with_unconfirmed_tickets(owner_session: AsyncSession, cutoff: datetime) -> list[uuid.UUID]:
    stmt = (
        sa.select(col(Ticket.tenant_id))
        .where(col(Ticket.status) == TicketStatus.RESOLVED, col(Ticket.resolved_at) <= cutoff)
        .distinct()
    )
    return list(await owner_session.scalars(stmt))
