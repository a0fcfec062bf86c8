"""Property-based: random sequences of actions by random roles (and another park's admin) against the real
database. Whatever happens, a refused action is a DomainError (a userError), never a crash, and the tickets
never reach a state the transitions table and the SLA rules do not allow."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redchain.infra.db import Database
from redchain.services.errors import DomainError
from redchain.services.tickets import escalation
from redchain.services.tickets import service as tickets
from redchain.services.tickets.models import CLOCK_RUNNING, SlaMark, Ticket, TicketEventKind, TicketStatus, Visibility
from redchain.services.tickets.service import TransitionRequest
from redchain.services.tickets.workflow import TERMINAL, TRANSITIONS, TicketAction
from tests.services.tickets.world import MONDAY, Person, World, build_world, raise_ticket

ROLES = (
    "admin",
    "secretary",
    "staff",
    "other_staff",
    "officer",
    "other_officer",
    "auditor",
    "finance",
    "contact",
    "other_contact",
    "foreign_admin",
)
OTHER = ("assign", "reply", "note", "watch", "remind", "request_extension", "decide_extension", "sweep", "auto_close")
OPERATIONS = tuple(a.value for a in TicketAction) + OTHER
# Who can never see the tickets of `enterprise` (chain `chain`): every attempt of theirs is NOT_FOUND.
OUTSIDERS = {"other_staff", "other_officer", "finance", "other_contact", "foreign_admin"}

INSIDERS = ("admin", "secretary", "staff", "officer", "contact")


def mostly(common: tuple[str, ...], everything: tuple[str, ...]) -> st.SearchStrategy[str]:
    """Three times in four from `common`: uniform picks would rarely take a ticket past NEW."""
    return st.one_of(*[st.sampled_from(common)] * 3, st.sampled_from(everything))


# NEXT: an action the table allows from the ticket's status (by whatever role was drawn), so sequences
# get past the first step; everything else, legal or not, is drawn too.
NEXT = "NEXT"

step = st.tuples(
    mostly(INSIDERS, ROLES),
    mostly((NEXT,), OPERATIONS),
    st.integers(0, 1),
    st.integers(0, 30),
    mostly(INSIDERS, ROLES),
    st.integers(1, 5),
)


@dataclass
class Cast:
    world: World
    foreign: World
    people: dict[str, Person] = field(default_factory=dict)


_casts: dict[int, Cast] = {}


async def cast_for(db: Database) -> Cast:
    """Built once per run: examples add tickets of their own to the same park."""
    if id(db) not in _casts:
        world, foreign = await build_world(db), await build_world(db)
        _casts[id(db)] = Cast(world, foreign, world.everyone() | {"foreign_admin": foreign.admin})
    return _casts[id(db)]


async def attempt(
    db: Database,
    cast: Cast,
    role: str,
    operation: str,
    ticket: Ticket,
    other: Ticket,
    now: datetime,
    target: str,
    rating: int,
) -> None:
    world, person = cast.world, cast.people[role]
    park = cast.foreign.park.id if role == "foreign_admin" else world.park.id
    async with db.transaction(park, person.user.id) as session:
        actor = person.actor
        if operation in TicketAction.__members__:
            action = TicketAction(operation)
            await tickets.transition(
                session,
                actor,
                ticket.id,
                TransitionRequest(
                    action,
                    text="说明" if TRANSITIONS[action].text_required else None,
                    rating=rating if action is TicketAction.CLOSE else None,
                    duplicate_of_id=other.id if action is TicketAction.MARK_DUPLICATE else None,
                ),
                now=now,
            )
        elif operation == "assign":
            await tickets.assign(session, actor, ticket.id, cast.people[target].user.id, now=now)
        elif operation in ("reply", "note"):
            await tickets.add_comment(session, actor, ticket.id, "内容", internal=operation == "note", now=now)
        elif operation == "watch":
            await tickets.watch(session, actor, ticket.id, True)
        elif operation == "remind":
            await escalation.remind(session, actor, ticket.id, None, now=now)
        elif operation == "request_extension":
            await escalation.request_extension(session, actor, ticket.id, rating, "原因", now=now)
        elif operation == "decide_extension":
            pending = [
                r
                for r in (await escalation.extension_requests_of(session, world.admin.actor, [ticket.id]))[ticket.id]
                if r.status == "PENDING"
            ]
            if pending:
                await escalation.decide_extension(session, actor, pending[0].id, rating > 2, None, now=now)
        elif operation == "sweep":
            await escalation.sweep_sla(session, world.park.id, now)
        else:
            await escalation.close_unconfirmed(session, world.park.id, now)


def check_invariants(ticket: Ticket) -> None:
    status = TicketStatus(ticket.status)
    assert ticket.version >= 1
    if status in CLOCK_RUNNING:
        assert ticket.resolution_due_at is not None and ticket.sla_paused_at is None
        assert ticket.first_response_due_at is not None
    if status == TicketStatus.WAITING_ON_ENTERPRISE:
        assert ticket.resolution_due_at is None and ticket.sla_paused_at is not None
        assert ticket.sla_next_at is None
    if status != TicketStatus.NEW:
        assert ticket.first_responded_at is not None
    if status in (TicketStatus.RESOLVED, TicketStatus.CLOSED):
        assert ticket.resolved_at is not None and ticket.resolution_seconds is not None
    if status == TicketStatus.CLOSED:
        assert ticket.closed_at is not None
    if status == TicketStatus.DUPLICATE:
        assert ticket.duplicate_of_id not in (None, ticket.id)
    if status not in CLOCK_RUNNING:
        assert ticket.sla_next_at is None
    if ticket.satisfaction_rating is not None:
        assert 1 <= ticket.satisfaction_rating <= 5 and status == TicketStatus.CLOSED
    assert 0 <= ticket.sla_done <= int(SlaMark(31))
    assert ticket.escalation_level in (0, 1, 2)
    assert (ticket.escalation_level == 2) == bool(ticket.sla_done & SlaMark.ESCALATED_TO_ADMIN)
    assert ticket.sla_paused_seconds >= 0 and ticket.sla_extension_seconds >= 0


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], database=None)
@given(steps=st.lists(step, min_size=5, max_size=30))
async def test_random_actions_by_random_roles_keep_tickets_legal(
    db: Database, steps: list[tuple[str, str, int, int, str, int]]
) -> None:
    cast = await cast_for(db)
    world = cast.world
    pair = [await raise_ticket(db, world), await raise_ticket(db, world, by=world.officer)]
    history: dict[object, list[TicketStatus]] = {t.id: [TicketStatus.NEW] for t in pair}
    now = MONDAY
    for role, operation, index, hours, target, rating in steps:
        now += timedelta(hours=hours)
        ticket, other = pair[index], pair[1 - index]
        before = await reload(db, world, ticket)
        if operation == NEXT:
            # Ending the ticket (REJECTED, DUPLICATE) one time in five, or few sequences would get far.
            possible = [
                a
                for a, rule in TRANSITIONS.items()
                if before.status in rule.sources and (rule.target not in TERMINAL or rating == 5)
            ] or list(TicketAction)
            operation = possible[rating % len(possible)].value
        try:
            await attempt(db, cast, role, operation, before, other, now, target, rating)
        except DomainError as refused:
            if role in OUTSIDERS and operation not in ("sweep", "auto_close", "decide_extension"):
                assert str(refused.code) == "NOT_FOUND", (role, operation, refused.code)
        else:
            assert role not in OUTSIDERS or operation in ("sweep", "auto_close", "decide_extension"), (role, operation)
        for current in pair:
            after = await reload(db, world, current)
            check_invariants(after)
            if TicketStatus(after.status) != history[current.id][-1]:
                previous = history[current.id][-1]
                assert previous not in TERMINAL
                assert any(previous in rule.sources and after.status == rule.target for rule in TRANSITIONS.values())
                history[current.id].append(TicketStatus(after.status))
    for current in pair:
        await check_timeline(db, world, current, history[current.id])


async def reload(db: Database, world: World, ticket: Ticket) -> Ticket:
    async with db.transaction(world.park.id) as session:
        found = await tickets.get_ticket(session, world.admin.actor, ticket.id)
    assert found is not None
    return found


async def check_timeline(db: Database, world: World, ticket: Ticket, statuses: list[TicketStatus]) -> None:
    """The timeline's status changes retell the history, in order; the enterprise sees no internal entry."""
    async with db.transaction(world.park.id) as session:
        staff_view = (await tickets.timeline_pages(session, world.admin.actor, [ticket.id], None, 1000))[ticket.id]
        contact_view = (await tickets.timeline_pages(session, world.contact.actor, [ticket.id], None, 1000))[ticket.id]
    changes = [(e.data["from"], e.data["to"]) for e in staff_view if e.kind == TicketEventKind.STATUS_CHANGED]
    assert changes == list(pairwise(statuses))
    assert all(e.visibility == Visibility.PUBLIC for e in contact_view)
    assert [e.seq for e in staff_view] == sorted(e.seq for e in staff_view)
