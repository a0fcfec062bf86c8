"""Engines and transactions. Tenant work runs as the app role with `app.tenant_id` set per transaction."""

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from redchain.infra.settings import PoolerMode, Settings


def async_url(url: str) -> sa.URL:
    return make_url(url).set(drivername="postgresql+asyncpg")


def app_role_url(settings: Settings, owner_url: str) -> sa.URL:
    return async_url(owner_url).set(username=settings.app_db_role, password=settings.app_db_password.get_secret_value())


def make_engine(url: sa.URL, settings: Settings, pool_size: int | None = None) -> AsyncEngine:
    connect_args: dict[str, object] = {"server_settings": {"jit": "off"}}
    if settings.pooler_mode is PoolerMode.TRANSACTION:
        # PgBouncer in transaction mode cannot keep prepared statements across transactions.
        connect_args["statement_cache_size"] = 0
    return create_async_engine(
        url,
        pool_size=pool_size or settings.db_pool_size,
        max_overflow=settings.db_pool_size,
        pool_pre_ping=False,
        connect_args=connect_args,
    )


SET_CONTEXT = sa.text("SELECT set_config('app.tenant_id', :tenant, true), set_config('app.user_id', :user, true)")


@dataclass
class Database:
    """The app-role engine (RLS applies) and the owner engine (migrations and the outbox relay only)."""

    app_engine: AsyncEngine
    owner_engine: AsyncEngine

    @classmethod
    def connect(cls, settings: Settings, owner_url: str) -> "Database":
        return cls(
            app_engine=make_engine(app_role_url(settings, owner_url), settings),
            owner_engine=make_engine(async_url(owner_url), settings, pool_size=2),
        )

    @property
    def sessionmaker(self) -> async_sessionmaker[AsyncSession]:
        return async_sessionmaker(self.app_engine, expire_on_commit=False, autoflush=False)

    @asynccontextmanager
    async def transaction(
        self, tenant_id: uuid.UUID | None = None, user_id: uuid.UUID | None = None
    ) -> AsyncIterator[AsyncSession]:
        """One unit of work: commits if the block returns, rolls back if it raises.

        `set_config(..., true)` is transaction-local (like SET LOCAL), so it is safe behind PgBouncer.
        """
        async with self.sessionmaker() as session, session.begin():
            await set_context(session, tenant_id, user_id)
            yield session

    @asynccontextmanager
    async def owner_transaction(self) -> AsyncIterator[AsyncSession]:
        maker = async_sessionmaker(self.owner_engine, expire_on_commit=False, autoflush=False)
        async with maker() as session, session.begin():
            yield session

    async def dispose(self) -> None:
        await self.app_engine.dispose()
        await self.owner_engine.dispose()


async def set_context(session: AsyncSession, tenant_id: uuid.UUID | None, user_id: uuid.UUID | None) -> None:
    """Switches the transaction's park and user, e.g. once login has found who is asking."""
    await session.execute(
        SET_CONTEXT, {"tenant": str(tenant_id) if tenant_id else "", "user": str(user_id) if user_id else ""}
    )
