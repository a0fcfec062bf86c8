"""Tickets: raising, the status machine, assignment, replies and watchers (the timeline is timeline.py,
the clock deadlines.py); the public API of the context.

Every change locks the ticket row (SELECT ... FOR UPDATE), so two transitions of one ticket run one
after the other and the second is judged against the first's result; each is audited, written to the
timeline and emitted to the outbox in the caller's transaction.
"""

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.clock import park_date
from redchain.infra.models_base import utcnow
from redchain.infra.pagination import Page, PageRequest
from redchain.infra.settings import Settings, get_settings
from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.calendar.service import WorkCalendar, work_calendar
from redchain.services.errors import NotFound, TooLong
from redchain.services.permissions import Role
from redchain.services.registry import service as registry
from redchain.services.tickets import events, targets, taxonomy, workflow
from redchain.services.tickets.deadlines import pause, refresh_deadlines, stop_at_resolution, unpause
from redchain.services.tickets.errors import (
    EnterpriseArchived,
    InvalidAssignee,
    InvalidDuplicate,
    InvalidRating,
    InvalidTransition,
    InvalidVisit,
    NotAllowed,
    ReopenWindowPassed,
    Required,
    StaleVersion,
    TicketClosed,
)
from redchain.services.tickets.models import (
    FINISHED_STATUSES,
    OPEN_STATUSES,
    Ticket,
    TicketEvent,
    TicketEventKind,
    TicketPriority,
    TicketStatus,
    Visibility,
)
from redchain.services.tickets.policies import (
    Party,
    TicketRelations,
    may_comment,
    may_dispatch,
    may_raise_for,
    parties,
)
from redchain.services.tickets.repository import TicketFilter, TicketRepository
from redchain.services.tickets.sla import WorkingDay
from redchain.services.tickets.timeline import emit, record, timeline_event

# The timeline's reads are part of this public API (the GraphQL dataloaders call them here).
from redchain.services.tickets.timeline import timeline_counts as timeline_counts
from redchain.services.tickets.timeline import timeline_pages as timeline_pages
from redchain.services.tickets.workflow import TRANSITIONS, TicketAction

TICKET_FIELDS = (
    "status",
    "version",
    "priority",
    "chain_id",
    "assignee_user_id",
    "duplicate_of_id",
    "first_responded_at",
    "resolved_at",
    "closed_at",
    "resolution_due_at",
    "sla_paused_seconds",
    "sla_extension_seconds",
    "satisfaction_rating",
    "satisfaction_comment",
)
TEXT_LIMIT = 5000


@dataclass(frozen=True)
class TicketSettings:
    working_day: WorkingDay
    reopen_window: timedelta
    auto_close_after: timedelta


@lru_cache(maxsize=8)
def _working_day(spec: str) -> WorkingDay:
    return WorkingDay.parse(spec)


def ticket_settings(settings: Settings | None = None) -> TicketSettings:
    settings = settings or get_settings()
    return TicketSettings(
        working_day=_working_day(settings.ticket_business_hours),
        reopen_window=timedelta(days=settings.ticket_reopen_window_days),
        auto_close_after=timedelta(days=settings.ticket_auto_close_days),
    )


@dataclass(frozen=True)
class TicketDraft:
    enterprise_id: uuid.UUID
    title: str
    description: str
    category_id: uuid.UUID
    aspect_id: uuid.UUID
    priority: TicketPriority = TicketPriority.NORMAL
    visit_id: uuid.UUID | None = None  # raised from a liaison visit (走访)


@dataclass(frozen=True)
class TransitionRequest:
    action: TicketAction
    text: str | None = None  # the reason, message or resolution the action needs
    rating: int | None = None  # 1-5 when the enterprise confirms (CLOSE)
    duplicate_of_id: uuid.UUID | None = None
    expected_version: int | None = None


# Helpers the other ticket modules share --------------------------------------------------------


def clean_text(field: str, value: str | None, limit: int = TEXT_LIMIT, required: bool = True) -> str | None:
    value = (value or "").strip()
    if not value:
        if required:
            raise Required(field)
        return None
    if len(value) > limit:
        raise TooLong(field, limit=limit)
    return value


async def require_ticket(
    session: AsyncSession,
    actor: Actor,
    ticket_id: uuid.UUID,
    for_update: bool = False,
    field: str = "id",
) -> Ticket:
    """The ticket if `actor` may see it, else NotFound (never a hint that it exists)."""
    ticket = await TicketRepository(session).ticket(actor, ticket_id, for_update)
    if ticket is None:
        raise NotFound(field)
    return ticket


async def relations(session: AsyncSession, actor: Actor, ticket: Ticket, now: datetime) -> TicketRelations:
    repo = TicketRepository(session)
    officer = bool(
        actor.user_id
        and actor.has_role(Role.LIAISON_OFFICER)
        and await repo.is_officer_of(ticket.tenant_id, actor.user_id, ticket.enterprise_id, park_date(now))
    )
    return TicketRelations(
        officer_of_enterprise=officer,
        chain_secretary_id=await chain_secretary(session, ticket.tenant_id, ticket.chain_id),
    )


async def parties_on(session: AsyncSession, actor: Actor, ticket: Ticket, now: datetime) -> frozenset[Party]:
    return parties(actor, ticket, await relations(session, actor, ticket, now))


async def chain_secretary(session: AsyncSession, tenant_id: uuid.UUID, chain_id: uuid.UUID | None) -> uuid.UUID | None:
    if chain_id is None:
        return None
    chain = await registry.get_chain(session, Actor.system(tenant_id), chain_id)
    return chain.secretary_user_id if chain else None


async def leaders(session: AsyncSession, ticket: Ticket) -> list[uuid.UUID]:
    """Who answers for the ticket's handling: its chain's secretary, else the park admins."""
    secretary = await chain_secretary(session, ticket.tenant_id, ticket.chain_id)
    return [secretary] if secretary else await TicketRepository(session).park_admin_ids(ticket.tenant_id)


def _check_version(ticket: Ticket, expected: int | None) -> None:
    if expected is not None and expected != ticket.version:
        raise StaleVersion("expectedVersion")


def _touch(ticket: Ticket, now: datetime) -> None:
    ticket.version += 1
    ticket.updated_at = now


# Raising ---------------------------------------------------------------------------------------


async def create_ticket(session: AsyncSession, actor: Actor, draft: TicketDraft, now: datetime | None = None) -> Ticket:
    """Raised by the enterprise's contact, or on its behalf by park staff. It goes to the queue of the
    enterprise's chain (the park admins' when it has none)."""
    now = now or utcnow()
    repo = TicketRepository(session)
    enterprise = await registry.require_enterprise(session, actor, draft.enterprise_id, field="enterpriseId")
    officer = bool(
        actor.user_id
        and actor.has_role(Role.LIAISON_OFFICER)
        and await repo.is_officer_of(actor.tenant_id, actor.user_id, enterprise.id, park_date(now))
    )
    if not may_raise_for(actor, enterprise.id, enterprise.chain_id, officer):
        raise NotAllowed("enterpriseId")
    assert actor.user_id is not None
    if enterprise.archived_at is not None:
        raise EnterpriseArchived("enterpriseId")
    title = clean_text("title", draft.title, 200)
    description = clean_text("description", draft.description)
    await taxonomy.require_aspect(session, actor.tenant_id, draft.category_id, draft.aspect_id)
    if draft.visit_id is not None and not await repo.visit_of_enterprise(
        actor.tenant_id, draft.visit_id, enterprise.id
    ):
        raise InvalidVisit("visitId")
    goal = await targets.for_priority(session, actor.tenant_id, draft.priority)
    ticket = Ticket(
        tenant_id=actor.tenant_id,
        created_at=now,
        enterprise_id=enterprise.id,
        chain_id=enterprise.chain_id,
        category_id=draft.category_id,
        aspect_id=draft.aspect_id,
        title=title or "",
        description=description or "",
        priority=draft.priority,
        raised_by=actor.user_id,
        on_behalf=enterprise.id not in actor.contact_enterprise_ids,
        visit_id=draft.visit_id,
        first_response_target=goal.first_response,
        resolution_target=goal.resolution,
    )
    refresh_deadlines(ticket, now, ticket_settings().working_day, await work_calendar(session))
    await repo.add(ticket)
    await repo.add_watchers(ticket.tenant_id, ticket.id, [actor.user_id])
    await record(
        session,
        timeline_event(
            ticket, TicketEventKind.CREATED, Visibility.PUBLIC, actor.user_id, now, status=TicketStatus.NEW.value
        ),
    )
    audit.record(session, actor, "ticket.create", "Ticket", ticket.id, after=audit.snapshot(ticket, *TICKET_FIELDS))
    emit(
        session,
        ticket,
        events.TicketCreated,
        await leaders(session, ticket),
        actor,
        enterprise_id=ticket.enterprise_id,
        chain_id=ticket.chain_id,
    )
    return ticket


# Reading ---------------------------------------------------------------------------------------


async def get_ticket(session: AsyncSession, actor: Actor, ticket_id: uuid.UUID) -> Ticket | None:
    return await TicketRepository(session).ticket(actor, ticket_id)


async def tickets_by_ids(session: AsyncSession, actor: Actor, ids: list[uuid.UUID]) -> list[Ticket]:
    return await TicketRepository(session).tickets(actor, ids)


async def list_tickets(session: AsyncSession, actor: Actor, where: TicketFilter, page: PageRequest) -> Page[Ticket]:
    return await TicketRepository(session).page(actor, where, page)


async def count_tickets(session: AsyncSession, actor: Actor, where: TicketFilter) -> int:
    return await TicketRepository(session).count(actor, where)


async def watchers_of(
    session: AsyncSession, actor: Actor, ticket_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[uuid.UUID]]:
    found: dict[uuid.UUID, list[uuid.UUID]] = {ticket_id: [] for ticket_id in ticket_ids}
    for watcher in await TicketRepository(session).watchers_of(actor.tenant_id, ticket_ids):
        found[watcher.ticket_id].append(watcher.user_id)
    return found


async def parties_on_many(
    session: AsyncSession, actor: Actor, ticket_ids: list[uuid.UUID], now: datetime
) -> list[tuple[Ticket, frozenset[Party]]]:
    """The caller's parties on each ticket it may see, in three statements however many."""
    repo = TicketRepository(session)
    rows = await repo.tickets(actor, ticket_ids)
    posted = (
        await repo.officer_enterprise_ids(actor.tenant_id, actor.user_id, park_date(now))
        if actor.user_id and actor.has_role(Role.LIAISON_OFFICER)
        else set()
    )
    chain_ids = list({t.chain_id for t in rows if t.chain_id})
    chains = await registry.chains_by_ids(session, Actor.system(actor.tenant_id), chain_ids) if chain_ids else []
    secretaries = {c.id: c.secretary_user_id for c in chains}
    return [
        (
            ticket,
            parties(
                actor,
                ticket,
                TicketRelations(
                    ticket.enterprise_id in posted, secretaries.get(ticket.chain_id) if ticket.chain_id else None
                ),
            ),
        )
        for ticket in rows
    ]


async def allowed_actions(
    session: AsyncSession, actor: Actor, ticket_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[TicketAction]]:
    """What the caller may do to each ticket now (for the UI's buttons)."""
    return {
        ticket.id: workflow.allowed_actions(TicketStatus(ticket.status), acting_as)
        for ticket, acting_as in await parties_on_many(session, actor, ticket_ids, utcnow())
    }


async def assignee_candidates(session: AsyncSession, actor: Actor, ticket_id: uuid.UUID) -> list[uuid.UUID]:
    """Who the caller may give the ticket to (empty unless it may dispatch it)."""
    now = utcnow()
    ticket = await TicketRepository(session).ticket(actor, ticket_id)
    if ticket is None or actor.user_id is None or not may_dispatch(actor, ticket):
        return []
    ids = await TicketRepository(session).assignee_candidate_ids(
        ticket.tenant_id, ticket.chain_id, ticket.enterprise_id, park_date(now)
    )
    return sorted(ids)


# The status machine ----------------------------------------------------------------------------


async def transition(
    session: AsyncSession, actor: Actor, ticket_id: uuid.UUID, request: TransitionRequest, now: datetime | None = None
) -> Ticket:
    now = now or utcnow()
    ticket = await require_ticket(session, actor, ticket_id, for_update=True)
    _check_version(ticket, request.expected_version)
    await apply_transition(session, actor, ticket, request, await parties_on(session, actor, ticket, now), now)
    return ticket


@dataclass(frozen=True)
class _Change:
    """What an action's effect works on: the locked ticket and the checked request."""

    session: AsyncSession
    actor: Actor
    ticket: Ticket
    request: TransitionRequest
    acting_as: frozenset[Party]
    text: str | None
    now: datetime
    config: TicketSettings
    calendar: WorkCalendar


# An action's own rules and changes beyond the status; returns what the timeline entry adds.
Effect = Callable[[_Change], Awaitable[dict[str, Any]]]


def _first_response(ticket: Ticket, acting_as: frozenset[Party], now: datetime) -> bool:
    """A handler's first answer stops the first-response clock; True if this was it."""
    if Party.HANDLER not in acting_as or ticket.first_responded_at is not None:
        return False
    ticket.first_responded_at = now
    return True


async def _respond(change: _Change) -> dict[str, Any]:
    _first_response(change.ticket, change.acting_as, change.now)
    return {}


async def _status_only(change: _Change) -> dict[str, Any]:
    return {}


async def _request_info(change: _Change) -> dict[str, Any]:
    pause(change.ticket, change.now)
    return {}


async def _resume(change: _Change) -> dict[str, Any]:
    unpause(change.ticket, change.now, change.config.working_day, change.calendar)
    return {}


async def _resolve(change: _Change) -> dict[str, Any]:
    stop_at_resolution(change.ticket, change.now, change.config.working_day, change.calendar)
    return {}


async def _close(change: _Change) -> dict[str, Any]:
    ticket, rating = change.ticket, change.request.rating
    if rating is not None and not 1 <= rating <= 5:
        raise InvalidRating("rating")
    if rating is None and ticket.enterprise_id in change.actor.contact_enterprise_ids:
        raise InvalidRating("rating")  # the enterprise confirms with its satisfaction (满意度)
    ticket.satisfaction_rating, ticket.satisfaction_comment = rating, change.text
    ticket.closed_at = change.now
    return {"rating": rating}


def reopenable_until(ticket: Ticket, config: TicketSettings | None = None) -> datetime | None:
    """The end of the window in which the enterprise may reopen a resolved or closed ticket; None if none."""
    if ticket.status not in (TicketStatus.RESOLVED, TicketStatus.CLOSED) or ticket.resolved_at is None:
        return None
    return ticket.resolved_at + (config or ticket_settings()).reopen_window


def auto_closes_at(ticket: Ticket, config: TicketSettings | None = None) -> datetime | None:
    """When the worker closes a resolved ticket the enterprise has not confirmed."""
    if ticket.status != TicketStatus.RESOLVED or ticket.resolved_at is None:
        return None
    return ticket.resolved_at + (config or ticket_settings()).auto_close_after


async def _reopen(change: _Change) -> dict[str, Any]:
    ticket, window = change.ticket, change.config.reopen_window
    until = reopenable_until(ticket, change.config)
    if until is None or change.now > until:
        raise ReopenWindowPassed("id", days=window.days)
    ticket.closed_at = ticket.satisfaction_rating = ticket.satisfaction_comment = None
    unpause(ticket, change.now, change.config.working_day, change.calendar)
    return {}


async def _mark_duplicate(change: _Change) -> dict[str, Any]:
    """DUPLICATE: the ticket points at the one it was merged into, whose watchers it joins."""
    session, ticket, target_id = change.session, change.ticket, change.request.duplicate_of_id
    if target_id is None:
        raise Required("duplicateOfId")
    if target_id == ticket.id:
        raise InvalidDuplicate("duplicateOfId")
    target = await require_ticket(session, change.actor, target_id, field="duplicateOfId")
    if target.status in (TicketStatus.DUPLICATE, TicketStatus.REJECTED):
        raise InvalidDuplicate("duplicateOfId")
    repo = TicketRepository(session)
    watchers = await repo.watcher_ids(ticket.tenant_id, ticket.id)
    await repo.add_watchers(ticket.tenant_id, target.id, [*watchers, ticket.raised_by])
    ticket.duplicate_of_id = target.id
    await record(
        session,
        timeline_event(
            target,
            TicketEventKind.MERGED,
            Visibility.INTERNAL,
            change.actor.user_id,
            change.now,
            merged_ticket_id=str(ticket.id),
        ),
    )
    _first_response(ticket, change.acting_as, change.now)
    return {"duplicate_of_id": str(target_id)}


# One effect per action of workflow.TRANSITIONS, which says who may take it and from where.
EFFECTS: dict[TicketAction, Effect] = {
    TicketAction.ACCEPT: _respond,
    TicketAction.REJECT: _respond,
    TicketAction.START: _status_only,
    TicketAction.REQUEST_INFO: _request_info,
    TicketAction.RESUME: _resume,
    TicketAction.RESOLVE: _resolve,
    TicketAction.CLOSE: _close,
    TicketAction.REOPEN: _reopen,
    TicketAction.MARK_DUPLICATE: _mark_duplicate,
}


async def apply_transition(
    session: AsyncSession,
    actor: Actor,
    ticket: Ticket,
    request: TransitionRequest,
    acting_as: frozenset[Party],
    now: datetime,
) -> None:
    """`ticket` is locked by the caller. Checks the table, then the action's own rules (its effect), then
    applies the status, the deadlines, the timeline, the audit entry and the outbox event."""
    action = request.action
    rule = TRANSITIONS[action]
    if not rule.by & acting_as:
        raise NotAllowed("id")
    source = TicketStatus(ticket.status)
    if source not in rule.sources:
        raise InvalidTransition("id", action=action.value, status=source.value)
    text = clean_text("text", request.text, required=rule.text_required)
    config, calendar = ticket_settings(), await work_calendar(session)
    before = audit.snapshot(ticket, *TICKET_FIELDS)
    extra = await EFFECTS[action](_Change(session, actor, ticket, request, acting_as, text, now, config, calendar))
    ticket.status = rule.target
    refresh_deadlines(ticket, now, config.working_day, calendar)
    _touch(ticket, now)
    await record(
        session,
        timeline_event(
            ticket,
            TicketEventKind.STATUS_CHANGED,
            Visibility.PUBLIC,
            actor.user_id,
            now,
            text,
            action=action.value,
            **{"from": source.value, "to": rule.target.value},
            **extra,
        ),
    )
    audit.record(
        session,
        actor,
        f"ticket.{action.value.lower()}",
        "Ticket",
        ticket.id,
        before=before,
        after=audit.snapshot(ticket, *TICKET_FIELDS),
    )
    repo = TicketRepository(session)
    emit(
        session,
        ticket,
        events.TicketTransitioned,
        await repo.watcher_ids(ticket.tenant_id, ticket.id),
        actor,
        action=action.value,
        from_status=source,
        to=rule.target,
    )


# Assignment ------------------------------------------------------------------------------------


async def _valid_assignee(repo: TicketRepository, ticket: Ticket, user_id: uuid.UUID, now: datetime) -> bool:
    if ticket.chain_id is not None and await repo.has_membership(
        ticket.tenant_id, user_id, Role.CHAIN_STAFF, ticket.chain_id
    ):
        return True
    return await repo.has_membership(ticket.tenant_id, user_id, Role.LIAISON_OFFICER) and await repo.is_officer_of(
        ticket.tenant_id, user_id, ticket.enterprise_id, park_date(now)
    )


async def assign(
    session: AsyncSession,
    actor: Actor,
    ticket_id: uuid.UUID,
    assignee_id: uuid.UUID | None,
    chain_id: uuid.UUID | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Ticket:
    """To a person (CHAIN_STAFF of the ticket's chain, or a liaison officer posted to the enterprise), or
    back to the queue with None. `chain_id` moves the ticket to another chain's queue (park admins only)."""
    now = now or utcnow()
    ticket = await require_ticket(session, actor, ticket_id, for_update=True)
    _check_version(ticket, expected_version)
    if actor.user_id is None or not may_dispatch(actor, ticket):
        raise NotAllowed("id")
    if ticket.status not in OPEN_STATUSES:
        raise TicketClosed("id")
    repo = TicketRepository(session)
    before = audit.snapshot(ticket, *TICKET_FIELDS)
    unchanged = (ticket.assignee_user_id, ticket.chain_id)
    if chain_id is not None and chain_id != ticket.chain_id:
        if not actor.has_role(Role.PARK_ADMIN):
            raise NotAllowed("chainId")
        chain = await registry.get_chain(session, actor, chain_id)
        if chain is None or chain.archived_at is not None:
            raise NotFound("chainId")
        ticket.chain_id = chain.id
    if assignee_id is not None and not await _valid_assignee(repo, ticket, assignee_id, now):
        raise InvalidAssignee("assigneeId")
    if (assignee_id, ticket.chain_id) == unchanged:
        return ticket  # nothing changes: no event, no audit entry
    ticket.assignee_user_id = assignee_id
    _touch(ticket, now)
    if assignee_id is not None:
        await repo.add_watchers(ticket.tenant_id, ticket.id, [assignee_id])
    await record(
        session,
        timeline_event(
            ticket,
            TicketEventKind.ASSIGNED,
            Visibility.PUBLIC,
            actor.user_id,
            now,
            assignee_id=str(assignee_id) if assignee_id else None,
            chain_id=str(ticket.chain_id) if ticket.chain_id else None,
        ),
    )
    audit.record(
        session,
        actor,
        "ticket.assign",
        "Ticket",
        ticket.id,
        before=before,
        after=audit.snapshot(ticket, *TICKET_FIELDS),
    )
    emit(
        session,
        ticket,
        events.TicketAssigned,
        [assignee_id] if assignee_id else await leaders(session, ticket),
        actor,
        assignee_id=assignee_id,
    )
    return ticket


# Replies, notes, watchers ----------------------------------------------------------------------


async def add_comment(
    session: AsyncSession, actor: Actor, ticket_id: uuid.UUID, body: str, internal: bool, now: datetime | None = None
) -> TicketEvent:
    """A public reply (the enterprise sees it) or an internal note (park staff only). The enterprise's
    reply to a ticket waiting on it resumes the clock; a handler's first public reply is the first response."""
    now = now or utcnow()
    ticket = await require_ticket(session, actor, ticket_id, for_update=True)
    acting_as = await parties_on(session, actor, ticket, now)
    if not may_comment(actor, acting_as, internal):
        raise NotAllowed("id")
    if ticket.status in FINISHED_STATUSES:
        raise TicketClosed("id")
    text = clean_text("body", body)
    if not internal and _first_response(ticket, acting_as, now):
        _touch(ticket, now)
    kind = TicketEventKind.INTERNAL_NOTE if internal else TicketEventKind.PUBLIC_REPLY
    entry = timeline_event(
        ticket, kind, Visibility.INTERNAL if internal else Visibility.PUBLIC, actor.user_id, now, text
    )
    await record(session, entry)
    audit.record(session, actor, f"ticket.{kind.value.lower()}", "Ticket", ticket.id, after={"event_id": str(entry.id)})
    if not internal:
        repo = TicketRepository(session)
        emit(
            session,
            ticket,
            events.TicketReplied,
            await repo.watcher_ids(ticket.tenant_id, ticket.id),
            actor,
            event_id=entry.id,
        )
        if ticket.status == TicketStatus.WAITING_ON_ENTERPRISE and Party.REQUESTER in acting_as:
            await apply_transition(session, actor, ticket, TransitionRequest(TicketAction.RESUME), acting_as, now)
    return entry


async def watch(session: AsyncSession, actor: Actor, ticket_id: uuid.UUID, watching: bool) -> Ticket:
    """Follow or stop following a ticket the caller can see."""
    ticket = await require_ticket(session, actor, ticket_id)
    if actor.user_id is None:
        raise NotAllowed("id")
    repo = TicketRepository(session)
    if watching:
        changed = await repo.add_watchers(ticket.tenant_id, ticket.id, [actor.user_id])
    else:
        changed = await repo.remove_watcher(ticket.tenant_id, ticket.id, actor.user_id)
    if changed:
        audit.record(
            session,
            actor,
            "ticket.watch" if watching else "ticket.unwatch",
            "Ticket",
            ticket.id,
            after={"user_id": str(actor.user_id)},
        )
    return ticket
