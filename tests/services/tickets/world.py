"""The tickets tests' cast: a park with two chains (the first with a secretary), an enterprise in each,
a liaison officer posted to the first, one person in every role, the reference taxonomy, and a second park."""

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from redchain.infra.db import Database
from redchain.services.actor import Actor, Grant
from redchain.services.liaison.models import AssignmentKind, LiaisonAssignment
from redchain.services.permissions import Role
from redchain.services.registry.models import Enterprise, IndustryChain
from redchain.services.tenancy.models import Tenant, User
from redchain.services.tickets import service as tickets
from redchain.services.tickets import taxonomy
from redchain.services.tickets.models import Ticket, TicketCategory, TicketPriority
from redchain.services.tickets.service import TicketDraft, TransitionRequest
from redchain.services.tickets.workflow import TicketAction
from tests.factories import actor_for, create_chain, create_enterprise, create_member, create_park

# A Monday morning in park time (09:30 Asia/Shanghai), far from holidays: tests pass `now` explicitly.
MONDAY = datetime(2026, 3, 9, 1, 30, tzinfo=UTC)


@dataclass
class Person:
    user: User
    actor: Actor


@dataclass
class World:
    park: Tenant
    chain: IndustryChain  # its secretary is `secretary`
    other_chain: IndustryChain  # no secretary
    enterprise: Enterprise  # in `chain`; `officer` is posted to it
    other_enterprise: Enterprise  # in `other_chain`
    admin: Person
    secretary: Person  # CHAIN_STAFF of `chain` and its secretary
    staff: Person  # CHAIN_STAFF of `chain`
    other_staff: Person  # CHAIN_STAFF of `other_chain`
    officer: Person  # LIAISON_OFFICER posted to `enterprise`
    other_officer: Person  # LIAISON_OFFICER posted nowhere
    auditor: Person
    finance: Person
    contact: Person  # ENTERPRISE_CONTACT of `enterprise`
    other_contact: Person  # ENTERPRISE_CONTACT of `other_enterprise`
    category: TicketCategory
    aspect: TicketCategory

    def everyone(self) -> dict[str, Person]:
        return {name: value for name, value in vars(self).items() if isinstance(value, Person)}

    def draft(self, enterprise: Enterprise | None = None, **overrides: Any) -> TicketDraft:
        values: dict[str, Any] = {
            "enterprise_id": (enterprise or self.enterprise).id,
            "title": "用电增容审批缓慢",
            "description": "新产线需要增容 800 kVA，供电公司审批已两个月未果。",
            "category_id": self.category.id,
            "aspect_id": self.aspect.id,
            "priority": TicketPriority.NORMAL,
        }
        return TicketDraft(**(values | overrides))


async def person(db: Database, park: Tenant, role: Role, **scope: uuid.UUID) -> Person:
    user, _ = await create_member(db, park, role, **scope)
    return Person(user, actor_for(park, user, Grant(role, scope.get("chain_id"), scope.get("enterprise_id"))))


async def post_officer(
    db: Database, park: Tenant, officer: Person, enterprise: Enterprise, starts_on: date = date(2020, 1, 1)
) -> None:
    async with db.transaction(park.id) as session:
        session.add(
            LiaisonAssignment(
                tenant_id=park.id,
                officer_user_id=officer.user.id,
                enterprise_id=enterprise.id,
                kind=AssignmentKind.LIAISON_OFFICER,
                starts_on=starts_on,
            )
        )


async def build_world(db: Database) -> World:
    park = await create_park(db)
    chain, other_chain = await create_chain(db, park), await create_chain(db, park)
    enterprise = await create_enterprise(db, park, chain_id=chain.id, is_key=True)
    other_enterprise = await create_enterprise(db, park, chain_id=other_chain.id)
    secretary = await person(db, park, Role.CHAIN_STAFF, chain_id=chain.id)
    async with db.transaction(park.id) as session:
        await taxonomy.seed_reference_taxonomy(session, park.id)
        stored = await session.get(IndustryChain, (park.id, chain.id))
        assert stored is not None
        stored.secretary_user_id = secretary.user.id
    officer = await person(db, park, Role.LIAISON_OFFICER)
    await post_officer(db, park, officer, enterprise)
    admin = await person(db, park, Role.PARK_ADMIN)
    async with db.transaction(park.id) as session:
        categories = await taxonomy.list_categories(session, admin.actor)
    category = next(c for c in categories if c.code == "PRODUCTION_FACTORS")
    aspect = next(c for c in categories if c.code == "SUPPLY_AND_UTILITIES")
    return World(
        park=park,
        chain=chain,
        other_chain=other_chain,
        enterprise=enterprise,
        other_enterprise=other_enterprise,
        admin=admin,
        secretary=secretary,
        staff=await person(db, park, Role.CHAIN_STAFF, chain_id=chain.id),
        other_staff=await person(db, park, Role.CHAIN_STAFF, chain_id=other_chain.id),
        officer=officer,
        other_officer=await person(db, park, Role.LIAISON_OFFICER),
        auditor=await person(db, park, Role.AUDITOR),
        finance=await person(db, park, Role.FINANCE_OFFICER),
        contact=await person(db, park, Role.ENTERPRISE_CONTACT, enterprise_id=enterprise.id),
        other_contact=await person(db, park, Role.ENTERPRISE_CONTACT, enterprise_id=other_enterprise.id),
        category=category,
        aspect=aspect,
    )


async def raise_ticket(
    db: Database, world: World, by: Person | None = None, now: datetime = MONDAY, **overrides: Any
) -> Ticket:
    by = by or world.contact
    async with db.transaction(world.park.id, by.user.id) as session:
        return await tickets.create_ticket(session, by.actor, world.draft(**overrides), now=now)


async def act(
    db: Database, world: World, by: Person, ticket: Ticket, action: TicketAction, now: datetime = MONDAY, **request: Any
) -> Ticket:
    if action in (TicketAction.REJECT, TicketAction.REQUEST_INFO, TicketAction.RESOLVE, TicketAction.REOPEN):
        request.setdefault("text", "说明")
    if action is TicketAction.CLOSE and by.actor.has_role(Role.ENTERPRISE_CONTACT):
        request.setdefault("rating", 5)
    async with db.transaction(world.park.id, by.user.id) as session:
        return await tickets.transition(session, by.actor, ticket.id, TransitionRequest(action, **request), now=now)


async def reload(db: Database, world: World, ticket: Ticket) -> Ticket:
    async with db.transaction(world.park.id) as session:
        found = await tickets.get_ticket(session, world.admin.actor, ticket.id)
    assert found is not None
    return found
