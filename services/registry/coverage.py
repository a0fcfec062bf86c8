"""Coverage (覆盖): "不让一家企业、一个党员失联". How much of the park, or of one chain, an organisation
reaches, where the next organisations should be formed, and which key enterprises nobody reaches."""

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.services.actor import Actor
from redchain.services.errors import NotFound, PermissionDenied
from redchain.services.permissions import Perm
from redchain.services.registry.coverage_repository import CoverageRepository, EnterpriseTotals, MemberTotals
from redchain.services.registry.models import Enterprise, OrganizationKind, OrganizationStatus
from redchain.services.registry.organizations import MIN_FULL_MEMBERS
from redchain.services.registry.policies import read_scope, require
from redchain.services.registry.repository import ChainRepository

LIST_LIMIT = 100


@dataclass
class KindCount:
    kind: OrganizationKind
    formed: int
    preparing: int


@dataclass
class PipelineEntry:
    """An enterprise with enough full members to form an organisation, and none formed yet."""

    enterprise: Enterprise
    full_members: int
    preparing: bool  # an organisation is already being formed (组建中)


@dataclass
class Coverage:
    chain_id: uuid.UUID | None
    enterprises: EnterpriseTotals
    organizations: list[KindCount]
    members: MemberTotals
    pipeline_count: int
    pipeline: list[PipelineEntry]  # the first `limit` of them
    unreached_count: int
    unreached_key_enterprises: list[Enterprise]  # the first `limit` of them

    @property
    def coverage_rate(self) -> float:
        return self.enterprises.covered / self.enterprises.enterprises if self.enterprises.enterprises else 0.0

    @property
    def employee_coverage_rate(self) -> float:
        totals = self.enterprises
        return totals.covered_employees / totals.employees if totals.employees else 0.0


async def coverage(session: AsyncSession, actor: Actor, chain_id: uuid.UUID | None = None, limit: int = 20) -> Coverage:
    """For the park (park-wide readers) or one chain (also its CHAIN_STAFF). Lists hold at most `limit`."""
    require(actor, Perm.REGISTRY_READ)
    scope = read_scope(actor)
    if chain_id is None:
        if not scope.whole_park:
            raise PermissionDenied()
    elif await ChainRepository(session).chain(actor, chain_id) is None or not (
        scope.whole_park or chain_id in scope.chain_ids
    ):
        raise NotFound("chainId")
    repo, tenant_id, limit = CoverageRepository(session), actor.tenant_id, max(0, min(limit, LIST_LIMIT))
    by_kind = {kind: KindCount(kind, 0, 0) for kind in OrganizationKind}
    for kind, status, n in await repo.organization_counts(tenant_id, chain_id):
        if status is OrganizationStatus.FORMED:
            by_kind[kind].formed = n
        elif status is OrganizationStatus.PREPARING:
            by_kind[kind].preparing = n
    # The counts ride on the listed rows (a window count), so at least one row is read even for `limit` 0.
    read = max(limit, 1)
    pipeline_count, pipeline = await repo.formation_pipeline(tenant_id, chain_id, MIN_FULL_MEMBERS, read)
    unreached_count, unreached = await repo.unreached_key_enterprises(tenant_id, chain_id, read)
    return Coverage(
        chain_id=chain_id,
        enterprises=await repo.enterprise_totals(tenant_id, chain_id),
        organizations=list(by_kind.values()),
        members=await repo.member_totals(tenant_id, chain_id),
        pipeline_count=pipeline_count,
        pipeline=[PipelineEntry(e, n, preparing) for e, n, preparing in pipeline[:limit]],
        unreached_count=unreached_count,
        unreached_key_enterprises=unreached[:limit],
    )
