"""The SLA sweep, auto-close, extension requests (延期申请) and reminders (催办)."""

from datetime import datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import col

from redchain.infra.db import Database
from redchain.infra.outbox import OutboxEvent
from redchain.services.errors import DomainError
from redchain.services.registry.models import IndustryChain
from redchain.services.tickets import escalation, events
from redchain.services.tickets import service as tickets
from redchain.services.tickets.errors import TicketErrorCode
from redchain.services.tickets.models import SlaMark, Ticket, TicketEventKind, TicketStatus
from redchain.services.tickets.workflow import TicketAction
from tests.services.tickets.world import MONDAY, Person, World, act, build_world, raise_ticket, reload

A = TicketAction
HOUR = timedelta(hours=1)


async def sweep(db: Database, world: World, now: datetime) -> escalation.SweepResult:
    async with db.transaction(world.park.id) as session:
        return await escalation.sweep_sla(session, world.park.id, now)


async def sla_events(db: Database, world: World, ticket: Ticket) -> list[tuple[str, Any, Any]]:
    async with db.transaction(world.park.id) as session:
        rows = (await tickets.timeline_pages(session, world.admin.actor, [ticket.id], None, 100))[ticket.id]
    return [
        (e.kind, e.data.get("target"), e.data.get("level"))
        for e in rows
        if e.kind in (TicketEventKind.SLA_WARNING, TicketEventKind.ESCALATED)
    ]


async def notified(db: Database, world: World, ticket: Ticket, event_type: str) -> list[list[str]]:
    async with db.transaction(world.park.id) as session:
        stmt = (
            sa.select(OutboxEvent)
            .where(col(OutboxEvent.event_type) == event_type)
            .order_by(col(OutboxEvent.created_at))
        )
        return [e.payload["notify"] for e in await session.scalars(stmt) if e.payload["ticket_id"] == str(ticket.id)]


async def refused(coro: Any) -> str:
    with pytest.raises(DomainError) as caught:
        await coro
    return str(caught.value.code)


# The sweep -------------------------------------------------------------------------------------


async def test_warns_at_80_percent_then_escalates_to_the_secretary_then_the_admins(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)  # Monday 09:30; first response due 15:00, warned 14:12
    assert (await sweep(db, world, MONDAY + HOUR)).tickets == 0
    warned = await sweep(db, world, MONDAY + 5 * HOUR)  # 14:30
    assert (warned.tickets, warned.warnings, warned.escalations) == (1, 1, 0)
    # Unassigned: the warning goes to the queue's leader, the chain secretary.
    assert await notified(db, world, ticket, events.TicketSlaWarning.name) == [[str(world.secretary.user.id)]]
    breached = await sweep(db, world, MONDAY + 6 * HOUR)  # 15:30
    assert (breached.warnings, breached.escalations) == (0, 1)
    assert (await reload(db, world, ticket)).escalation_level == 1
    assert await notified(db, world, ticket, events.TicketEscalated.name) == [[str(world.secretary.user.id)]]
    # Accepted late; resolution due next Monday 09:30. Past 80 %, then past it, then half its target later.
    await act(db, world, world.staff, ticket, A.ACCEPT, now=MONDAY + 7 * HOUR)
    await act(db, world, world.staff, ticket, A.START, now=MONDAY + 7 * HOUR)
    async with db.transaction(world.park.id) as session:
        await tickets.assign(session, world.staff.actor, ticket.id, world.staff.user.id, now=MONDAY + 7 * HOUR)
    # Due next Monday 09:30; warned at 28 h (Friday 10:00); the admins at 17.5 h past due (Wednesday 14:30).
    for now in (MONDAY + timedelta(days=3, hours=6), MONDAY + timedelta(days=4, hours=1)):
        assert (await sweep(db, world, now)).warnings == int(now > MONDAY + timedelta(days=4))
    await sweep(db, world, MONDAY + timedelta(days=7, hours=1))
    assert (await sweep(db, world, MONDAY + timedelta(days=9, hours=4))).tickets == 0
    await sweep(db, world, MONDAY + timedelta(days=9, hours=6))
    assert await sla_events(db, world, ticket) == [
        (TicketEventKind.SLA_WARNING, "FIRST_RESPONSE", 0),
        (TicketEventKind.ESCALATED, "FIRST_RESPONSE", 1),
        (TicketEventKind.SLA_WARNING, "RESOLUTION", 0),
        (TicketEventKind.ESCALATED, "RESOLUTION", 1),
        (TicketEventKind.ESCALATED, "RESOLUTION", 2),
    ]
    assert await notified(db, world, ticket, events.TicketSlaWarning.name) == [
        [str(world.secretary.user.id)],
        [str(world.staff.user.id)],
    ]  # now the assignee's
    assert await notified(db, world, ticket, events.TicketEscalated.name) == [
        [str(world.secretary.user.id)],
        [str(world.secretary.user.id), str(world.staff.user.id)],
        [str(world.admin.user.id)],
    ]
    final = await reload(db, world, ticket)
    assert final.escalation_level == 2 and final.sla_next_at is None
    assert SlaMark(final.sla_done) == SlaMark(31)


async def test_running_the_sweep_twice_escalates_once(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    late = MONDAY + timedelta(days=30)
    first, second = await sweep(db, world, late), await sweep(db, world, late)
    assert first.tickets == 1 and second.tickets == 0
    # Everything at once: no warning for a breach reported in the same run.
    assert await sla_events(db, world, ticket) == [
        (TicketEventKind.ESCALATED, "FIRST_RESPONSE", 1),
        (TicketEventKind.ESCALATED, "RESOLUTION", 1),
        (TicketEventKind.ESCALATED, "RESOLUTION", 2),
    ]


async def test_the_sweep_skips_paused_and_finished_tickets(db: Database) -> None:
    world = await build_world(db)
    waiting, resolved, rejected = [await raise_ticket(db, world) for _ in range(3)]
    for ticket in (waiting, resolved):
        await act(db, world, world.staff, ticket, A.ACCEPT)
        await act(db, world, world.staff, ticket, A.START)
    await act(db, world, world.staff, waiting, A.REQUEST_INFO)
    await act(db, world, world.staff, resolved, A.RESOLVE)
    await act(db, world, world.staff, rejected, A.REJECT)
    assert (await sweep(db, world, MONDAY + timedelta(days=60))).tickets == 0


async def test_a_chain_without_a_secretary_escalates_to_the_admins(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world, by=world.admin, enterprise_id=world.other_enterprise.id)
    await sweep(db, world, MONDAY + 6 * HOUR)
    assert await notified(db, world, ticket, events.TicketEscalated.name) == [[str(world.admin.user.id)]]


async def test_a_secretary_appointed_later_is_the_one_told(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world, by=world.admin, enterprise_id=world.other_enterprise.id)
    async with db.transaction(world.park.id) as session:
        chain = await session.get(IndustryChain, (world.park.id, world.other_chain.id))
        assert chain is not None
        chain.secretary_user_id = world.other_staff.user.id
    await sweep(db, world, MONDAY + 6 * HOUR)
    assert await notified(db, world, ticket, events.TicketEscalated.name) == [[str(world.other_staff.user.id)]]


# Auto-close ------------------------------------------------------------------------------------


async def test_unconfirmed_resolutions_close_after_the_configured_days_once(db: Database) -> None:
    world = await build_world(db)
    old, recent = await raise_ticket(db, world), await raise_ticket(db, world)
    for ticket, when in ((old, MONDAY), (recent, MONDAY + timedelta(days=5))):
        for step in (A.ACCEPT, A.START, A.RESOLVE):
            await act(db, world, world.staff, ticket, step, now=when)
    now = MONDAY + timedelta(days=7, minutes=1)
    async with db.transaction(world.park.id) as session:
        assert await escalation.close_unconfirmed(session, world.park.id, now) == 1
    async with db.transaction(world.park.id) as session:
        assert await escalation.close_unconfirmed(session, world.park.id, now) == 0
    closed = await reload(db, world, old)
    assert closed.status == TicketStatus.CLOSED and closed.satisfaction_rating is None
    assert (await reload(db, world, recent)).status == TicketStatus.RESOLVED


# Extension requests ----------------------------------------------------------------------------


async def started(db: Database, world: World, handler: Person | None = None) -> Ticket:
    ticket = await raise_ticket(db, world)
    await act(db, world, world.staff, ticket, A.ACCEPT)
    await act(db, world, world.staff, ticket, A.START)
    if handler is not None:
        async with db.transaction(world.park.id) as session:
            await tickets.assign(session, world.staff.actor, ticket.id, handler.user.id, now=MONDAY)
    return ticket


async def test_an_approved_extension_moves_the_deadline(db: Database) -> None:
    world = await build_world(db)
    ticket = await started(db, world, handler=world.officer)
    due = (await reload(db, world, ticket)).resolution_due_at
    async with db.transaction(world.park.id) as session:
        request = await escalation.request_extension(
            session, world.officer.actor, ticket.id, 14, "需等待电网改造", now=MONDAY + timedelta(days=1)
        )
    assert await notified(db, world, ticket, events.TicketExtensionRequested.name) == [[str(world.secretary.user.id)]]
    async with db.transaction(world.park.id) as session:
        code = await refused(
            escalation.request_extension(
                session, world.officer.actor, ticket.id, 7, "再延", now=MONDAY + timedelta(days=1)
            )
        )
    assert code == TicketErrorCode.EXTENSION_PENDING
    async with db.transaction(world.park.id) as session:
        await escalation.decide_extension(
            session, world.secretary.actor, request.id, True, "同意", now=MONDAY + timedelta(days=2)
        )
    assert (await reload(db, world, ticket)).resolution_due_at == due + timedelta(days=2)
    async with db.transaction(world.park.id) as session:
        code = await refused(escalation.decide_extension(session, world.admin.actor, request.id, False, None))
    assert code == TicketErrorCode.EXTENSION_DECIDED
    assert await notified(db, world, ticket, events.TicketExtensionDecided.name) == [[str(world.officer.user.id)]]


async def test_a_refused_extension_leaves_the_deadline(db: Database) -> None:
    world = await build_world(db)
    ticket = await started(db, world)
    due = (await reload(db, world, ticket)).resolution_due_at
    async with db.transaction(world.park.id) as session:
        request = await escalation.request_extension(session, world.staff.actor, ticket.id, 7, "人手不足", now=MONDAY)
        await escalation.decide_extension(session, world.admin.actor, request.id, False, "不同意", now=MONDAY)
    assert (await reload(db, world, ticket)).resolution_due_at == due


async def test_extension_rules(db: Database) -> None:
    world = await build_world(db)
    ticket = await started(db, world)

    async def ask(by: Person, hours: int = 7, reason: str = "原因", now: datetime = MONDAY) -> str:
        async with db.transaction(world.park.id) as session:
            return await refused(escalation.request_extension(session, by.actor, ticket.id, hours, reason, now=now))

    assert await ask(world.contact) == TicketErrorCode.NOT_ALLOWED
    assert await ask(world.auditor) == TicketErrorCode.NOT_ALLOWED
    assert await ask(world.other_staff) == "NOT_FOUND"
    assert await ask(world.staff, hours=0) == TicketErrorCode.INVALID_EXTENSION
    assert await ask(world.staff, hours=71) == TicketErrorCode.INVALID_EXTENSION
    assert await ask(world.staff, reason=" ") == TicketErrorCode.REQUIRED
    assert await ask(world.staff, now=MONDAY + timedelta(days=30)) == TicketErrorCode.DEADLINE_PASSED
    async with db.transaction(world.park.id) as session:
        request = await escalation.request_extension(session, world.secretary.actor, ticket.id, 7, "原因", now=MONDAY)
    for person, code in (
        (world.secretary, TicketErrorCode.NOT_ALLOWED),  # not their own request
        (world.staff, TicketErrorCode.NOT_ALLOWED),
        (world.contact, TicketErrorCode.NOT_ALLOWED),
        (world.other_staff, "NOT_FOUND"),
    ):
        async with db.transaction(world.park.id) as session:
            assert await refused(escalation.decide_extension(session, person.actor, request.id, True, None)) == code


# Reminders (催办) ------------------------------------------------------------------------------


async def test_a_reminder_on_an_overdue_ticket_goes_to_the_handlers_leader(db: Database) -> None:
    world = await build_world(db)
    ticket = await started(db, world, handler=world.staff)
    late = MONDAY + timedelta(days=8)
    async with db.transaction(world.park.id) as session:
        code = await refused(escalation.remind(session, world.contact.actor, ticket.id, "请尽快", now=MONDAY))
    assert code == TicketErrorCode.NOT_BREACHED
    async with db.transaction(world.park.id) as session:
        await escalation.remind(session, world.contact.actor, ticket.id, "已超期，请尽快办理", now=late)
        await escalation.remind(session, world.admin.actor, ticket.id, None, now=late)
    assert (await reload(db, world, ticket)).reminder_count == 2
    assert await notified(db, world, ticket, events.TicketReminded.name) == [
        [str(world.secretary.user.id), str(world.staff.user.id)],
        [str(world.secretary.user.id), str(world.staff.user.id)],
    ]
    async with db.transaction(world.park.id) as session:
        entries = (await tickets.timeline_pages(session, world.contact.actor, [ticket.id], None, 50))[ticket.id]
    assert [e.kind for e in entries].count(TicketEventKind.REMINDER) == 2  # public: the enterprise sees them
    for person, code in (
        (world.staff, TicketErrorCode.NOT_ALLOWED),
        (world.auditor, TicketErrorCode.NOT_ALLOWED),
        (world.other_contact, "NOT_FOUND"),
    ):
        async with db.transaction(world.park.id) as session:
            assert await refused(escalation.remind(session, person.actor, ticket.id, None, now=late)) == code
