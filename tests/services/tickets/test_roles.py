"""Every role x every operation on a ticket of `enterprise` (chain `chain`), and another park's admin:
allowed, a userError NOT_ALLOWED (sees it, may not), or NOT_FOUND (may not even see it)."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.db import Database
from redchain.infra.storage import LocalDiskStorage
from redchain.services.actor import Actor
from redchain.services.errors import DomainError
from redchain.services.tickets import attachments, escalation
from redchain.services.tickets import service as tickets
from redchain.services.tickets.models import Ticket
from redchain.services.tickets.service import TransitionRequest
from redchain.services.tickets.workflow import TicketAction
from tests.services.tickets.world import MONDAY, World, act, build_world, raise_ticket

A = TicketAction
OK, NO, GONE = "OK", "NOT_ALLOWED", "NOT_FOUND"
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
# Outcomes per role, in ROLES order. Nobody outside the ticket's scope learns it exists.
HANDLERS = (OK, OK, OK, GONE, NO, GONE, NO, GONE, NO, GONE, GONE)
HANDLERS_OR_REQUESTERS = (OK, OK, OK, GONE, OK, GONE, NO, GONE, OK, GONE, GONE)
REQUESTERS = (NO, NO, NO, GONE, OK, GONE, NO, GONE, OK, GONE, GONE)
STAFF_WRITERS = (OK, OK, OK, GONE, OK, GONE, NO, GONE, NO, GONE, GONE)
VIEWERS = (OK, OK, OK, GONE, OK, GONE, OK, GONE, OK, GONE, GONE)
SUPERVISORS = (OK, OK, NO, GONE, NO, GONE, NO, GONE, NO, GONE, GONE)
REMINDERS = (OK, NO, NO, GONE, OK, GONE, NO, GONE, OK, GONE, GONE)
LATE = MONDAY + timedelta(days=10)

Operation = Callable[[AsyncSession, Actor, Ticket, World, Path], Awaitable[object]]


def transition(action: TicketAction) -> Operation:
    async def run(session: AsyncSession, actor: Actor, ticket: Ticket, world: World, _: Path) -> object:
        text = "说明" if action in (A.REJECT, A.REQUEST_INFO, A.RESOLVE, A.REOPEN) else None
        rating = 5 if action is A.CLOSE else None
        return await tickets.transition(session, actor, ticket.id, TransitionRequest(action, text, rating), now=MONDAY)

    return run


@dataclass(frozen=True)
class Case:
    name: str
    path: tuple[TicketAction, ...]  # taken by chain staff (and the contact for CLOSE) to reach the state
    operation: Operation
    expected: tuple[str, ...]


async def _assign(session: AsyncSession, actor: Actor, ticket: Ticket, world: World, _: Path) -> object:
    return await tickets.assign(session, actor, ticket.id, world.staff.user.id, now=MONDAY)


async def _reply(session: AsyncSession, actor: Actor, ticket: Ticket, world: World, _: Path) -> object:
    return await tickets.add_comment(session, actor, ticket.id, "回复", internal=False, now=MONDAY)


async def _note(session: AsyncSession, actor: Actor, ticket: Ticket, world: World, _: Path) -> object:
    return await tickets.add_comment(session, actor, ticket.id, "内部备注", internal=True, now=MONDAY)


async def _watch(session: AsyncSession, actor: Actor, ticket: Ticket, world: World, _: Path) -> object:
    return await tickets.watch(session, actor, ticket.id, True)


async def _attach(session: AsyncSession, actor: Actor, ticket: Ticket, world: World, root: Path) -> object:
    upload = attachments.Upload("说明.txt", "text/plain", "用电负荷清单".encode())
    return await attachments.add_attachment(session, LocalDiskStorage(root), actor, ticket.id, upload, 1024, now=MONDAY)


async def _request_extension(session: AsyncSession, actor: Actor, ticket: Ticket, world: World, _: Path) -> object:
    return await escalation.request_extension(session, actor, ticket.id, 7, "等待审批", now=MONDAY)


async def _decide_extension(session: AsyncSession, actor: Actor, ticket: Ticket, world: World, _: Path) -> object:
    request = await escalation.request_extension(session, world.staff.actor, ticket.id, 7, "等待审批", now=MONDAY)
    return await escalation.decide_extension(session, actor, request.id, True, None, now=MONDAY)


async def _remind(session: AsyncSession, actor: Actor, ticket: Ticket, world: World, _: Path) -> object:
    return await escalation.remind(session, actor, ticket.id, None, now=LATE)


async def _merge(session: AsyncSession, actor: Actor, ticket: Ticket, world: World, _: Path) -> object:
    target = await tickets.create_ticket(session, world.contact.actor, world.draft(), now=MONDAY)
    return await tickets.transition(
        session, actor, ticket.id, TransitionRequest(A.MARK_DUPLICATE, duplicate_of_id=target.id), now=MONDAY
    )


STARTED = (A.ACCEPT, A.START)
CASES = [
    Case("accept", (), transition(A.ACCEPT), HANDLERS),
    Case("reject", (), transition(A.REJECT), HANDLERS),
    Case("start", (A.ACCEPT,), transition(A.START), HANDLERS),
    Case("request_info", STARTED, transition(A.REQUEST_INFO), HANDLERS),
    Case("resume", (*STARTED, A.REQUEST_INFO), transition(A.RESUME), HANDLERS_OR_REQUESTERS),
    Case("resolve", STARTED, transition(A.RESOLVE), HANDLERS),
    Case("close", (*STARTED, A.RESOLVE), transition(A.CLOSE), REQUESTERS),
    Case("reopen", (*STARTED, A.RESOLVE), transition(A.REOPEN), REQUESTERS),
    Case("mark_duplicate", (), _merge, HANDLERS),
    Case("assign", (), _assign, HANDLERS),
    Case("public_reply", (), _reply, HANDLERS_OR_REQUESTERS),
    Case("internal_note", (), _note, STAFF_WRITERS),
    Case("watch", (), _watch, VIEWERS),
    Case("attach", (), _attach, HANDLERS_OR_REQUESTERS),
    Case("request_extension", STARTED, _request_extension, HANDLERS),
    Case("decide_extension", STARTED, _decide_extension, SUPERVISORS),
    Case("remind", STARTED, _remind, REMINDERS),
]


class RollBack(Exception):
    pass


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
async def test_role_by_operation(db: Database, case: Case, tmp_path: Path) -> None:
    world, foreign = await build_world(db), await build_world(db)
    ticket = await raise_ticket(db, world)
    for step in case.path:
        await act(db, world, world.staff, ticket, step)
    people = world.everyone() | {"foreign_admin": foreign.admin}
    park_of = {name: (foreign if name == "foreign_admin" else world).park.id for name in ROLES}
    outcomes = {}
    for name in ROLES:
        outcome = OK
        try:
            # Each attempt runs on the same state and is rolled back.
            async with db.transaction(park_of[name], people[name].user.id) as session:
                await case.operation(session, people[name].actor, ticket, world, tmp_path)
                raise RollBack
        except RollBack:
            pass
        except DomainError as exc:
            outcome = str(exc.code)
        outcomes[name] = outcome
    assert outcomes == dict(zip(ROLES, case.expected, strict=True))
