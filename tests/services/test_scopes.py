"""Every repository's `scoped(actor)`, for every kind of actor, against a second park whose rows carry the
very same IDs: nothing of the other park is ever visible, and each role reaches what its policy says.

The repositories are discovered, not listed: a new one either has `scoped()` (and must get rows and an
expected reach here) or is named in UNSCOPED with the reason it needs none."""

import importlib
import inspect
import pkgutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest

import redchain.services
from redchain.infra.clock import park_today
from redchain.infra.db import Database
from redchain.services.actor import Actor, ActorKind, Grant
from redchain.services.audit.models import AuditEntry
from redchain.services.funds.models import ApplicationStatus, FundApplication, FundProgram, ProgramKind
from redchain.services.liaison.models import AssignmentKind, LiaisonAssignment, LiaisonVisit
from redchain.services.notifications.models import Notification
from redchain.services.permissions import API_KEY_SCOPES, Role
from redchain.services.registry.credit_code import make_credit_code
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
from redchain.services.tenancy.models import Membership, Tenant
from redchain.services.tickets.models import Ticket, TicketCategory, TicketPriority
from tests.factories import create_park, create_user, new_id_card

# Repositories without a scoped(actor), and why none is needed.
UNSCOPED = {
    "FundsRepository": "programs, the ledger, batches and payments are park-wide; permissions guard them",
    "CoverageRepository": "park or chain aggregates; coverage() admits park-wide readers and the chain's staff",
    "ImportRepository": "imports are read by ID after the registry:import permission",
    "DemoScaleRepository": "bulk inserts of the demo loader, no reads for an actor",
    "CalendarRepository": "the holiday calendar is platform data, the same for every park",
}

# Who is walked: every role of a park, an API key with every scope a key may carry, and the worker.
ROLES = ("PARK_ADMIN", "CHAIN_STAFF", "LIAISON_OFFICER", "ENTERPRISE_CONTACT", "FINANCE_OFFICER", "AUDITOR")
ACTORS = (*ROLES, "API_KEY", "SYSTEM")
EVERYWHERE = {"PARK_ADMIN", "AUDITOR", "API_KEY", "SYSTEM"}
CHAIN_X = {"CHAIN_STAFF", "LIAISON_OFFICER", "ENTERPRISE_CONTACT"}  # each reaches chain X's side only


def by_side(whole_park: set[str], side_x: set[str]) -> Callable[[str, Any, Actor], bool]:
    """Rows labelled X or Y: the whole-park actors see both, the scoped ones X, the rest nothing."""
    return lambda who, label, actor: who in whole_park or (who in side_x and label == "X")


def own_or_all(readers: set[str]) -> Callable[[str, Any, Actor], bool]:
    """Rows labelled by a user: readers see every one, anyone else those of its own user."""
    return lambda who, label, actor: who in readers or label == actor.user_id


EXPECTED: dict[type, Callable[[str, Any, Actor], bool]] = {
    IndustryChain: lambda who, label, actor: True,  # a park's chains are its public structure
    Enterprise: by_side(EVERYWHERE | {"FINANCE_OFFICER"}, CHAIN_X),
    PartyOrganization: by_side(EVERYWHERE | {"FINANCE_OFFICER"}, CHAIN_X),
    PartyMember: by_side(EVERYWHERE | {"FINANCE_OFFICER"}, CHAIN_X),
    LiaisonAssignment: by_side(EVERYWHERE, CHAIN_X),
    LiaisonVisit: by_side(EVERYWHERE, CHAIN_X),
    Ticket: by_side(EVERYWHERE, CHAIN_X),
    FundApplication: by_side(EVERYWHERE | {"FINANCE_OFFICER"}, {"CHAIN_STAFF", "ENTERPRISE_CONTACT"}),
    Membership: own_or_all({"PARK_ADMIN", "AUDITOR", "API_KEY", "SYSTEM"}),
    Notification: lambda who, label, actor: who in ROLES and label == actor.user_id,
    AuditEntry: lambda who, label, actor: who in EVERYWHERE,
}


def repositories() -> dict[str, type]:
    found: dict[str, type] = {}
    for module_info in pkgutil.walk_packages(redchain.services.__path__, "redchain.services."):
        if module_info.name.rsplit(".", 1)[-1].endswith("repository"):
            module = importlib.import_module(module_info.name)
            for name, cls in inspect.getmembers(module, inspect.isclass):
                if name.endswith("Repository") and cls.__module__ == module.__name__:
                    found[name] = cls
    return found


@dataclass
class World:
    parks: tuple[Tenant, Tenant]
    actors: dict[str, Actor]
    # (tenant_id, id) -> its label, per table
    rows: dict[type, dict[tuple[uuid.UUID, uuid.UUID], Any]] = field(default_factory=dict)

    def add(self, row: Any, label: Any) -> Any:
        self.rows.setdefault(type(row), {})[(row.tenant_id, row.id)] = label
        return row


async def _fill(
    db: Database, world: World, park: Tenant, ids: dict[str, uuid.UUID], users: dict[str, uuid.UUID]
) -> None:
    """The same rows, with the same IDs, in each park; park B's name park A's people too."""
    t, today = park.id, park_today()
    add = world.add
    async with db.transaction(t) as session:
        for side in "XY":
            session.add(add(IndustryChain(tenant_id=t, id=ids[f"chain{side}"], name=f"链{side}"), side))
        await session.flush()
        for side in "XY":
            session.add(
                add(
                    Enterprise(
                        tenant_id=t,
                        id=ids[f"enterprise{side}"],
                        chain_id=ids[f"chain{side}"],
                        name=f"企业{side}",
                        credit_code=make_credit_code(int(ids[f"enterprise{side}"]) % 31**9),
                    ),
                    side,
                )
            )
            session.add(
                add(
                    PartyOrganization(
                        tenant_id=t,
                        id=ids[f"organization{side}"],
                        chain_id=ids[f"chain{side}"],
                        name=f"党支部{side}",
                        kind=OrganizationKind.BRANCH,
                        status=OrganizationStatus.FORMED,
                        formation_mode=FormationMode.STANDALONE,
                        formed_on=today,
                    ),
                    side,
                )
            )
        await session.flush()
        for side in "XY":
            session.add(
                OrganizationEnterprise(
                    tenant_id=t, organization_id=ids[f"organization{side}"], enterprise_id=ids[f"enterprise{side}"]
                )
            )
            session.add(
                add(
                    PartyMember(
                        tenant_id=t,
                        id=ids[f"member{side}"],
                        name=f"党员{side}",
                        status=MemberStatus.FULL,
                        enterprise_id=ids[f"enterprise{side}"],
                        organization_id=ids[f"organization{side}"],
                        **id_card_fields(new_id_card()),
                    ),
                    side,
                )
            )
            officer = users["LIAISON_OFFICER"] if side == "X" else users["colleague"]
            session.add(
                add(
                    LiaisonAssignment(
                        tenant_id=t,
                        id=ids[f"assignment{side}"],
                        officer_user_id=officer,
                        enterprise_id=ids[f"enterprise{side}"],
                        kind=AssignmentKind.LIAISON_OFFICER,
                        starts_on=today - timedelta(days=10),
                    ),
                    side,
                )
            )
        await session.flush()
        aspect = TicketCategory(tenant_id=t, id=ids["category"], code="SUPPLY", name="要素保障")
        session.add(aspect)
        program = FundProgram(
            tenant_id=t,
            id=ids["program"],
            kind=ProgramKind.STARTUP_FUND,
            name="启动经费",
            fiscal_year=today.year,
            budget_fen=1_000_000,
        )
        session.add(program)
        await session.flush()
        for side in "XY":
            officer = users["LIAISON_OFFICER"] if side == "X" else users["colleague"]
            session.add(
                add(
                    LiaisonVisit(
                        tenant_id=t,
                        id=ids[f"visit{side}"],
                        assignment_id=ids[f"assignment{side}"],
                        enterprise_id=ids[f"enterprise{side}"],
                        officer_user_id=officer,
                        visited_on=today,
                        notes="走访",
                    ),
                    side,
                )
            )
            session.add(
                add(
                    Ticket(
                        tenant_id=t,
                        id=ids[f"ticket{side}"],
                        enterprise_id=ids[f"enterprise{side}"],
                        chain_id=ids[f"chain{side}"],
                        category_id=aspect.id,
                        aspect_id=aspect.id,
                        title="用电",
                        description="用电增容",
                        priority=TicketPriority.NORMAL,
                        raised_by=users["colleague"],
                        first_response_target=3600,
                        resolution_target=36000,
                    ),
                    side,
                )
            )
            session.add(
                add(
                    FundApplication(
                        tenant_id=t,
                        id=ids[f"application{side}"],
                        program_id=program.id,
                        program_kind=ProgramKind.STARTUP_FUND,
                        organization_id=ids[f"organization{side}"],
                        chain_id=ids[f"chain{side}"],
                        status=ApplicationStatus.SUBMITTED,
                        amount_fen=500_000,
                        entitled_fen=500_000,
                        payee_account_name="党支部",
                        payee_bank="长沙银行",
                        payee_account_cipher=b"x",
                        payee_account_last4="1234",
                        applicant_user_id=users["colleague"],
                    ),
                    side,
                )
            )
        for who, user_id in users.items():
            role = Role(who) if who in ROLES else Role.PARK_ADMIN
            scope = {"chain_id": ids["chainX"]} if role is Role.CHAIN_STAFF else {}
            if role is Role.ENTERPRISE_CONTACT:
                scope = {"enterprise_id": ids["enterpriseX"]}
            session.add(add(Membership(tenant_id=t, user_id=user_id, role=role, **scope), user_id))
            session.add(
                add(Notification(tenant_id=t, recipient_id=user_id, event_id=uuid.uuid4(), kind="TEST"), user_id)
            )
        session.add(add(AuditEntry(tenant_id=t, action="test", object_type="Test"), "all"))


async def build_world(db: Database) -> World:
    parks = (await create_park(db), await create_park(db))
    users = {who: (await create_user(db)).id for who in (*ROLES, "colleague")}
    ids = {
        name: uuid.uuid4()
        for name in (
            *(
                f"{entity}{side}"
                for entity in (
                    "chain",
                    "enterprise",
                    "organization",
                    "member",
                    "assignment",
                    "visit",
                    "ticket",
                    "application",
                )
                for side in "XY"
            ),
            "category",
            "program",
        )
    }
    park = parks[0].id
    grants = {
        "PARK_ADMIN": Grant(Role.PARK_ADMIN),
        "CHAIN_STAFF": Grant(Role.CHAIN_STAFF, chain_id=ids["chainX"]),
        "LIAISON_OFFICER": Grant(Role.LIAISON_OFFICER),
        "ENTERPRISE_CONTACT": Grant(Role.ENTERPRISE_CONTACT, enterprise_id=ids["enterpriseX"]),
        "FINANCE_OFFICER": Grant(Role.FINANCE_OFFICER),
        "AUDITOR": Grant(Role.AUDITOR),
    }
    actors = {
        who: Actor(kind=ActorKind.USER, tenant_id=park, user_id=users[who], grants=(grant,))
        for who, grant in grants.items()
    }
    actors["API_KEY"] = Actor(
        kind=ActorKind.API_KEY, tenant_id=park, api_key_id=uuid.uuid4(), api_scopes=API_KEY_SCOPES
    )
    actors["SYSTEM"] = Actor.system(park)
    world = World(parks, actors)
    for each in parks:
        await _fill(db, world, each, ids, users)
    return world


def test_every_repository_is_scoped_or_says_why_not() -> None:
    found = repositories()
    unscoped = {name for name, cls in found.items() if not hasattr(cls, "scoped")}
    assert unscoped == set(UNSCOPED)


@pytest.mark.parametrize("who", ACTORS)
async def test_scoped_reaches_its_own_park_and_its_role_only(db: Database, who: str) -> None:
    world = await build_world(db)
    actor = world.actors[who]
    walked: set[type] = set()
    for name, cls in sorted(repositories().items()):
        if not hasattr(cls, "scoped"):
            continue
        # The owner connection has no row-level security: this is the services' own wall being tested.
        async with db.owner_transaction() as session:
            stmt = cls(session).scoped(actor)
            entity = stmt.column_descriptions[0]["entity"]
            assert entity in EXPECTED, f"{name}.scoped() reads {entity.__name__}: give it rows and a reach here"
            seen = {(row.tenant_id, row.id) for row in await session.scalars(stmt)}
        walked.add(entity)
        assert {tenant for tenant, _ in seen} <= {actor.tenant_id}, f"{name}: {who} sees another park"
        mine = {key: label for key, label in world.rows[entity].items() if key[0] == actor.tenant_id}
        theirs = set(world.rows[entity]) - set(mine)
        assert not seen & theirs, f"{name}: {who} sees the other park's rows"
        expected = {key for key, label in mine.items() if EXPECTED[entity](who, label, actor)}
        assert seen & set(world.rows[entity]) == expected, f"{name}: {who} reaches the wrong rows"
    assert walked == set(EXPECTED)
