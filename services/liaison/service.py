"""Posting liaison officers and Party-building instructors to enterprises, and logging their visits."""

import uuid
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra import outbox
from redchain.infra.clock import park_today
from redchain.infra.pagination import Page, PageRequest
from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.errors import NotFound, PermissionDenied, TooLong
from redchain.services.liaison import events
from redchain.services.liaison.errors import (
    AlreadyEnded,
    AssignmentNotActive,
    DuplicateAssignment,
    EndsBeforeStart,
    EnterpriseArchived,
    NotesRequired,
    OfficerNotEligible,
    VisitDateOutOfRange,
)
from redchain.services.liaison.models import AssignmentKind, LiaisonAssignment, LiaisonVisit
from redchain.services.liaison.policies import (
    AssignmentStatus,
    may_manage_chain,
    may_see_workload,
    require_manage,
    require_officer,
    status_on,
    workload_officer,
)
from redchain.services.liaison.repository import (
    AssignmentFilter,
    AssignmentRepository,
    OfficerWorkload,
    VisitFilter,
    VisitRepository,
)
from redchain.services.registry import service as registry

ASSIGNMENT_FIELDS = ("officer_user_id", "enterprise_id", "kind", "starts_on", "ends_on")
VISIT_FIELDS = ("assignment_id", "enterprise_id", "officer_user_id", "visited_on", "notes", "follow_ups")
NOTES_LIMIT = 5000
FOLLOW_UPS_LIMIT = 2000


async def assign(
    session: AsyncSession,
    actor: Actor,
    enterprise_id: uuid.UUID,
    officer_user_id: uuid.UUID,
    kind: AssignmentKind,
    starts_on: date | None = None,
) -> LiaisonAssignment:
    require_manage(actor)
    repo = AssignmentRepository(session)
    # Locking the enterprise serialises assignments to it, so the overlap check cannot race.
    enterprise = await registry.require_enterprise(session, actor, enterprise_id, for_update=True, field="enterpriseId")
    if not may_manage_chain(actor, enterprise.chain_id):
        raise NotFound("enterpriseId")
    if enterprise.archived_at is not None:
        raise EnterpriseArchived("enterpriseId")
    if not await repo.holds_officer_role(actor.tenant_id, officer_user_id):
        raise OfficerNotEligible("officerUserId")
    starts_on = starts_on or park_today()
    if await repo.overlapping_assignment_exists(actor.tenant_id, enterprise_id, officer_user_id, kind, starts_on):
        raise DuplicateAssignment("officerUserId")
    assignment = LiaisonAssignment(
        tenant_id=actor.tenant_id,
        officer_user_id=officer_user_id,
        enterprise_id=enterprise_id,
        kind=kind,
        starts_on=starts_on,
        created_by=actor.user_id,
    )
    await repo.add(assignment)
    audit.record(
        session,
        actor,
        "liaison_assignment.create",
        "LiaisonAssignment",
        assignment.id,
        after=audit.snapshot(assignment, *ASSIGNMENT_FIELDS),
    )
    outbox.emit(
        session,
        actor.tenant_id,
        events.AssignmentCreated(
            assignment_id=assignment.id,
            enterprise_id=enterprise_id,
            officer_user_id=officer_user_id,
            kind=kind,
            starts_on=starts_on,
        ),
    )
    return assignment


async def end_assignment(
    session: AsyncSession, actor: Actor, assignment_id: uuid.UUID, ends_on: date | None = None
) -> LiaisonAssignment:
    """`ends_on` is the assignment's last day (default today); from the day after, the officer's scope
    no longer includes the enterprise."""
    require_manage(actor)
    assignment = await AssignmentRepository(session).assignment_for_update(actor.tenant_id, assignment_id)
    enterprise = await registry.get_enterprise(session, actor, assignment.enterprise_id) if assignment else None
    if assignment is None or enterprise is None or not may_manage_chain(actor, enterprise.chain_id):
        raise NotFound("id")
    if assignment.ends_on is not None:
        raise AlreadyEnded("id")
    ends_on = ends_on or park_today()
    if ends_on < assignment.starts_on:
        raise EndsBeforeStart("endsOn", starts_on=assignment.starts_on.isoformat())
    before = audit.snapshot(assignment, *ASSIGNMENT_FIELDS)
    assignment.ends_on = ends_on
    await session.flush()
    audit.record(
        session,
        actor,
        "liaison_assignment.end",
        "LiaisonAssignment",
        assignment.id,
        before=before,
        after=audit.snapshot(assignment, *ASSIGNMENT_FIELDS),
    )
    outbox.emit(
        session,
        actor.tenant_id,
        events.AssignmentEnded(
            assignment_id=assignment.id,
            enterprise_id=assignment.enterprise_id,
            officer_user_id=assignment.officer_user_id,
            ends_on=ends_on,
        ),
    )
    return assignment


async def log_visit(
    session: AsyncSession,
    actor: Actor,
    assignment_id: uuid.UUID,
    visited_on: date,
    notes: str,
    follow_ups: str | None = None,
) -> LiaisonVisit:
    officer_id = require_officer(actor)
    repo = VisitRepository(session)
    # Someone else's assignment is not found, whatever it is: officers see only their own.
    assignment = await AssignmentRepository(session).officer_assignment(actor.tenant_id, officer_id, assignment_id)
    if assignment is None:
        raise NotFound("assignmentId")
    today = park_today()
    if status_on(assignment, today) is not AssignmentStatus.ACTIVE:
        raise AssignmentNotActive("assignmentId")
    if not assignment.starts_on <= visited_on <= today:
        raise VisitDateOutOfRange("visitedOn")
    notes = notes.strip()
    follow_ups = (follow_ups or "").strip() or None
    if not notes:
        raise NotesRequired("notes")
    if len(notes) > NOTES_LIMIT:
        raise TooLong("notes", limit=NOTES_LIMIT)
    if follow_ups and len(follow_ups) > FOLLOW_UPS_LIMIT:
        raise TooLong("followUps", limit=FOLLOW_UPS_LIMIT)
    visit = LiaisonVisit(
        tenant_id=actor.tenant_id,
        assignment_id=assignment.id,
        enterprise_id=assignment.enterprise_id,
        officer_user_id=officer_id,
        visited_on=visited_on,
        notes=notes,
        follow_ups=follow_ups,
    )
    await repo.add(visit)
    audit.record(
        session,
        actor,
        "liaison_visit.create",
        "LiaisonVisit",
        visit.id,
        after=audit.snapshot(visit, *VISIT_FIELDS),
    )
    outbox.emit(
        session,
        actor.tenant_id,
        events.VisitLogged(
            visit_id=visit.id,
            assignment_id=assignment.id,
            enterprise_id=assignment.enterprise_id,
            visited_on=visited_on,
        ),
    )
    return visit


# Reads ------------------------------------------------------------------------------------------


async def list_assignments(
    session: AsyncSession, actor: Actor, where: AssignmentFilter, page: PageRequest
) -> Page[LiaisonAssignment]:
    return await AssignmentRepository(session).page_assignments(actor, where, park_today(), page)


async def count_assignments(session: AsyncSession, actor: Actor, where: AssignmentFilter) -> int:
    return await AssignmentRepository(session).count_assignments(actor, where, park_today())


async def assignments_by_ids(session: AsyncSession, actor: Actor, ids: list[uuid.UUID]) -> list[LiaisonAssignment]:
    return await AssignmentRepository(session).assignments(actor, ids)


async def list_visits(session: AsyncSession, actor: Actor, where: VisitFilter, page: PageRequest) -> Page[LiaisonVisit]:
    return await VisitRepository(session).page_visits(actor, where, page)


async def count_visits(session: AsyncSession, actor: Actor, where: VisitFilter) -> int:
    return await VisitRepository(session).count_visits(actor, where)


async def visits_by_ids(session: AsyncSession, actor: Actor, ids: list[uuid.UUID]) -> list[LiaisonVisit]:
    return await VisitRepository(session).visits(actor, ids)


async def officer_workload(session: AsyncSession, actor: Actor) -> list[OfficerWorkload]:
    """Every officer of the park (or only yourself, as an officer), busiest first; counts are limited to
    what the caller may read, so a chain's staff see the load within their chain."""
    if not may_see_workload(actor):
        raise PermissionDenied()
    return await VisitRepository(session).workload(actor, workload_officer(actor), park_today())
