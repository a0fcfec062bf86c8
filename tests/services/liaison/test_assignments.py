"""Posting and ending liaison assignments: who may, to which enterprise, which officer, which dates."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import col

from redchain.infra.clock import park_today
from redchain.infra.db import Database
from redchain.infra.outbox import OutboxEvent
from redchain.services.audit.models import AuditEntry
from redchain.services.errors import NotFound, PermissionDenied
from redchain.services.liaison import events
from redchain.services.liaison import service as liaison
from redchain.services.liaison.errors import (
    AlreadyEnded,
    DuplicateAssignment,
    EndsBeforeStart,
    EnterpriseArchived,
    OfficerNotEligible,
)
from redchain.services.liaison.models import AssignmentKind
from redchain.services.liaison.policies import AssignmentStatus, status_on
from redchain.services.permissions import Role
from redchain.services.registry import service as registry
from tests.factories import create_enterprise, create_member, create_user
from tests.services.liaison.world import Person, World, assign, build_world, days_ago

OFFICER = AssignmentKind.LIAISON_OFFICER


async def _assign_as(db: Database, world: World, who: Person, enterprise_id, officer_id, **kw):  # type: ignore[no-untyped-def]
    async with db.transaction(world.park.id, who.user.id) as session:
        return await liaison.assign(session, who.actor, enterprise_id, officer_id, kw.pop("kind", OFFICER), **kw)


async def _end_as(db: Database, world: World, who: Person, assignment_id, ends_on=None):  # type: ignore[no-untyped-def]
    async with db.transaction(world.park.id, who.user.id) as session:
        return await liaison.end_assignment(session, who.actor, assignment_id, ends_on)


async def test_park_admin_assigns_an_officer_audited_with_an_event(db: Database) -> None:
    world = await build_world(db)

    assignment = await _assign_as(db, world, world.admin, world.enterprise.id, world.officer.user.id)

    assert assignment.starts_on == park_today()
    assert status_on(assignment, park_today()) is AssignmentStatus.ACTIVE
    async with db.transaction(world.park.id) as session:
        actions = list(
            await session.scalars(
                sa.select(col(AuditEntry.action)).where(
                    col(AuditEntry.tenant_id) == world.park.id, col(AuditEntry.object_id) == assignment.id
                )
            )
        )
        event_types = list(
            await session.scalars(
                sa.select(col(OutboxEvent.event_type)).where(col(OutboxEvent.tenant_id) == world.park.id)
            )
        )
    assert actions == ["liaison_assignment.create"]
    assert event_types == [events.AssignmentCreated.name]


async def test_chain_staff_assign_within_their_chain_only(db: Database) -> None:
    world = await build_world(db)

    assignment = await _assign_as(db, world, world.staff, world.enterprise.id, world.officer.user.id)
    assert assignment.enterprise_id == world.enterprise.id

    with pytest.raises(NotFound):
        await _assign_as(db, world, world.staff, world.other_enterprise.id, world.officer.user.id)


@pytest.mark.parametrize("role_name", ["officer", "auditor", "finance", "contact"])
async def test_roles_without_liaison_management_are_refused(db: Database, role_name: str) -> None:
    world = await build_world(db)
    with pytest.raises(PermissionDenied):
        await _assign_as(db, world, world.everyone()[role_name], world.enterprise.id, world.officer.user.id)


async def test_another_parks_enterprise_is_not_found(db: Database) -> None:
    world, elsewhere = await build_world(db), await build_world(db)
    with pytest.raises(NotFound):
        await _assign_as(db, world, world.admin, elsewhere.enterprise.id, world.officer.user.id)


async def test_the_officer_must_hold_the_liaison_role_in_this_park(db: Database) -> None:
    world, elsewhere = await build_world(db), await build_world(db)
    _, revoked = await create_member(db, world.park, Role.LIAISON_OFFICER)
    async with db.transaction(world.park.id) as session:
        await session.execute(
            sa.text("UPDATE memberships SET revoked_at = now() WHERE tenant_id = :t AND id = :id"),
            {"t": world.park.id, "id": revoked.id},
        )
    stranger = await create_user(db)

    for user_id in (world.staff.user.id, elsewhere.officer.user.id, revoked.user_id, stranger.id):
        with pytest.raises(OfficerNotEligible):
            await _assign_as(db, world, world.admin, world.enterprise.id, user_id)


async def test_an_archived_enterprise_takes_no_new_officer(db: Database) -> None:
    world = await build_world(db)
    archived = await create_enterprise(db, world.park, chain_id=world.chain.id, archived_at=datetime.now(UTC))
    with pytest.raises(EnterpriseArchived):
        await _assign_as(db, world, world.admin, archived.id, world.officer.user.id)


async def test_overlapping_assignments_of_one_kind_are_refused(db: Database) -> None:
    world = await build_world(db)
    first = await assign(db, world, starts_on=days_ago(30))

    with pytest.raises(DuplicateAssignment):
        await _assign_as(db, world, world.admin, world.enterprise.id, world.officer.user.id)
    # The other kind is a different post: an officer may also instruct the same enterprise.
    await _assign_as(
        db, world, world.admin, world.enterprise.id, world.officer.user.id, kind=AssignmentKind.PARTY_INSTRUCTOR
    )

    await _end_as(db, world, world.admin, first.id, days_ago(10))
    with pytest.raises(DuplicateAssignment):
        await _assign_as(db, world, world.admin, world.enterprise.id, world.officer.user.id, starts_on=days_ago(10))
    again = await _assign_as(db, world, world.admin, world.enterprise.id, world.officer.user.id, starts_on=days_ago(9))
    assert again.starts_on == days_ago(9)


async def test_ending_an_assignment(db: Database) -> None:
    world = await build_world(db)
    assignment = await assign(db, world, starts_on=days_ago(30))

    ended = await _end_as(db, world, world.staff, assignment.id, days_ago(1))

    assert ended.ends_on == days_ago(1)
    assert status_on(ended, park_today()) is AssignmentStatus.ENDED
    with pytest.raises(AlreadyEnded):
        await _end_as(db, world, world.admin, assignment.id)


async def test_ending_today_keeps_the_officer_until_the_end_of_the_day(db: Database) -> None:
    world = await build_world(db)
    assignment = await assign(db, world, starts_on=days_ago(3))
    ended = await _end_as(db, world, world.admin, assignment.id)
    assert ended.ends_on == park_today()
    assert status_on(ended, park_today()) is AssignmentStatus.ACTIVE
    assert status_on(ended, park_today() + timedelta(days=1)) is AssignmentStatus.ENDED


async def test_an_assignment_cannot_end_before_it_starts(db: Database) -> None:
    world = await build_world(db)
    assignment = await assign(db, world, starts_on=days_ago(3))
    with pytest.raises(EndsBeforeStart):
        await _end_as(db, world, world.admin, assignment.id, days_ago(4))


async def test_ending_is_refused_outside_the_enders_scope(db: Database) -> None:
    world, elsewhere = await build_world(db), await build_world(db)
    assignment = await assign(db, world)
    foreign = await assign(db, elsewhere)

    with pytest.raises(NotFound):
        await _end_as(db, world, world.other_staff, assignment.id)
    with pytest.raises(NotFound):
        await _end_as(db, world, world.admin, foreign.id)
    for name in ("officer", "auditor", "finance", "contact"):
        with pytest.raises(PermissionDenied):
            await _end_as(db, world, world.everyone()[name], assignment.id)


async def test_the_officers_registry_scope_follows_its_active_assignments(db: Database) -> None:
    world = await build_world(db)
    await assign(db, world, enterprise=world.other_enterprise, starts_on=park_today() + timedelta(days=1))
    assignment = await assign(db, world, starts_on=days_ago(30))

    async def visible() -> set[uuid.UUID]:
        async with db.transaction(world.park.id, world.officer.user.id) as session:
            found = [
                await registry.get_enterprise(session, world.officer.actor, e.id)
                for e in (world.enterprise, world.other_enterprise)
            ]
        return {e.id for e in found if e is not None}

    assert await visible() == {world.enterprise.id}
    await _end_as(db, world, world.admin, assignment.id, days_ago(1))
    assert await visible() == set()
