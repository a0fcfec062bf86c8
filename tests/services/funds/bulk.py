"""Many applications at once, for the fault test and the benchmark: set up through the services in a
few large transactions."""

import asyncio
import random
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import col

from redchain.infra.clock import park_today
from redchain.infra.db import Database
from redchain.services.funds import service as funds
from redchain.services.funds.models import ApplicationStatus, FundApplication, ProgramKind
from redchain.services.permissions import Role
from redchain.services.registry.models import (
    MemberStatus,
    OrganizationEnterprise,
    OrganizationKind,
    PartyMember,
    PartyOrganization,
)
from redchain.services.tenancy.models import Tenant
from tests.factories import create_chain, create_enterprise, create_park, person
from tests.services.funds.support import Person, in_park


@dataclass
class Setup:
    park: Tenant
    program_id: uuid.UUID
    finance: Person
    batches: list[list[uuid.UUID]]


async def approved_in_bulk(db: Database, count: int, batches: int, declined_share: float = 0.0) -> Setup:
    """A park whose `count` newly formed organisations each have a park-approved start-up fund application,
    split into `batches`; `declined_share` of payees are accounts the treasury declines (ending 0001)."""
    park = await create_park(db)
    chain = await create_chain(db, park)
    enterprise = await create_enterprise(db, park, chain_id=chain.id)
    admin = await person(db, park, Role.PARK_ADMIN)
    program = await in_park(
        db,
        park,
        lambda s: funds.create_program(
            s,
            admin.actor,
            ProgramKind.STARTUP_FUND,
            park_today().year,
            "启动经费",
            count * 500_000 + 12_345,
            None,
        ),
    )
    contact = await person(db, park, Role.ENTERPRISE_CONTACT, enterprise_id=enterprise.id)
    staff = await person(db, park, Role.CHAIN_STAFF, chain_id=chain.id)
    organizations = [
        PartyOrganization(
            tenant_id=park.id,
            name=f"第{n}党支部",
            kind=OrganizationKind.BRANCH,
            formation_mode="STANDALONE",
            status="FORMED",
            chain_id=chain.id,
            formed_on=park_today(),
        )
        for n in range(count)
    ]
    async with db.transaction(park.id) as session:
        session.add_all(organizations)
        await session.flush()
        session.add_all(
            [
                OrganizationEnterprise(tenant_id=park.id, organization_id=o.id, enterprise_id=enterprise.id)
                for o in organizations
            ]
        )
        session.add_all(
            [
                PartyMember(tenant_id=park.id, name="党员", status=MemberStatus.FULL, organization_id=o.id)
                for o in organizations
            ]
        )
    chance = random.Random(5)
    payees = [
        funds.Payee("收款单位", "长沙银行", f"62220202{n:06d}{'0001' if chance.random() < declined_share else '7777'}")
        for n in range(count)
    ]

    async def chain_approve(chunk: range) -> list[uuid.UUID]:
        async with db.transaction(park.id) as session:
            ids = []
            for n in chunk:
                application = await funds.draft_application(
                    session, contact.actor, program.id, organizations[n].id, None, payees[n], []
                )
                await funds.submit_application(session, contact.actor, application.id)
                await funds.review_application(
                    session,
                    staff.actor,
                    application.id,
                    funds.ReviewStage.CHAIN,
                    funds.ReviewDecision.APPROVE,
                    None,
                )
                ids.append(application.id)
            return ids

    async def park_approve(ids: list[uuid.UUID]) -> None:
        async with db.transaction(park.id) as session:
            for application_id in ids:
                await funds.review_application(
                    session, admin.actor, application_id, funds.ReviewStage.PARK, funds.ReviewDecision.APPROVE, None
                )

    # Chunks side by side up to the park's approval, which takes the program's lock (so one at a time).
    chunks = [range(n, min(n + 125, count)) for n in range(0, count, 125)]
    approved = [i for ids in await asyncio.gather(*(chain_approve(c) for c in chunks)) for i in ids]
    for start in range(0, count, 250):
        await park_approve(approved[start : start + 250])
    size = -(-count // batches)
    return Setup(
        park,
        program.id,
        await person(db, park, Role.FINANCE_OFFICER),
        [approved[i : i + size] for i in range(0, count, size)],
    )


async def unsettled(db: Database, park: Tenant) -> int:
    async with db.transaction(park.id) as session:
        return int(
            await session.scalar(
                sa.select(sa.func.count())
                .select_from(FundApplication)
                .where(
                    col(FundApplication.tenant_id) == park.id,
                    col(FundApplication.status).not_in([ApplicationStatus.PAID, ApplicationStatus.FAILED]),
                )
            )
            or 0
        )
