"""Raising tickets, the status machine, assignment, the timeline and watchers, at the service layer."""

import asyncio
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import col

from redchain.infra.db import Database
from redchain.infra.outbox import OutboxEvent
from redchain.services.audit.models import AuditEntry
from redchain.services.errors import DomainError, NotFound
from redchain.services.liaison.models import LiaisonAssignment, LiaisonVisit
from redchain.services.registry.models import Enterprise
from redchain.services.tickets import events, taxonomy
from redchain.services.tickets import service as tickets
from redchain.services.tickets.errors import TicketErrorCode
from redchain.services.tickets.models import Ticket, TicketEvent, TicketEventKind, TicketPriority, TicketStatus
from redchain.services.tickets.workflow import TicketAction
from tests.factories import create_enterprise
from tests.services.tickets.world import MONDAY, Person, World, act, build_world, raise_ticket, reload

A = TicketAction


async def timeline(db: Database, world: World, ticket: Ticket, viewer: Person) -> list[TicketEvent]:
    async with db.transaction(world.park.id) as session:
        return (await tickets.timeline_pages(session, viewer.actor, [ticket.id], None, 100))[ticket.id]


async def audit_actions(db: Database, world: World, ticket: Ticket) -> list[str]:
    async with db.transaction(world.park.id) as session:
        stmt = (
            sa.select(col(AuditEntry.action))
            .where(col(AuditEntry.object_id) == ticket.id)
            .order_by(col(AuditEntry.created_at))
        )
        return list(await session.scalars(stmt))


async def outbox_payloads(db: Database, world: World, ticket: Ticket, event_type: str) -> list[dict[str, Any]]:
    async with db.transaction(world.park.id) as session:
        stmt = (
            sa.select(OutboxEvent)
            .where(col(OutboxEvent.event_type) == event_type)
            .order_by(col(OutboxEvent.created_at))
        )
        return [e.payload for e in await session.scalars(stmt) if e.payload.get("ticket_id") == str(ticket.id)]


async def refused(coro: Any) -> str:
    with pytest.raises(DomainError) as caught:
        await coro
    return str(caught.value.code)


# Raising ---------------------------------------------------------------------------------------


async def test_a_contact_raises_a_ticket_into_its_chain_queue(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    assert ticket.status == TicketStatus.NEW and ticket.version == 1
    assert ticket.chain_id == world.chain.id and ticket.assignee_user_id is None
    assert not ticket.on_behalf and ticket.raised_by == world.contact.user.id
    # NORMAL: first response in 4 business hours, resolution in 35 (Monday 09:30 park time).
    assert ticket.first_response_due_at == MONDAY + timedelta(hours=5, minutes=30)
    assert ticket.resolution_due_at == MONDAY + timedelta(days=7)
    assert ticket.sla_next_at == ticket.first_response_warn_at
    assert [e.kind for e in await timeline(db, world, ticket, world.contact)] == [TicketEventKind.CREATED]
    assert await audit_actions(db, world, ticket) == ["ticket.create"]
    created = await outbox_payloads(db, world, ticket, events.TicketCreated.name)
    assert created[0]["notify"] == [str(world.secretary.user.id)]  # the chain's leader hears of it
    async with db.transaction(world.park.id) as session:
        assert await tickets.watchers_of(session, world.admin.actor, [ticket.id]) == {
            ticket.id: [world.contact.user.id]
        }


@pytest.mark.parametrize("raiser", ["officer", "staff", "admin"])
async def test_staff_raise_on_the_enterprise_behalf(db: Database, raiser: str) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world, by=world.everyone()[raiser])
    assert ticket.on_behalf and ticket.enterprise_id == world.enterprise.id


async def test_an_officer_raises_from_a_visit(db: Database) -> None:
    world = await build_world(db)
    async with db.transaction(world.park.id) as session:
        assignment_id = await session.scalar(
            sa.select(col(LiaisonAssignment.id)).where(
                col(LiaisonAssignment.tenant_id) == world.park.id,
                col(LiaisonAssignment.officer_user_id) == world.officer.user.id,
            )
        )
        assert assignment_id is not None
        visit = LiaisonVisit(
            tenant_id=world.park.id,
            assignment_id=assignment_id,
            enterprise_id=world.enterprise.id,
            officer_user_id=world.officer.user.id,
            visited_on=MONDAY.date(),
            notes="走访",
        )
        session.add(visit)
    ticket = await raise_ticket(db, world, by=world.officer, visit_id=visit.id)
    assert ticket.visit_id == visit.id and ticket.on_behalf
    # A visit to another enterprise does not fit.
    code = await refused(
        raise_ticket(db, world, by=world.admin, enterprise_id=world.other_enterprise.id, visit_id=visit.id)
    )
    assert code == TicketErrorCode.INVALID_VISIT


@pytest.mark.parametrize("raiser", ["other_contact", "other_officer", "other_staff"])
async def test_nobody_raises_for_an_enterprise_outside_their_scope(db: Database, raiser: str) -> None:
    world = await build_world(db)
    assert await refused(raise_ticket(db, world, by=world.everyone()[raiser])) == "NOT_FOUND"


@pytest.mark.parametrize("raiser", ["auditor", "finance"])
async def test_readers_see_the_enterprise_but_cannot_raise(db: Database, raiser: str) -> None:
    world = await build_world(db)
    assert await refused(raise_ticket(db, world, by=world.everyone()[raiser])) == TicketErrorCode.NOT_ALLOWED


async def test_the_category_and_aspect_must_match_and_be_live(db: Database) -> None:
    world = await build_world(db)
    async with db.transaction(world.park.id) as session:
        rows = await taxonomy.list_categories(session, world.admin.actor)
    other_aspect = next(c for c in rows if c.code == "FINANCING")
    assert await refused(raise_ticket(db, world, aspect_id=other_aspect.id)) == TicketErrorCode.INVALID_CATEGORY
    assert await refused(raise_ticket(db, world, aspect_id=world.category.id)) == TicketErrorCode.INVALID_CATEGORY
    async with db.transaction(world.park.id) as session:
        await taxonomy.archive_category(session, world.admin.actor, world.aspect.id)
    assert await refused(raise_ticket(db, world)) == TicketErrorCode.INVALID_CATEGORY


async def test_another_parks_taxonomy_and_enterprise_are_not_found(db: Database) -> None:
    world, other = await build_world(db), await build_world(db)
    code = await refused(raise_ticket(db, world, category_id=other.category.id, aspect_id=other.aspect.id))
    assert code == TicketErrorCode.INVALID_CATEGORY
    assert await refused(raise_ticket(db, world, by=world.admin, enterprise_id=other.enterprise.id)) == "NOT_FOUND"


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("title", "  ", TicketErrorCode.REQUIRED),
        ("title", "长" * 201, "TOO_LONG"),
        ("description", "", TicketErrorCode.REQUIRED),
        ("description", "长" * 5001, "TOO_LONG"),
    ],
)
async def test_title_and_description_are_checked(db: Database, field: str, value: str, code: str) -> None:
    world = await build_world(db)
    assert await refused(raise_ticket(db, world, **{field: value})) == code


async def test_an_archived_enterprise_takes_no_new_tickets(db: Database) -> None:
    world = await build_world(db)
    archived = await create_enterprise(db, world.park, chain_id=world.chain.id, archived_at=MONDAY)
    code = await refused(raise_ticket(db, world, by=world.admin, enterprise_id=archived.id))
    assert code == TicketErrorCode.ENTERPRISE_ARCHIVED


async def test_an_enterprise_without_a_chain_goes_to_the_park_admins(db: Database) -> None:
    world = await build_world(db)
    loose: Enterprise = await create_enterprise(db, world.park)
    ticket = await raise_ticket(db, world, by=world.admin, enterprise_id=loose.id)
    assert ticket.chain_id is None
    created = await outbox_payloads(db, world, ticket, events.TicketCreated.name)
    assert created[0]["notify"] == []  # the admin raised it; no other admin exists in this park
    assert await refused(act(db, world, world.staff, ticket, A.ACCEPT)) == "NOT_FOUND"
    await act(db, world, world.admin, ticket, A.ACCEPT)


async def test_priority_sets_the_targets_and_a_park_can_override_them(db: Database) -> None:
    world = await build_world(db)
    urgent = await raise_ticket(db, world, priority=TicketPriority.URGENT)
    assert urgent.first_response_due_at == MONDAY + timedelta(hours=1)
    from redchain.services.tickets import targets

    async with db.transaction(world.park.id) as session:
        await targets.set_targets(session, world.admin.actor, TicketPriority.URGENT, 30, 120)
    faster = await raise_ticket(db, world, priority=TicketPriority.URGENT)
    assert faster.first_response_due_at == MONDAY + timedelta(minutes=30)
    assert faster.resolution_due_at == MONDAY + timedelta(hours=2)


# The status machine ----------------------------------------------------------------------------


async def test_the_happy_path_to_a_rated_close(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    later = MONDAY + timedelta(hours=1)
    await act(db, world, world.staff, ticket, A.ACCEPT, now=later)
    await act(db, world, world.staff, ticket, A.START, now=later)
    await act(db, world, world.staff, ticket, A.RESOLVE, now=later + timedelta(hours=1), text="已协调供电公司")
    await act(db, world, world.contact, ticket, A.CLOSE, now=later + timedelta(days=1), rating=4, text="满意")
    done = await reload(db, world, ticket)
    assert done.status == TicketStatus.CLOSED and done.version == 5
    assert done.first_responded_at == later
    assert done.resolution_seconds == 2 * 3600
    assert (done.satisfaction_rating, done.satisfaction_comment) == (4, "满意")
    assert done.sla_next_at is None
    kinds = [(e.kind, e.data.get("to")) for e in await timeline(db, world, ticket, world.contact)]
    assert kinds == [
        (TicketEventKind.CREATED, None),
        (TicketEventKind.STATUS_CHANGED, "ACCEPTED"),
        (TicketEventKind.STATUS_CHANGED, "IN_PROGRESS"),
        (TicketEventKind.STATUS_CHANGED, "RESOLVED"),
        (TicketEventKind.STATUS_CHANGED, "CLOSED"),
    ]
    assert await audit_actions(db, world, ticket) == [
        "ticket.create",
        "ticket.accept",
        "ticket.start",
        "ticket.resolve",
        "ticket.close",
    ]
    moved = await outbox_payloads(db, world, ticket, events.TicketTransitioned.name)
    assert [p["to"] for p in moved] == ["ACCEPTED", "IN_PROGRESS", "RESOLVED", "CLOSED"]
    assert str(world.contact.user.id) in moved[0]["notify"]  # the raiser watches
    assert str(world.contact.user.id) not in moved[-1]["notify"]  # ... but is not told of its own act


@pytest.mark.parametrize(
    ("status_path", "action"),
    [
        ([], A.START),
        ([], A.RESOLVE),
        ([], A.CLOSE),
        ([], A.RESUME),
        ([], A.REQUEST_INFO),
        ([A.ACCEPT], A.ACCEPT),
        ([A.ACCEPT], A.RESOLVE),
        ([A.ACCEPT, A.START], A.REJECT),
        ([A.ACCEPT, A.START], A.CLOSE),
        ([A.ACCEPT, A.START, A.RESOLVE], A.RESOLVE),
        ([A.ACCEPT, A.START, A.RESOLVE], A.MARK_DUPLICATE),
        ([A.REJECT], A.ACCEPT),
        ([A.REJECT], A.REOPEN),
    ],
)
async def test_transitions_outside_the_table_are_refused(
    db: Database, status_path: list[TicketAction], action: TicketAction
) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    for step in status_path:
        await act(db, world, world.staff, ticket, step)
    by = world.contact if action in (A.CLOSE, A.REOPEN) else world.staff
    before = await reload(db, world, ticket)
    assert await refused(act(db, world, by, ticket, action)) == TicketErrorCode.INVALID_TRANSITION
    after = await reload(db, world, ticket)
    assert (after.status, after.version) == (before.status, before.version)


@pytest.mark.parametrize("action", [A.REJECT, A.REQUEST_INFO, A.RESOLVE, A.REOPEN])
async def test_actions_that_need_a_text_refuse_without_one(db: Database, action: TicketAction) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    path = {
        A.REJECT: [],
        A.REQUEST_INFO: [A.ACCEPT, A.START],
        A.RESOLVE: [A.ACCEPT, A.START],
        A.REOPEN: [A.ACCEPT, A.START, A.RESOLVE],
    }[action]
    for step in path:
        await act(db, world, world.staff, ticket, step)
    by = world.contact if action is A.REOPEN else world.staff
    assert await refused(act(db, world, by, ticket, action, text="   ")) == TicketErrorCode.REQUIRED


async def test_waiting_on_the_enterprise_pauses_the_resolution_clock(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    await act(db, world, world.staff, ticket, A.ACCEPT)
    await act(db, world, world.staff, ticket, A.START)
    due = (await reload(db, world, ticket)).resolution_due_at
    assert due is not None
    await act(db, world, world.staff, ticket, A.REQUEST_INFO, text="请补充用电负荷清单")
    paused = await reload(db, world, ticket)
    assert paused.resolution_due_at is None and paused.sla_next_at is None
    # The enterprise answers two working days later (Wednesday 09:30): the deadline moves by 14 h.
    async with db.transaction(world.park.id) as session:
        await tickets.add_comment(
            session, world.contact.actor, ticket.id, "清单见附件", internal=False, now=MONDAY + timedelta(days=2)
        )
    resumed = await reload(db, world, ticket)
    assert resumed.status == TicketStatus.IN_PROGRESS
    assert resumed.sla_paused_seconds == 14 * 3600
    assert resumed.resolution_due_at == due + timedelta(days=2)


async def test_the_contact_must_rate_when_confirming(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    for step in (A.ACCEPT, A.START, A.RESOLVE):
        await act(db, world, world.staff, ticket, step)
    assert await refused(act(db, world, world.contact, ticket, A.CLOSE, rating=None)) == TicketErrorCode.INVALID_RATING
    assert await refused(act(db, world, world.contact, ticket, A.CLOSE, rating=6)) == TicketErrorCode.INVALID_RATING
    await act(db, world, world.officer, ticket, A.CLOSE)  # the officer confirms on the enterprise's behalf


async def test_reopening_works_within_the_window_only(db: Database) -> None:
    world = await build_world(db)
    ticket, late = await raise_ticket(db, world), await raise_ticket(db, world)
    for t in (ticket, late):
        for step in (A.ACCEPT, A.START, A.RESOLVE):
            await act(db, world, world.staff, t, step)
    await act(db, world, world.contact, ticket, A.REOPEN, now=MONDAY + timedelta(days=6), text="仍未通电")
    reopened = await reload(db, world, ticket)
    assert reopened.status == TicketStatus.REOPENED and reopened.sla_next_at is not None
    # The business time spent resolved (Monday 09:30 to the weekend: 6.5 h + four days) counts as paused.
    assert reopened.sla_paused_seconds == int((6.5 + 4 * 7) * 3600)
    await act(db, world, world.staff, ticket, A.START, now=MONDAY + timedelta(days=6))
    code = await refused(act(db, world, world.contact, late, A.REOPEN, now=MONDAY + timedelta(days=8)))
    assert code == TicketErrorCode.REOPEN_WINDOW_PASSED


async def test_a_duplicate_joins_the_watchers_of_the_ticket_it_is_merged_into(db: Database) -> None:
    world = await build_world(db)
    original = await raise_ticket(db, world, by=world.officer)
    duplicate = await raise_ticket(db, world)
    await act(db, world, world.staff, duplicate, A.MARK_DUPLICATE, duplicate_of_id=original.id)
    merged = await reload(db, world, duplicate)
    assert merged.status == TicketStatus.DUPLICATE and merged.duplicate_of_id == original.id
    async with db.transaction(world.park.id) as session:
        watchers = (await tickets.watchers_of(session, world.admin.actor, [original.id]))[original.id]
    assert set(watchers) == {world.officer.user.id, world.contact.user.id}
    assert TicketEventKind.MERGED in [e.kind for e in await timeline(db, world, original, world.staff)]
    # Into itself, into a merged ticket, into nothing, into another park's ticket: refused.
    third = await raise_ticket(db, world)
    assert await refused(act(db, world, world.staff, third, A.MARK_DUPLICATE, duplicate_of_id=third.id)) == (
        TicketErrorCode.INVALID_DUPLICATE
    )
    assert await refused(act(db, world, world.staff, third, A.MARK_DUPLICATE, duplicate_of_id=duplicate.id)) == (
        TicketErrorCode.INVALID_DUPLICATE
    )
    assert await refused(act(db, world, world.staff, third, A.MARK_DUPLICATE)) == TicketErrorCode.REQUIRED
    other = await build_world(db)
    foreign = await raise_ticket(db, other)
    assert await refused(act(db, world, world.staff, third, A.MARK_DUPLICATE, duplicate_of_id=foreign.id)) == (
        "NOT_FOUND"
    )


async def test_a_stale_expected_version_is_refused(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    await act(db, world, world.staff, ticket, A.ACCEPT, expected_version=1)
    code = await refused(act(db, world, world.staff, ticket, A.START, expected_version=1))
    assert code == TicketErrorCode.STALE_VERSION


async def test_two_concurrent_transitions_one_wins_the_other_gets_a_user_error(db: Database) -> None:
    world = await build_world(db)
    # Each pair is legal alone from the ticket's status and illegal after the other: separate sessions race.
    races = [
        ([], (world.staff, A.ACCEPT), (world.admin, A.ACCEPT)),
        ([A.ACCEPT, A.START], (world.staff, A.RESOLVE), (world.secretary, A.REQUEST_INFO)),
        ([A.ACCEPT], (world.staff, A.START), (world.admin, A.REJECT)),
    ]
    for path, first, second in races:
        ticket = await raise_ticket(db, world)
        for step in path:
            await act(db, world, world.staff, ticket, step)

        async def attempt(person: Person, action: TicketAction, ticket: Ticket = ticket) -> str:
            try:
                await act(db, world, person, ticket, action)
            except DomainError as exc:
                return str(exc.code)
            return "OK"

        outcomes = await asyncio.gather(attempt(*first), attempt(*second))
        assert sorted(outcomes) == ["INVALID_TRANSITION", "OK"]
        final = await reload(db, world, ticket)
        assert final.version == len(path) + 2
        changes = [
            e for e in await timeline(db, world, ticket, world.admin) if e.kind == TicketEventKind.STATUS_CHANGED
        ]
        assert len(changes) == len(path) + 1


# Assignment ------------------------------------------------------------------------------------


async def test_assignment_to_chain_staff_or_the_posted_officer_then_back_to_the_queue(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    async with db.transaction(world.park.id) as session:
        await tickets.assign(session, world.secretary.actor, ticket.id, world.staff.user.id, now=MONDAY)
    assert (await reload(db, world, ticket)).assignee_user_id == world.staff.user.id
    async with db.transaction(world.park.id) as session:
        await tickets.assign(session, world.staff.actor, ticket.id, world.officer.user.id, now=MONDAY)
    # The officer now handles it: it may accept.
    await act(db, world, world.officer, ticket, A.ACCEPT)
    async with db.transaction(world.park.id) as session:
        await tickets.assign(session, world.admin.actor, ticket.id, None, now=MONDAY)
        watchers = (await tickets.watchers_of(session, world.admin.actor, [ticket.id]))[ticket.id]
    assert (await reload(db, world, ticket)).assignee_user_id is None
    assert {world.staff.user.id, world.officer.user.id} <= set(watchers)
    assigned = await outbox_payloads(db, world, ticket, events.TicketAssigned.name)
    assert [p["assignee_id"] for p in assigned] == [str(world.staff.user.id), str(world.officer.user.id), None]
    kinds = [e.kind for e in await timeline(db, world, ticket, world.contact)]
    assert kinds.count(TicketEventKind.ASSIGNED) == 3  # the enterprise sees who handles it


@pytest.mark.parametrize("assignee", ["other_staff", "other_officer", "contact", "auditor", "admin"])
async def test_assignees_outside_the_chain_or_posting_are_refused(db: Database, assignee: str) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    async with db.transaction(world.park.id) as session:
        code = await refused(
            tickets.assign(session, world.staff.actor, ticket.id, world.everyone()[assignee].user.id, now=MONDAY)
        )
    assert code == TicketErrorCode.INVALID_ASSIGNEE


async def test_only_park_admins_move_a_ticket_to_another_chain(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    async with db.transaction(world.park.id) as session:
        code = await refused(tickets.assign(session, world.staff.actor, ticket.id, None, world.other_chain.id))
    assert code == TicketErrorCode.NOT_ALLOWED
    async with db.transaction(world.park.id) as session:
        await tickets.assign(session, world.admin.actor, ticket.id, world.other_staff.user.id, world.other_chain.id)
    moved = await reload(db, world, ticket)
    assert (moved.chain_id, moved.assignee_user_id) == (world.other_chain.id, world.other_staff.user.id)
    # The first chain's staff no longer see it; the second's do.
    assert await refused(act(db, world, world.staff, ticket, A.ACCEPT)) == "NOT_FOUND"
    await act(db, world, world.other_staff, ticket, A.ACCEPT)


# Timeline and watchers -------------------------------------------------------------------------


async def test_internal_notes_never_reach_the_enterprise(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    async with db.transaction(world.park.id) as session:
        await tickets.add_comment(
            session, world.staff.actor, ticket.id, "该企业欠缴电费，需先核实", internal=True, now=MONDAY
        )
        reply = await tickets.add_comment(
            session, world.staff.actor, ticket.id, "已收到，正在协调", internal=False, now=MONDAY + timedelta(minutes=5)
        )
        await tickets.add_comment(
            session,
            world.officer.actor,
            ticket.id,
            "走访时企业说明情况",
            internal=True,
            now=MONDAY + timedelta(minutes=6),
        )
    staff_view = [e.kind for e in await timeline(db, world, ticket, world.staff)]
    contact_view = await timeline(db, world, ticket, world.contact)
    assert staff_view == [
        TicketEventKind.CREATED,
        TicketEventKind.INTERNAL_NOTE,
        TicketEventKind.PUBLIC_REPLY,
        TicketEventKind.INTERNAL_NOTE,
    ]
    assert [e.kind for e in contact_view] == [TicketEventKind.CREATED, TicketEventKind.PUBLIC_REPLY]
    assert all("欠缴" not in (e.body or "") for e in contact_view)
    # A handler's first public reply is the first response.
    assert (await reload(db, world, ticket)).first_responded_at == MONDAY + timedelta(minutes=5)
    assert reply.seq is not None
    async with db.transaction(world.park.id) as session:
        code = await refused(tickets.add_comment(session, world.contact.actor, ticket.id, "内部", internal=True))
    assert code == TicketErrorCode.NOT_ALLOWED


async def test_comments_are_refused_to_readers_and_on_finished_tickets(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    async with db.transaction(world.park.id) as session:
        code = await refused(tickets.add_comment(session, world.auditor.actor, ticket.id, "看看", internal=False))
    assert code == TicketErrorCode.NOT_ALLOWED
    await act(db, world, world.staff, ticket, A.REJECT, text="不属于园区职责")
    async with db.transaction(world.park.id) as session:
        code = await refused(tickets.add_comment(session, world.contact.actor, ticket.id, "为何", internal=False))
    assert code == TicketErrorCode.TICKET_CLOSED


async def test_watching_is_self_service_and_widens_what_a_watcher_sees(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    async with db.transaction(world.park.id) as session:
        await tickets.watch(session, world.auditor.actor, ticket.id, True)
        assert world.auditor.user.id in (await tickets.watchers_of(session, world.admin.actor, [ticket.id]))[ticket.id]
        await tickets.watch(session, world.auditor.actor, ticket.id, False)
        await tickets.watch(session, world.auditor.actor, ticket.id, False)  # twice is harmless
        with pytest.raises(NotFound):
            await tickets.watch(session, world.other_contact.actor, ticket.id, True)


async def test_timeline_entries_come_in_order_and_page(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    async with db.transaction(world.park.id) as session:
        for i in range(5):
            await tickets.add_comment(session, world.staff.actor, ticket.id, f"回复 {i}", internal=False, now=MONDAY)
    async with db.transaction(world.park.id) as session:
        first = (await tickets.timeline_pages(session, world.contact.actor, [ticket.id], None, 3))[ticket.id]
        rest = (await tickets.timeline_pages(session, world.contact.actor, [ticket.id], first[-1].seq, 10))[ticket.id]
        counts = await tickets.timeline_counts(session, world.contact.actor, [ticket.id])
    assert [e.body for e in first + rest] == [None] + [f"回复 {i}" for i in range(5)]
    assert counts == {ticket.id: 6}
