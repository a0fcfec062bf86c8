"""Mutations of the registry. Each is one unit of work: rule failures come back as userErrors and change
nothing; an object outside the caller's scope is a NOT_FOUND userError; a missing permission is FORBIDDEN."""

import uuid

import strawberry
from strawberry.types import Info

from redchain.graphql.errors import UserError, mutate
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
from redchain.graphql.registry.types import Enterprise, IndustryChain, PartyMember, PartyOrganization
from redchain.graphql.relay import decode_id, decode_optional_id
from redchain.graphql.updates import optional, required
from redchain.services.permissions import Perm
from redchain.services.registry import models as rows
from redchain.services.registry import service as registry


def _given_id(value: strawberry.ID | None, type_name: str, locale: str) -> uuid.UUID | registry.Unset | None:
    return optional(value, lambda v: decode_id(v, type_name, locale))


@strawberry.type
class IndustryChainPayload:
    industry_chain: IndustryChain | None
    user_errors: list[UserError]


@strawberry.type
class EnterprisePayload:
    enterprise: Enterprise | None
    user_errors: list[UserError]


@strawberry.type
class PartyOrganizationPayload:
    party_organization: PartyOrganization | None
    user_errors: list[UserError]


@strawberry.type
class PartyMemberPayload:
    member: PartyMember | None
    user_errors: list[UserError]


def _chain(row: rows.IndustryChain | None, errors: list[UserError]) -> IndustryChainPayload:
    return IndustryChainPayload(industry_chain=IndustryChain.from_row(row) if row else None, user_errors=errors)


def _enterprise(row: rows.Enterprise | None, errors: list[UserError]) -> EnterprisePayload:
    return EnterprisePayload(enterprise=Enterprise.from_row(row) if row else None, user_errors=errors)


def _organization(row: rows.PartyOrganization | None, errors: list[UserError]) -> PartyOrganizationPayload:
    return PartyOrganizationPayload(
        party_organization=PartyOrganization.from_row(row) if row else None, user_errors=errors
    )


def _member(row: rows.PartyMember | None, errors: list[UserError]) -> PartyMemberPayload:
    return PartyMemberPayload(member=PartyMember.from_row(row) if row else None, user_errors=errors)


CHAINS_MANAGE = [HasPerm(Perm.CHAINS_MANAGE)]
REGISTRY_MANAGE = [HasPerm(Perm.REGISTRY_MANAGE)]


@strawberry.type
class RegistryMutation:
    # Industry chains ---------------------------------------------------------------------------

    @strawberry.mutation(permission_classes=CHAINS_MANAGE, description="Add an industry chain committee.")
    async def create_industry_chain(self, info: Info, input: CreateIndustryChainInput) -> IndustryChainPayload:
        actor = info.context.require_actor()
        return _chain(
            *await mutate(
                info, lambda s: registry.create_chain(s, actor, input.name, input.description, input.sort_order)
            )
        )

    @strawberry.mutation(permission_classes=CHAINS_MANAGE, description="Rename, describe or reorder a chain.")
    async def update_industry_chain(self, info: Info, input: UpdateIndustryChainInput) -> IndustryChainPayload:
        actor = info.context.require_actor()
        chain_id = decode_id(input.id, "IndustryChain", info.context.locale)
        return _chain(
            *await mutate(
                info,
                lambda s: registry.update_chain(
                    s,
                    actor,
                    chain_id,
                    name=required("name", input.name),
                    description=optional(input.description),
                    sort_order=required("sortOrder", input.sort_order),
                ),
            )
        )

    @strawberry.mutation(
        permission_classes=CHAINS_MANAGE, description="Archive a chain that has no live enterprise left."
    )
    async def archive_industry_chain(self, info: Info, input: ArchiveInput) -> IndustryChainPayload:
        actor = info.context.require_actor()
        chain_id = decode_id(input.id, "IndustryChain", info.context.locale)
        return _chain(*await mutate(info, lambda s: registry.archive_chain(s, actor, chain_id)))

    @strawberry.mutation(permission_classes=CHAINS_MANAGE, description="Set or clear a chain committee's secretary.")
    async def set_industry_chain_secretary(
        self, info: Info, input: SetIndustryChainSecretaryInput
    ) -> IndustryChainPayload:
        actor, locale = info.context.require_actor(), info.context.locale
        chain_id = decode_id(input.id, "IndustryChain", locale)
        user_id = decode_optional_id(input.user_id, "User", locale)
        return _chain(*await mutate(info, lambda s: registry.set_chain_secretary(s, actor, chain_id, user_id)))

    # Enterprises -------------------------------------------------------------------------------

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE, description="Register an enterprise.")
    async def create_enterprise(self, info: Info, input: CreateEnterpriseInput) -> EnterprisePayload:
        actor = info.context.require_actor()
        data = registry.EnterpriseData(
            credit_code=input.credit_code,
            name=input.name,
            chain_id=decode_optional_id(input.chain_id, "IndustryChain", info.context.locale),
            address=input.address,
            area=input.area,
            employee_count=input.employee_count,
            is_key=input.is_key,
            contact_name=input.contact_name,
            contact_phone=input.contact_phone,
        )
        return _enterprise(*await mutate(info, lambda s: registry.create_enterprise(s, actor, data)))

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE, description="Change an enterprise's details.")
    async def update_enterprise(self, info: Info, input: UpdateEnterpriseInput) -> EnterprisePayload:
        actor, locale = info.context.require_actor(), info.context.locale
        enterprise_id = decode_id(input.id, "Enterprise", locale)

        def changes() -> registry.EnterpriseChanges:
            # Decoded inside the unit of work: null for a required field is a userError.
            return registry.EnterpriseChanges(
                credit_code=required("creditCode", input.credit_code),
                name=required("name", input.name),
                chain_id=_given_id(input.chain_id, "IndustryChain", locale),
                address=optional(input.address),
                area=optional(input.area),
                employee_count=required("employeeCount", input.employee_count),
                is_key=required("isKey", input.is_key),
                contact_name=optional(input.contact_name),
                contact_phone=optional(input.contact_phone),
            )

        return _enterprise(
            *await mutate(info, lambda s: registry.update_enterprise(s, actor, enterprise_id, changes()))
        )

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.ENTERPRISE_CONTACT_UPDATE)],
        description="Change an enterprise's contact person and phone (its own contact may).",
    )
    async def update_enterprise_contact(self, info: Info, input: UpdateEnterpriseContactInput) -> EnterprisePayload:
        actor = info.context.require_actor()
        enterprise_id = decode_id(input.id, "Enterprise", info.context.locale)
        return _enterprise(
            *await mutate(
                info,
                lambda s: registry.update_enterprise_contact(
                    s, actor, enterprise_id, optional(input.contact_name), optional(input.contact_phone)
                ),
            )
        )

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE, description="Archive an enterprise (never deleted).")
    async def archive_enterprise(self, info: Info, input: ArchiveInput) -> EnterprisePayload:
        actor = info.context.require_actor()
        enterprise_id = decode_id(input.id, "Enterprise", info.context.locale)
        return _enterprise(*await mutate(info, lambda s: registry.archive_enterprise(s, actor, enterprise_id)))

    # Party organisations -----------------------------------------------------------------------

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE, description="Start forming an organisation (组建中).")
    async def create_party_organization(
        self, info: Info, input: CreatePartyOrganizationInput
    ) -> PartyOrganizationPayload:
        actor, locale = info.context.require_actor(), info.context.locale
        data = registry.OrganizationData(
            name=input.name,
            kind=rows.OrganizationKind(input.kind),
            formation_mode=rows.FormationMode(input.formation_mode),
            chain_id=decode_optional_id(input.chain_id, "IndustryChain", locale),
            parent_id=decode_optional_id(input.parent_id, "PartyOrganization", locale),
            enterprise_ids=tuple(decode_id(e, "Enterprise", locale) for e in input.enterprise_ids),
        )
        return _organization(*await mutate(info, lambda s: registry.create_organization(s, actor, data)))

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE)
    async def update_party_organization(
        self, info: Info, input: UpdatePartyOrganizationInput
    ) -> PartyOrganizationPayload:
        actor, locale = info.context.require_actor(), info.context.locale
        org_id = decode_id(input.id, "PartyOrganization", locale)

        def changes() -> registry.OrganizationChanges:
            # Decoded inside the unit of work: null for a required field is a userError.
            return registry.OrganizationChanges(
                name=required("name", input.name),
                kind=required("kind", input.kind, rows.OrganizationKind),
                formation_mode=required("formationMode", input.formation_mode, rows.FormationMode),
                chain_id=_given_id(input.chain_id, "IndustryChain", locale),
                parent_id=_given_id(input.parent_id, "PartyOrganization", locale),
            )

        return _organization(*await mutate(info, lambda s: registry.update_organization(s, actor, org_id, changes())))

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE, description="Replace the enterprises it covers.")
    async def set_party_organization_enterprises(
        self, info: Info, input: SetPartyOrganizationEnterprisesInput
    ) -> PartyOrganizationPayload:
        actor, locale = info.context.require_actor(), info.context.locale
        org_id = decode_id(input.id, "PartyOrganization", locale)
        enterprise_ids = [decode_id(e, "Enterprise", locale) for e in input.enterprise_ids]
        return _organization(
            *await mutate(info, lambda s: registry.set_organization_enterprises(s, actor, org_id, enterprise_ids))
        )

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE, description="Set or clear the secretary (书记).")
    async def set_party_organization_secretary(
        self, info: Info, input: SetPartyOrganizationSecretaryInput
    ) -> PartyOrganizationPayload:
        actor, locale = info.context.require_actor(), info.context.locale
        org_id = decode_id(input.id, "PartyOrganization", locale)
        member_id = decode_optional_id(input.member_id, "PartyMember", locale)
        return _organization(
            *await mutate(info, lambda s: registry.set_organization_secretary(s, actor, org_id, member_id))
        )

    @strawberry.mutation(
        permission_classes=REGISTRY_MANAGE, description="PREPARING → FORMED (成立). Needs three full members."
    )
    async def form_party_organization(self, info: Info, input: FormPartyOrganizationInput) -> PartyOrganizationPayload:
        actor = info.context.require_actor()
        org_id = decode_id(input.id, "PartyOrganization", info.context.locale)
        return _organization(
            *await mutate(info, lambda s: registry.form_organization(s, actor, org_id, input.formed_on))
        )

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE, description="PREPARING or FORMED → DISSOLVED.")
    async def dissolve_party_organization(
        self, info: Info, input: DissolvePartyOrganizationInput
    ) -> PartyOrganizationPayload:
        actor = info.context.require_actor()
        org_id = decode_id(input.id, "PartyOrganization", info.context.locale)
        return _organization(
            *await mutate(
                info, lambda s: registry.dissolve_organization(s, actor, org_id, input.dissolved_on, input.reason)
            )
        )

    # Members -----------------------------------------------------------------------------------

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE, description="Register a member.")
    async def create_member(self, info: Info, input: CreateMemberInput) -> PartyMemberPayload:
        actor, locale = info.context.require_actor(), info.context.locale
        data = registry.MemberData(
            name=input.name,
            status=rows.MemberStatus(input.status),
            id_card_number=input.id_card_number,
            organization_id=decode_optional_id(input.organization_id, "PartyOrganization", locale),
            enterprise_id=decode_optional_id(input.enterprise_id, "Enterprise", locale),
            joined_on=input.joined_on,
            is_floating=input.is_floating,
            inflow_area=input.inflow_area,
            phone=input.phone,
        )
        return _member(*await mutate(info, lambda s: registry.create_member(s, actor, data)))

    @strawberry.mutation(
        permission_classes=REGISTRY_MANAGE,
        description="Change a member's details; its organisation changes by transferMember.",
    )
    async def update_member(self, info: Info, input: UpdateMemberInput) -> PartyMemberPayload:
        actor, locale = info.context.require_actor(), info.context.locale
        member_id = decode_id(input.id, "PartyMember", locale)

        def changes() -> registry.MemberChanges:
            # Decoded inside the unit of work: null for a required field is a userError.
            return registry.MemberChanges(
                name=required("name", input.name),
                status=required("status", input.status, rows.MemberStatus),
                id_card_number=optional(input.id_card_number),
                enterprise_id=_given_id(input.enterprise_id, "Enterprise", locale),
                joined_on=optional(input.joined_on),
                is_floating=required("isFloating", input.is_floating),
                inflow_area=optional(input.inflow_area),
                phone=optional(input.phone),
            )

        return _member(*await mutate(info, lambda s: registry.update_member(s, actor, member_id, changes())))

    @strawberry.mutation(
        permission_classes=REGISTRY_MANAGE,
        description="Move a member to another organisation; the move is kept in its history.",
    )
    async def transfer_member(self, info: Info, input: TransferMemberInput) -> PartyMemberPayload:
        actor, locale = info.context.require_actor(), info.context.locale
        member_id = decode_id(input.member_id, "PartyMember", locale)
        to_id = decode_id(input.to_organization_id, "PartyOrganization", locale)
        return _member(
            *await mutate(
                info, lambda s: registry.transfer_member(s, actor, member_id, to_id, input.transferred_on, input.reason)
            )
        )

    @strawberry.mutation(permission_classes=REGISTRY_MANAGE, description="Archive a member (never deleted).")
    async def archive_member(self, info: Info, input: ArchiveInput) -> PartyMemberPayload:
        actor = info.context.require_actor()
        member_id = decode_id(input.id, "PartyMember", info.context.locale)
        return _member(*await mutate(info, lambda s: registry.archive_member(s, actor, member_id)))
