"""Worker test helpers: an arq pool on a Redis server, and a worker run in burst mode in-process."""

from collections.abc import AsyncIterator

import pytest_asyncio
from arq import ArqRedis, create_pool
from arq.connections import RedisSettings
from arq.worker import Worker, create_worker

from redchain.infra.settings import Settings
from redchain.workers.main import WorkerSettings


async def arq_pool_at(redis_url: str) -> ArqRedis:
    return await create_pool(RedisSettings.from_dsn(redis_url))


@pytest_asyncio.fixture
async def arq_pool(settings: Settings) -> AsyncIterator[ArqRedis]:
    assert settings.redis_url
    pool = await arq_pool_at(settings.redis_url)
    yield pool
    await pool.aclose()


async def run_worker_burst(redis_url: str) -> Worker:
    """Runs the real worker (its functions, start-up and shut-down) until the queue is empty. The
    per-second relay cron is left out so each test decides when the relay runs. Jobs that other tests
    left in a shared queue may run too: assert on effects, or on counts only with a Redis of your own."""
    worker = create_worker(
        WorkerSettings,
        redis_pool=await arq_pool_at(redis_url),
        burst=True,
        handle_signals=False,
        poll_delay=0.01,
        cron_jobs=None,
    )
    try:
        await worker.async_run()
    finally:
        await worker.close()
    return worker
