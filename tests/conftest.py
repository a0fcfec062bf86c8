"""Test infrastructure: our own PostgreSQL database and Redis server, migrated once per run.

Nothing here touches data the suite did not create: the database is new (and dropped at the end) and
Redis is a server started for the run. Tests isolate by creating their own parks (tenants); a module whose
tests read across parks (sweeps, relays) takes `isolated_db`, a database of its own, and counts exactly.
"""

import asyncio
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis
from sqlalchemy.engine import make_url

from redchain.infra import devservers, migrate
from redchain.infra.db import Database
from redchain.infra.payments.settings import get_payment_settings
from redchain.infra.settings import Settings, get_settings


@pytest.fixture(scope="session")
def servers() -> Iterator[dict[str, str]]:
    """A PostgreSQL server (TEST_DATABASE_URL's, or an embedded one) and an embedded Redis."""
    workdir = Path(tempfile.mkdtemp(prefix="redchain-test-"))
    owned: list[devservers.ServerProcess] = []
    try:
        server_url = os.environ.get("TEST_DATABASE_URL")
        if not server_url:
            pg = devservers.start_postgres(workdir / "postgres")
            owned.append(pg)
            server_url = pg.url
        redis = devservers.start_redis(workdir / "redis")
        owned.append(redis)
        yield {"postgres": server_url, "redis": redis.url, "workdir": str(workdir)}
    finally:
        for server in reversed(owned):
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def settings(servers: dict[str, str]) -> Iterator[Settings]:
    database_url = asyncio.run(migrate.create_database(servers["postgres"], "redchain_test"))
    os.environ.update(
        DATABASE_URL=database_url,
        REDIS_URL=servers["redis"],
        JWT_SECRET="test-secret-that-is-long-enough-for-hs256",
        ID_CARD_PEPPER="test-id-card-pepper",
        PAYEE_ENCRYPTION_KEY="dGVzdC1wYXllZS1rZXktMzItYnl0ZXMtbG9uZy0hISE=",
        DEBUG="false",
        # Every test request comes from one address; the per-IP login limit is tested with its own app.
        LOGIN_ATTEMPTS_PER_IP="1000000",
    )
    get_settings.cache_clear()
    get_payment_settings.cache_clear()
    settings = get_settings()
    migrate.upgrade(database_url, settings)
    yield settings
    asyncio.run(migrate.drop_database(servers["postgres"], database_url))


@pytest_asyncio.fixture(scope="session")
async def db(settings: Settings) -> AsyncIterator[Database]:
    assert settings.database_url
    database = Database.connect(settings, settings.database_url)
    yield database
    await database.dispose()


@pytest_asyncio.fixture(scope="session")
async def redis(settings: Settings) -> AsyncIterator[Redis]:
    assert settings.redis_url
    client = Redis.from_url(settings.redis_url)
    yield client
    await client.aclose()


@pytest_asyncio.fixture(scope="session")
async def client(settings: Settings) -> AsyncIterator[AsyncTestClient[Any]]:
    from redchain.graphql.app import create_app

    async with AsyncTestClient(app=create_app()) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def migrated_template(servers: dict[str, str], settings: Settings) -> Iterator[str]:
    """A migrated database nobody connects to: copying it is much cheaper than migrating a new one."""
    url = asyncio.run(migrate.create_database(servers["postgres"], "redchain_template"))
    migrate.upgrade(url, settings)
    yield str(make_url(url).database)
    asyncio.run(migrate.drop_database(servers["postgres"], url))


@pytest_asyncio.fixture(scope="module")
async def isolated_database_url(
    servers: dict[str, str], settings: Settings, migrated_template: str
) -> AsyncIterator[str]:
    """A database of the module's own, so a test that scans every park sees only the module's rows."""
    url = await migrate.create_database(servers["postgres"], "redchain_isolated", template=migrated_template)
    await migrate.ensure_app_role(url, settings)  # database-level grants are not copied with the template
    yield url
    await migrate.drop_database(servers["postgres"], url)


@pytest_asyncio.fixture(scope="module")
async def isolated_db(settings: Settings, isolated_database_url: str) -> AsyncIterator[Database]:
    database = Database.connect(settings, isolated_database_url)
    yield database
    await database.dispose()


@pytest.fixture
def isolated_settings(isolated_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The settings a worker (or an app) started in the test reads, pointing at the isolated database."""
    current = get_settings()
    monkeypatch.setattr(current, "database_url", isolated_database_url)
    return current
