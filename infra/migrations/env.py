"""Alembic environment: runs migrations with the owner connection given by infra.migrate."""

import asyncio

from alembic import context
from sqlalchemy.ext.asyncio import create_async_engine

from redchain.infra.model_registry import metadata

config = context.config


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


async def _run_async() -> None:
    engine = create_async_engine(config.get_main_option("sqlalchemy.url") or "")
    async with engine.connect() as connection:
        await connection.run_sync(_run)
    await engine.dispose()


asyncio.run(_run_async())
