"""Event dispatch: each handler's effect happens once, however often the job runs."""

import asyncio
import uuid
from typing import Any

import pytest
import sqlalchemy as sa
from arq import ArqRedis, Retry
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from redchain.infra.db import Database
from redchain.infra.metrics import JOB_COUNTS_KEY
from redchain.infra.outbox import MalformedEvent, OutboxEvent, ProcessedEvent, UnknownEvent, parse_event
from redchain.services.actor import Grant
from redchain.services.permissions import Role
from redchain.services.tenancy import events as tenancy_events
from redchain.services.tenancy import service as tenancy
from redchain.services.tenancy.models import Tenant, User
from redchain.workers.events import EventOutcome, HandlersFailed, Received, dispatch, handle_event, on
from redchain.workers.main import WorkerSettings  # noqa: F401 - registers the real handlers
from tests.factories import actor_for, create_member, create_park
from tests.workers.helpers import Relayed, emit_events, notifications_of, outbox_rows


class Flaky(Relayed, name="test.flaky"):
    pass


class NobodyListens(Relayed, name="test.nobody_listens"):
    pass


flaky_calls: list[uuid.UUID] = []
steady_calls: list[uuid.UUID] = []


@on(Flaky)
async def fails_the_first_time(session: AsyncSession, event: Received[Flaky]) -> None:
    flaky_calls.append(event.event_id)
    if flaky_calls.count(event.event_id) == 1:
        raise RuntimeError("first delivery fails")


@on(Flaky)
async def always_works(session: AsyncSession, event: Received[Flaky]) -> None:
    steady_calls.append(event.event_id)


async def grant(db: Database, park: Tenant, role: Role = Role.AUDITOR) -> tuple[User, OutboxEvent]:
    """A real membership grant, committed with its outbox event, as the API does it."""
    admin, _ = await create_member(db, park, Role.PARK_ADMIN)
    async with db.transaction(park.id, admin.id) as session:
        result = await tenancy.grant_membership(
            session,
            actor_for(park, admin, Grant(Role.PARK_ADMIN)),
            f"{uuid.uuid4().hex[:8]}@example.cn",
            "李四",
            role,
            None,
            None,
            "A-long-enough-password",
        )
    [event] = await outbox_rows(db, park, tenancy_events.MembershipGranted.name)
    return result.user, event


def ctx_for(db: Database, queue: ArqRedis) -> dict[str, Any]:
    return {"db": db, "redis": queue, "job_try": 1}


async def test_membership_granted_notifies_the_grantee_once(db: Database, arq_pool: ArqRedis) -> None:
    park = await create_park(db)
    grantee, event = await grant(db, park, Role.FINANCE_OFFICER)
    ctx = ctx_for(db, arq_pool)

    first = await handle_event(ctx, str(park.id), str(event.id))
    second = await handle_event(ctx, str(park.id), str(event.id))

    assert (first, second) == (EventOutcome.HANDLED, EventOutcome.DUPLICATE)
    [notification] = await notifications_of(db, park, grantee.id)
    assert notification.kind == "MEMBERSHIP_GRANTED"
    assert notification.event_id == event.id
    assert notification.data["role"] == "FINANCE_OFFICER"


async def test_two_concurrent_runs_of_one_event_have_one_effect(db: Database) -> None:
    park = await create_park(db)
    grantee, event = await grant(db, park)

    outcomes = await asyncio.gather(*(dispatch(db, park.id, event.id) for _ in range(3)))

    assert sorted(outcomes) == sorted([EventOutcome.HANDLED, EventOutcome.DUPLICATE, EventOutcome.DUPLICATE])
    assert len(await notifications_of(db, park, grantee.id)) == 1


async def test_the_notification_key_holds_even_without_the_handler_guard(db: Database) -> None:
    # Second wall: with its processed_events row gone, the handler runs again, and the notification's
    # unique (event, recipient) key still keeps it single.
    park = await create_park(db)
    grantee, event = await grant(db, park)
    await dispatch(db, park.id, event.id)
    async with db.owner_transaction() as session:
        await session.execute(sa.delete(ProcessedEvent).where(col(ProcessedEvent.event_id) == event.id))

    assert await dispatch(db, park.id, event.id) is EventOutcome.HANDLED
    assert len(await notifications_of(db, park, grantee.id)) == 1


async def test_a_missing_event_is_a_counted_outcome_not_a_retry(db: Database, arq_pool: ArqRedis) -> None:
    park = await create_park(db)
    before = int(await arq_pool.hget(JOB_COUNTS_KEY, "handle_event:missing") or 0)

    outcome = await handle_event(ctx_for(db, arq_pool), str(park.id), str(uuid.uuid4()))

    assert outcome is EventOutcome.MISSING
    assert int(await arq_pool.hget(JOB_COUNTS_KEY, "handle_event:missing") or 0) == before + 1


async def test_an_event_of_another_park_is_missing(db: Database) -> None:
    park, other_park = await create_park(db), await create_park(db)
    _, event = await grant(db, park)

    assert await dispatch(db, other_park.id, event.id) is EventOutcome.MISSING


async def test_an_event_without_handlers_is_unhandled(db: Database) -> None:
    park = await create_park(db)
    [event_id] = await emit_events(db, park, 1, NobodyListens)

    assert await dispatch(db, park.id, event_id) is EventOutcome.UNHANDLED


async def test_a_failing_handler_is_retried_without_repeating_the_others(db: Database, arq_pool: ArqRedis) -> None:
    park = await create_park(db)
    [event_id] = await emit_events(db, park, 1, Flaky)
    ctx = ctx_for(db, arq_pool)
    retried_before = int(await arq_pool.hget(JOB_COUNTS_KEY, "handle_event:retried") or 0)

    with pytest.raises(Retry) as raised:
        await handle_event(ctx, str(park.id), str(event_id))
    assert isinstance(raised.value.__cause__, HandlersFailed)
    assert raised.value.__cause__.names == ["tests.workers.test_events.fails_the_first_time"]
    assert await handle_event(ctx, str(park.id), str(event_id)) is EventOutcome.HANDLED
    assert await handle_event(ctx, str(park.id), str(event_id)) is EventOutcome.DUPLICATE

    assert flaky_calls.count(event_id) == 2
    assert steady_calls.count(event_id) == 1
    assert int(await arq_pool.hget(JOB_COUNTS_KEY, "handle_event:retried") or 0) == retried_before + 1


def test_a_handler_name_is_registered_once() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        on(Flaky, name="tests.workers.test_events.always_works")(always_works)


def test_an_event_name_names_one_payload_type() -> None:
    with pytest.raises(ValueError, match="is taken"):
        type("Again", (Relayed,), {}, name=Flaky.name)


async def malformed(db: Database, park: Tenant, event_type: str, payload: dict[str, Any]) -> uuid.UUID:
    # Written past emit(), as a stale row or a bug would leave it.
    async with db.transaction(park.id) as session:
        row = OutboxEvent(tenant_id=park.id, event_type=event_type, payload=payload)
        session.add(row)
    return row.id


@pytest.mark.parametrize(
    "payload",
    [{}, {"n": "not a number"}, {"n": 1, "unexpected": True}],
    ids=["missing field", "wrong type", "unknown field"],
)
async def test_a_malformed_payload_fails_typed_before_any_handler(
    db: Database, arq_pool: ArqRedis, payload: dict[str, Any]
) -> None:
    park = await create_park(db)
    event_id = await malformed(db, park, Flaky.name, payload)
    failed_before = int(await arq_pool.hget(JOB_COUNTS_KEY, "handle_event:failed") or 0)

    with pytest.raises(MalformedEvent) as raised:
        await handle_event(ctx_for(db, arq_pool), str(park.id), str(event_id))

    assert raised.value.event_type == Flaky.name
    assert event_id not in flaky_calls + steady_calls
    assert int(await arq_pool.hget(JOB_COUNTS_KEY, "handle_event:failed") or 0) == failed_before + 1
    async with db.transaction(park.id) as session:
        processed = await session.scalar(
            sa.select(sa.func.count()).select_from(ProcessedEvent).where(col(ProcessedEvent.event_id) == event_id)
        )
    [row] = [r for r in await outbox_rows(db, park) if r.id == event_id]
    assert (processed, row.done_at) == (0, None)


async def test_a_real_handler_reads_no_malformed_grant(db: Database) -> None:
    park = await create_park(db)
    event_id = await malformed(db, park, tenancy_events.MembershipGranted.name, {"user_id": "nobody"})

    with pytest.raises(MalformedEvent):
        await dispatch(db, park.id, event_id)


def test_an_unknown_event_name_is_a_typed_error() -> None:
    with pytest.raises(UnknownEvent):
        parse_event(OutboxEvent(tenant_id=uuid.uuid4(), event_type="nobody.defined_this", payload={}))
