"""All SQL of the liaison context."""

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from redchain.infra.pagination import Page, PageRequest, count, paginate
from redchain.services.actor import Actor
from redchain.services.liaison.models import AssignmentKind, LiaisonAssignment, LiaisonVisit, active_on
from redchain.services.liaison.policies import AssignmentStatus, ReadScope, read_scope
from redchain.services.permissions import Role
from redchain.services.registry.models import Enterprise
from redchain.services.tenancy.models import Membership


@dataclass(frozen=True)
class AssignmentFilter:
    enterprise_id: uuid.UUID | None = None
    officer_user_id: uuid.UUID | None = None
    status: AssignmentStatus | None = None


@dataclass(frozen=True)
class VisitFilter:
    enterprise_id: uuid.UUID | None = None
    assignment_id: uuid.UUID | None = None
    officer_user_id: uuid.UUID | None = None


@dataclass(frozen=True)
class OfficerWorkload:
    officer_user_id: uuid.UUID
    active_assignments: int
    key_enterprises: int
    visits_last_30_days: int
    visits_last_90_days: int
    last_visit_on: date | None


def _status_condition(status: AssignmentStatus, today: date) -> sa.ColumnElement[bool]:
    if status is AssignmentStatus.ACTIVE:
        return active_on(today)
    if status is AssignmentStatus.SCHEDULED:
        return col(LiaisonAssignment.starts_on) > today
    return col(LiaisonAssignment.ends_on) < today


def _enterprises_in_chains(tenant_id: uuid.UUID, chain_ids: frozenset[uuid.UUID]) -> sa.Select[Any]:
    return sa.select(col(Enterprise.id)).where(
        col(Enterprise.tenant_id) == tenant_id, col(Enterprise.chain_id).in_(chain_ids)
    )


def _scope_condition(
    scope: ReadScope, tenant_id: uuid.UUID, enterprise_column: Any, officer_column: Any
) -> sa.ColumnElement[bool]:
    if scope.everything:
        return sa.true()
    parts: list[sa.ColumnElement[bool]] = []
    if scope.chain_ids:
        parts.append(enterprise_column.in_(_enterprises_in_chains(tenant_id, scope.chain_ids)))
    if scope.enterprise_ids:
        parts.append(enterprise_column.in_(scope.enterprise_ids))
    if scope.officer_user_id:
        parts.append(officer_column == scope.officer_user_id)
    return sa.or_(*parts) if parts else sa.false()


class LiaisonRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, *objects: object) -> None:
        self.session.add_all(objects)
        await self.session.flush()

    # What assigning needs to know about the rest of the park.
    async def enterprise_for_update(self, tenant_id: uuid.UUID, enterprise_id: uuid.UUID) -> Enterprise | None:
        # Locking the enterprise serialises assignments to it, so the overlap check cannot race.
        stmt = sa.select(Enterprise).where(col(Enterprise.tenant_id) == tenant_id, col(Enterprise.id) == enterprise_id)
        return await self.session.scalar(stmt.with_for_update())

    async def enterprise_chain(self, tenant_id: uuid.UUID, enterprise_id: uuid.UUID) -> uuid.UUID | None:
        stmt = sa.select(col(Enterprise.chain_id)).where(
            col(Enterprise.tenant_id) == tenant_id, col(Enterprise.id) == enterprise_id
        )
        return await self.session.scalar(stmt)

    async def holds_officer_role(self, tenant_id: uuid.UUID, user_id: uuid.UUID) -> bool:
        stmt = sa.select(
            sa.exists().where(
                col(Membership.tenant_id) == tenant_id,
                col(Membership.user_id) == user_id,
                col(Membership.role) == Role.LIAISON_OFFICER,
                col(Membership.revoked_at).is_(None),
            )
        )
        return bool(await self.session.scalar(stmt))

    async def overlapping_assignment_exists(
        self,
        tenant_id: uuid.UUID,
        enterprise_id: uuid.UUID,
        officer_user_id: uuid.UUID,
        kind: AssignmentKind,
        starts_on: date,
    ) -> bool:
        """A new assignment is open-ended from `starts_on`, so any one not ended before it overlaps."""
        stmt = sa.select(
            sa.exists().where(
                col(LiaisonAssignment.tenant_id) == tenant_id,
                col(LiaisonAssignment.enterprise_id) == enterprise_id,
                col(LiaisonAssignment.officer_user_id) == officer_user_id,
                col(LiaisonAssignment.kind) == kind,
                sa.or_(col(LiaisonAssignment.ends_on).is_(None), col(LiaisonAssignment.ends_on) >= starts_on),
            )
        )
        return bool(await self.session.scalar(stmt))

    # Assignments.
    def scoped_assignments(self, actor: Actor) -> sa.Select[LiaisonAssignment]:
        return sa.select(LiaisonAssignment).where(
            col(LiaisonAssignment.tenant_id) == actor.tenant_id,
            _scope_condition(
                read_scope(actor),
                actor.tenant_id,
                col(LiaisonAssignment.enterprise_id),
                col(LiaisonAssignment.officer_user_id),
            ),
        )

    async def assignment_for_update(self, tenant_id: uuid.UUID, assignment_id: uuid.UUID) -> LiaisonAssignment | None:
        stmt = sa.select(LiaisonAssignment).where(
            col(LiaisonAssignment.tenant_id) == tenant_id, col(LiaisonAssignment.id) == assignment_id
        )
        return await self.session.scalar(stmt.with_for_update())

    async def officer_assignment(
        self, tenant_id: uuid.UUID, officer_user_id: uuid.UUID, assignment_id: uuid.UUID
    ) -> LiaisonAssignment | None:
        # A share lock: ending the assignment waits for a visit being logged on it, and vice versa.
        stmt = sa.select(LiaisonAssignment).where(
            col(LiaisonAssignment.tenant_id) == tenant_id,
            col(LiaisonAssignment.id) == assignment_id,
            col(LiaisonAssignment.officer_user_id) == officer_user_id,
        )
        return await self.session.scalar(stmt.with_for_update(read=True))

    async def assignments(self, actor: Actor, ids: list[uuid.UUID]) -> list[LiaisonAssignment]:
        stmt = self.scoped_assignments(actor).where(col(LiaisonAssignment.id).in_(ids))
        return list(await self.session.scalars(stmt))

    def _assignment_filter(self, actor: Actor, where: AssignmentFilter, today: date) -> sa.Select[Any]:
        stmt = self.scoped_assignments(actor)
        if where.enterprise_id:
            stmt = stmt.where(col(LiaisonAssignment.enterprise_id) == where.enterprise_id)
        if where.officer_user_id:
            stmt = stmt.where(col(LiaisonAssignment.officer_user_id) == where.officer_user_id)
        if where.status:
            stmt = stmt.where(_status_condition(where.status, today))
        return stmt

    async def page_assignments(
        self, actor: Actor, where: AssignmentFilter, today: date, page: PageRequest
    ) -> Page[LiaisonAssignment]:
        keys = [col(LiaisonAssignment.created_at), col(LiaisonAssignment.id)]
        return await paginate(self.session, self._assignment_filter(actor, where, today).add_columns(*keys), keys, page)

    async def count_assignments(self, actor: Actor, where: AssignmentFilter, today: date) -> int:
        return await count(self.session, self._assignment_filter(actor, where, today))

    # Visits.
    def scoped_visits(self, actor: Actor) -> sa.Select[LiaisonVisit]:
        return sa.select(LiaisonVisit).where(
            col(LiaisonVisit.tenant_id) == actor.tenant_id,
            _scope_condition(
                read_scope(actor), actor.tenant_id, col(LiaisonVisit.enterprise_id), col(LiaisonVisit.officer_user_id)
            ),
        )

    async def visits(self, actor: Actor, ids: list[uuid.UUID]) -> list[LiaisonVisit]:
        stmt = self.scoped_visits(actor).where(col(LiaisonVisit.id).in_(ids))
        return list(await self.session.scalars(stmt))

    def _visit_filter(self, actor: Actor, where: VisitFilter) -> sa.Select[Any]:
        stmt = self.scoped_visits(actor)
        if where.enterprise_id:
            stmt = stmt.where(col(LiaisonVisit.enterprise_id) == where.enterprise_id)
        if where.assignment_id:
            stmt = stmt.where(col(LiaisonVisit.assignment_id) == where.assignment_id)
        if where.officer_user_id:
            stmt = stmt.where(col(LiaisonVisit.officer_user_id) == where.officer_user_id)
        return stmt

    async def page_visits(self, actor: Actor, where: VisitFilter, page: PageRequest) -> Page[LiaisonVisit]:
        keys = [col(LiaisonVisit.created_at), col(LiaisonVisit.id)]
        return await paginate(self.session, self._visit_filter(actor, where).add_columns(*keys), keys, page)

    async def count_visits(self, actor: Actor, where: VisitFilter) -> int:
        return await count(self.session, self._visit_filter(actor, where))

    # Workload: one statement for every officer of the park.
    async def workload(self, actor: Actor, only_officer: uuid.UUID | None, today: date) -> list[OfficerWorkload]:
        tenant_id = actor.tenant_id
        scope = read_scope(actor) if only_officer is None else ReadScope(officer_user_id=only_officer)
        assignment = LiaisonAssignment
        active = (
            sa.select(
                col(assignment.officer_user_id).label("officer"),
                sa.func.count().label("active"),
                sa.func.count(sa.distinct(col(assignment.enterprise_id))).filter(col(Enterprise.is_key)).label("key"),
            )
            .join(
                Enterprise,
                sa.and_(
                    col(Enterprise.tenant_id) == col(assignment.tenant_id),
                    col(Enterprise.id) == col(assignment.enterprise_id),
                ),
            )
            .where(
                col(assignment.tenant_id) == tenant_id,
                active_on(today),
                _scope_condition(scope, tenant_id, col(assignment.enterprise_id), col(assignment.officer_user_id)),
            )
            .group_by(col(assignment.officer_user_id))
            .subquery()
        )
        visited_on = col(LiaisonVisit.visited_on)
        visits = (
            sa.select(
                col(LiaisonVisit.officer_user_id).label("officer"),
                sa.func.count().filter(visited_on > today - timedelta(days=30)).label("last30"),
                sa.func.count().filter(visited_on > today - timedelta(days=90)).label("last90"),
                sa.func.max(visited_on).label("last_on"),
            )
            .where(
                col(LiaisonVisit.tenant_id) == tenant_id,
                _scope_condition(scope, tenant_id, col(LiaisonVisit.enterprise_id), col(LiaisonVisit.officer_user_id)),
            )
            .group_by(col(LiaisonVisit.officer_user_id))
            .subquery()
        )
        officers: sa.Select[Any] = (
            sa.select(col(Membership.user_id).label("officer"))
            .distinct()
            .where(
                col(Membership.tenant_id) == tenant_id,
                col(Membership.role) == Role.LIAISON_OFFICER,
                col(Membership.revoked_at).is_(None),
            )
        )
        if only_officer is not None:
            officers = officers.where(col(Membership.user_id) == only_officer)
        officer = officers.subquery()
        active_count = sa.func.coalesce(active.c.active, 0)
        stmt = (
            sa.select(
                officer.c.officer,
                active_count,
                sa.func.coalesce(active.c.key, 0),
                sa.func.coalesce(visits.c.last30, 0),
                sa.func.coalesce(visits.c.last90, 0),
                visits.c.last_on,
            )
            .outerjoin(active, active.c.officer == officer.c.officer)
            .outerjoin(visits, visits.c.officer == officer.c.officer)
            .order_by(active_count.desc(), officer.c.officer)
        )
        return [OfficerWorkload(*row) for row in (await self.session.execute(stmt)).all()]
