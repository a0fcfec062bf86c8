"""The liaison tests' world: the cast (tests/factories.py) before any posting, and posting people."""

from datetime import date, timedelta

from redchain.infra.clock import park_today
from redchain.infra.db import Database
from redchain.services.liaison import service as liaison
from redchain.services.liaison.models import AssignmentKind, LiaisonAssignment
from redchain.services.registry.models import Enterprise
from tests.factories import Cast, Person, build_cast

World = Cast


async def build_world(db: Database) -> World:
    """The cast with its officer posted nowhere yet: the tests post people themselves."""
    return await build_cast(db, officer_posted=False)


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
