"""Plain factory functions for test data. Each call makes its own park or account, so tests never
share rows; `build_cast` is the one park with people in it that every context's tests start from."""

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from redchain.infra.clock import park_today
from redchain.infra.db import Database
from redchain.infra.security import hash_password
from redchain.services.actor import Actor, ActorKind, Grant, Principal
from redchain.services.liaison.models import AssignmentKind, LiaisonAssignment
from redchain.services.permissions import Perm, Role
from redchain.services.registry.credit_code import make_credit_code
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
from redchain.services.tenancy.models import Membership, Tenant, User
from redchain.services.tenancy.repository import TenancyRepository

PASSWORD = "correct-horse-battery"
# Hashing with argon2 is slow on purpose; tests share one hash.
PASSWORD_HASH = hash_password(PASSWORD)


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


async def create_park(db: Database, **overrides: Any) -> Tenant:
    park = Tenant(code=overrides.pop("code", unique("park")), name=overrides.pop("name", "测试园区"), **overrides)
    async with db.transaction() as session:
        await TenancyRepository(session).add(park)
    return park


async def create_chain(db: Database, park: Tenant, **overrides: Any) -> IndustryChain:
    chain = IndustryChain(tenant_id=park.id, name=overrides.pop("name", unique("产业链")), **overrides)
    async with db.transaction(park.id) as session:
        session.add(chain)
    return chain


async def create_enterprise(db: Database, park: Tenant, **overrides: Any) -> Enterprise:
    enterprise = Enterprise(
        tenant_id=park.id,
        credit_code=overrides.pop("credit_code", make_credit_code(uuid.uuid4().int % 31**9)),
        name=overrides.pop("name", unique("企业")),
        **overrides,
    )
    async with db.transaction(park.id) as session:
        session.add(enterprise)
    return enterprise


async def create_user(db: Database, **overrides: Any) -> User:
    user = User(
        email=overrides.pop("email", f"{unique('user')}@example.cn"),
        password_hash=overrides.pop("password_hash", PASSWORD_HASH),
        display_name=overrides.pop("display_name", "张三"),
        **overrides,
    )
    async with db.transaction() as session:
        await TenancyRepository(session).add(user)
    return user


async def create_member(
    db: Database, park: Tenant, role: Role, user: User | None = None, **scope: uuid.UUID | None
) -> tuple[User, Membership]:
    user = user or await create_user(db)
    membership = Membership(tenant_id=park.id, user_id=user.id, role=role, **scope)
    async with db.transaction(park.id) as session:
        await TenancyRepository(session).add(membership)
    return user, membership


def actor_for(park: Tenant, user: User, *grants: Grant, platform_admin: bool = False) -> Actor:
    return Actor(
        kind=ActorKind.USER,
        tenant_id=park.id,
        user_id=user.id,
        grants=grants,
        is_platform_admin=platform_admin,
    )


async def create_platform_admin(db: Database) -> tuple[User, Principal]:
    user = await create_user(db, is_platform_admin=True)
    return user, Principal(kind=ActorKind.USER, tenant_id=None, user_id=user.id, is_platform_admin=True)


def new_id_card() -> str:
    return make_id_card(uuid.uuid4().int % 1000, division=f"43{uuid.uuid4().int % 10000:04d}")


async def create_organization(
    db: Database, park: Tenant, enterprises: tuple[Enterprise, ...] = (), members: int = 0, **overrides: Any
) -> PartyOrganization:
    """Covering `enterprises`, with `members` full members."""
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
        session.add_all(
            PartyMember(tenant_id=park.id, name=f"党员{n}", status=MemberStatus.FULL, organization_id=org.id)
            for n in range(members)
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
    user: User | None  # None for an integration (an API key)
    actor: Actor


async def person(db: Database, park: Tenant, role: Role, **scope: uuid.UUID | None) -> Person:
    user, _ = await create_member(db, park, role, **scope)
    return Person(user, actor_for(park, user, Grant(role, scope.get("chain_id"), scope.get("enterprise_id"))))


@dataclass
class Cast:
    """A park with two chains, an enterprise in each, and someone in every role."""

    park: Tenant
    chain: IndustryChain  # its committee's secretary is `secretary`
    other_chain: IndustryChain  # no secretary
    enterprise: Enterprise  # in `chain`, a key enterprise with a contact person
    other_enterprise: Enterprise  # in `other_chain`
    admin: Person
    secretary: Person  # CHAIN_STAFF of `chain` and its secretary
    staff: Person  # CHAIN_STAFF of `chain`
    other_staff: Person  # CHAIN_STAFF of `other_chain`
    officer: Person  # LIAISON_OFFICER posted to `enterprise` (unless built with officer_posted=False)
    other_officer: Person  # LIAISON_OFFICER posted nowhere
    auditor: Person
    finance: Person
    contact: Person  # ENTERPRISE_CONTACT of `enterprise`
    other_contact: Person  # ENTERPRISE_CONTACT of `other_enterprise`
    api_key: Person  # an integration with registry:read

    def everyone(self) -> dict[str, Person]:
        """Every member of the park: the people, not the integration."""
        return {name: value for name, value in vars(self).items() if isinstance(value, Person) and value.user}

    def people(self, *names: str) -> list[tuple[str, Person]]:
        return [(name, getattr(self, name)) for name in names]


async def build_cast(db: Database, *, officer_posted: bool = True) -> Cast:
    park = await create_park(db)
    chain, other_chain = await create_chain(db, park), await create_chain(db, park)
    enterprise = await create_enterprise(
        db, park, chain_id=chain.id, is_key=True, employee_count=100, contact_name="李华", contact_phone="13800001111"
    )
    other_enterprise = await create_enterprise(db, park, chain_id=other_chain.id, employee_count=50)
    secretary = await person(db, park, Role.CHAIN_STAFF, chain_id=chain.id)
    async with db.transaction(park.id) as session:
        stored = await session.get(IndustryChain, (park.id, chain.id))
        assert stored is not None
        assert secretary.user is not None
        stored.secretary_user_id = chain.secretary_user_id = secretary.user.id
    officer = await person(db, park, Role.LIAISON_OFFICER)
    if officer_posted:
        assert officer.user is not None
        await create_assignment(db, park, officer.user, enterprise)
    return Cast(
        park=park,
        chain=chain,
        other_chain=other_chain,
        enterprise=enterprise,
        other_enterprise=other_enterprise,
        admin=await person(db, park, Role.PARK_ADMIN),
        secretary=secretary,
        staff=await person(db, park, Role.CHAIN_STAFF, chain_id=chain.id),
        other_staff=await person(db, park, Role.CHAIN_STAFF, chain_id=other_chain.id),
        officer=officer,
        other_officer=await person(db, park, Role.LIAISON_OFFICER),
        auditor=await person(db, park, Role.AUDITOR),
        finance=await person(db, park, Role.FINANCE_OFFICER),
        contact=await person(db, park, Role.ENTERPRISE_CONTACT, enterprise_id=enterprise.id),
        other_contact=await person(db, park, Role.ENTERPRISE_CONTACT, enterprise_id=other_enterprise.id),
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
