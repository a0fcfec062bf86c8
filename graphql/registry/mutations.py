"""Mutations of the registry. Each is one unit of work: rule failures come back as userErrors and change
nothing; an object outside the caller's scope is a NOT_FOUND userError; a missing permission is FORBIDDEN."""

import uuid
from collections.abc import Awaitable, Callable

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types import Info

from redchain.graphql.errors import mutate
from redchain.graphql.permissions import HasPerm
from redchain.graphql.registry.inputs import (
    ArchiveInput,
    CreateEnterpriseInput,
    CreateIndustryChainInput,
    CreateMemberInput,
    CreatePartyOrganizationInput,
    DissolvePartyOrganizationInput,
    FormPartyOrganizationInput,
    SetIndustryChainSecretaryInput,
    SetPartyOrganizationEnterprisesInput,
    SetPartyOrganizationSecretaryInput,
    TransferMemberInput,
    UpdateEnterpriseContactInput,
    UpdateEnterpriseInput,
    UpdateIndustryChainInput,
    UpdateMemberInput,
    UpdatePartyOrganizationInput,
)
from redchain.graphql.registry.types import (
    Enterprise,
    IndustryChain,
    PartyMember,
    PartyOrganization,
    RegistryUserError,
)
from redchain.graphql.relay import decode_id, decode_ids, decode_optional_id
from redchain.graphql.updates import optional, required
from redchain.services.permissions import Perm
from redchain.services.registry import models as rows
from redchain.services.registry import service as registry


def _given_id(value: strawberry.ID | None, type_name: str, field: str) -> uuid.UUID | registry.Unset | None:
    return optional(value, lambda v: decode_id(v, type_name, field=field))


@strawberry.type
class IndustryChainPayload:
    industry_chain: IndustryChain | None = None
    user_errors: list[RegistryUserError] = strawberry.field(default_factory=list)


@strawberry.type
class EnterprisePayload:
    enterprise: Enterprise | None = None
    user_errors: list[RegistryUserError] = strawberry.field(default_factory=list)


@strawberry.type
class PartyOrganizationPayload:
    party_organization: PartyOrganization | None = None
    user_errors: list[RegistryUserError] = strawberry.field(default_factory=list)


@strawberry.type
class PartyMemberPayload:
    member: PartyMember | None = None
    user_errors: list[RegistryUserError] = strawberry.field(default_factory=list)


async def _chain(info: Info, action: Callable[[AsyncSession], Awaitable[rows.IndustryChain]]) -> IndustryChainPayload:
    return await mutate(
        info, IndustryChainPayload, action, lambda row: IndustryChainPayload(industry_chain=IndustryChain.from_row(row))
    )


async def _enterprise(info: Info, action: Callable[[AsyncSession], Awaitable[rows.Enterprise]]) -> EnterprisePayload:
    return await mutate(
        info, EnterprisePayload, action, lambda row: EnterprisePayload(enterprise=Enterprise.from_row(row))
    )


async def _organization(
    info: Info, action: Callable[[AsyncSession], Awaitable[rows.PartyOrganization]]
) -> PartyOrganizationPayload:
    return await mutate(
        info,
        PartyOrganizationPayload,
        action,
        lambda row: PartyOrganizationPayload(party_organization=PartyOrganization.from_row(row)),
    )


async def _member(info: Info, action: Callable[[AsyncSession], Awaitable[rows.PartyMember]]) -> PartyMemberPayload:
    return await mutate(
        info, PartyMemberPayload, action, lambda row: PartyMemberPayload(member=PartyMember.from_row(row))
    )


# The decoders below run inside the unit of work (called from the action), so a bad ID or a null for a required
# field is a userError naming that input.


def _enterprise_data(input: CreateEnterpriseInput) -> registry.EnterpriseData:
    return registry.EnterpriseData(
        credit_code=input.credit_code,
        name=input.name,
        chain_id=decode_optional_id(input.chain_id, "IndustryChain", field="chainId"),
        address=input.address,
        area=input.area,
        employee_count=input.employee_count,
        is_key=input.is_key,
        contact_name=input.contact_name,
        contact_phone=input.contact_phone,
    )


def _enterprise_changes(input: UpdateEnterpriseInput) -> registry.EnterpriseChanges:
    return registry.EnterpriseChanges(
        credit_code=required("creditCode", input.credit_code),
        name=required("name", input.name),
        chain_id=_given_id(input.chain_id, "IndustryChain", "chainId"),
        address=optional(input.address),
        area=optional(input.area),
        employee_count=required("employeeCount", input.employee_count),
        is_key=required("isKey", input.is_key),
        contact_name=optional(input.contact_name),
        contact_phone=optional(input.contact_phone),
    )


def _organization_data(input: CreatePartyOrganizationInput) -> registry.OrganizationData:
    return registry.OrganizationData(
        name=input.name,
        kind=rows.OrganizationKind(input.kind),
        formation_mode=rows.FormationMode(input.formation_mode),
        chain_id=decode_optional_id(input.chain_id, "IndustryChain", field="chainId"),
        parent_id=decode_optional_id(input.parent_id, "PartyOrganization", field="parentId"),
        enterprise_ids=tuple(decode_ids(input.enterprise_ids, "Enterprise", field="enterpriseIds")),
    )


def _organization_changes(input: UpdatePartyOrganizationInput) -> registry.OrganizationChanges:
    return registry.OrganizationChanges(
        name=required("name", input.name),
        kind=required("kind", input.kind, rows.OrganizationKind),
        formation_mode=required("formationMode", input.formation_mode, rows.FormationMode),
        chain_id=_given_id(input.chain_id, "IndustryChain", "chainId"),
        parent_id=_given_id(input.parent_id, "PartyOrganization", "parentId"),
    )


def _member_data(input: CreateMemberInput) -> registry.MemberData:
    return registry.MemberData(
        name=input.name,
        status=rows.MemberStatus(input.status),
        id_card_number=input.id_card_number,
        organization_id=decode_optional_id(input.organization_id, "PartyOrganization", field="organizationId"),
        enterprise_id=decode_optional_id(input.enterprise_id, "Enterprise", field="enterpriseId"),
        joined_on=input.joined_on,
        is_floating=input.is_floating,
        inflow_area=input.inflow_area,
        phone=input.phone,
    )


def _member_changes(input: UpdateMemberInput) -> registry.MemberChanges:
    return registry.MemberChanges(
        name=required("name", input.name),
        status=required("status", input.status, rows.MemberStatus),
        id_card_number=optional(input.id_card_number),
        enterprise_id=_given_id(input.enterprise_id, "Enterprise", "enterpriseId"),
        joined_on=optional(input.joined_on),
        is_floating=required("isFloating", input.is_floating),
        inflow_area=optional(input.inflow_area),
        phone=optional(input.phone),
    )


CHAINS_MANAGE = [HasPerm(Perm.CHAINS_MANAGE)]
REGISTRY_MANAGE = [HasPerm(Perm.REGISTRY_MANAGE)]


@strawberry.type
class RegistryMutation:
    # Industry chains ---------------------------------------------------------------------------

    @strawberry.mutation(permission_classes=CHAINS_MANAGE, description="Add an industry chain committee.")
    async def create_industry_chain(self, info: Info, input: CreateIndustryChainInput) -> IndustryChainPayload:
        actor = info.context.require_actor()
        return await _chain(
            info, lambda s: registry.create_chain(s, actor, input.name, input.description, input.sort_order)
        )

    @strawberry.mutation(permission_classes=CHAINS_MANAGE, description="Rename, describe or reorder a chain.")
    async def update_industry_chain(self, info: Info, input: UpdateIndustryChainInput) -> IndustryChainPayload:
        actor = info.context.require_actor()
        return await _chain(
            info,
            lambda s: registry.update_chain(
                s,
                actor,
                decode_id(input.id, "IndustryChain"),
                name=required("name", input.name),
                description=optional(input.description),
                sort_order=required("sortOrder", input.sort_order),
            ),
        )

    @strawberry.mutation(
        permission_classes=CHAINS_MANAGE, description="Archive a chain that has no live enterprise left."
    )
    async def archive_industry_chain(self, info: Info, input: ArchiveInput) -> IndustryChainPayload:
        actor = info.context.require_actor()
        return await _chain(info, lambda s: registry.archive_chain(s, actor, decode_id(input.id, "IndustryChain")))

    @strawberry.mutation(permission_classes=CHAINS_MANAGE, description="Set or clear a chain committee's secretary.")
    async def set_industry_chain_secretary(
        self, info: Info, input: SetIndustryChainSecretaryInput
    ) -> IndustryChainPayload:
        actor = info.context.require_actor()
        return await _chain(
            info,
            lambda s: registry.set_chain_secretary(
                s,
                actor,
                decode_id(input.id, "IndustryChain"),
                decode_optional_id(input.user_id, "User", field="userId"),
            ),
        )

    # Enterprises -------------------------------------------------------------------------------

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE, description="Register an enterprise.")
    async def create_enterprise(self, info: Info, input: CreateEnterpriseInput) -> EnterprisePayload:
        actor = info.context.require_actor()
        return await _enterprise(info, lambda s: registry.create_enterprise(s, actor, _enterprise_data(input)))

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE, description="Change an enterprise's details.")
    async def update_enterprise(self, info: Info, input: UpdateEnterpriseInput) -> EnterprisePayload:
        actor = info.context.require_actor()
        return await _enterprise(
            info,
            lambda s: registry.update_enterprise(
                s, actor, decode_id(input.id, "Enterprise"), _enterprise_changes(input)
            ),
        )

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.ENTERPRISE_CONTACT_UPDATE)],
        description="Change an enterprise's contact person and phone (its own contact may).",
    )
    async def update_enterprise_contact(self, info: Info, input: UpdateEnterpriseContactInput) -> EnterprisePayload:
        actor = info.context.require_actor()
        return await _enterprise(
            info,
            lambda s: registry.update_enterprise_contact(
                s, actor, decode_id(input.id, "Enterprise"), optional(input.contact_name), optional(input.contact_phone)
            ),
        )

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE, description="Archive an enterprise (never deleted).")
    async def archive_enterprise(self, info: Info, input: ArchiveInput) -> EnterprisePayload:
        actor = info.context.require_actor()
        return await _enterprise(
            info, lambda s: registry.archive_enterprise(s, actor, decode_id(input.id, "Enterprise"))
        )

    @strawberry.mutation(
        permission_classes=REGISTRY_MANAGE, description="Bring an archived enterprise back into the register."
    )
    async def restore_enterprise(self, info: Info, input: ArchiveInput) -> EnterprisePayload:
        actor = info.context.require_actor()
        return await _enterprise(
            info, lambda s: registry.restore_enterprise(s, actor, decode_id(input.id, "Enterprise"))
        )

    # Party organisations -----------------------------------------------------------------------

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE, description="Start forming an organisation (组建中).")
    async def create_party_organization(
        self, info: Info, input: CreatePartyOrganizationInput
    ) -> PartyOrganizationPayload:
        actor = info.context.require_actor()
        return await _organization(info, lambda s: registry.create_organization(s, actor, _organization_data(input)))

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE)
    async def update_party_organization(
        self, info: Info, input: UpdatePartyOrganizationInput
    ) -> PartyOrganizationPayload:
        actor = info.context.require_actor()
        return await _organization(
            info,
            lambda s: registry.update_organization(
                s, actor, decode_id(input.id, "PartyOrganization"), _organization_changes(input)
            ),
        )

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE, description="Replace the enterprises it covers.")
    async def set_party_organization_enterprises(
        self, info: Info, input: SetPartyOrganizationEnterprisesInput
    ) -> PartyOrganizationPayload:
        actor = info.context.require_actor()
        return await _organization(
            info,
            lambda s: registry.set_organization_enterprises(
                s,
                actor,
                decode_id(input.id, "PartyOrganization"),
                decode_ids(input.enterprise_ids, "Enterprise", field="enterpriseIds"),
            ),
        )

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE, description="Set or clear the secretary (书记).")
    async def set_party_organization_secretary(
        self, info: Info, input: SetPartyOrganizationSecretaryInput
    ) -> PartyOrganizationPayload:
        actor = info.context.require_actor()
        return await _organization(
            info,
            lambda s: registry.set_organization_secretary(
                s,
                actor,
                decode_id(input.id, "PartyOrganization"),
                decode_optional_id(input.member_id, "PartyMember", field="memberId"),
            ),
        )

    @strawberry.mutation(
        permission_classes=REGISTRY_MANAGE, description="PREPARING → FORMED (成立). Needs three full members."
    )
    async def form_party_organization(self, info: Info, input: FormPartyOrganizationInput) -> PartyOrganizationPayload:
        actor = info.context.require_actor()
        return await _organization(
            info,
            lambda s: registry.form_organization(s, actor, decode_id(input.id, "PartyOrganization"), input.formed_on),
        )

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE, description="PREPARING or FORMED → DISSOLVED.")
    async def dissolve_party_organization(
        self, info: Info, input: DissolvePartyOrganizationInput
    ) -> PartyOrganizationPayload:
        actor = info.context.require_actor()
        return await _organization(
            info,
            lambda s: registry.dissolve_organization(
                s, actor, decode_id(input.id, "PartyOrganization"), input.dissolved_on, input.reason
            ),
        )

    # Members -----------------------------------------------------------------------------------

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE, description="Register a member.")
    async def create_member(self, info: Info, input: CreateMemberInput) -> PartyMemberPayload:
        actor = info.context.require_actor()
        return await _member(info, lambda s: registry.create_member(s, actor, _member_data(input)))

    @strawberry.mutation(
        permission_classes=REGISTRY_MANAGE,
        description="Change a member's details; its organisation changes by transferMember.",
    )
    async def update_member(self, info: Info, input: UpdateMemberInput) -> PartyMemberPayload:
        actor = info.context.require_actor()
        return await _member(
            info,
            lambda s: registry.update_member(s, actor, decode_id(input.id, "PartyMember"), _member_changes(input)),
        )

    @strawberry.mutation(
        permission_classes=REGISTRY_MANAGE,
        description="Move a member to another organisation; the move is kept in its history.",
    )
    async def transfer_member(self, info: Info, input: TransferMemberInput) -> PartyMemberPayload:
        actor = info.context.require_actor()
        return await _member(
            info,
            lambda s: registry.transfer_member(
                s,
                actor,
                decode_id(input.member_id, "PartyMember", field="memberId"),
                decode_id(input.to_organization_id, "PartyOrganization", field="toOrganizationId"),
                input.transferred_on,
                input.reason,
            ),
        )

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE, description="Archive a member (never deleted).")
    async def archive_member(self, info: Info, input: ArchiveInput) -> PartyMemberPayload:
        actor = info.context.require_actor()
        return await _member(info, lambda s: registry.archive_member(s, actor, decode_id(input.id, "PartyMember")))
