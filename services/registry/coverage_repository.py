"""The SQL of coverage (覆盖): five aggregate queries over a park or one chain. Measured at the reference
scale (38,000 enterprises), separate simple scans beat one combined pass (its materialised joins cost more
than reading the enterprises three times)."""

import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from redchain.infra.clock import park_today
from redchain.services.liaison import queries as liaison_queries
from redchain.services.registry.models import (
    Enterprise,
    MemberStatus,
    OrganizationEnterprise,
    OrganizationKind,
    OrganizationStatus,
    PartyMember,
    PartyOrganization,
)
from redchain.services.registry.repository import (
    PARTY_MEMBER_STATUSES,
    covered_enterprise_ids,
    member_in_chain,
)


@dataclass
class EnterpriseTotals:
    enterprises: int
    covered: int
    employees: int
    covered_employees: int
    key_enterprises: int


@dataclass
class MemberTotals:
    members: int  # full and probationary
    floating: int
    by_status: dict[MemberStatus, int]


class CoverageRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def _live(self, tenant_id: uuid.UUID, chain_id: uuid.UUID | None) -> sa.ColumnElement[bool]:
        live = sa.and_(col(Enterprise.tenant_id) == tenant_id, col(Enterprise.archived_at).is_(None))
        return live if chain_id is None else sa.and_(live, col(Enterprise.chain_id) == chain_id)

    async def enterprise_totals(self, tenant_id: uuid.UUID, chain_id: uuid.UUID | None) -> EnterpriseTotals:
        covered = covered_enterprise_ids(tenant_id).distinct().subquery("covered")
        is_covered = covered.c.enterprise_id.is_not(None)
        employees = col(Enterprise.employee_count)
        stmt = (
            sa.select(
                sa.func.count(),
                sa.func.count().filter(is_covered),
                sa.func.coalesce(sa.func.sum(employees), 0),
                sa.func.coalesce(sa.func.sum(employees).filter(is_covered), 0),
                sa.func.count().filter(col(Enterprise.is_key)),
            )
            .select_from(Enterprise)
            .outerjoin(covered, covered.c.enterprise_id == col(Enterprise.id))
            .where(self._live(tenant_id, chain_id))
        )
        return EnterpriseTotals(*(int(v) for v in (await self.session.execute(stmt)).one()))

    async def organization_counts(
        self, tenant_id: uuid.UUID, chain_id: uuid.UUID | None
    ) -> list[tuple[OrganizationKind, OrganizationStatus, int]]:
        stmt = (
            sa.select(col(PartyOrganization.kind), col(PartyOrganization.status), sa.func.count())
            .where(col(PartyOrganization.tenant_id) == tenant_id)
            .group_by(col(PartyOrganization.kind), col(PartyOrganization.status))
        )
        if chain_id is not None:
            stmt = stmt.where(col(PartyOrganization.chain_id) == chain_id)
        return [(OrganizationKind(k), OrganizationStatus(s), n) for k, s, n in (await self.session.execute(stmt)).all()]

    async def member_totals(self, tenant_id: uuid.UUID, chain_id: uuid.UUID | None) -> MemberTotals:
        status = col(PartyMember.status)
        stmt = (
            sa.select(status, sa.func.count(), sa.func.count().filter(col(PartyMember.is_floating)))
            .where(col(PartyMember.tenant_id) == tenant_id, col(PartyMember.archived_at).is_(None))
            .group_by(status)
        )
        if chain_id is not None:
            stmt = stmt.where(member_in_chain(tenant_id, chain_id))
        by_status = {MemberStatus(s): 0 for s in MemberStatus}
        members = floating = 0
        for member_status, n, n_floating in (await self.session.execute(stmt)).all():
            by_status[MemberStatus(member_status)] = n
            if member_status in PARTY_MEMBER_STATUSES:
                members, floating = members + n, floating + n_floating
        return MemberTotals(members, floating, by_status)

    async def formation_pipeline(
        self, tenant_id: uuid.UUID, chain_id: uuid.UUID | None, minimum: int, limit: int
    ) -> tuple[int, list[tuple[Enterprise, int, bool]]]:
        """Enterprises with `minimum`+ full members and no FORMED organisation: (how many, the first `limit`
        as (enterprise, full members, an organisation covering it is PREPARING)), most members first."""
        full = (
            sa.select(col(PartyMember.enterprise_id).label("enterprise_id"), sa.func.count().label("n"))
            .where(
                col(PartyMember.tenant_id) == tenant_id,
                col(PartyMember.archived_at).is_(None),
                col(PartyMember.status) == MemberStatus.FULL,
                col(PartyMember.enterprise_id).is_not(None),
            )
            .group_by(col(PartyMember.enterprise_id))
            .having(sa.func.count() >= minimum)
            .subquery("full_members")
        )
        # Rank narrow rows; only the page's enterprises are read whole.
        page = (
            sa.select(
                col(Enterprise.id).label("id"),
                col(Enterprise.name).label("name"),
                full.c.n,
                sa.func.count().over().label("total"),
            )
            .join(full, full.c.enterprise_id == col(Enterprise.id))
            .where(self._live(tenant_id, chain_id), col(Enterprise.id).not_in(covered_enterprise_ids(tenant_id)))
            .order_by(full.c.n.desc(), col(Enterprise.name), col(Enterprise.id))
            .limit(limit)
            .cte("pipeline_page")
        )
        preparing = sa.exists(
            sa.select(1)
            .select_from(OrganizationEnterprise)
            .join(
                PartyOrganization,
                sa.and_(
                    col(PartyOrganization.tenant_id) == col(OrganizationEnterprise.tenant_id),
                    col(PartyOrganization.id) == col(OrganizationEnterprise.organization_id),
                ),
            )
            .where(
                col(OrganizationEnterprise.tenant_id) == tenant_id,
                col(OrganizationEnterprise.enterprise_id) == col(Enterprise.id),
                col(PartyOrganization.status) == OrganizationStatus.PREPARING,
            )
        )
        stmt = (
            sa.select(Enterprise, page.c.n, preparing, page.c.total)
            .join(page, sa.and_(col(Enterprise.tenant_id) == tenant_id, col(Enterprise.id) == page.c.id))
            .order_by(page.c.n.desc(), page.c.name, page.c.id)
        )
        rows = (await self.session.execute(stmt)).all()
        return (rows[0][3] if rows else 0), [(e, n, has_preparing) for e, n, has_preparing, _ in rows]

    async def unreached_key_enterprises(
        self, tenant_id: uuid.UUID, chain_id: uuid.UUID | None, limit: int
    ) -> tuple[int, list[Enterprise]]:
        """失联 risk: key enterprises with no FORMED organisation and no active liaison officer."""
        officered = liaison_queries.posted_enterprise_ids(tenant_id, park_today())
        stmt = (
            sa.select(Enterprise, sa.func.count().over())
            .where(
                self._live(tenant_id, chain_id),
                col(Enterprise.is_key),
                col(Enterprise.id).not_in(covered_enterprise_ids(tenant_id)),
                col(Enterprise.id).not_in(officered),
            )
            .order_by(col(Enterprise.name), col(Enterprise.id))
            .limit(limit)
        )
        rows = (await self.session.execute(stmt)).all()
        return (rows[0][1] if rows else 0), [e for e, _ in rows]
