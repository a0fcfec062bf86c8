"""DataLoaders of the tenancy context."""

import uuid
from collections.abc import Iterable

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.graphql.dataloaders import EntityLoader
from redchain.services.actor import Actor
from redchain.services.tenancy import service as tenancy
from redchain.services.tenancy.models import Tenant, User


class UserByIdLoader(EntityLoader[User]):
    async def fetch(self, session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]) -> Iterable[User]:
        return await tenancy.users_by_ids(session, ids)


class ParkByIdLoader(EntityLoader[Tenant]):
    async def fetch(self, session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]) -> Iterable[Tenant]:
        return await tenancy.parks_by_ids(session, ids)
