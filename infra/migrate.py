"""Schema migrations and database roles, run with the owner connection."""

import asyncio
import uuid
from pathlib import Path

import asyncpg
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import make_url

from redchain.infra.db import async_url
from redchain.infra.settings import Settings

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(owner_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", async_url(owner_url).render_as_string(hide_password=False))
    return config


def _dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def ensure_app_role(owner_url: str, settings: Settings) -> None:
    """The app role owns nothing, so row-level security applies to it; it may not rewrite the audit log."""
    role = settings.app_db_role
    conn = await asyncpg.connect(_dsn(owner_url))
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", role)
        if not exists:
            password = settings.app_db_password.get_secret_value().replace("'", "''")
            await conn.execute(f"CREATE ROLE \"{role}\" LOGIN PASSWORD '{password}'")
        database = await conn.fetchval("SELECT current_database()")
        await conn.execute(f'GRANT CONNECT ON DATABASE "{database}" TO "{role}"')
        await conn.execute(f'GRANT USAGE ON SCHEMA public TO "{role}"')
        await conn.execute(f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{role}"')
        await conn.execute(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "{role}"')
        await conn.execute(f'REVOKE UPDATE, DELETE ON audit_log FROM "{role}"')
        await conn.execute(f'REVOKE UPDATE, DELETE ON fund_ledger FROM "{role}"')
        await conn.execute(f'REVOKE UPDATE, DELETE ON holiday_calendar_changes FROM "{role}"')
        await conn.execute(f'REVOKE ALL ON alembic_version FROM "{role}"')
    finally:
        await conn.close()


def upgrade(owner_url: str, settings: Settings) -> None:
    command.upgrade(alembic_config(owner_url), "heads")
    asyncio.run(ensure_app_role(owner_url, settings))


def check(owner_url: str) -> None:
    """Fails when the models and the migrations disagree (run in CI on a scratch database)."""
    command.check(alembic_config(owner_url))


def revision(owner_url: str, message: str) -> None:
    command.revision(alembic_config(owner_url), message=message, autogenerate=True)


async def create_database(server_url: str, prefix: str, template: str | None = None) -> str:
    """A fresh, uniquely named database on the server (a copy of `template`, if named); returns its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(_dsn(server_url))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    finally:
        await conn.close()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


async def ensure_database(server_url: str, name: str) -> str:
    conn = await asyncpg.connect(_dsn(server_url))
    try:
        if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


async def drop_database(server_url: str, database_url: str) -> None:
    name = make_url(database_url).database
    conn = await asyncpg.connect(_dsn(server_url))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()
