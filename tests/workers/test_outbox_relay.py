"""The relay: pending outbox rows become one arq job each (job ID = event ID) and are marked sent."""

import uuid
from datetime import timedelta

import pytest
import sqlalchemy as sa
from arq import ArqRedis
from arq.constants import default_queue_name
from arq.jobs import Job
from sqlmodel import col

from redchain.infra.db import Database
from redchain.infra.outbox import OutboxEvent
from redchain.workers.outbox import enqueue_event, relay
from tests.factories import create_park
from tests.workers.helpers import emit_events, outbox_rows

NEVER = timedelta(days=365)


@pytest.fixture
def db(isolated_db: Database) -> Database:
    """The relay scans every park: the module's own database makes its counts exact."""
    return isolated_db


async def queued(queue: ArqRedis, event_id: uuid.UUID) -> bool:
    return await queue.zscore(default_queue_name, f"event:{event_id}") is not None


async def make_pending_again(db: Database, event_id: uuid.UUID) -> None:
    # As if a relay had enqueued the job and then died before its commit.
    async with db.owner_transaction() as session:
        await session.execute(sa.update(OutboxEvent).where(col(OutboxEvent.id) == event_id).values(sent_at=None))


async def test_relay_enqueues_one_job_per_pending_event_and_marks_it_sent(db: Database, arq_pool: ArqRedis) -> None:
    park = await create_park(db)
    event_ids = await emit_events(db, park, 3)

    relayed = await relay(db, arq_pool)

    assert relayed == 3
    for event_id in event_ids:
        assert await queued(arq_pool, event_id)
        info = await Job(f"event:{event_id}", arq_pool).info()
        assert info is not None
        assert (info.function, info.args) == ("handle_event", (str(park.id), str(event_id)))
    rows = await outbox_rows(db, park)
    assert all(row.sent_at is not None and row.attempts == 1 for row in rows)


async def test_a_second_relay_run_enqueues_nothing_new(db: Database, arq_pool: ArqRedis) -> None:
    park = await create_park(db)
    await emit_events(db, park, 2)
    assert await relay(db, arq_pool) == 2
    depth = await arq_pool.zcard(default_queue_name)

    # Only pending events: redelivering lost jobs is tested apart.
    assert await relay(db, arq_pool, redeliver_after=NEVER) == 0
    assert await arq_pool.zcard(default_queue_name) == depth


async def test_the_same_event_enqueued_twice_is_one_job(db: Database, arq_pool: ArqRedis) -> None:
    park = await create_park(db)
    [event_id] = await emit_events(db, park, 1)
    [event] = await outbox_rows(db, park)

    assert await enqueue_event(arq_pool, event) is not None
    assert await enqueue_event(arq_pool, event) is None
    depth = await arq_pool.zcard(default_queue_name)
    assert await relay(db, arq_pool, redeliver_after=NEVER) == 1
    await make_pending_again(db, event_id)
    assert await relay(db, arq_pool, redeliver_after=NEVER) == 1

    assert await arq_pool.zcard(default_queue_name) == depth
    assert await queued(arq_pool, event_id)
    [row] = await outbox_rows(db, park)
    assert row.sent_at is not None


async def test_relay_works_through_every_batch_oldest_first(db: Database, arq_pool: ArqRedis) -> None:
    park = await create_park(db)
    event_ids = await emit_events(db, park, 5)

    assert await relay(db, arq_pool, batch_size=2) == 5

    scores = [await arq_pool.zscore(default_queue_name, f"event:{event_id}") for event_id in event_ids]
    assert None not in scores
    assert scores == sorted(scores)  # type: ignore[type-var]
    assert all(row.sent_at is not None for row in await outbox_rows(db, park))


async def test_a_row_locked_by_another_relay_is_skipped_not_waited_for(db: Database, arq_pool: ArqRedis) -> None:
    park = await create_park(db)
    held, free = await emit_events(db, park, 2)

    async with db.owner_transaction() as other_relay:
        await other_relay.execute(sa.select(OutboxEvent).where(col(OutboxEvent.id) == held).with_for_update())
        assert await relay(db, arq_pool, redeliver_after=NEVER) == 1

        assert await queued(arq_pool, free)
        assert not await queued(arq_pool, held)

    assert await relay(db, arq_pool, redeliver_after=NEVER) == 1
    assert await queued(arq_pool, held)
