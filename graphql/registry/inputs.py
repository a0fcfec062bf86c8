"""Input objects of the registry; update inputs follow the one partial-update rule of graphql/updates.py."""

from datetime import date

import strawberry
from strawberry import UNSET

from redchain.graphql.registry.types import FormationMode, MemberStatus, OrganizationKind, OrganizationStatus
from redchain.graphql.updates import UPDATE_INPUT

# Filters -------------------------------------------------------------------------------------------


@strawberry.input
class EnterpriseFilter:
    chain_id: strawberry.ID | None = None
    area: str | None = None
    is_key: bool | None = None
    covered: bool | None = strawberry.field(default=None, description="Covered by a FORMED organisation.")
    archived: bool | None = strawberry.field(default=False, description="null: archived or not.")
    search: str | None = strawberry.field(default=None, description="A substring of the name or the credit code.")


@strawberry.input
class PartyOrganizationFilter:
    chain_id: strawberry.ID | None = None
    kind: OrganizationKind | None = None  # type: ignore[valid-type]
    status: OrganizationStatus | None = None  # type: ignore[valid-type]
    parent_id: strawberry.ID | None = None
    enterprise_id: strawberry.ID | None = strawberry.field(default=None, description="Covering this enterprise.")
    search: str | None = strawberry.field(default=None, description="A substring of the name.")


@strawberry.input
class MemberFilter:
    chain_id: strawberry.ID | None = strawberry.field(
        default=None, description="Of the member's enterprise, or else of its organisation."
    )
    organization_id: strawberry.ID | None = None
    enterprise_id: strawberry.ID | None = None
    status: MemberStatus | None = None  # type: ignore[valid-type]
    is_floating: bool | None = None
    inflow_area: str | None = strawberry.field(default=None, description="A floating member's inflow area, exactly.")
    archived: bool | None = strawberry.field(default=False, description="null: archived or not.")
    search: str | None = strawberry.field(default=None, description="A substring of the name.")


# Industry chains -----------------------------------------------------------------------------------


@strawberry.input
class CreateIndustryChainInput:
    name: str
    description: str | None = None
    sort_order: int | None = strawberry.field(default=None, description="Defaults to after the last chain.")


@strawberry.input(description=UPDATE_INPUT)
class UpdateIndustryChainInput:
    id: strawberry.ID
    name: str | None = UNSET
    description: str | None = UNSET
    sort_order: int | None = UNSET


@strawberry.input
class ArchiveInput:
    id: strawberry.ID


@strawberry.input
class SetIndustryChainSecretaryInput:
    id: strawberry.ID
    user_id: strawberry.ID | None = strawberry.field(description="A user with CHAIN_STAFF for this chain; null clears.")


# Enterprises ---------------------------------------------------------------------------------------


@strawberry.input
class CreateEnterpriseInput:
    credit_code: str = strawberry.field(description="统一社会信用代码: 18 characters with its check character.")
    name: str
    chain_id: strawberry.ID | None = strawberry.field(default=None, description="Required for CHAIN_STAFF.")
    address: str | None = None
    area: str | None = None
    employee_count: int = 0
    is_key: bool = False
    contact_name: str | None = None
    contact_phone: str | None = None


@strawberry.input(description=UPDATE_INPUT)
class UpdateEnterpriseInput:
    id: strawberry.ID
    credit_code: str | None = UNSET
    name: str | None = UNSET
    chain_id: strawberry.ID | None = UNSET
    address: str | None = UNSET
    area: str | None = UNSET
    employee_count: int | None = UNSET
    is_key: bool | None = UNSET
    contact_name: str | None = UNSET
    contact_phone: str | None = UNSET


@strawberry.input(description=UPDATE_INPUT)
class UpdateEnterpriseContactInput:
    id: strawberry.ID
    contact_name: str | None = UNSET
    contact_phone: str | None = UNSET


# Party organisations -------------------------------------------------------------------------------


@strawberry.input
class CreatePartyOrganizationInput:
    name: str
    kind: OrganizationKind  # type: ignore[valid-type]
    formation_mode: FormationMode  # type: ignore[valid-type]
    chain_id: strawberry.ID | None = None
    parent_id: strawberry.ID | None = None
    enterprise_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="One enterprise, or two or more for a JOINT_BRANCH."
    )


@strawberry.input(description=UPDATE_INPUT)
class UpdatePartyOrganizationInput:
    id: strawberry.ID
    name: str | None = UNSET
    kind: OrganizationKind | None = UNSET  # type: ignore[valid-type]
    formation_mode: FormationMode | None = UNSET  # type: ignore[valid-type]
    chain_id: strawberry.ID | None = UNSET
    parent_id: strawberry.ID | None = UNSET


@strawberry.input
class SetPartyOrganizationEnterprisesInput:
    id: strawberry.ID
    enterprise_ids: list[strawberry.ID]


@strawberry.input
class SetPartyOrganizationSecretaryInput:
    id: strawberry.ID
    member_id: strawberry.ID | None = strawberry.field(description="A full member of the organisation; null clears.")


@strawberry.input
class FormPartyOrganizationInput:
    id: strawberry.ID
    formed_on: date = strawberry.field(description="The day it was formed (成立), not after today.")


@strawberry.input
class DissolvePartyOrganizationInput:
    id: strawberry.ID
    dissolved_on: date
    reason: str | None = None


# Members -------------------------------------------------------------------------------------------


@strawberry.input
class CreateMemberInput:
    name: str
    status: MemberStatus  # type: ignore[valid-type]
    id_card_number: str | None = strawberry.field(
        default=None, description="18 characters; stored only as a keyed hash and its last four."
    )
    organization_id: strawberry.ID | None = None
    enterprise_id: strawberry.ID | None = None
    joined_on: date | None = None
    is_floating: bool = False
    inflow_area: str | None = strawberry.field(default=None, description="Required for a floating member.")
    phone: str | None = None


@strawberry.input(description=UPDATE_INPUT)
class UpdateMemberInput:
    id: strawberry.ID
    name: str | None = UNSET
    status: MemberStatus | None = UNSET  # type: ignore[valid-type]
    id_card_number: str | None = UNSET
    enterprise_id: strawberry.ID | None = UNSET
    joined_on: date | None = UNSET
    is_floating: bool | None = UNSET
    inflow_area: str | None = UNSET
    phone: str | None = UNSET


@strawberry.input
class TransferMemberInput:
    member_id: strawberry.ID
    to_organization_id: strawberry.ID
    transferred_on: date
    reason: str | None = None
