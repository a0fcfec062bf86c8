"""Visits: only the assigned officer logs them, only while posted, only for days of its assignment."""

from datetime import timedelta

import pytest

from redchain.infra.clock import park_today
from redchain.infra.db import Database
from redchain.services.errors import NotFound, PermissionDenied, TooLong
from redchain.services.liaison import service as liaison
from redchain.services.liaison.errors import AssignmentNotActive, NotesRequired, VisitDateOutOfRange
from redchain.services.liaison.models import LiaisonVisit
from tests.services.liaison.world import Person, World, assign, build_world, days_ago


async def _log_as(
    db: Database,
    world: World,
    who: Person,
    assignment_id,
    visited_on=None,
    notes="走访了解用工需求",  # type: ignore[no-untyped-def]
    follow_ups=None,
) -> LiaisonVisit:
    async with db.transaction(world.park.id, who.user.id) as session:
        return await liaison.log_visit(session, who.actor, assignment_id, visited_on or days_ago(1), notes, follow_ups)


async def test_the_assigned_officer_logs_a_visit(db: Database) -> None:
    world = await build_world(db)
    assignment = await assign(db, world)

    visit = await _log_as(db, world, world.officer, assignment.id, notes="  协调用电  ", follow_ups="两周内回访")

    assert (visit.enterprise_id, visit.officer_user_id) == (world.enterprise.id, world.officer.user.id)
    assert (visit.notes, visit.follow_ups) == ("协调用电", "两周内回访")


async def test_another_officer_cannot_log_on_the_assignment(db: Database) -> None:
    world, elsewhere = await build_world(db), await build_world(db)
    assignment = await assign(db, world)
    foreign = await assign(db, elsewhere)

    with pytest.raises(NotFound):
        await _log_as(db, world, world.other_officer, assignment.id)
    with pytest.raises(NotFound):
        await _log_as(db, world, world.officer, foreign.id)


@pytest.mark.parametrize("role_name", ["admin", "staff", "auditor", "finance", "contact"])
async def test_only_officers_log_visits(db: Database, role_name: str) -> None:
    world = await build_world(db)
    assignment = await assign(db, world)
    with pytest.raises(PermissionDenied):
        await _log_as(db, world, world.everyone()[role_name], assignment.id)


async def test_ending_the_assignment_stops_the_officer_logging(db: Database) -> None:
    world = await build_world(db)
    assignment = await assign(db, world, starts_on=days_ago(30))
    async with db.transaction(world.park.id) as session:
        await liaison.end_assignment(session, world.admin.actor, assignment.id, days_ago(1))

    with pytest.raises(AssignmentNotActive):
        await _log_as(db, world, world.officer, assignment.id, visited_on=days_ago(2))


async def test_a_scheduled_assignment_takes_no_visits_yet(db: Database) -> None:
    world = await build_world(db)
    assignment = await assign(db, world, starts_on=park_today() + timedelta(days=3))
    with pytest.raises(AssignmentNotActive):
        await _log_as(db, world, world.officer, assignment.id, visited_on=park_today())


async def test_the_visit_date_lies_within_the_assignment_and_not_ahead(db: Database) -> None:
    world = await build_world(db)
    assignment = await assign(db, world, starts_on=days_ago(5))

    for day in (days_ago(6), park_today() + timedelta(days=1)):
        with pytest.raises(VisitDateOutOfRange):
            await _log_as(db, world, world.officer, assignment.id, visited_on=day)
    await _log_as(db, world, world.officer, assignment.id, visited_on=days_ago(5))
    await _log_as(db, world, world.officer, assignment.id, visited_on=park_today())


async def test_notes_are_required_and_bounded(db: Database) -> None:
    world = await build_world(db)
    assignment = await assign(db, world)

    with pytest.raises(NotesRequired):
        await _log_as(db, world, world.officer, assignment.id, notes="   ")
    with pytest.raises(TooLong) as too_long:
        await _log_as(db, world, world.officer, assignment.id, notes="记" * (liaison.NOTES_LIMIT + 1))
    assert too_long.value.field == "notes"
    with pytest.raises(TooLong) as too_long:
        await _log_as(db, world, world.officer, assignment.id, follow_ups="跟" * (liaison.FOLLOW_UPS_LIMIT + 1))
    assert too_long.value.field == "followUps"
