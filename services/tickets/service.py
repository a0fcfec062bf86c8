"""Tickets: raising, the status machine, assignment, the timeline and watchers.

Every change locks the ticket row (SELECT ... FOR UPDATE), so two transitions of one ticket run one
after the other and the second is judged against the first's result; each is audited, written to the
timeline and emitted to the outbox in the caller's transaction.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra import outbox
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
from redchain.services.tickets.deadlines import Targets, deadlines
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
    OPEN_STATUSES,
    SlaMark,
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
    may_raise_for,
    parties,
    sees_internal,
)
from redchain.services.tickets.repository import TicketFilter, TicketRepository
from redchain.services.tickets.sla import WorkingDay, business_seconds_between
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


@dataclass(frozen=True)
class TicketRef:
    """What the timeline and outbox helpers need of a ticket, when the sweep has no loaded row."""

    tenant_id: uuid.UUID
    id: uuid.UUID
    title: str


def timeline_event(
    ticket: Ticket | TicketRef,
    kind: TicketEventKind,
    visibility: Visibility,
    author: uuid.UUID | None,
    now: datetime,
    body: str | None = None,
    **data: Any,
) -> TicketEvent:
    return TicketEvent(
        tenant_id=ticket.tenant_id,
        created_at=now,
        ticket_id=ticket.id,
        kind=kind,
        visibility=visibility,
        author_user_id=author,
        body=body,
        data=data,
    )


async def record(session: AsyncSession, *entries: TicketEvent) -> None:
    await TicketRepository(session).add(*entries)


def emit(
    session: AsyncSession,
    ticket: Ticket | TicketRef,
    event: type[events.TicketNotice],
    notify: list[uuid.UUID] | None = None,
    actor: Actor | None = None,
    **fields: Any,
) -> None:
    """An outbox event of `ticket` with the event's own `fields`; `notify` minus the actor are told
    in-app (workers/tickets.py)."""
    recipients = [u for u in dict.fromkeys(notify or []) if not actor or u != actor.user_id]
    outbox.emit(session, ticket.tenant_id, event(ticket_id=ticket.id, title=ticket.title, notify=recipients, **fields))


def refresh_deadlines(ticket: Ticket, now: datetime, config: TicketSettings, calendar: WorkCalendar) -> None:
    """Recomputes the denormalised deadlines from the clock. While paused the resolution has none; a
    threshold that moved into the future may fire again (SlaMark cleared)."""
    due = deadlines(
        ticket.created_at,
        Targets(ticket.first_response_target, ticket.resolution_target),
        ticket.sla_paused_seconds,
        ticket.sla_extension_seconds,
        config.working_day,
        calendar,
    )
    ticket.first_response_warn_at = due.first_response_warn_at
    ticket.first_response_due_at = due.first_response_due_at
    paused = ticket.status == TicketStatus.WAITING_ON_ENTERPRISE
    ticket.resolution_warn_at = None if paused else due.resolution_warn_at
    ticket.resolution_due_at = None if paused else due.resolution_due_at
    ticket.admin_escalation_at = None if paused else due.admin_escalation_at
    done = SlaMark(ticket.sla_done)
    for mark, at in due.at().items():
        if at > now:
            done &= ~mark
    ticket.sla_done = int(done)


def _pause(ticket: Ticket, now: datetime) -> None:
    ticket.sla_paused_at = now


def _unpause(ticket: Ticket, now: datetime, config: TicketSettings, calendar: WorkCalendar) -> None:
    if ticket.sla_paused_at is not None:
        ticket.sla_paused_seconds += business_seconds_between(ticket.sla_paused_at, now, calendar, config.working_day)
        ticket.sla_paused_at = None


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
    refresh_deadlines(ticket, now, ticket_settings(), await work_calendar(session))
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


async def timeline_pages(
    session: AsyncSession, actor: Actor, ticket_ids: list[uuid.UUID], after_seq: int | None, limit: int
) -> dict[uuid.UUID, list[TicketEvent]]:
    """Of tickets the caller already holds (so in its scope); internal entries only for park staff."""
    return await TicketRepository(session).timeline_pages(
        actor.tenant_id, ticket_ids, sees_internal(actor), after_seq, limit
    )


async def timeline_counts(session: AsyncSession, actor: Actor, ticket_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    return await TicketRepository(session).timeline_counts(actor.tenant_id, ticket_ids, sees_internal(actor))


async def watchers_of(
    session: AsyncSession, actor: Actor, ticket_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[uuid.UUID]]:
    found: dict[uuid.UUID, list[uuid.UUID]] = {ticket_id: [] for ticket_id in ticket_ids}
    for watcher in await TicketRepository(session).watchers_of(actor.tenant_id, ticket_ids):
        found[watcher.ticket_id].append(watcher.user_id)
    return found


async def allowed_actions(
    session: AsyncSession, actor: Actor, ticket_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[TicketAction]]:
    """What the caller may do to each ticket now (for the UI's buttons), in three statements however many."""
    now = utcnow()
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
    found: dict[uuid.UUID, list[TicketAction]] = {}
    for ticket in rows:
        acting_as = parties(
            actor,
            ticket,
            TicketRelations(
                ticket.enterprise_id in posted, secretaries.get(ticket.chain_id) if ticket.chain_id else None
            ),
        )
        found[ticket.id] = workflow.allowed_actions(TicketStatus(ticket.status), acting_as)
    return found


# The status machine ----------------------------------------------------------------------------


async def transition(
    session: AsyncSession, actor: Actor, ticket_id: uuid.UUID, request: TransitionRequest, now: datetime | None = None
) -> Ticket:
    now = now or utcnow()
    ticket = await require_ticket(session, actor, ticket_id, for_update=True)
    _check_version(ticket, request.expected_version)
    await apply_transition(session, actor, ticket, request, await parties_on(session, actor, ticket, now), now)
    return ticket


async def apply_transition(
    session: AsyncSession,
    actor: Actor,
    ticket: Ticket,
    request: TransitionRequest,
    acting_as: frozenset[Party],
    now: datetime,
) -> None:
    """`ticket` is locked by the caller. Checks the table, then the action's own rules, then applies."""
    rule = TRANSITIONS[request.action]
    if not rule.by & acting_as:
        raise NotAllowed("id")
    source = TicketStatus(ticket.status)
    if source not in rule.sources:
        raise InvalidTransition("id", action=request.action.value, status=source.value)
    text = clean_text("text", request.text, required=rule.text_required)
    config, calendar = ticket_settings(), await work_calendar(session)
    before = audit.snapshot(ticket, *TICKET_FIELDS)
    action = request.action
    extra: dict[str, Any] = {}
    if action is TicketAction.CLOSE:
        if request.rating is not None and not 1 <= request.rating <= 5:
            raise InvalidRating("rating")
        if request.rating is None and ticket.enterprise_id in actor.contact_enterprise_ids:
            raise InvalidRating("rating")  # the enterprise confirms with its satisfaction (满意度)
        ticket.satisfaction_rating, ticket.satisfaction_comment = request.rating, text
        ticket.closed_at = now
        extra = {"rating": request.rating}
    elif action is TicketAction.REOPEN:
        if ticket.resolved_at is None or now - ticket.resolved_at > config.reopen_window:
            raise ReopenWindowPassed("id", days=config.reopen_window.days)
        ticket.closed_at = ticket.satisfaction_rating = ticket.satisfaction_comment = None
        _unpause(ticket, now, config, calendar)
    elif action is TicketAction.MARK_DUPLICATE:
        await _merge(session, actor, ticket, request.duplicate_of_id, now)
        extra = {"duplicate_of_id": str(request.duplicate_of_id)}
    elif action is TicketAction.REQUEST_INFO:
        _pause(ticket, now)
    elif action is TicketAction.RESUME:
        _unpause(ticket, now, config, calendar)
    elif action is TicketAction.RESOLVE:
        ticket.resolved_at = now
        elapsed = business_seconds_between(ticket.created_at, now, calendar, config.working_day)
        ticket.resolution_seconds = max(elapsed - ticket.sla_paused_seconds, 0)
        _pause(ticket, now)  # a reopening resumes the clock from here
    if (
        Party.HANDLER in acting_as
        and ticket.first_responded_at is None
        and action in (TicketAction.ACCEPT, TicketAction.REJECT, TicketAction.MARK_DUPLICATE)
    ):
        ticket.first_responded_at = now
    ticket.status = rule.target
    refresh_deadlines(ticket, now, config, calendar)
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


async def _merge(
    session: AsyncSession, actor: Actor, ticket: Ticket, target_id: uuid.UUID | None, now: datetime
) -> None:
    """DUPLICATE: the ticket points at the one it was merged into, whose watchers it joins."""
    if target_id is None:
        raise Required("duplicateOfId")
    if target_id == ticket.id:
        raise InvalidDuplicate("duplicateOfId")
    target = await require_ticket(session, actor, target_id, field="duplicateOfId")
    if target.status in (TicketStatus.DUPLICATE, TicketStatus.REJECTED):
        raise InvalidDuplicate("duplicateOfId")
    repo = TicketRepository(session)
    watchers = await repo.watcher_ids(ticket.tenant_id, ticket.id)
    await repo.add_watchers(ticket.tenant_id, target.id, [*watchers, ticket.raised_by])
    ticket.duplicate_of_id = target.id
    await record(
        session,
        timeline_event(
            target, TicketEventKind.MERGED, Visibility.INTERNAL, actor.user_id, now, merged_ticket_id=str(ticket.id)
        ),
    )


# Assignment ------------------------------------------------------------------------------------


def _may_dispatch(actor: Actor, ticket: Ticket) -> bool:
    """The chain's queue is worked by its staff; park admins route across chains."""
    return actor.has_role(Role.PARK_ADMIN) or (ticket.chain_id is not None and ticket.chain_id in actor.staff_chain_ids)


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
    if actor.user_id is None or not _may_dispatch(actor, ticket):
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
    may = Party.HANDLER in acting_as or (Party.REQUESTER in acting_as and (not internal or sees_internal(actor)))
    if not may:
        raise NotAllowed("id")
    if ticket.status in (TicketStatus.CLOSED, TicketStatus.REJECTED, TicketStatus.DUPLICATE):
        raise TicketClosed("id")
    text = clean_text("body", body)
    if not internal and Party.HANDLER in acting_as and ticket.first_responded_at is None:
        ticket.first_responded_at = now
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
