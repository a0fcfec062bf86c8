"""Who reads which assignments and visits, and each officer's workload."""

import uuid

import pytest

from redchain.infra.db import Database
from redchain.infra.pagination import PageRequest
from redchain.services.actor import Grant
from redchain.services.errors import PermissionDenied
from redchain.services.liaison import service as liaison
from redchain.services.liaison.models import AssignmentKind
from redchain.services.liaison.policies import AssignmentStatus
from redchain.services.liaison.repository import AssignmentFilter, VisitFilter
from redchain.services.permissions import Role
from redchain.services.registry.models import Enterprise
from tests.factories import actor_for, create_enterprise, create_member
from tests.services.liaison.world import Person, World, assign, build_world, days_ago

PAGE = PageRequest(first=100)


async def _visible(db: Database, world: World, who: Person) -> tuple[set[uuid.UUID], set[uuid.UUID]]:
    async with db.transaction(world.park.id, who.user.id) as session:
        assignments = await liaison.list_assignments(session, who.actor, AssignmentFilter(), PAGE)
        visits = await liaison.list_visits(session, who.actor, VisitFilter(), PAGE)
        assert await liaison.count_assignments(session, who.actor, AssignmentFilter()) == len(assignments.rows)
        assert await liaison.count_visits(session, who.actor, VisitFilter()) == len(visits.rows)
    return {a.id for a in assignments.rows}, {v.id for v in visits.rows}


async def _log(db: Database, world: World, officer: Person, assignment_id: uuid.UUID, days: int) -> uuid.UUID:
    async with db.transaction(world.park.id, officer.user.id) as session:
        visit = await liaison.log_visit(session, officer.actor, assignment_id, days_ago(days), "走访")
    return visit.id


async def test_each_role_reads_its_own_scope(db: Database) -> None:
    world, elsewhere = await build_world(db), await build_world(db)
    mine = await assign(db, world)  # officer -> enterprise (chain)
    theirs = await assign(db, world, enterprise=world.other_enterprise, officer=world.other_officer)
    await assign(db, elsewhere)
    my_visit = await _log(db, world, world.officer, mine.id, 2)
    their_visit = await _log(db, world, world.other_officer, theirs.id, 2)
    everything = ({mine.id, theirs.id}, {my_visit, their_visit})

    expected = {
        "admin": everything,
        "auditor": everything,
        "secretary": ({mine.id}, {my_visit}),
        "staff": ({mine.id}, {my_visit}),
        "other_staff": ({theirs.id}, {their_visit}),
        "officer": ({mine.id}, {my_visit}),
        "other_officer": ({theirs.id}, {their_visit}),
        "contact": ({mine.id}, {my_visit}),
        "other_contact": ({theirs.id}, {their_visit}),
        "finance": (set(), set()),
    }
    for name, who in world.everyone().items():
        assert await _visible(db, world, who) == expected[name], name


async def test_a_person_with_two_roles_reads_the_union(db: Database) -> None:
    world = await build_world(db)
    mine = await assign(db, world)
    theirs = await assign(db, world, enterprise=world.other_enterprise, officer=world.other_officer)
    await create_member(db, world.park, Role.CHAIN_STAFF, user=world.officer.user, chain_id=world.other_chain.id)
    both = Person(
        world.officer.user,
        actor_for(
            world.park,
            world.officer.user,
            Grant(Role.LIAISON_OFFICER),
            Grant(Role.CHAIN_STAFF, chain_id=world.other_chain.id),
        ),
    )
    assert (await _visible(db, world, both))[0] == {mine.id, theirs.id}


async def test_filters_by_status_enterprise_and_officer(db: Database) -> None:
    world = await build_world(db)
    ended = await assign(db, world, starts_on=days_ago(40))
    async with db.transaction(world.park.id) as session:
        await liaison.end_assignment(session, world.admin.actor, ended.id, days_ago(20))
    active = await assign(db, world, starts_on=days_ago(10))
    scheduled = await assign(db, world, enterprise=world.other_enterprise, starts_on=days_ago(-5))

    async def ids(where: AssignmentFilter) -> set[uuid.UUID]:
        async with db.transaction(world.park.id) as session:
            return {a.id for a in (await liaison.list_assignments(session, world.admin.actor, where, PAGE)).rows}

    assert await ids(AssignmentFilter(status=AssignmentStatus.ACTIVE)) == {active.id}
    assert await ids(AssignmentFilter(status=AssignmentStatus.ENDED)) == {ended.id}
    assert await ids(AssignmentFilter(status=AssignmentStatus.SCHEDULED)) == {scheduled.id}
    assert await ids(AssignmentFilter(enterprise_id=world.enterprise.id)) == {ended.id, active.id}
    assert await ids(AssignmentFilter(officer_user_id=world.other_officer.user.id)) == set()


async def test_officer_workload(db: Database) -> None:
    world = await build_world(db)
    plain: Enterprise = await create_enterprise(db, world.park, chain_id=world.other_chain.id)
    on_key = await assign(db, world, starts_on=days_ago(200))
    await assign(db, world, kind=AssignmentKind.PARTY_INSTRUCTOR)  # the same key enterprise, counted once
    await assign(db, world, enterprise=plain)
    for days in (1, 29, 45, 120):
        await _log(db, world, world.officer, on_key.id, days)

    async with db.transaction(world.park.id) as session:
        rows = await liaison.officer_workload(session, world.admin.actor)
        staff_rows = await liaison.officer_workload(session, world.staff.actor)
        own_rows = await liaison.officer_workload(session, world.officer.actor)

    by_officer = {row.officer_user_id: row for row in rows}
    assert set(by_officer) == {world.officer.user.id, world.other_officer.user.id}
    busy, idle = by_officer[world.officer.user.id], by_officer[world.other_officer.user.id]
    assert rows[0] == busy
    assert (busy.active_assignments, busy.key_enterprises) == (3, 1)
    assert (busy.visits_last_30_days, busy.visits_last_90_days, busy.last_visit_on) == (2, 3, days_ago(1))
    month_start = days_ago(0).replace(day=1)
    assert busy.visits_this_month == sum(1 for days in (1, 29, 45, 120) if days_ago(days) >= month_start)
    assert (idle.active_assignments, idle.key_enterprises, idle.visits_last_90_days, idle.last_visit_on) == (
        0,
        0,
        0,
        None,
    )
    # Chain staff see every officer, with the load inside their chain only.
    staff_busy = next(r for r in staff_rows if r.officer_user_id == world.officer.user.id)
    assert (len(staff_rows), staff_busy.active_assignments) == (2, 2)
    assert [r.officer_user_id for r in own_rows] == [world.officer.user.id]


@pytest.mark.parametrize("role_name", ["finance", "contact"])
async def test_workload_is_refused_to_roles_outside_liaison(db: Database, role_name: str) -> None:
    world = await build_world(db)
    with pytest.raises(PermissionDenied):
        async with db.transaction(world.park.id) as session:
            await liaison.officer_workload(session, world.everyone()[role_name].actor)
