"""All SQL of the liaison context: assignments and visits, each with its one `scoped(actor)`."""

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import col

from redchain.infra.pagination import Page, PageRequest, count, paginate
from redchain.infra.repository import Repository
from redchain.services.actor import Actor, Scope
from redchain.services.liaison.models import AssignmentKind, LiaisonAssignment, LiaisonVisit, active_on
from redchain.services.liaison.policies import AssignmentStatus, read_scope
from redchain.services.permissions import Role
from redchain.services.registry import queries as registry_queries
from redchain.services.tenancy import queries as tenancy_queries


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
    visits_this_month: int  # the park's calendar month (today is the park's day)


def _status_condition(status: AssignmentStatus, today: date) -> sa.ColumnElement[bool]:
    if status is AssignmentStatus.ACTIVE:
        return active_on(today)
    if status is AssignmentStatus.SCHEDULED:
        return col(LiaisonAssignment.starts_on) > today
    return col(LiaisonAssignment.ends_on) < today


def _in_scope(
    scope: Scope, tenant_id: uuid.UUID, enterprise_column: Any, officer_column: Any
) -> sa.ColumnElement[bool]:
    """Assignments and visits alike: by their enterprise, or (an officer's own) by their officer."""
    if scope.whole_park:
        return sa.true()
    parts: list[sa.ColumnElement[bool]] = []
    if scope.chain_ids:
        parts.append(enterprise_column.in_(registry_queries.enterprise_ids_in_chains(tenant_id, scope.chain_ids)))
    if scope.enterprise_ids:
        parts.append(enterprise_column.in_(scope.enterprise_ids))
    if scope.officer_user_id:
        parts.append(officer_column == scope.officer_user_id)
    return sa.or_(*parts) if parts else sa.false()


class AssignmentRepository(Repository):
    @staticmethod
    def scoped(actor: Actor) -> sa.Select[LiaisonAssignment]:
        return sa.select(LiaisonAssignment).where(
            col(LiaisonAssignment.tenant_id) == actor.tenant_id,
            _in_scope(
                read_scope(actor),
                actor.tenant_id,
                col(LiaisonAssignment.enterprise_id),
                col(LiaisonAssignment.officer_user_id),
            ),
        )

    async def holds_officer_role(self, tenant_id: uuid.UUID, user_id: uuid.UUID) -> bool:
        return bool(await self.session.scalar(tenancy_queries.holds_role(tenant_id, user_id, Role.LIAISON_OFFICER)))

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
        stmt = self.scoped(actor).where(col(LiaisonAssignment.id).in_(ids))
        return list(await self.session.scalars(stmt))

    def _assignment_filter(self, actor: Actor, where: AssignmentFilter, today: date) -> sa.Select[Any]:
        stmt = self.scoped(actor)
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


class VisitRepository(Repository):
    @staticmethod
    def scoped(actor: Actor) -> sa.Select[LiaisonVisit]:
        return sa.select(LiaisonVisit).where(
            col(LiaisonVisit.tenant_id) == actor.tenant_id,
            _in_scope(
                read_scope(actor), actor.tenant_id, col(LiaisonVisit.enterprise_id), col(LiaisonVisit.officer_user_id)
            ),
        )

    async def visits(self, actor: Actor, ids: list[uuid.UUID]) -> list[LiaisonVisit]:
        stmt = self.scoped(actor).where(col(LiaisonVisit.id).in_(ids))
        return list(await self.session.scalars(stmt))

    def _visit_filter(self, actor: Actor, where: VisitFilter) -> sa.Select[Any]:
        stmt = self.scoped(actor)
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
        scope = read_scope(actor) if only_officer is None else Scope(officer_user_id=only_officer)
        assignment = LiaisonAssignment
        active = (
            sa.select(
                col(assignment.officer_user_id).label("officer"),
                sa.func.count().label("active"),
                sa.func.count(sa.distinct(col(assignment.enterprise_id)))
                .filter(col(assignment.enterprise_id).in_(registry_queries.key_enterprise_ids(tenant_id)))
                .label("key"),
            )
            .where(
                col(assignment.tenant_id) == tenant_id,
                active_on(today),
                _in_scope(scope, tenant_id, col(assignment.enterprise_id), col(assignment.officer_user_id)),
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
                sa.func.count().filter(visited_on >= today.replace(day=1)).label("this_month"),
            )
            .where(
                col(LiaisonVisit.tenant_id) == tenant_id,
                _in_scope(scope, tenant_id, col(LiaisonVisit.enterprise_id), col(LiaisonVisit.officer_user_id)),
            )
            .group_by(col(LiaisonVisit.officer_user_id))
            .subquery()
        )
        officer_ids = tenancy_queries.role_holder_ids(tenant_id, Role.LIAISON_OFFICER).subquery()
        officers = sa.select(officer_ids.c.user_id.label("officer"))
        if only_officer is not None:
            officers = officers.where(officer_ids.c.user_id == only_officer)
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
                sa.func.coalesce(visits.c.this_month, 0),
            )
            .outerjoin(active, active.c.officer == officer.c.officer)
            .outerjoin(visits, visits.c.officer == officer.c.officer)
            .order_by(active_count.desc(), officer.c.officer)
        )
        return [OfficerWorkload(*row) for row in (await self.session.execute(stmt)).all()]
