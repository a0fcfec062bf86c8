"""Issue #2: with Redis stopped, mutations still succeed and events wait; when Redis returns they are
delivered exactly once to the handler's effect. The Redis stopped here is one this test started."""

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from arq.constants import default_queue_name
from redis.exceptions import RedisError

from redchain.infra import devservers
from redchain.infra.db import Database
from redchain.infra.metrics import JOB_COUNTS_KEY
from redchain.infra.settings import Settings
from redchain.services.actor import Grant
from redchain.services.permissions import Role
from redchain.services.tenancy import events as tenancy_events
from redchain.services.tenancy import service as tenancy
from redchain.workers.outbox import relay
from tests.factories import actor_for, create_member, create_park
from tests.workers.conftest import arq_pool_at, run_worker_burst
from tests.workers.helpers import notifications_of, outbox_rows

pytestmark = pytest.mark.slow


class OwnRedis:
    """A Redis server of this test's own, restartable on the same port."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir, self.port = data_dir, devservers.free_port()
        self.server: devservers.ServerProcess | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.server = devservers.start_redis(self.data_dir, port=self.port)

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()


@pytest.fixture
def db(isolated_db: Database) -> Database:
    """The relay scans every park: the module's own database makes its counts exact."""
    return isolated_db


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[OwnRedis]:
    redis = OwnRedis(tmp_path / "redis")
    redis.start()
    try:
        yield redis
    finally:
        redis.stop()


async def test_events_wait_out_a_redis_outage_and_take_effect_once(
    db: Database, own_redis: OwnRedis, isolated_settings: Settings
) -> None:
    queue = await arq_pool_at(own_redis.url)
    try:
        park = await create_park(db)
        admin, _ = await create_member(db, park, Role.PARK_ADMIN)
        actor = actor_for(park, admin, Grant(Role.PARK_ADMIN))
        own_redis.stop()

        # Mutations succeed while Redis is down: their events are rows in PostgreSQL.
        grantees = []
        for n in range(3):
            async with db.transaction(park.id, admin.id) as session:
                result = await tenancy.grant_membership(
                    session,
                    actor,
                    f"{uuid.uuid4().hex[:8]}@example.cn",
                    f"成员{n}",
                    Role.AUDITOR,
                    None,
                    None,
                    "A-long-password",
                )
            grantees.append(result.user.id)

        with pytest.raises(RedisError):
            await relay(db, queue)
        events = await outbox_rows(db, park, tenancy_events.MembershipGranted.name)
        assert len(events) == 3
        assert all(event.sent_at is None for event in events)

        own_redis.start()  # empty: whatever it held before is gone, the outbox is the record
        relayed = await relay(db, queue)
        worker = await run_worker_burst(own_redis.url)
        assert relayed == 3
        assert (worker.jobs_complete, worker.jobs_failed) == (relayed, 0)
        # Again, and a duplicate delivery under another job ID: nothing new happens.
        assert await relay(db, queue, redeliver_after=timedelta(days=365)) == 0
        await queue.enqueue_job("handle_event", str(park.id), str(events[0].id), _job_id=f"redelivery:{uuid.uuid4()}")
        worker = await run_worker_burst(own_redis.url)
        assert (worker.jobs_complete, worker.jobs_failed) == (1, 0)

        for grantee in grantees:
            [notification] = await notifications_of(db, park, grantee)
            assert notification.kind == "MEMBERSHIP_GRANTED"
        assert all(event.sent_at is not None for event in await outbox_rows(db, park))
        assert await queue.zcard(default_queue_name) == 0
        assert int(await queue.hget(JOB_COUNTS_KEY, "handle_event:duplicate") or 0) == 1
        assert int(await queue.hget(JOB_COUNTS_KEY, "handle_event:handled") or 0) == 3
    finally:
        await queue.aclose()
