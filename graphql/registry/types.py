"""GraphQL types of the registry. Columns are plain fields; relations go through the DataLoaders."""

from datetime import date, datetime

import strawberry
from strawberry.types import Info

from redchain.graphql.errors import UserError, error_code_enum
from redchain.graphql.registry.dataloaders import (
    EnterpriseByIdLoader,
    EnterpriseRelations,
    EnterprisesByOrganizationIdLoader,
    IndustryChainByIdLoader,
    LiaisonOfficersByEnterpriseIdLoader,
    MemberCountByEnterpriseIdLoader,
    MemberCountByOrganizationIdLoader,
    OrganizationsByEnterpriseIdLoader,
    PartyMemberByIdLoader,
    PartyOrganizationByIdLoader,
    TransfersByMemberIdLoader,
)
from redchain.graphql.relay import Node, encode_id
from redchain.graphql.tenancy.dataloaders import UserByIdLoader
from redchain.graphql.tenancy.types import User, shown_phone
from redchain.services.registry import id_card
from redchain.services.registry import models as rows
from redchain.services.registry import service as registry
from redchain.services.registry.errors import RegistryErrorCode as RegistryErrorCodeEnum
from redchain.services.registry.imports.errors import ImportErrorCode
from redchain.services.registry.policies import sees_enterprise_phone, sees_member_phone

OrganizationKind = strawberry.enum(
    rows.OrganizationKind,
    description="党委 PARTY_COMMITTEE, 党总支 GENERAL_BRANCH, 党支部 BRANCH, 联合党支部 JOINT_BRANCH (covers several "
    "enterprises), 临时党支部 TEMPORARY_BRANCH, 片区支部 AREA_BRANCH (floating members).",
)
FormationMode = strawberry.enum(
    rows.FormationMode,
    description="单独组建 STANDALONE, 联合共建 JOINT, 群团促建 MASS_ORGANIZATION, 业务需求组建 BUSINESS_NEED, "
    "区块链 AREA_BLOCK.",
)
OrganizationStatus = strawberry.enum(
    rows.OrganizationStatus, description="PREPARING (组建中) → FORMED (成立) → DISSOLVED; PREPARING → DISSOLVED."
)
MemberStatus = strawberry.enum(
    rows.MemberStatus,
    description="正式党员 FULL, 预备党员 PROBATIONARY, 发展对象 DEVELOPMENT_TARGET, 入党积极分子 ACTIVIST.",
)


@strawberry.type(description="An industry chain's Party committee (产业链党委).")
class IndustryChain(Node):
    name: str
    description: str | None
    sort_order: int
    archived_at: datetime | None
    created_at: datetime
    row: strawberry.Private[rows.IndustryChain]

    @strawberry.field(description="The committee's secretary: a person with a CHAIN_STAFF role for this chain.")
    async def secretary(self, info: Info) -> User | None:
        if self.row.secretary_user_id is None:
            return None
        user = await info.context.loader(UserByIdLoader).load(self.row.secretary_user_id)
        return User.from_row(user) if user else None

    @classmethod
    def from_row(cls, row: rows.IndustryChain) -> "IndustryChain":
        return cls(
            id=encode_id("IndustryChain", row.id),
            name=row.name,
            description=row.description,
            sort_order=row.sort_order,
            archived_at=row.archived_at,
            created_at=row.created_at,
            row=row,
        )


async def _chain(info: Info, chain_id: object) -> IndustryChain | None:
    if chain_id is None:
        return None
    row = await info.context.loader(IndustryChainByIdLoader).load(chain_id)
    return IndustryChain.from_row(row) if row else None


@strawberry.type(description="A non-public enterprise (非公企业) of the park.")
class Enterprise(Node):
    credit_code: str = strawberry.field(description="统一社会信用代码 (GB 32100-2015).")
    name: str
    address: str | None
    area: str | None = strawberry.field(description="片区.")
    employee_count: int
    is_key: bool = strawberry.field(description="A key enterprise (重点企业).")
    contact_name: str | None
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime | None
    row: strawberry.Private[rows.Enterprise]
    # Relations read with the list's page (EnterpriseRelations); None: not loaded, ask the DataLoaders.
    loaded: strawberry.Private[EnterpriseRelations | None] = None

    @strawberry.field(description="Masked for roles that do not call enterprises (auditors, finance, integrations).")
    def contact_phone(self, info: Info) -> str | None:
        unmasked = sees_enterprise_phone(info.context.require_actor(), self.row.id, self.row.chain_id)
        return shown_phone(info, self.row.contact_phone, unmasked, "enterprise_contact_phone")

    # The relation fields are plain (synchronous) resolvers: with the page's relations loaded they return
    # the objects directly; otherwise they return the DataLoader's awaitable, which the executor awaits.
    @strawberry.field
    def chain(self, info: Info) -> IndustryChain | None:
        if self.loaded is None or self.loaded.chains is None:
            return _chain(info, self.row.chain_id)  # type: ignore[return-value]
        found = self.loaded.chains.get(self.row.chain_id) if self.row.chain_id else None
        return IndustryChain.from_row(found) if found else None

    @strawberry.field(description="Organisations covering it, its own or joint ones, in any status you may see.")
    def organizations(self, info: Info) -> list["PartyOrganization"]:
        if self.loaded is None or self.loaded.organizations is None:
            return self._organizations(info)  # type: ignore[return-value]
        return [PartyOrganization.from_row(o) for o in self.loaded.organizations[self.row.id]]

    async def _organizations(self, info: Info) -> list["PartyOrganization"]:
        orgs = await info.context.loader(OrganizationsByEnterpriseIdLoader).load(self.row.id)
        return [PartyOrganization.from_row(o) for o in orgs]

    @strawberry.field(description="Covered by a FORMED organisation, its own or a joint branch.")
    def is_covered(self, info: Info) -> bool:
        if self.loaded is None or self.loaded.organizations is None:
            return self._is_covered(info)  # type: ignore[return-value]
        return _covered(self.loaded.organizations[self.row.id])

    async def _is_covered(self, info: Info) -> bool:
        return _covered(await info.context.loader(OrganizationsByEnterpriseIdLoader).load(self.row.id))

    @strawberry.field(description="Officers and instructors with an active assignment (驻企联络员 / 党建指导员).")
    def liaison_officers(self, info: Info) -> list[User]:
        if self.loaded is None or self.loaded.officers is None:
            return self._liaison_officers(info)  # type: ignore[return-value]
        return [User.from_row(u) for u in self.loaded.officers[self.row.id]]

    async def _liaison_officers(self, info: Info) -> list[User]:
        return [
            User.from_row(u) for u in await info.context.loader(LiaisonOfficersByEnterpriseIdLoader).load(self.row.id)
        ]

    @strawberry.field(description="Full and probationary members employed here.")
    async def member_count(self, info: Info) -> int:
        return await info.context.loader(MemberCountByEnterpriseIdLoader).load(self.row.id)

    @classmethod
    def from_row(cls, row: rows.Enterprise, loaded: EnterpriseRelations | None = None) -> "Enterprise":
        return cls(
            id=encode_id("Enterprise", row.id),
            credit_code=row.credit_code,
            name=row.name,
            address=row.address,
            area=row.area,
            employee_count=row.employee_count,
            is_key=row.is_key,
            contact_name=row.contact_name,
            archived_at=row.archived_at,
            created_at=row.created_at,
            updated_at=row.updated_at,
            row=row,
            loaded=loaded,
        )


def _covered(orgs: list[rows.PartyOrganization]) -> bool:
    return any(o.status == rows.OrganizationStatus.FORMED for o in orgs)


async def _enterprise(info: Info, enterprise_id: object) -> Enterprise | None:
    if enterprise_id is None:
        return None
    row = await info.context.loader(EnterpriseByIdLoader).load(enterprise_id)
    return Enterprise.from_row(row) if row else None


async def _organization(info: Info, org_id: object) -> "PartyOrganization | None":
    if org_id is None:
        return None
    row = await info.context.loader(PartyOrganizationByIdLoader).load(org_id)
    return PartyOrganization.from_row(row) if row else None


@strawberry.type(description="A Party organisation (党组织).")
class PartyOrganization(Node):
    name: str
    kind: OrganizationKind  # type: ignore[valid-type]
    formation_mode: FormationMode  # type: ignore[valid-type]
    status: OrganizationStatus  # type: ignore[valid-type]
    formed_on: date | None
    dissolved_on: date | None
    version: int = strawberry.field(description="Goes up with every change.")
    created_at: datetime
    row: strawberry.Private[rows.PartyOrganization]

    @strawberry.field
    async def chain(self, info: Info) -> IndustryChain | None:
        return await _chain(info, self.row.chain_id)

    @strawberry.field(description="The superior organisation (a party committee or general branch).")
    async def parent(self, info: Info) -> "PartyOrganization | None":
        return await _organization(info, self.row.parent_id)

    @strawberry.field(description="The secretary (书记), a full member of this organisation.")
    async def secretary(self, info: Info) -> "PartyMember | None":
        if self.row.secretary_member_id is None:
            return None
        row = await info.context.loader(PartyMemberByIdLoader).load(self.row.secretary_member_id)
        return PartyMember.from_row(row) if row else None

    @strawberry.field(description="The enterprises it covers (those you may see).")
    async def enterprises(self, info: Info) -> list[Enterprise]:
        found = await info.context.loader(EnterprisesByOrganizationIdLoader).load(self.row.id)
        return [Enterprise.from_row(e) for e in found]

    @strawberry.field(description="Full and probationary members.")
    async def member_count(self, info: Info) -> int:
        return await info.context.loader(MemberCountByOrganizationIdLoader).load(self.row.id)

    @classmethod
    def from_row(cls, row: rows.PartyOrganization) -> "PartyOrganization":
        return cls(
            id=encode_id("PartyOrganization", row.id),
            name=row.name,
            kind=rows.OrganizationKind(row.kind),
            formation_mode=rows.FormationMode(row.formation_mode),
            status=rows.OrganizationStatus(row.status),
            formed_on=row.formed_on,
            dissolved_on=row.dissolved_on,
            version=row.version,
            created_at=row.created_at,
            row=row,
        )


@strawberry.type(description="A move between organisations (组织关系转接).")
class MemberTransfer(Node):
    transferred_on: date
    reason: str | None
    created_at: datetime
    row: strawberry.Private[rows.MemberTransfer]

    @strawberry.field
    async def from_organization(self, info: Info) -> PartyOrganization | None:
        return await _organization(info, self.row.from_organization_id)

    @strawberry.field
    async def to_organization(self, info: Info) -> PartyOrganization | None:
        return await _organization(info, self.row.to_organization_id)

    @strawberry.field
    async def member(self, info: Info) -> "PartyMember | None":
        row = await info.context.loader(PartyMemberByIdLoader).load(self.row.member_id)
        return PartyMember.from_row(row) if row else None

    @classmethod
    def from_row(cls, row: rows.MemberTransfer) -> "MemberTransfer":
        return cls(
            id=encode_id("MemberTransfer", row.id),
            transferred_on=row.transferred_on,
            reason=row.reason,
            created_at=row.created_at,
            row=row,
        )


@strawberry.type(description="A Party member (党员), development target or activist.")
class PartyMember(Node):
    name: str
    status: MemberStatus  # type: ignore[valid-type]
    joined_on: date | None
    is_floating: bool = strawberry.field(description="A floating member (流动党员).")
    inflow_area: str | None = strawberry.field(description="Where a floating member is (流入地).")
    archived_at: datetime | None
    created_at: datetime
    row: strawberry.Private[rows.PartyMember]

    @strawberry.field(description="The ID-card number is never returned whole: only its last four characters.")
    def id_card_masked(self) -> str | None:
        return id_card.mask(self.row.id_card_last4)

    @strawberry.field(
        description="Whole for those who manage members and for the member's enterprise contact; "
        "masked for everyone else."
    )
    def phone(self, info: Info) -> str | None:
        unmasked = sees_member_phone(info.context.require_actor(), self.row.enterprise_id)
        return shown_phone(info, self.row.phone, unmasked, "member_phone")

    @strawberry.field
    async def organization(self, info: Info) -> PartyOrganization | None:
        return await _organization(info, self.row.organization_id)

    @strawberry.field(description="The employer.")
    async def enterprise(self, info: Info) -> Enterprise | None:
        return await _enterprise(info, self.row.enterprise_id)

    @strawberry.field(description="Its moves between organisations, oldest first.")
    async def transfers(self, info: Info) -> list[MemberTransfer]:
        found = await info.context.loader(TransfersByMemberIdLoader).load(self.row.id)
        return [MemberTransfer.from_row(t) for t in found]

    @classmethod
    def from_row(cls, row: rows.PartyMember) -> "PartyMember":
        return cls(
            id=encode_id("PartyMember", row.id),
            name=row.name,
            status=rows.MemberStatus(row.status),
            joined_on=row.joined_on,
            is_floating=row.is_floating,
            inflow_area=row.inflow_area,
            archived_at=row.archived_at,
            created_at=row.created_at,
            row=row,
        )


@strawberry.type(description="Organisations of one kind: formed, and still being formed.")
class OrganizationKindCount:
    kind: OrganizationKind  # type: ignore[valid-type]
    formed: int
    preparing: int


@strawberry.type(description="Members in one status.")
class MemberStatusCount:
    status: MemberStatus  # type: ignore[valid-type]
    count: int


@strawberry.type(description="Floating members (流动党员) who are in one inflow area (流入地).")
class InflowAreaCount:
    inflow_area: str | None = strawberry.field(description="null for floating members without a recorded area.")
    member_count: int


@strawberry.type(description="An enterprise with enough full members to form an organisation, and none formed.")
class FormationCandidate:
    enterprise: Enterprise
    full_member_count: int
    preparing: bool = strawberry.field(description="An organisation covering it is being formed (组建中).")


@strawberry.type(description="Coverage (覆盖) of the park or of one chain: 不让一家企业、一个党员失联.")
class Coverage:
    data: strawberry.Private[registry.Coverage]

    @strawberry.field
    async def chain(self, info: Info) -> IndustryChain | None:
        return await _chain(info, self.data.chain_id)

    @strawberry.field(description="Live (not archived) enterprises.")
    def enterprise_count(self) -> int:
        return self.data.enterprises.enterprises

    @strawberry.field(description="Covered by a FORMED organisation, their own or a joint branch.")
    def covered_enterprise_count(self) -> int:
        return self.data.enterprises.covered

    @strawberry.field(description="Covered enterprises / enterprises, 0 to 1.")
    def coverage_rate(self) -> float:
        return self.data.coverage_rate

    @strawberry.field
    def key_enterprise_count(self) -> int:
        return self.data.enterprises.key_enterprises

    @strawberry.field
    def employee_count(self) -> int:
        return self.data.enterprises.employees

    @strawberry.field(description="Employees of covered enterprises.")
    def covered_employee_count(self) -> int:
        return self.data.enterprises.covered_employees

    @strawberry.field
    def employee_coverage_rate(self) -> float:
        return self.data.employee_coverage_rate

    @strawberry.field
    def organizations_by_kind(self) -> list[OrganizationKindCount]:
        return [
            OrganizationKindCount(kind=k.kind, formed=k.formed, preparing=k.preparing) for k in self.data.organizations
        ]

    @strawberry.field
    def formed_organization_count(self) -> int:
        return sum(k.formed for k in self.data.organizations)

    @strawberry.field
    def preparing_organization_count(self) -> int:
        return sum(k.preparing for k in self.data.organizations)

    @strawberry.field(description="Full and probationary members.")
    def member_count(self) -> int:
        return self.data.members.members

    @strawberry.field(description="Floating full and probationary members (流动党员).")
    def floating_member_count(self) -> int:
        return self.data.members.floating

    @strawberry.field
    def members_by_status(self) -> list[MemberStatusCount]:
        return [MemberStatusCount(status=s, count=n) for s, n in self.data.members.by_status.items()]

    @strawberry.field(description="Enterprises with 3+ full members and no formed organisation.")
    def formation_pipeline_count(self) -> int:
        return self.data.pipeline_count

    @strawberry.field(description="The first of them, most members first.")
    def formation_pipeline(self) -> list[FormationCandidate]:
        return [
            FormationCandidate(
                enterprise=Enterprise.from_row(p.enterprise), full_member_count=p.full_members, preparing=p.preparing
            )
            for p in self.data.pipeline
        ]

    @strawberry.field(
        description="Key enterprises with neither a formed organisation nor an active liaison officer: the 失联 risk."
    )
    def unreached_key_enterprise_count(self) -> int:
        return self.data.unreached_count

    @strawberry.field(description="The first of them, by name.")
    def unreached_key_enterprises(self) -> list[Enterprise]:
        return [Enterprise.from_row(e) for e in self.data.unreached_key_enterprises]


RegistryErrorCode = error_code_enum("RegistryErrorCode", RegistryErrorCodeEnum, ImportErrorCode)


@strawberry.type(description="A rule or validation failure of a registry mutation.")
class RegistryUserError(UserError):
    code: RegistryErrorCode  # type: ignore[valid-type]
