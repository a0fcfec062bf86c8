"""Per-request context: the authenticated actor, locale, DataLoaders and session discipline."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from litestar import Request
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader
from strawberry.litestar import BaseContext

from redchain.graphql.errors import ApiError, ErrorCode
from redchain.infra.db import Database
from redchain.infra.security import AuthVersions
from redchain.infra.settings import Settings
from redchain.services.actor import Actor, Principal

L = TypeVar("L", bound=DataLoader[Any, Any])


@dataclass
class AppState:
    """Process-wide resources, created at startup (never at import: engines bind to the event loop)."""

    settings: Settings
    db: Database
    redis: Redis


def request_locale(request: Request[Any, Any, Any]) -> str:
    return "en" if request.headers.get("accept-language", "").lower().startswith("en") else "zh"


class Context(BaseContext, kw_only=True):
    state: AppState
    principal: Principal | None  # who signed in; a platform admin may not have chosen a park yet
    locale: str
    client_ip: str
    loaders: dict[type, DataLoader[Any, Any]] = {}
    # Kind of personal data -> values shown unmasked in this request; one audit entry per kind at the end.
    personal_data_reads: dict[str, int] = {}

    def note_personal_data_read(self, kind: str) -> None:
        self.personal_data_reads[kind] = self.personal_data_reads.get(kind, 0) + 1

    @property
    def actor(self) -> Actor | None:
        """The park-bound actor every service takes; None when anonymous or before a park is chosen."""
        return self.principal.in_park() if self.principal else None

    def require_principal(self) -> Principal:
        """For platform fields (parks, the viewer): a signed-in caller, in a park or not."""
        if self.principal is None:
            raise ApiError(ErrorCode.UNAUTHENTICATED, self.locale)
        return self.principal

    def require_actor(self) -> Actor:
        actor = self.require_principal().in_park()
        if actor is None:
            raise ApiError(ErrorCode.FORBIDDEN, self.locale)
        return actor

    def loader(self, loader_type: type[L]) -> L:
        """One instance of each DataLoader per request, so batching and caching span the query."""
        if loader_type not in self.loaders:
            self.loaders[loader_type] = loader_type(self)  # type: ignore[call-arg, call-overload]
        return self.loaders[loader_type]  # type: ignore[return-value]

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        """A short transaction of its own: sibling resolvers run concurrently and must not share one."""
        principal = self.principal
        async with self.state.db.transaction(
            principal.tenant_id if principal else None, principal.user_id if principal else None
        ) as session:
            yield session

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[AsyncSession]:
        # Mutations run one after another (GraphQL spec), each in its own transaction.
        async with self.read() as session:
            yield session
        # Committed: from now on older tokens of the users whose authorization changed are refused.
        await AuthVersions(self.state.redis, self.state.settings.auth_version_cache_seconds).publish(session)
