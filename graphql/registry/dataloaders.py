"""DataLoaders of the registry: each batch is one short read transaction and one SQL statement, scoped to
the request's actor (what it may not see comes back as None or is left out of a list)."""

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from redchain.graphql.dataloaders import EntityLoader
from redchain.services.actor import Actor
from redchain.services.registry import service as registry
from redchain.services.registry.models import (
    Enterprise,
    IndustryChain,
    MemberTransfer,
    PartyMember,
    PartyOrganization,
)
from redchain.services.tenancy import service as tenancy
from redchain.services.tenancy.models import User

V = TypeVar("V")


class IndustryChainByIdLoader(EntityLoader[IndustryChain]):
    async def fetch(self, session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]) -> Iterable[IndustryChain]:
        return await registry.chains_by_ids(session, actor, ids) if actor else []


class EnterpriseByIdLoader(EntityLoader[Enterprise]):
    async def fetch(self, session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]) -> Iterable[Enterprise]:
        return await registry.enterprises_by_ids(session, actor, ids) if actor else []


class PartyOrganizationByIdLoader(EntityLoader[PartyOrganization]):
    async def fetch(
        self, session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]
    ) -> Iterable[PartyOrganization]:
        return await registry.organizations_by_ids(session, actor, ids) if actor else []


class PartyMemberByIdLoader(EntityLoader[PartyMember]):
    async def fetch(self, session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]) -> Iterable[PartyMember]:
        return await registry.members_by_ids(session, actor, ids) if actor else []


class MemberTransferByIdLoader(EntityLoader[MemberTransfer]):
    async def fetch(self, session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]) -> Iterable[MemberTransfer]:
        return await registry.transfers_by_ids(session, actor, ids) if actor else []


class _ManyLoader(DataLoader[uuid.UUID, list[V]], Generic[V]):
    """Key → the (possibly empty) list of rows related to it, in one statement per batch."""

    def __init__(self, context: Any) -> None:
        self.context = context
        super().__init__(load_fn=self._load)

    async def fetch(self, session: AsyncSession, actor: Actor, keys: list[uuid.UUID]) -> Iterable[tuple[uuid.UUID, V]]:
        raise NotImplementedError

    async def _load(self, keys: Sequence[uuid.UUID]) -> list[list[V]]:
        actor = self.context.actor
        grouped: dict[uuid.UUID, list[V]] = defaultdict(list)
        if actor is not None:
            async with self.context.read() as session:
                for key, value in await self.fetch(session, actor, list(set(keys))):
                    grouped[key].append(value)
        return [grouped.get(key, []) for key in keys]


class OrganizationsByEnterpriseIdLoader(_ManyLoader[PartyOrganization]):
    async def fetch(
        self, session: AsyncSession, actor: Actor, keys: list[uuid.UUID]
    ) -> Iterable[tuple[uuid.UUID, PartyOrganization]]:
        return await registry.organizations_of_enterprises(session, actor, keys)


class EnterprisesByOrganizationIdLoader(_ManyLoader[Enterprise]):
    async def fetch(
        self, session: AsyncSession, actor: Actor, keys: list[uuid.UUID]
    ) -> Iterable[tuple[uuid.UUID, Enterprise]]:
        return await registry.enterprises_of_organizations(session, actor, keys)


async def _officers_of(session: AsyncSession, actor: Actor, keys: list[uuid.UUID]) -> list[tuple[uuid.UUID, User]]:
    """Registry knows who is posted where, tenancy who they are: by enterprise, then by name."""
    pairs = await registry.liaison_officers_of_enterprises(session, actor, keys)
    users = {u.id: u for u in await tenancy.users_by_ids(session, list({officer for _, officer in pairs}))}
    found = [(enterprise_id, users[officer]) for enterprise_id, officer in pairs if officer in users]
    return sorted(found, key=lambda pair: (pair[0], pair[1].display_name, pair[1].id))


class LiaisonOfficersByEnterpriseIdLoader(_ManyLoader[User]):
    async def fetch(
        self, session: AsyncSession, actor: Actor, keys: list[uuid.UUID]
    ) -> Iterable[tuple[uuid.UUID, User]]:
        return await _officers_of(session, actor, keys)


class TransfersByMemberIdLoader(_ManyLoader[MemberTransfer]):
    async def fetch(
        self, session: AsyncSession, actor: Actor, keys: list[uuid.UUID]
    ) -> Iterable[tuple[uuid.UUID, MemberTransfer]]:
        return [(t.member_id, t) for t in await registry.transfers_of_members(session, actor, keys)]


class _CountLoader(DataLoader[uuid.UUID, int]):
    def __init__(self, context: Any) -> None:
        self.context = context
        super().__init__(load_fn=self._load)

    async def fetch(self, session: AsyncSession, actor: Actor, keys: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        raise NotImplementedError

    async def _load(self, keys: Sequence[uuid.UUID]) -> list[int]:
        counts: dict[uuid.UUID, int] = {}
        if self.context.actor is not None:
            async with self.context.read() as session:
                counts = await self.fetch(session, self.context.actor, list(set(keys)))
        return [counts.get(key, 0) for key in keys]


class MemberCountByOrganizationIdLoader(_CountLoader):
    async def fetch(self, session: AsyncSession, actor: Actor, keys: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        return await registry.member_counts_by_organization(session, actor, keys)


class MemberCountByEnterpriseIdLoader(_CountLoader):
    async def fetch(self, session: AsyncSession, actor: Actor, keys: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        return await registry.member_counts_by_enterprise(session, actor, keys)


def _grouped(keys: Iterable[uuid.UUID], pairs: Iterable[tuple[uuid.UUID, V]]) -> dict[uuid.UUID, list[V]]:
    grouped: dict[uuid.UUID, list[V]] = {key: [] for key in keys}
    for key, value in pairs:
        grouped[key].append(value)
    return grouped


@dataclass
class EnterpriseRelations:
    """The relations a page of enterprises asks for, read with the page in its own read transaction, so each
    node's relation fields are plain attributes instead of a DataLoader await per node (the hot list: 2.4x
    cheaper to execute). A relation left None was not asked for; those nodes fall back to the loaders."""

    chains: dict[uuid.UUID, IndustryChain] | None = None
    organizations: dict[uuid.UUID, list[PartyOrganization]] | None = None
    officers: dict[uuid.UUID, list[User]] | None = None

    async def load(
        self, session: AsyncSession, actor: Actor, enterprises: Sequence[Enterprise], fields: set[str]
    ) -> None:
        ids = [e.id for e in enterprises]
        if "chain" in fields:
            chain_ids = {e.chain_id for e in enterprises if e.chain_id is not None}
            self.chains = {c.id: c for c in await registry.chains_by_ids(session, actor, list(chain_ids))}
        if fields & {"organizations", "isCovered"}:
            self.organizations = _grouped(ids, await registry.organizations_of_enterprises(session, actor, ids))
        if "liaisonOfficers" in fields:
            self.officers = _grouped(ids, await _officers_of(session, actor, ids))
