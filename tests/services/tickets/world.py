"""The tickets tests' world: the cast (tests/factories.py) with the reference taxonomy, and ticket steps."""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from redchain.infra.db import Database
from redchain.services.permissions import Role
from redchain.services.registry.models import Enterprise
from redchain.services.tickets import service as tickets
from redchain.services.tickets import taxonomy
from redchain.services.tickets.models import Ticket, TicketCategory, TicketPriority
from redchain.services.tickets.service import TicketDraft, TransitionRequest
from redchain.services.tickets.workflow import TicketAction
from tests.factories import Cast, Person, build_cast

# A Monday morning in park time (09:30 Asia/Shanghai), far from holidays: tests pass `now` explicitly.
MONDAY = datetime(2026, 3, 9, 1, 30, tzinfo=UTC)


@dataclass
class World(Cast):
    """The cast, with the park's reference problem taxonomy (问题分类)."""

    category: TicketCategory
    aspect: TicketCategory

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


async def build_world(db: Database) -> World:
    cast = await build_cast(db)
    async with db.transaction(cast.park.id) as session:
        await taxonomy.seed_reference_taxonomy(session, cast.park.id)
        categories = await taxonomy.list_categories(session, cast.admin.actor)
    category = next(c for c in categories if c.code == "PRODUCTION_FACTORS")
    aspect = next(c for c in categories if c.code == "SUPPLY_AND_UTILITIES")
    return World(**vars(cast), category=category, aspect=aspect)


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
