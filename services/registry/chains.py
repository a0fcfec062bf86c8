"""Industry chains (产业链党委): created, renamed and archived by the park; each may have a secretary."""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra import outbox
from redchain.infra.pagination import Page, PageRequest
from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.errors import NotFound
from redchain.services.permissions import Perm
from redchain.services.registry import events
from redchain.services.registry.errors import (
    Archived,
    ChainArchived,
    ChainNotEmpty,
    DuplicateChainName,
    NotChainStaff,
)
from redchain.services.registry.models import IndustryChain
from redchain.services.registry.policies import require, require_manage_chain
from redchain.services.registry.repository import ChainRepository, EnterpriseRepository
from redchain.services.registry.validation import optional_text, required_text
from redchain.services.updates import UNSET, Unset

# The reference park's six chain committees (seed 003), in its order.
REFERENCE_CHAINS = ("新材料", "大健康", "先进制造", "移动互联网", "电子信息", "新能源与节能环保")
CHAIN_FIELDS = ("name", "description", "sort_order", "secretary_user_id", "archived_at")


async def seed_reference_chains(session: AsyncSession, tenant_id: uuid.UUID) -> list[IndustryChain]:
    """Adds whichever reference chains the park lacks (idempotent); part of creating a park."""
    repo = ChainRepository(session)
    existing = {chain.name for chain in await repo.chains_of_park(tenant_id)}
    added = [
        IndustryChain(tenant_id=tenant_id, name=name, sort_order=i)
        for i, name in enumerate(REFERENCE_CHAINS, start=1)
        if name not in existing
    ]
    await repo.add(*added)
    return added


async def create_chain(
    session: AsyncSession, actor: Actor, name: str, description: str | None = None, sort_order: int | None = None
) -> IndustryChain:
    require(actor, Perm.CHAINS_MANAGE)
    repo = ChainRepository(session)
    name = required_text("name", name, 100)
    chains = await repo.chains_of_park(actor.tenant_id)
    if any(chain.name == name for chain in chains):
        raise DuplicateChainName("name")
    chain = IndustryChain(
        tenant_id=actor.tenant_id,
        name=name,
        description=optional_text("description", description, 1000),
        sort_order=sort_order if sort_order is not None else max((c.sort_order for c in chains), default=0) + 1,
    )
    await repo.add(chain)
    audit.record(
        session, actor, "industry_chain.create", "IndustryChain", chain.id, after=audit.snapshot(chain, *CHAIN_FIELDS)
    )
    return chain


async def _chain_for_change(repo: ChainRepository, actor: Actor, chain_id: uuid.UUID) -> IndustryChain:
    chain = await repo.chain(actor, chain_id, for_update=True)
    if chain is None:
        raise NotFound("id")
    if chain.archived_at is not None:
        raise Archived("id")
    return chain


async def update_chain(
    session: AsyncSession,
    actor: Actor,
    chain_id: uuid.UUID,
    name: str | Unset = UNSET,
    description: str | Unset | None = UNSET,
    sort_order: int | Unset = UNSET,
) -> IndustryChain:
    """Rename, describe or reorder a chain."""
    require(actor, Perm.CHAINS_MANAGE)
    repo = ChainRepository(session)
    chain = await _chain_for_change(repo, actor, chain_id)
    before = audit.snapshot(chain, *CHAIN_FIELDS)
    if not isinstance(name, Unset):
        name = required_text("name", name, 100)
        other = await repo.chain_by_name(actor.tenant_id, name)
        if other is not None and other.id != chain.id:
            raise DuplicateChainName("name")
        chain.name = name
    if not isinstance(description, Unset):
        chain.description = optional_text("description", description, 1000)
    if not isinstance(sort_order, Unset):
        chain.sort_order = sort_order
    audit.record(
        session,
        actor,
        "industry_chain.update",
        "IndustryChain",
        chain.id,
        before=before,
        after=audit.snapshot(chain, *CHAIN_FIELDS),
    )
    return chain


async def archive_chain(session: AsyncSession, actor: Actor, chain_id: uuid.UUID) -> IndustryChain:
    """Only an empty chain is archived: its enterprises move to another chain (or are archived) first."""
    require(actor, Perm.CHAINS_MANAGE)
    repo = ChainRepository(session)
    chain = await _chain_for_change(repo, actor, chain_id)
    live = await EnterpriseRepository(session).count_live_enterprises_in_chain(actor.tenant_id, chain.id)
    if live:
        raise ChainNotEmpty("id", count=live)
    before = audit.snapshot(chain, *CHAIN_FIELDS)
    chain.archived_at = datetime.now(UTC)
    audit.record(
        session,
        actor,
        "industry_chain.archive",
        "IndustryChain",
        chain.id,
        before=before,
        after=audit.snapshot(chain, *CHAIN_FIELDS),
    )
    outbox.emit(session, actor.tenant_id, events.ChainArchived(chain_id=chain.id))
    return chain


async def set_chain_secretary(
    session: AsyncSession, actor: Actor, chain_id: uuid.UUID, user_id: uuid.UUID | None
) -> IndustryChain:
    """The chain committee's secretary (书记) is a person holding CHAIN_STAFF for this chain; None clears."""
    require(actor, Perm.CHAINS_MANAGE)
    repo = ChainRepository(session)
    chain = await _chain_for_change(repo, actor, chain_id)
    if user_id is not None and not await repo.holds_chain_staff(actor.tenant_id, user_id, chain.id):
        raise NotChainStaff("userId")
    before = audit.snapshot(chain, *CHAIN_FIELDS)
    chain.secretary_user_id = user_id
    audit.record(
        session,
        actor,
        "industry_chain.set_secretary",
        "IndustryChain",
        chain.id,
        before=before,
        after=audit.snapshot(chain, *CHAIN_FIELDS),
    )
    return chain


async def get_chain(session: AsyncSession, actor: Actor, chain_id: uuid.UUID) -> IndustryChain | None:
    return await ChainRepository(session).chain(actor, chain_id)


async def chains_by_ids(session: AsyncSession, actor: Actor, ids: Sequence[uuid.UUID]) -> list[IndustryChain]:
    return await ChainRepository(session).chains(actor, ids)


async def list_chains(
    session: AsyncSession, actor: Actor, page: PageRequest, include_archived: bool = False
) -> Page[IndustryChain]:
    return await ChainRepository(session).page_chains(actor, page, include_archived)


async def count_chains(session: AsyncSession, actor: Actor, include_archived: bool = False) -> int:
    return await ChainRepository(session).count_chains(actor, include_archived)


async def chains_by_name(session: AsyncSession, actor: Actor) -> dict[str, IndustryChain]:
    """The park's live chains by name, e.g. to resolve a spreadsheet's chain column."""
    return {chain.name: chain for chain in await ChainRepository(session).chains(actor, include_archived=False)}


async def park_chains(session: AsyncSession, actor: Actor) -> dict[uuid.UUID, IndustryChain]:
    return {chain.id: chain for chain in await ChainRepository(session).chains(actor)}


def check_chain(actor: Actor, chains: dict[uuid.UUID, IndustryChain], chain_id: uuid.UUID | None) -> None:
    """`chain_id` may receive enterprises or organisations from `actor`: it exists, is live, and is the
    actor's to manage (no chain at all is for park-wide staff only)."""
    if chain_id is not None:
        chain = chains.get(chain_id)
        if chain is None:
            raise NotFound("chainId")
        if chain.archived_at is not None:
            raise ChainArchived("chainId")
    require_manage_chain(actor, chain_id)
