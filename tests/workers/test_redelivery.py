"""Events whose jobs Redis lost (a restart without persistence) are sent again, and take effect once."""

from datetime import timedelta

import pytest
from arq import ArqRedis
from arq.constants import default_queue_name, job_key_prefix

from redchain.infra.db import Database
from redchain.infra.settings import Settings
from redchain.services.permissions import Role
from redchain.workers.outbox import event_job_id, relay
from tests.factories import create_park
from tests.workers.conftest import run_worker_burst
from tests.workers.helpers import notifications_of, outbox_rows
from tests.workers.test_events import grant

AT_ONCE = timedelta(0)


@pytest.fixture
def db(isolated_db: Database) -> Database:
    """Redelivery scans every park's undone events: the module's own database makes its counts exact."""
    return isolated_db


async def lose_job(queue: ArqRedis, job_id: str) -> None:
    await queue.zrem(default_queue_name, job_id)
    await queue.delete(job_key_prefix + job_id)


async def test_a_relayed_event_whose_job_was_lost_is_sent_again_and_handled_once(
    db: Database, arq_pool: ArqRedis, isolated_settings: Settings
) -> None:
    park = await create_park(db)
    user, event = await grant(db, park, Role.AUDITOR)
    assert await relay(db, arq_pool) == 1
    await lose_job(arq_pool, event_job_id(event))

    assert await relay(db, arq_pool, redeliver_after=AT_ONCE) == 1
    assert await arq_pool.zscore(default_queue_name, event_job_id(event)) is not None
    await run_worker_burst(isolated_settings.redis_url or "")

    assert len(await notifications_of(db, park, user.id)) == 1
    [row] = await outbox_rows(db, park, event.event_type)
    assert row.done_at is not None and row.attempts == 2


async def test_a_done_event_is_never_sent_again(db: Database, arq_pool: ArqRedis, isolated_settings: Settings) -> None:
    park = await create_park(db)
    user, event = await grant(db, park, Role.AUDITOR)
    assert await relay(db, arq_pool) == 1
    await run_worker_burst(isolated_settings.redis_url or "")
    await lose_job(arq_pool, event_job_id(event))

    assert await relay(db, arq_pool, redeliver_after=AT_ONCE) == 0

    assert await arq_pool.zscore(default_queue_name, event_job_id(event)) is None
    [row] = await outbox_rows(db, park, event.event_type)
    assert row.attempts == 1
    assert len(await notifications_of(db, park, user.id)) == 1
