"""Queries of the registry: chains, enterprises, organisations, members, coverage, and their nodes."""

from collections.abc import Iterable, Iterator
from typing import Annotated

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types import Info
from strawberry.types.nodes import SelectedField, Selection

from redchain.graphql.errors import ApiError, ErrorCode
from redchain.graphql.exports import ExportFormat, FileExport
from redchain.graphql.permissions import HasPerm
from redchain.graphql.registry.dataloaders import (
    EnterpriseByIdLoader,
    EnterpriseRelations,
    IndustryChainByIdLoader,
    MemberTransferByIdLoader,
    PartyMemberByIdLoader,
    PartyOrganizationByIdLoader,
)
from redchain.graphql.registry.inputs import EnterpriseFilter, MemberFilter, PartyOrganizationFilter
from redchain.graphql.registry.types import (
    Coverage,
    Enterprise,
    IndustryChain,
    InflowAreaCount,
    MemberTransfer,
    PartyMember,
    PartyOrganization,
)
from redchain.graphql.relay import Connection, decode_optional_id, loaded_node, paged
from redchain.infra.pagination import Page, PageRequest
from redchain.infra.spreadsheet import SheetFormat
from redchain.services.permissions import Perm
from redchain.services.registry import export
from redchain.services.registry import models as rows
from redchain.services.registry import service as registry

MAX_SEARCH = 100


loaded_node("IndustryChain", IndustryChainByIdLoader, IndustryChain.from_row)


loaded_node("Enterprise", EnterpriseByIdLoader, Enterprise.from_row)


loaded_node("PartyOrganization", PartyOrganizationByIdLoader, PartyOrganization.from_row)


loaded_node("PartyMember", PartyMemberByIdLoader, PartyMember.from_row)


loaded_node("MemberTransfer", MemberTransferByIdLoader, MemberTransfer.from_row)


def _fields(selections: Iterable[Selection]) -> Iterator[SelectedField]:
    """The fields of a selection set, with fragments expanded."""
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection
        else:
            yield from _fields(selection.selections)


def node_fields(info: Info) -> set[str]:
    """Names of the fields a connection query asks for on its nodes (via `nodes` or `edges { node }`)."""
    names: set[str] = set()
    for connection in _fields(info.selected_fields):
        for part in _fields(connection.selections):
            if part.name == "nodes":
                names.update(f.name for f in _fields(part.selections))
            elif part.name == "edges":
                for node in (f for f in _fields(part.selections) if f.name == "node"):
                    names.update(f.name for f in _fields(node.selections))
    return names


def search_text(text: str | None, locale: str) -> str | None:
    if text is None or not text.strip():
        return None
    if len(text) > MAX_SEARCH:
        raise ApiError(ErrorCode.BAD_USER_INPUT, locale, reason="SEARCH_TOO_LONG")
    return text.strip()


def _enterprise_filter(where: EnterpriseFilter | None, locale: str) -> registry.EnterpriseFilter:
    if where is None:
        return registry.EnterpriseFilter()
    return registry.EnterpriseFilter(
        chain_id=decode_optional_id(where.chain_id, "IndustryChain", field="filter.chainId"),
        area=where.area,
        is_key=where.is_key,
        covered=where.covered,
        archived=where.archived,
        search=search_text(where.search, locale),
    )


def _organization_filter(where: PartyOrganizationFilter | None, locale: str) -> registry.OrganizationFilter:
    if where is None:
        return registry.OrganizationFilter()
    return registry.OrganizationFilter(
        chain_id=decode_optional_id(where.chain_id, "IndustryChain", field="filter.chainId"),
        kind=rows.OrganizationKind(where.kind) if where.kind else None,
        status=rows.OrganizationStatus(where.status) if where.status else None,
        parent_id=decode_optional_id(where.parent_id, "PartyOrganization", field="filter.parentId"),
        enterprise_id=decode_optional_id(where.enterprise_id, "Enterprise", field="filter.enterpriseId"),
        search=search_text(where.search, locale),
    )


def _member_filter(where: MemberFilter | None, locale: str) -> registry.MemberFilter:
    if where is None:
        return registry.MemberFilter()
    return registry.MemberFilter(
        chain_id=decode_optional_id(where.chain_id, "IndustryChain", field="filter.chainId"),
        organization_id=decode_optional_id(where.organization_id, "PartyOrganization", field="filter.organizationId"),
        enterprise_id=decode_optional_id(where.enterprise_id, "Enterprise", field="filter.enterpriseId"),
        status=rows.MemberStatus(where.status) if where.status else None,
        is_floating=where.is_floating,
        inflow_area=where.inflow_area.strip() if where.inflow_area and where.inflow_area.strip() else None,
        archived=where.archived,
        search=search_text(where.search, locale),
    )


@strawberry.type
class RegistryQuery:
    @strawberry.field(
        permission_classes=[HasPerm(Perm.REGISTRY_READ)], description="The park's industry chains, in their order."
    )
    async def industry_chains(
        self, info: Info, first: int | None = None, after: str | None = None, include_archived: bool = False
    ) -> Connection[IndustryChain]:
        actor = info.context.require_actor()
        return await paged(
            info,
            first,
            after,
            IndustryChain.from_row,
            fetch=lambda s, page: registry.list_chains(s, actor, page, include_archived),
            count=lambda s: registry.count_chains(s, actor, include_archived),
        )

    @strawberry.field(permission_classes=[HasPerm(Perm.REGISTRY_READ)], description="Enterprises you may see, by name.")
    async def enterprises(
        self, info: Info, first: int | None = None, after: str | None = None, filter: EnterpriseFilter | None = None
    ) -> Connection[Enterprise]:
        actor = info.context.require_actor()
        where = _enterprise_filter(filter, info.context.locale)
        wanted = node_fields(info)
        loaded = EnterpriseRelations()

        async def fetch(session: AsyncSession, page: PageRequest) -> Page[rows.Enterprise]:
            found = await registry.list_enterprises(session, actor, where, page)
            await loaded.load(session, actor, found.rows, wanted)
            return found

        return await paged(
            info,
            first,
            after,
            lambda row: Enterprise.from_row(row, loaded),
            fetch=fetch,
            count=lambda s: registry.count_enterprises(s, actor, where),
        )

    @strawberry.field(
        permission_classes=[HasPerm(Perm.REGISTRY_READ)],
        description="The filtered list of `enterprises` as a CSV or XLSX file, in name order, at most 50,000 rows "
        "(contact phones masked as on screen). Recorded as a security event (security.export).",
    )
    async def enterprises_export(
        self, info: Info, format: ExportFormat, filter: EnterpriseFilter | None = None
    ) -> FileExport:
        actor = info.context.require_actor()
        where = _enterprise_filter(filter, info.context.locale)
        async with info.context.read() as session:
            file = await export.export_enterprises(session, actor, where, SheetFormat(format.value))
        return FileExport.of(file)

    @strawberry.field(
        permission_classes=[HasPerm(Perm.REGISTRY_READ)], description="Party organisations you may see, by name."
    )
    async def party_organizations(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: PartyOrganizationFilter | None = None,
    ) -> Connection[PartyOrganization]:
        actor = info.context.require_actor()
        where = _organization_filter(filter, info.context.locale)
        return await paged(
            info,
            first,
            after,
            PartyOrganization.from_row,
            fetch=lambda s, page: registry.list_organizations(s, actor, where, page),
            count=lambda s: registry.count_organizations(s, actor, where),
        )

    @strawberry.field(permission_classes=[HasPerm(Perm.REGISTRY_READ)], description="Members you may see, by name.")
    async def members(
        self, info: Info, first: int | None = None, after: str | None = None, filter: MemberFilter | None = None
    ) -> Connection[PartyMember]:
        actor = info.context.require_actor()
        where = _member_filter(filter, info.context.locale)
        return await paged(
            info,
            first,
            after,
            PartyMember.from_row,
            fetch=lambda s, page: registry.list_members(s, actor, where, page),
            count=lambda s: registry.count_members(s, actor, where),
        )

    @strawberry.field(
        permission_classes=[HasPerm(Perm.REGISTRY_READ)],
        description="Floating members you may see by inflow area (流入地), most first; of one chain if given.",
    )
    async def floating_member_areas(self, info: Info, chain_id: strawberry.ID | None = None) -> list[InflowAreaCount]:
        actor = info.context.require_actor()
        chain = decode_optional_id(chain_id, "IndustryChain", field="chainId")
        async with info.context.read() as session:
            areas = await registry.floating_member_areas(session, actor, chain)
        return [InflowAreaCount(inflow_area=area, member_count=n) for area, n in areas]

    @strawberry.field(
        permission_classes=[HasPerm(Perm.REGISTRY_READ)],
        description="Coverage of the park, or of one chain. Park-wide staff see any; CHAIN_STAFF their chain's.",
    )
    async def coverage(
        self,
        info: Info,
        chain_id: strawberry.ID | None = None,
        list_limit: Annotated[int, strawberry.argument(description="Length of the lists, at most 100.")] = 20,
    ) -> Coverage:
        actor, locale = info.context.require_actor(), info.context.locale
        chain = decode_optional_id(chain_id, "IndustryChain", field="chainId")
        if not 0 <= list_limit <= registry.COVERAGE_LIST_LIMIT:
            raise ApiError(ErrorCode.BAD_USER_INPUT, locale, reason="LIST_LIMIT")
        # A chain's staff asking for the whole park is FORBIDDEN; another park's chain NOT_FOUND.
        async with info.context.read() as session:
            return Coverage(data=await registry.coverage(session, actor, chain, list_limit))
