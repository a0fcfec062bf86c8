"""Loads the reference park (`make demo-data SCALE=park`) into the demo park, in three idempotent steps:
the enterprises through the spreadsheet import (its batch upsert), the organisations and members as set-based
inserts, the liaison officers through the liaison service. A step already done is skipped."""

import csv
import io
import uuid
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel

from redchain.infra.clock import park_today
from redchain.infra.db import Database
from redchain.services.actor import Actor, ActorKind, Grant
from redchain.services.audit import service as audit
from redchain.services.demo_scale import names
from redchain.services.demo_scale.plan import ENTERPRISES, OFFICERS, ParkPlan, plan_park
from redchain.services.demo_scale.repository import DemoScaleRepository
from redchain.services.liaison import service as liaison
from redchain.services.liaison.models import LiaisonAssignment
from redchain.services.permissions import Role
from redchain.services.registry.imports import service as importing
from redchain.services.registry.imports.repository import ImportRepository
from redchain.services.registry.members import id_card_fields
from redchain.services.registry.models import (
    Enterprise,
    ImportKind,
    OrganizationEnterprise,
    PartyMember,
    PartyOrganization,
)
from redchain.services.tenancy import service as tenancy

IMPORT_BATCH_ROWS = 4000
ENTERPRISE_HEADER = (
    "统一社会信用代码",
    "企业名称",
    "产业链",
    "地址",
    "片区",
    "职工人数",
    "重点企业",
    "联系人",
    "联系电话",
)

# The small demo (services/demo) stays below these; more means the scale step has run (it adds 830
# organisations and some seventy liaison posts). tests/services/test_demo.py keeps the small demo under them.
SMALL_DEMO_LIMITS: dict[type[SQLModel], int] = {PartyOrganization: 200, LiaisonAssignment: 50}


def enterprise_sheet(plan: ParkPlan) -> bytes:
    """The park's enterprise list as a clerk would upload it."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(ENTERPRISE_HEADER)
    writer.writerows(
        (
            e.credit_code,
            e.name,
            e.chain or "",
            e.address,
            e.area,
            e.employee_count,
            "是" if e.is_key else "否",
            e.contact_name or "",
            e.contact_phone or "",
        )
        for e in plan.enterprises
    )
    return out.getvalue().encode()


async def _import_enterprises(db: Database, admin: Actor, plan: ParkPlan) -> None:
    park_id = admin.tenant_id
    async with db.transaction(park_id, admin.user_id) as session:
        requested = await importing.request_import(
            session, admin, ImportKind.ENTERPRISES, "参考规模演示企业名单.csv", enterprise_sheet(plan)
        )
    # The demo command is the boundary here, as the worker is for uploads: one transaction per batch.
    async with db.transaction(park_id) as session:
        run = await importing.begin(session, park_id, requested.id)
    assert isinstance(run, importing.ImportRun)
    for start in range(run.done_rows, run.total_rows, IMPORT_BATCH_ROWS):
        async with db.transaction(park_id) as session:
            await importing.apply_batch(session, run, start, IMPORT_BATCH_ROWS)
    async with db.transaction(park_id) as session:
        await importing.finish(session, run)


async def _insert_organizations_and_members(db: Database, admin: Actor, plan: ParkPlan) -> None:
    park_id = admin.tenant_id
    async with db.transaction(park_id, admin.user_id) as session:
        lookups = ImportRepository(session)
        chains = await lookups.live_chain_ids_by_name(park_id)
        enterprises = await lookups.enterprise_ids_by_code(park_id, [e.credit_code for e in plan.enterprises])
        org_ids = [uuid.uuid4() for _ in plan.organizations]
        member_ids = [uuid.uuid4() for _ in plan.members]
        repo = DemoScaleRepository(session)
        await repo.insert(
            PartyOrganization,
            [
                {
                    "tenant_id": park_id,
                    "id": org_id,
                    "name": org.name,
                    "kind": org.kind,
                    "formation_mode": org.mode,
                    "status": org.status,
                    "chain_id": chains.get(org.chain or ""),
                    "formed_on": org.formed_on,
                }
                for org_id, org in zip(org_ids, plan.organizations, strict=True)
            ],
        )
        await repo.insert(
            OrganizationEnterprise,
            [
                {"tenant_id": park_id, "organization_id": org_id, "enterprise_id": enterprises[code]}
                for org_id, org in zip(org_ids, plan.organizations, strict=True)
                for code in org.enterprise_codes
            ],
        )
        await repo.insert(
            PartyMember,
            [
                {
                    "tenant_id": park_id,
                    "id": member_id,
                    "name": m.name,
                    "status": m.status,
                    "organization_id": org_ids[m.organization] if m.organization is not None else None,
                    "enterprise_id": enterprises[m.enterprise_code] if m.enterprise_code else None,
                    "joined_on": m.joined_on,
                    "is_floating": m.is_floating,
                    "inflow_area": m.inflow_area,
                    "phone": m.phone,
                    **id_card_fields(m.id_card),
                }
                for member_id, m in zip(member_ids, plan.members, strict=True)
            ],
        )
        # Each formed organisation's secretary: its first member, a full one by construction.
        secretaries: dict[uuid.UUID, uuid.UUID] = {}
        for member_id, member in zip(member_ids, plan.members, strict=True):
            if member.organization is not None and plan.organizations[member.organization].formed_on:
                secretaries.setdefault(org_ids[member.organization], member_id)
        await repo.set_secretaries(park_id, secretaries)
        # Written set-based, not through the services: one summary entry stands for the rows.
        audit.record(
            session,
            admin,
            "demo.reference_scale",
            "Park",
            park_id,
            after={"organizations": len(org_ids), "members": len(member_ids)},
        )


async def _officers(
    session: AsyncSession, admin: Actor, password: str, first_officer: uuid.UUID | None
) -> list[uuid.UUID]:
    """The demo's own liaison officer, if there is one, and colleagues up to twelve (驻企联络员 / 党建指导员)."""
    officers = [first_officer] if first_officer else []
    for number in range(len(officers), OFFICERS):
        granted = await tenancy.grant_membership(
            session,
            admin,
            f"officer{number + 1:02d}@changsha-hitech.dev",
            f"驻企联络员 {names.SURNAMES[number]}{names.GIVEN[number]}",
            Role.LIAISON_OFFICER,
            None,
            None,
            password,
            temporary=False,  # the demo's published password
        )
        officers.append(granted.user.id)
    return officers


async def _post_officers(
    db: Database, admin: Actor, plan: ParkPlan, password: str, first_officer: uuid.UUID | None
) -> None:
    park_id = admin.tenant_id
    async with db.transaction(park_id, admin.user_id) as session:
        officers = await _officers(session, admin, password, first_officer)
        enterprises = await ImportRepository(session).enterprise_ids_by_code(
            park_id, [a.enterprise_code for a in plan.assignments]
        )
        for planned in plan.assignments:
            officer_id = officers[planned.officer]
            assignment = await liaison.assign(
                session, admin, enterprises[planned.enterprise_code], officer_id, planned.kind, planned.starts_on
            )
            officer = Actor(
                kind=ActorKind.USER, tenant_id=park_id, user_id=officer_id, grants=(Grant(Role.LIAISON_OFFICER),)
            )
            for visited_on, notes, follow_ups in sorted(planned.visits):
                await liaison.log_visit(session, officer, assignment.id, visited_on, notes, follow_ups)


async def load_reference_scale(
    db: Database,
    admin: Actor,
    officer_password: str,
    first_officer: uuid.UUID | None = None,
    today: date | None = None,
) -> str:
    """`admin` is a PARK_ADMIN of the park to fill; new officers' accounts get `officer_password`, and
    `first_officer` (a user with the LIAISON_OFFICER role) is one of them. Returns what was done."""
    park_id = admin.tenant_id
    async with db.transaction(park_id) as session:
        repo = DemoScaleRepository(session)
        counts: dict[type[SQLModel], int] = {
            model: await repo.count(model, park_id) for model in (Enterprise, PartyOrganization, LiaisonAssignment)
        }
    loaded = {model: counts[model] > limit for model, limit in SMALL_DEMO_LIMITS.items()}
    if counts[Enterprise] >= ENTERPRISES and loaded[PartyOrganization] and loaded[LiaisonAssignment]:
        return "reference scale: already loaded"
    plan = plan_park(today or park_today())
    done = []
    if counts[Enterprise] < ENTERPRISES:
        await _import_enterprises(db, admin, plan)
        done.append(f"{len(plan.enterprises)} enterprises")
    if not loaded[PartyOrganization]:
        await _insert_organizations_and_members(db, admin, plan)
        done.append(f"{len(plan.organizations)} organisations, {len(plan.members)} members")
    if not loaded[LiaisonAssignment]:
        await _post_officers(db, admin, plan, officer_password, first_officer)
        done.append(f"{len(plan.assignments)} liaison assignments")
    return "reference scale: " + "; ".join(done)
