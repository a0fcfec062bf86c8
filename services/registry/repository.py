"""All SQL of the registry, one repository per entity. Every tenant query of an entity starts from its
repository's `scoped(actor)`, so the actor's park and scope are applied once, here (row-level security is
the second wall)."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa
from sqlmodel import col

from redchain.infra import text_match
from redchain.infra.clock import park_today
from redchain.infra.pagination import Page, PageRequest, count, paginate
from redchain.infra.repository import Repository
from redchain.services.actor import Actor, Scope
from redchain.services.liaison import queries as liaison_queries
from redchain.services.permissions import Role
from redchain.services.registry.models import (
    Enterprise,
    IndustryChain,
    MemberStatus,
    MemberTransfer,
    OrganizationEnterprise,
    OrganizationKind,
    OrganizationStatus,
    PartyMember,
    PartyOrganization,
)
from redchain.services.registry.policies import read_scope
from redchain.services.tenancy import queries as tenancy_queries

# Party members proper; development targets and activists are not members yet.
PARTY_MEMBER_STATUSES = (MemberStatus.FULL, MemberStatus.PROBATIONARY)


# Search runs on views (migration 0003) where row-level security does not block the trigram indexes;
# each view repeats the policy's tenant condition itself.
ENTERPRISE_SEARCH = sa.table(
    "registry_enterprise_search", sa.column("tenant_id"), sa.column("id"), sa.column("name"), sa.column("credit_code")
)
ORGANIZATION_SEARCH = sa.table(
    "registry_organization_search", sa.column("tenant_id"), sa.column("id"), sa.column("name")
)
MEMBER_SEARCH = sa.table("registry_member_search", sa.column("tenant_id"), sa.column("id"), sa.column("name"))


def contains(column: sa.ColumnClause[Any], text: str) -> sa.ColumnElement[bool]:
    """Substring match. pg_trgm's GIN indexes serve it once the text has 3+ characters; a shorter text
    has no trigram to look up (a 2-character Chinese word like "新材" included), so PostgreSQL reads the
    park's rows instead: still correct, and fast enough at a park's size (tens of thousands of rows)."""
    return text_match.contains(column, text)


def matching_ids(view: sa.TableClause, tenant_id: uuid.UUID | None, match: sa.ColumnElement[bool]) -> sa.Select[Any]:
    # MATERIALIZED keeps it a separate step: joined back onto the same table, PostgreSQL 18 would merge
    # the two scans into one (self-join elimination), under the policy again, and lose the index.
    hits = sa.select(view.c.id).where(view.c.tenant_id == tenant_id, match).cte(view.name).prefix_with("MATERIALIZED")
    return sa.select(hits.c.id)


def looks_like_code(text: str) -> bool:
    return text.isascii() and text.isalnum()


def member_in_chain(tenant_id: uuid.UUID | None, chain_id: uuid.UUID) -> sa.ColumnElement[bool]:
    """A member belongs to its employer's chain; one without an employer to its organisation's."""
    return sa.or_(
        col(PartyMember.enterprise_id).in_(
            sa.select(col(Enterprise.id)).where(
                col(Enterprise.tenant_id) == tenant_id, col(Enterprise.chain_id) == chain_id
            )
        ),
        sa.and_(
            col(PartyMember.enterprise_id).is_(None),
            col(PartyMember.organization_id).in_(
                sa.select(col(PartyOrganization.id)).where(
                    col(PartyOrganization.tenant_id) == tenant_id, col(PartyOrganization.chain_id) == chain_id
                )
            ),
        ),
    )


def covered_enterprise_ids(tenant_id: uuid.UUID | None) -> sa.Select[uuid.UUID]:
    """Enterprises covered by a FORMED organisation: their own, or a joint branch (联合党支部)."""
    return (
        sa.select(col(OrganizationEnterprise.enterprise_id))
        .join(
            PartyOrganization,
            sa.and_(
                col(PartyOrganization.tenant_id) == col(OrganizationEnterprise.tenant_id),
                col(PartyOrganization.id) == col(OrganizationEnterprise.organization_id),
            ),
        )
        .where(
            col(OrganizationEnterprise.tenant_id) == tenant_id,
            col(PartyOrganization.status) == OrganizationStatus.FORMED,
        )
    )


@dataclass(frozen=True)
class EnterpriseFilter:
    chain_id: uuid.UUID | None = None
    area: str | None = None
    is_key: bool | None = None
    covered: bool | None = None  # by a FORMED organisation, own or joint
    archived: bool | None = False  # None: both
    search: str | None = None  # name or credit code substring


@dataclass(frozen=True)
class OrganizationFilter:
    chain_id: uuid.UUID | None = None
    kind: OrganizationKind | None = None
    status: OrganizationStatus | None = None
    parent_id: uuid.UUID | None = None
    enterprise_id: uuid.UUID | None = None
    search: str | None = None


@dataclass(frozen=True)
class MemberFilter:
    chain_id: uuid.UUID | None = None  # of the member's enterprise, or of its organisation
    organization_id: uuid.UUID | None = None
    enterprise_id: uuid.UUID | None = None
    status: MemberStatus | None = None
    is_floating: bool | None = None
    archived: bool | None = False
    search: str | None = None  # name substring


def _enterprise_in_scope(actor: Actor, scope: Scope) -> sa.ColumnElement[bool]:
    parts: list[sa.ColumnElement[bool]] = []
    if scope.chain_ids:
        parts.append(col(Enterprise.chain_id).in_(scope.chain_ids))
    if scope.enterprise_ids:
        parts.append(col(Enterprise.id).in_(scope.enterprise_ids))
    if scope.officer_user_id:
        posted = liaison_queries.posted_enterprise_ids(actor.tenant_id, park_today(), scope.officer_user_id)
        parts.append(col(Enterprise.id).in_(posted))
    return sa.or_(sa.false(), *parts)


def visible_enterprise_ids(actor: Actor) -> sa.Select[uuid.UUID]:
    """IDs of the enterprises `actor` may see, as a subquery for the other entities' scopes."""
    return EnterpriseRepository.scoped(actor).with_only_columns(col(Enterprise.id))


def visible_organization_ids(actor: Actor) -> sa.Select[uuid.UUID]:
    return OrganizationRepository.scoped(actor).with_only_columns(col(PartyOrganization.id))


class ChainRepository(Repository):
    @staticmethod
    def scoped(actor: Actor) -> sa.Select[IndustryChain]:
        # A park's chains are its public structure: every registry reader sees all of them.
        stmt = sa.select(IndustryChain).where(col(IndustryChain.tenant_id) == actor.tenant_id)
        return stmt if not read_scope(actor).empty else stmt.where(sa.false())

    async def chain(self, actor: Actor, chain_id: uuid.UUID, for_update: bool = False) -> IndustryChain | None:
        stmt = self.scoped(actor).where(col(IndustryChain.id) == chain_id)
        return await self.session.scalar(stmt.with_for_update() if for_update else stmt)

    def _chain_filter(self, actor: Actor, include_archived: bool) -> sa.Select[IndustryChain]:
        stmt = self.scoped(actor)
        return stmt if include_archived else stmt.where(col(IndustryChain.archived_at).is_(None))

    async def chains(
        self, actor: Actor, ids: Sequence[uuid.UUID] | None = None, include_archived: bool = True
    ) -> list[IndustryChain]:
        stmt = self._chain_filter(actor, include_archived)
        if ids is not None:
            stmt = stmt.where(col(IndustryChain.id).in_(ids))
        return list(await self.session.scalars(stmt.order_by(col(IndustryChain.sort_order), col(IndustryChain.name))))

    async def page_chains(self, actor: Actor, page: PageRequest, include_archived: bool) -> Page[IndustryChain]:
        keys = [col(IndustryChain.sort_order), col(IndustryChain.id)]
        stmt = self._chain_filter(actor, include_archived).add_columns(*keys)
        return await paginate(self.session, stmt, keys, page, descending=False)

    async def count_chains(self, actor: Actor, include_archived: bool) -> int:
        return await count(self.session, self._chain_filter(actor, include_archived))

    async def chains_of_park(self, tenant_id: uuid.UUID) -> list[IndustryChain]:
        stmt = sa.select(IndustryChain).where(col(IndustryChain.tenant_id) == tenant_id)
        return list(await self.session.scalars(stmt))

    async def chain_by_name(self, tenant_id: uuid.UUID, name: str) -> IndustryChain | None:
        stmt = sa.select(IndustryChain).where(
            col(IndustryChain.tenant_id) == tenant_id, col(IndustryChain.name) == name
        )
        return await self.session.scalar(stmt)

    async def holds_chain_staff(self, tenant_id: uuid.UUID, user_id: uuid.UUID, chain_id: uuid.UUID) -> bool:
        return bool(
            await self.session.scalar(tenancy_queries.holds_role(tenant_id, user_id, Role.CHAIN_STAFF, chain_id))
        )


class EnterpriseRepository(Repository):
    @staticmethod
    def scoped(actor: Actor) -> sa.Select[Enterprise]:
        scope = read_scope(actor)
        stmt = sa.select(Enterprise).where(col(Enterprise.tenant_id) == actor.tenant_id)
        return stmt if scope.whole_park else stmt.where(_enterprise_in_scope(actor, scope))

    async def enterprise(self, actor: Actor, enterprise_id: uuid.UUID, for_update: bool = False) -> Enterprise | None:
        stmt = self.scoped(actor).where(col(Enterprise.id) == enterprise_id)
        return await self.session.scalar(stmt.with_for_update(of=Enterprise) if for_update else stmt)

    async def enterprises(self, actor: Actor, ids: Sequence[uuid.UUID]) -> list[Enterprise]:
        return list(await self.session.scalars(self.scoped(actor).where(col(Enterprise.id).in_(ids))))

    async def enterprises_by_credit_code(
        self, tenant_id: uuid.UUID, codes: Sequence[str], for_update: bool = False
    ) -> list[Enterprise]:
        """Whole park, whatever the actor's scope: uniqueness of a code is a park-wide rule."""
        stmt = sa.select(Enterprise).where(
            col(Enterprise.tenant_id) == tenant_id, col(Enterprise.credit_code).in_(codes)
        )
        return list(await self.session.scalars(stmt.with_for_update() if for_update else stmt))

    def filtered_enterprises(self, actor: Actor, where: EnterpriseFilter) -> sa.Select[Enterprise]:
        stmt = self.scoped(actor)
        if where.chain_id is not None:
            stmt = stmt.where(col(Enterprise.chain_id) == where.chain_id)
        if where.area:
            stmt = stmt.where(col(Enterprise.area) == where.area)
        if where.is_key is not None:
            stmt = stmt.where(col(Enterprise.is_key).is_(where.is_key))
        if where.covered is not None:
            covered = col(Enterprise.id).in_(covered_enterprise_ids(actor.tenant_id))
            stmt = stmt.where(covered if where.covered else sa.not_(covered))
        if where.archived is not None:
            archived = col(Enterprise.archived_at)
            stmt = stmt.where(archived.is_not(None) if where.archived else archived.is_(None))
        if where.search:
            text, view = where.search.strip(), ENTERPRISE_SEARCH
            match = contains(view.c.name, text)
            if looks_like_code(text):
                match = sa.or_(match, contains(view.c.credit_code, text.upper()))
            stmt = stmt.where(col(Enterprise.id).in_(matching_ids(view, actor.tenant_id, match)))
        return stmt

    async def page_enterprises(self, actor: Actor, where: EnterpriseFilter, page: PageRequest) -> Page[Enterprise]:
        keys = [col(Enterprise.name), col(Enterprise.id)]
        stmt = self.filtered_enterprises(actor, where).add_columns(*keys)
        return await paginate(self.session, stmt, keys, page, descending=False)

    async def count_enterprises(self, actor: Actor, where: EnterpriseFilter) -> int:
        return await count(self.session, self.filtered_enterprises(actor, where))

    async def count_live_enterprises_in_chain(self, tenant_id: uuid.UUID, chain_id: uuid.UUID) -> int:
        return await count(
            self.session,
            sa.select(col(Enterprise.id)).where(
                col(Enterprise.tenant_id) == tenant_id,
                col(Enterprise.chain_id) == chain_id,
                col(Enterprise.archived_at).is_(None),
            ),
        )

    async def enterprises_of_organizations(
        self, actor: Actor, organization_ids: Sequence[uuid.UUID]
    ) -> list[tuple[uuid.UUID, Enterprise]]:
        stmt = (
            self.scoped(actor)
            .add_columns(col(OrganizationEnterprise.organization_id))
            .join(
                OrganizationEnterprise,
                sa.and_(
                    col(OrganizationEnterprise.tenant_id) == col(Enterprise.tenant_id),
                    col(OrganizationEnterprise.enterprise_id) == col(Enterprise.id),
                ),
            )
            .where(col(OrganizationEnterprise.organization_id).in_(organization_ids))
            .order_by(col(Enterprise.name))
        )
        return [(org_id, enterprise) for enterprise, org_id in (await self.session.execute(stmt)).all()]

    async def officer_ids_of_enterprises(
        self, actor: Actor, enterprise_ids: Sequence[uuid.UUID]
    ) -> list[tuple[uuid.UUID, uuid.UUID]]:
        """(enterprise, officer or instructor) of every active assignment (liaison's) to enterprises `actor`
        may see."""
        visible = self.scoped(actor).where(col(Enterprise.id).in_(enterprise_ids)).with_only_columns(col(Enterprise.id))
        postings = liaison_queries.postings(actor.tenant_id, list(await self.session.scalars(visible)), park_today())
        return [(enterprise_id, officer) for enterprise_id, officer in (await self.session.execute(postings)).all()]


class OrganizationRepository(Repository):
    @staticmethod
    def scoped(actor: Actor) -> sa.Select[PartyOrganization]:
        """An organisation is visible when its chain is, or when it covers a visible enterprise."""
        scope = read_scope(actor)
        stmt = sa.select(PartyOrganization).where(col(PartyOrganization.tenant_id) == actor.tenant_id)
        if scope.whole_park:
            return stmt
        covering = sa.select(col(OrganizationEnterprise.organization_id)).where(
            col(OrganizationEnterprise.tenant_id) == actor.tenant_id,
            col(OrganizationEnterprise.enterprise_id).in_(visible_enterprise_ids(actor)),
        )
        parts = [col(PartyOrganization.id).in_(covering)]
        if scope.chain_ids:
            parts.append(col(PartyOrganization.chain_id).in_(scope.chain_ids))
        return stmt.where(sa.or_(*parts))

    async def organization(
        self, actor: Actor, organization_id: uuid.UUID, for_update: bool = False
    ) -> PartyOrganization | None:
        stmt = self.scoped(actor).where(col(PartyOrganization.id) == organization_id)
        return await self.session.scalar(stmt.with_for_update(of=PartyOrganization) if for_update else stmt)

    async def organizations(self, actor: Actor, ids: Sequence[uuid.UUID]) -> list[PartyOrganization]:
        stmt = self.scoped(actor).where(col(PartyOrganization.id).in_(ids))
        return list(await self.session.scalars(stmt))

    async def ancestor_ids(self, tenant_id: uuid.UUID, organization_id: uuid.UUID) -> list[uuid.UUID]:
        """The organisation and every parent above it (a recursive walk, for cycle checks)."""
        org = sa.table("party_organizations", sa.column("tenant_id"), sa.column("id"), sa.column("parent_id"))
        up = sa.select(org.c.id, org.c.parent_id).where(org.c.tenant_id == tenant_id, org.c.id == organization_id)
        chain = up.cte("ancestors", recursive=True)
        chain = chain.union(
            sa.select(org.c.id, org.c.parent_id)
            .join(chain, org.c.id == chain.c.parent_id)
            .where(org.c.tenant_id == tenant_id)
        )
        return list(await self.session.scalars(sa.select(chain.c.id)))

    async def covered_enterprise_ids(self, tenant_id: uuid.UUID, organization_id: uuid.UUID) -> list[uuid.UUID]:
        stmt = sa.select(col(OrganizationEnterprise.enterprise_id)).where(
            col(OrganizationEnterprise.tenant_id) == tenant_id,
            col(OrganizationEnterprise.organization_id) == organization_id,
        )
        return list(await self.session.scalars(stmt))

    async def replace_coverage(
        self, tenant_id: uuid.UUID, organization_id: uuid.UUID, enterprise_ids: Sequence[uuid.UUID]
    ) -> None:
        await self.session.execute(
            sa.delete(OrganizationEnterprise).where(
                col(OrganizationEnterprise.tenant_id) == tenant_id,
                col(OrganizationEnterprise.organization_id) == organization_id,
            )
        )
        await self.add(
            *(
                OrganizationEnterprise(tenant_id=tenant_id, organization_id=organization_id, enterprise_id=e)
                for e in enterprise_ids
            )
        )

    def _organization_filter(self, actor: Actor, where: OrganizationFilter) -> sa.Select[PartyOrganization]:
        stmt = self.scoped(actor)
        if where.chain_id is not None:
            stmt = stmt.where(col(PartyOrganization.chain_id) == where.chain_id)
        if where.kind is not None:
            stmt = stmt.where(col(PartyOrganization.kind) == where.kind)
        if where.status is not None:
            stmt = stmt.where(col(PartyOrganization.status) == where.status)
        if where.parent_id is not None:
            stmt = stmt.where(col(PartyOrganization.parent_id) == where.parent_id)
        if where.enterprise_id is not None:
            stmt = stmt.where(
                col(PartyOrganization.id).in_(
                    sa.select(col(OrganizationEnterprise.organization_id)).where(
                        col(OrganizationEnterprise.tenant_id) == actor.tenant_id,
                        col(OrganizationEnterprise.enterprise_id) == where.enterprise_id,
                    )
                )
            )
        if where.search:
            match = contains(ORGANIZATION_SEARCH.c.name, where.search.strip())
            stmt = stmt.where(col(PartyOrganization.id).in_(matching_ids(ORGANIZATION_SEARCH, actor.tenant_id, match)))
        return stmt

    async def page_organizations(
        self, actor: Actor, where: OrganizationFilter, page: PageRequest
    ) -> Page[PartyOrganization]:
        keys = [col(PartyOrganization.name), col(PartyOrganization.id)]
        stmt = self._organization_filter(actor, where).add_columns(*keys)
        return await paginate(self.session, stmt, keys, page, descending=False)

    async def count_organizations(self, actor: Actor, where: OrganizationFilter) -> int:
        return await count(self.session, self._organization_filter(actor, where))

    async def organizations_of_enterprises(
        self, actor: Actor, enterprise_ids: Sequence[uuid.UUID]
    ) -> list[tuple[uuid.UUID, PartyOrganization]]:
        stmt = (
            self.scoped(actor)
            .add_columns(col(OrganizationEnterprise.enterprise_id))
            .join(
                OrganizationEnterprise,
                sa.and_(
                    col(OrganizationEnterprise.tenant_id) == col(PartyOrganization.tenant_id),
                    col(OrganizationEnterprise.organization_id) == col(PartyOrganization.id),
                ),
            )
            .where(col(OrganizationEnterprise.enterprise_id).in_(enterprise_ids))
            .order_by(col(PartyOrganization.name))
        )
        return [(enterprise_id, org) for org, enterprise_id in (await self.session.execute(stmt)).all()]

    async def clear_secretary(self, tenant_id: uuid.UUID, member_id: uuid.UUID) -> list[uuid.UUID]:
        """Unsets `member_id` as secretary wherever it is one; returns those organisations."""
        result = await self.session.execute(
            sa.update(PartyOrganization)
            .where(
                col(PartyOrganization.tenant_id) == tenant_id, col(PartyOrganization.secretary_member_id) == member_id
            )
            .values(secretary_member_id=None, version=col(PartyOrganization.version) + 1)
            .returning(col(PartyOrganization.id))
            .execution_options(synchronize_session="fetch")
        )
        return list(result.scalars())


class MemberRepository(Repository):
    @staticmethod
    def scoped(actor: Actor) -> sa.Select[PartyMember]:
        """A member is visible through its enterprise (employer) or its organisation."""
        stmt = sa.select(PartyMember).where(col(PartyMember.tenant_id) == actor.tenant_id)
        if read_scope(actor).whole_park:
            return stmt
        return stmt.where(
            sa.or_(
                col(PartyMember.enterprise_id).in_(visible_enterprise_ids(actor)),
                col(PartyMember.organization_id).in_(visible_organization_ids(actor)),
            )
        )

    async def member(self, actor: Actor, member_id: uuid.UUID, for_update: bool = False) -> PartyMember | None:
        stmt = self.scoped(actor).where(col(PartyMember.id) == member_id)
        return await self.session.scalar(stmt.with_for_update(of=PartyMember) if for_update else stmt)

    async def members(self, actor: Actor, ids: Sequence[uuid.UUID]) -> list[PartyMember]:
        return list(await self.session.scalars(self.scoped(actor).where(col(PartyMember.id).in_(ids))))

    async def members_by_id_card_hash(
        self, tenant_id: uuid.UUID, hashes: Sequence[str], for_update: bool = False
    ) -> list[PartyMember]:
        stmt = sa.select(PartyMember).where(
            col(PartyMember.tenant_id) == tenant_id, col(PartyMember.id_card_hash).in_(hashes)
        )
        return list(await self.session.scalars(stmt.with_for_update() if for_update else stmt))

    async def count_full_members(self, tenant_id: uuid.UUID, organization_id: uuid.UUID) -> int:
        return await count(
            self.session,
            sa.select(col(PartyMember.id)).where(
                col(PartyMember.tenant_id) == tenant_id,
                col(PartyMember.organization_id) == organization_id,
                col(PartyMember.status) == MemberStatus.FULL,
                col(PartyMember.archived_at).is_(None),
            ),
        )

    def _member_filter(self, actor: Actor, where: MemberFilter) -> sa.Select[PartyMember]:
        stmt = self.scoped(actor)
        if where.chain_id is not None:
            stmt = stmt.where(member_in_chain(actor.tenant_id, where.chain_id))
        if where.organization_id is not None:
            stmt = stmt.where(col(PartyMember.organization_id) == where.organization_id)
        if where.enterprise_id is not None:
            stmt = stmt.where(col(PartyMember.enterprise_id) == where.enterprise_id)
        if where.status is not None:
            stmt = stmt.where(col(PartyMember.status) == where.status)
        if where.is_floating is not None:
            stmt = stmt.where(col(PartyMember.is_floating).is_(where.is_floating))
        if where.archived is not None:
            archived = col(PartyMember.archived_at)
            stmt = stmt.where(archived.is_not(None) if where.archived else archived.is_(None))
        if where.search:
            match = contains(MEMBER_SEARCH.c.name, where.search.strip())
            stmt = stmt.where(col(PartyMember.id).in_(matching_ids(MEMBER_SEARCH, actor.tenant_id, match)))
        return stmt

    async def page_members(self, actor: Actor, where: MemberFilter, page: PageRequest) -> Page[PartyMember]:
        keys = [col(PartyMember.name), col(PartyMember.id)]
        stmt = self._member_filter(actor, where).add_columns(*keys)
        return await paginate(self.session, stmt, keys, page, descending=False)

    async def count_members(self, actor: Actor, where: MemberFilter) -> int:
        return await count(self.session, self._member_filter(actor, where))

    async def member_counts(
        self, actor: Actor, per: Literal["organization_id", "enterprise_id"], ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, int]:
        """Live party members (full and probationary) per organisation or per enterprise."""
        column = col(getattr(PartyMember, per))
        stmt = (
            sa.select(column, sa.func.count())
            .where(
                col(PartyMember.tenant_id) == actor.tenant_id,
                column.in_(ids),
                col(PartyMember.archived_at).is_(None),
                col(PartyMember.status).in_(PARTY_MEMBER_STATUSES),
            )
            .group_by(column)
        )
        return {key: n for key, n in (await self.session.execute(stmt)).all()}

    async def transfers(self, actor: Actor, ids: Sequence[uuid.UUID]) -> list[MemberTransfer]:
        visible = self.scoped(actor).with_only_columns(col(PartyMember.id))
        stmt = sa.select(MemberTransfer).where(
            col(MemberTransfer.tenant_id) == actor.tenant_id,
            col(MemberTransfer.id).in_(ids),
            col(MemberTransfer.member_id).in_(visible),
        )
        return list(await self.session.scalars(stmt))

    async def transfers_of_members(self, actor: Actor, member_ids: Sequence[uuid.UUID]) -> list[MemberTransfer]:
        visible = self.scoped(actor).where(col(PartyMember.id).in_(member_ids))
        stmt = (
            sa.select(MemberTransfer)
            .where(
                col(MemberTransfer.tenant_id) == actor.tenant_id,
                col(MemberTransfer.member_id).in_(visible.with_only_columns(col(PartyMember.id))),
            )
            .order_by(col(MemberTransfer.transferred_on), col(MemberTransfer.created_at))
        )
        return list(await self.session.scalars(stmt))
