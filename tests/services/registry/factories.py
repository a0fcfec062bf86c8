"""Registry test data: organisations, members, liaison assignments, and a park with one person per role."""

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from redchain.infra.clock import park_today
from redchain.infra.db import Database
from redchain.services.actor import Actor, ActorKind, Grant
from redchain.services.liaison.models import AssignmentKind, LiaisonAssignment
from redchain.services.permissions import Perm, Role
from redchain.services.registry.id_card import make_id_card
from redchain.services.registry.members import id_card_fields
from redchain.services.registry.models import (
    Enterprise,
    FormationMode,
    IndustryChain,
    MemberStatus,
    OrganizationEnterprise,
    OrganizationKind,
    OrganizationStatus,
    PartyMember,
    PartyOrganization,
)
from redchain.services.tenancy.models import Tenant, User
from tests.factories import actor_for, create_chain, create_enterprise, create_member, create_park, unique


def new_id_card() -> str:
    return make_id_card(uuid.uuid4().int % 1000, division=f"43{uuid.uuid4().int % 10000:04d}")


async def create_organization(
    db: Database, park: Tenant, enterprises: tuple[Enterprise, ...] = (), **overrides: Any
) -> PartyOrganization:
    kind = overrides.pop("kind", OrganizationKind.JOINT_BRANCH if len(enterprises) > 1 else OrganizationKind.BRANCH)
    status = overrides.pop("status", OrganizationStatus.PREPARING)
    org = PartyOrganization(
        tenant_id=park.id,
        name=overrides.pop("name", unique("党支部")),
        kind=kind,
        status=status,
        formation_mode=overrides.pop("formation_mode", FormationMode.STANDALONE),
        formed_on=overrides.pop("formed_on", park_today() if status is OrganizationStatus.FORMED else None),
        **overrides,
    )
    async with db.transaction(park.id) as session:
        session.add(org)
        await session.flush()
        session.add_all(
            OrganizationEnterprise(tenant_id=park.id, organization_id=org.id, enterprise_id=e.id) for e in enterprises
        )
    return org


async def create_party_member(db: Database, park: Tenant, **overrides: Any) -> PartyMember:
    number = overrides.pop("id_card_number", new_id_card())
    member = PartyMember(
        tenant_id=park.id,
        name=overrides.pop("name", unique("党员")),
        status=overrides.pop("status", MemberStatus.FULL),
        **id_card_fields(number),
        **overrides,
    )
    async with db.transaction(park.id) as session:
        session.add(member)
    return member


async def create_assignment(
    db: Database, park: Tenant, officer: User, enterprise: Enterprise, **overrides: Any
) -> LiaisonAssignment:
    assignment = LiaisonAssignment(
        tenant_id=park.id,
        officer_user_id=officer.id,
        enterprise_id=enterprise.id,
        kind=overrides.pop("kind", AssignmentKind.LIAISON_OFFICER),
        starts_on=overrides.pop("starts_on", date(2024, 1, 1)),
        **overrides,
    )
    async with db.transaction(park.id) as session:
        session.add(assignment)
    return assignment


@dataclass
class Person:
    user: User | None
    actor: Actor


@dataclass
class Cast:
    """A park with two chains, an enterprise in each, and someone in every role."""

    park: Tenant
    chain: IndustryChain
    other_chain: IndustryChain
    enterprise: Enterprise  # in `chain`, a key enterprise
    other_enterprise: Enterprise  # in `other_chain`
    admin: Person
    staff: Person  # CHAIN_STAFF of `chain`
    other_staff: Person  # CHAIN_STAFF of `other_chain`
    officer: Person  # assigned to `enterprise`
    unassigned_officer: Person
    contact: Person  # ENTERPRISE_CONTACT of `enterprise`
    other_contact: Person  # ENTERPRISE_CONTACT of `other_enterprise`
    auditor: Person
    finance: Person
    api_key: Person  # an integration with registry:read

    def people(self, *names: str) -> list[tuple[str, Person]]:
        return [(name, getattr(self, name)) for name in names]


async def person(db: Database, park: Tenant, role: Role, **scope: uuid.UUID) -> Person:
    user, _ = await create_member(db, park, role, **scope)
    return Person(user, actor_for(park, user, Grant(role, scope.get("chain_id"), scope.get("enterprise_id"))))


async def build_cast(db: Database) -> Cast:
    park = await create_park(db)
    chain, other_chain = await create_chain(db, park), await create_chain(db, park)
    enterprise = await create_enterprise(
        db, park, chain_id=chain.id, is_key=True, employee_count=100, contact_name="李华", contact_phone="13800001111"
    )
    other_enterprise = await create_enterprise(db, park, chain_id=other_chain.id, employee_count=50)
    officer = await person(db, park, Role.LIAISON_OFFICER)
    assert officer.user is not None
    await create_assignment(db, park, officer.user, enterprise)
    return Cast(
        park=park,
        chain=chain,
        other_chain=other_chain,
        enterprise=enterprise,
        other_enterprise=other_enterprise,
        admin=await person(db, park, Role.PARK_ADMIN),
        staff=await person(db, park, Role.CHAIN_STAFF, chain_id=chain.id),
        other_staff=await person(db, park, Role.CHAIN_STAFF, chain_id=other_chain.id),
        officer=officer,
        unassigned_officer=await person(db, park, Role.LIAISON_OFFICER),
        contact=await person(db, park, Role.ENTERPRISE_CONTACT, enterprise_id=enterprise.id),
        other_contact=await person(db, park, Role.ENTERPRISE_CONTACT, enterprise_id=other_enterprise.id),
        auditor=await person(db, park, Role.AUDITOR),
        finance=await person(db, park, Role.FINANCE_OFFICER),
        api_key=Person(
            None,
            Actor(
                kind=ActorKind.API_KEY,
                tenant_id=park.id,
                api_key_id=uuid.uuid4(),
                api_scopes=frozenset({Perm.REGISTRY_READ}),
            ),
        ),
    )
