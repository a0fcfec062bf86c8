"""Keeping tickets on time: the SLA sweep (warn at 80 %, escalate on breach to the chain secretary, then
to the park admins), auto-closing unconfirmed resolutions, extension requests (延期申请) and reminders (催办)."""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.models_base import utcnow
from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.calendar.service import work_calendar
from redchain.services.errors import NotFound
from redchain.services.registry import service as registry
from redchain.services.tickets import events
from redchain.services.tickets.deadlines import HOUR, refresh_deadlines
from redchain.services.tickets.errors import (
    DeadlinePassed,
    ExtensionDecided,
    ExtensionPending,
    InvalidExtension,
    InvalidTransition,
    NotAllowed,
    NotBreached,
    TicketClosed,
)
from redchain.services.tickets.models import (
    CLOCK_RUNNING,
    OPEN_STATUSES,
    ExtensionStatus,
    SlaMark,
    Ticket,
    TicketEventKind,
    TicketExtensionRequest,
    Visibility,
)
from redchain.services.tickets.policies import Party, may_remind, may_request_extension
from redchain.services.tickets.repository import SlaCrossing, TicketRepository

# The sweeps' work lists, for the worker (which never imports a repository).
from redchain.services.tickets.repository import parks_with_due_tickets as parks_with_due_tickets
from redchain.services.tickets.repository import parks_with_unconfirmed_tickets as parks_with_unconfirmed_tickets
from redchain.services.tickets.service import (
    TICKET_FIELDS,
    TransitionRequest,
    apply_transition,
    clean_text,
    leaders,
    parties_on,
    require_ticket,
    ticket_settings,
)
from redchain.services.tickets.timeline import TicketRef, emit, record, timeline_event
from redchain.services.tickets.workflow import TicketAction

SWEEP_BATCH = 1000
MAX_EXTENSION_HOURS = 70  # ten working days


# The SLA sweep ---------------------------------------------------------------------------------

# (mark, timeline kind, outbox event, which target, escalation level); warnings first.
STEPS = (
    (SlaMark.FIRST_RESPONSE_WARNED, TicketEventKind.SLA_WARNING, events.TicketSlaWarning, "FIRST_RESPONSE", 0),
    (SlaMark.RESOLUTION_WARNED, TicketEventKind.SLA_WARNING, events.TicketSlaWarning, "RESOLUTION", 0),
    (SlaMark.FIRST_RESPONSE_BREACHED, TicketEventKind.ESCALATED, events.TicketEscalated, "FIRST_RESPONSE", 1),
    (SlaMark.RESOLUTION_BREACHED, TicketEventKind.ESCALATED, events.TicketEscalated, "RESOLUTION", 1),
    (SlaMark.ESCALATED_TO_ADMIN, TicketEventKind.ESCALATED, events.TicketEscalated, "RESOLUTION", 2),
)
# A warning is not worth sending when the breach it warns of is being reported in the same run.
SUPERSEDED_BY = {
    SlaMark.FIRST_RESPONSE_WARNED: SlaMark.FIRST_RESPONSE_BREACHED,
    SlaMark.RESOLUTION_WARNED: SlaMark.RESOLUTION_BREACHED,
}


@dataclass
class SweepResult:
    tickets: int = 0
    warnings: int = 0
    escalations: int = 0


@dataclass(frozen=True)
class _Recipients:
    secretaries: dict[uuid.UUID, uuid.UUID]  # chain → its secretary
    park_admins: list[uuid.UUID]

    def for_step(self, crossing: SlaCrossing, level: int) -> list[uuid.UUID]:
        secretary = self.secretaries.get(crossing.chain_id) if crossing.chain_id else None
        leader = [secretary] if secretary else self.park_admins
        if level == 0:  # a warning goes to whoever holds the ticket; an unassigned one to its queue's leader
            return [crossing.assignee_user_id] if crossing.assignee_user_id else leader
        if level == 1:
            return [*leader, *([crossing.assignee_user_id] if crossing.assignee_user_id else [])]
        return self.park_admins


async def sweep_sla(
    session: AsyncSession, tenant_id: uuid.UUID, now: datetime | None = None, batch: int = SWEEP_BATCH
) -> SweepResult:
    """One batch of one park's due tickets; call until it returns fewer than `batch` tickets. Running it
    again, or two workers at once, acts on each threshold once: the mark is set by a guarded UPDATE."""
    now = now or utcnow()
    repo = TicketRepository(session)
    crossings = await repo.mark_crossed_thresholds(tenant_id, now, batch)
    result = SweepResult(tickets=len(crossings))
    if not crossings:
        return result
    system = Actor.system(tenant_id)
    chain_ids = list({c.chain_id for c in crossings if c.chain_id})
    chains = await registry.chains_by_ids(session, system, chain_ids) if chain_ids else []
    recipients = _Recipients(
        {c.id: c.secretary_user_id for c in chains if c.secretary_user_id}, await repo.park_admin_ids(tenant_id)
    )
    entries: list[dict[str, Any]] = []
    for crossing in crossings:
        ticket = TicketRef(tenant_id, crossing.ticket_id, crossing.title)
        for mark, kind, event, target, level in STEPS:
            if not crossing.marks & mark or crossing.marks & SUPERSEDED_BY.get(mark, SlaMark(0)):
                continue
            notify = recipients.for_step(crossing, level)
            entries.append(
                timeline_event(
                    ticket,
                    kind,
                    Visibility.INTERNAL,
                    None,
                    now,
                    target=target,
                    level=level,
                    notified=[str(u) for u in notify],
                ).model_dump(exclude={"seq"})
            )
            emit(session, ticket, event, notify, target=target, level=level)
            if level:
                result.escalations += 1
                audit.record(
                    session, system, "ticket.escalate", "Ticket", ticket.id, after={"target": target, "level": level}
                )
            else:
                result.warnings += 1
    await repo.add_events(entries)
    return result


async def close_unconfirmed(
    session: AsyncSession, tenant_id: uuid.UUID, now: datetime | None = None, batch: int = 500
) -> int:
    """Closes tickets RESOLVED longer than the configured days without the enterprise confirming.
    Idempotent: a ticket closed once is no longer RESOLVED; rows a transition holds are skipped."""
    now = now or utcnow()
    system = Actor.system(tenant_id)
    repo = TicketRepository(session)
    cutoff = now - ticket_settings().auto_close_after
    ticket_ids = await repo.resolved_before(tenant_id, cutoff, batch)
    for ticket_id in ticket_ids:
        ticket = await require_ticket(session, system, ticket_id, for_update=True)
        await apply_transition(
            session, system, ticket, TransitionRequest(TicketAction.CLOSE), frozenset({Party.SYSTEM}), now
        )
    return len(ticket_ids)


# Extension requests (延期申请) -------------------------------------------------------------------


async def request_extension(
    session: AsyncSession,
    actor: Actor,
    ticket_id: uuid.UUID,
    extra_hours: int,
    reason: str,
    now: datetime | None = None,
) -> TicketExtensionRequest:
    """The handler asks for more business hours before the resolution deadline passes."""
    now = now or utcnow()
    ticket = await require_ticket(session, actor, ticket_id, for_update=True)
    if not may_request_extension(await parties_on(session, actor, ticket, now)) or actor.user_id is None:
        raise NotAllowed("ticketId")
    if ticket.status not in CLOCK_RUNNING:
        raise InvalidTransition("ticketId", action="REQUEST_EXTENSION", status=ticket.status)
    if ticket.resolution_due_at is None or ticket.resolution_due_at <= now:
        raise DeadlinePassed("ticketId")
    if not 1 <= extra_hours <= MAX_EXTENSION_HOURS:
        raise InvalidExtension("extraHours", limit=MAX_EXTENSION_HOURS)
    text = clean_text("reason", reason, 1000)
    repo = TicketRepository(session)
    if await repo.pending_extension_exists(ticket.tenant_id, ticket.id):
        raise ExtensionPending("ticketId")
    request = TicketExtensionRequest(
        tenant_id=ticket.tenant_id,
        created_at=now,
        ticket_id=ticket.id,
        requested_by=actor.user_id,
        reason=text or "",
        extra_seconds=extra_hours * HOUR,
    )
    await repo.add(request)
    await record(
        session,
        timeline_event(
            ticket,
            TicketEventKind.EXTENSION_REQUESTED,
            Visibility.INTERNAL,
            actor.user_id,
            now,
            text,
            request_id=str(request.id),
            extra_hours=extra_hours,
        ),
    )
    audit.record(
        session,
        actor,
        "ticket.request_extension",
        "TicketExtensionRequest",
        request.id,
        after={"ticket_id": str(ticket.id), "extra_hours": extra_hours, "reason": text},
    )
    emit(
        session,
        ticket,
        events.TicketExtensionRequested,
        await leaders(session, ticket),
        actor,
        request_id=request.id,
    )
    return request


async def decide_extension(
    session: AsyncSession,
    actor: Actor,
    request_id: uuid.UUID,
    approve: bool,
    note: str | None,
    now: datetime | None = None,
) -> TicketExtensionRequest:
    """The chain secretary (or a park admin) approves or refuses; nobody decides their own request."""
    now = now or utcnow()
    repo = TicketRepository(session)
    request = await repo.extension_request(actor.tenant_id, request_id, for_update=True)
    if request is None:
        raise NotFound("id")
    ticket = await require_ticket(session, actor, request.ticket_id, for_update=True)
    if Party.SUPERVISOR not in await parties_on(session, actor, ticket, now) or actor.user_id == request.requested_by:
        raise NotAllowed("id")
    if request.status != ExtensionStatus.PENDING:
        raise ExtensionDecided("id")
    if ticket.status not in OPEN_STATUSES:
        raise TicketClosed("id")
    text = clean_text("note", note, 1000, required=False)
    before = audit.snapshot(ticket, *TICKET_FIELDS)
    request.status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REFUSED
    request.decided_by, request.decided_at, request.decision_note = actor.user_id, now, text
    if approve:
        ticket.sla_extension_seconds += request.extra_seconds
        refresh_deadlines(ticket, now, ticket_settings().working_day, await work_calendar(session))
        ticket.version += 1
        ticket.updated_at = now
    await record(
        session,
        timeline_event(
            ticket,
            TicketEventKind.EXTENSION_DECIDED,
            Visibility.INTERNAL,
            actor.user_id,
            now,
            text,
            request_id=str(request.id),
            approved=approve,
        ),
    )
    audit.record(
        session,
        actor,
        "ticket.decide_extension",
        "TicketExtensionRequest",
        request.id,
        before={"ticket": before},
        after={"status": request.status, "ticket": audit.snapshot(ticket, *TICKET_FIELDS)},
    )
    emit(
        session,
        ticket,
        events.TicketExtensionDecided,
        [request.requested_by],
        actor,
        request_id=request.id,
        approved=approve,
    )
    return request


async def extension_requests_of(
    session: AsyncSession, actor: Actor, ticket_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[TicketExtensionRequest]]:
    """Of tickets the caller already holds; park staff only (they are internal)."""
    found: dict[uuid.UUID, list[TicketExtensionRequest]] = {ticket_id: [] for ticket_id in ticket_ids}
    for row in await TicketRepository(session).extension_requests_of(actor.tenant_id, ticket_ids):
        found[row.ticket_id].append(row)
    return found


# Reminders (催办) ------------------------------------------------------------------------------


def is_breached(ticket: Ticket, now: datetime) -> bool:
    late_response = (
        ticket.first_responded_at is None
        and ticket.first_response_due_at is not None
        and (ticket.first_response_due_at <= now)
    )
    late_resolution = ticket.resolution_due_at is not None and ticket.resolution_due_at <= now
    return ticket.status in OPEN_STATUSES and (late_response or late_resolution)


async def remind(
    session: AsyncSession, actor: Actor, ticket_id: uuid.UUID, note: str | None, now: datetime | None = None
) -> Ticket:
    """A formal reminder on an overdue ticket, from the enterprise side or the park committee; it goes on
    the timeline and to the leader of whoever holds the ticket (the chain secretary)."""
    now = now or utcnow()
    ticket = await require_ticket(session, actor, ticket_id, for_update=True)
    acting_as = await parties_on(session, actor, ticket, now)
    if not may_remind(actor, acting_as) or actor.user_id is None:
        raise NotAllowed("id")
    if ticket.status not in OPEN_STATUSES:
        raise TicketClosed("id")
    if not is_breached(ticket, now):
        raise NotBreached("id")
    text = clean_text("note", note, 1000, required=False)
    ticket.reminder_count += 1
    notify = [*await leaders(session, ticket), *([ticket.assignee_user_id] if ticket.assignee_user_id else [])]
    await record(
        session,
        timeline_event(
            ticket, TicketEventKind.REMINDER, Visibility.PUBLIC, actor.user_id, now, text, count=ticket.reminder_count
        ),
    )
    audit.record(session, actor, "ticket.remind", "Ticket", ticket.id, after={"reminder_count": ticket.reminder_count})
    emit(session, ticket, events.TicketReminded, notify, actor, count=ticket.reminder_count)
    return ticket
