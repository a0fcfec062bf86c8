"""A park with two chains, an enterprise in each, and one person in every role: the liaison tests' cast."""

from dataclasses import dataclass
from datetime import date, timedelta

from redchain.infra.clock import park_today
from redchain.infra.db import Database
from redchain.services.liaison import service as liaison
from redchain.services.liaison.models import AssignmentKind, LiaisonAssignment
from redchain.services.permissions import Role
from redchain.services.registry.models import Enterprise, IndustryChain
from redchain.services.tenancy.models import Tenant
from tests.factories import create_chain, create_enterprise, create_park
from tests.services.registry.factories import Person, person


@dataclass
class World:
    park: Tenant
    chain: IndustryChain
    other_chain: IndustryChain
    enterprise: Enterprise  # in `chain`, a key enterprise
    other_enterprise: Enterprise  # in `other_chain`
    admin: Person
    staff: Person  # CHAIN_STAFF of `chain`
    other_staff: Person  # CHAIN_STAFF of `other_chain`
    officer: Person
    other_officer: Person
    auditor: Person
    finance: Person
    contact: Person  # ENTERPRISE_CONTACT of `enterprise`

    def everyone(self) -> dict[str, Person]:
        return {name: value for name, value in vars(self).items() if isinstance(value, Person)}


async def build_world(db: Database) -> World:
    park = await create_park(db)
    chain, other_chain = await create_chain(db, park), await create_chain(db, park)
    enterprise = await create_enterprise(db, park, chain_id=chain.id, is_key=True)
    other_enterprise = await create_enterprise(db, park, chain_id=other_chain.id)
    return World(
        park=park,
        chain=chain,
        other_chain=other_chain,
        enterprise=enterprise,
        other_enterprise=other_enterprise,
        admin=await person(db, park, Role.PARK_ADMIN),
        staff=await person(db, park, Role.CHAIN_STAFF, chain_id=chain.id),
        other_staff=await person(db, park, Role.CHAIN_STAFF, chain_id=other_chain.id),
        officer=await person(db, park, Role.LIAISON_OFFICER),
        other_officer=await person(db, park, Role.LIAISON_OFFICER),
        auditor=await person(db, park, Role.AUDITOR),
        finance=await person(db, park, Role.FINANCE_OFFICER),
        contact=await person(db, park, Role.ENTERPRISE_CONTACT, enterprise_id=enterprise.id),
    )


def days_ago(days: int) -> date:
    return park_today() - timedelta(days=days)


async def assign(
    db: Database,
    world: World,
    enterprise: Enterprise | None = None,
    officer: Person | None = None,
    starts_on: date | None = None,
    kind: AssignmentKind = AssignmentKind.LIAISON_OFFICER,
) -> LiaisonAssignment:
    officer = officer or world.officer
    async with db.transaction(world.park.id, world.admin.user.id) as session:
        return await liaison.assign(
            session,
            world.admin.actor,
            (enterprise or world.enterprise).id,
            officer.user.id,
            kind,
            starts_on or days_ago(30),
        )
