"""Funds test data and the treasury simulator, shared by the service, GraphQL and worker tests."""

import atexit
import os
import shutil
import tempfile
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from redchain.infra import devservers
from redchain.infra.clock import park_today
from redchain.infra.db import Database
from redchain.infra.payments.settings import get_payment_settings
from redchain.infra.treasury_sim import start_treasury
from redchain.services.funds import disbursement
from redchain.services.funds import service as funds
from redchain.services.funds.models import FundApplication, FundPayment, LedgerEntry, ProgramKind
from redchain.services.registry.models import (
    Enterprise,
    IndustryChain,
    OrganizationKind,
    OrganizationStatus,
    PartyOrganization,
)
from redchain.services.tenancy.models import Tenant
from tests.factories import Cast, Person, build_cast, create_organization

T = TypeVar("T")
BUDGET_FEN = 100_000_000  # 1,000,000 yuan
PAYEE = funds.Payee("长沙某某科技有限公司", "中国银行长沙分行", "6222020200112233")


@dataclass
class FundsPark(Cast):
    """The cast, with a formed organisation for its enterprise and a start-up fund. Its two CHAIN_STAFF of
    `chain` (`staff`, `secretary`) let one draft on the organisation's behalf and the other review."""

    organization: PartyOrganization
    program_id: uuid.UUID


async def in_park(db: Database, park: Tenant, action: Callable[[AsyncSession], Awaitable[T]]) -> T:
    async with db.transaction(park.id) as session:
        return await action(session)


async def eligible_organization(
    db: Database,
    park: Tenant,
    chain: IndustryChain | None,
    enterprises: list[Enterprise],
    *,
    kind: OrganizationKind = OrganizationKind.BRANCH,
    status: OrganizationStatus = OrganizationStatus.FORMED,
    formed_days_ago: int = 30,
    members: int = 3,
) -> PartyOrganization:
    """By default what a start-up fund is for: formed a month ago, with three full members."""
    formed_on = park_today() - timedelta(days=formed_days_ago) if status is not OrganizationStatus.PREPARING else None
    return await create_organization(
        db,
        park,
        tuple(enterprises),
        members,
        kind=kind,
        status=status,
        chain_id=chain.id if chain else None,
        formed_on=formed_on,
    )


async def funds_park(
    db: Database, budget_fen: int = BUDGET_FEN, kind: ProgramKind = ProgramKind.STARTUP_FUND
) -> FundsPark:
    cast = await build_cast(db)
    organization = await eligible_organization(db, cast.park, cast.chain, [cast.enterprise])
    program = await in_park(
        db,
        cast.park,
        lambda s: funds.create_program(
            s,
            cast.admin.actor,
            kind,
            park_today().year,
            "启动经费",
            budget_fen,
            None if kind == "STARTUP_FUND" else {"minFen": 100, "maxFen": 1_000_000, "defaultFen": 500_000},
        ),
    )
    return FundsPark(**vars(cast), organization=organization, program_id=program.id)


async def draft(
    db: Database,
    fp: FundsPark,
    organization: PartyOrganization | None = None,
    payee: funds.Payee = PAYEE,
    amount_fen: int | None = None,
    by: Person | None = None,
) -> FundApplication:
    return await in_park(
        db,
        fp.park,
        lambda s: funds.draft_application(
            s, (by or fp.contact).actor, fp.program_id, (organization or fp.organization).id, amount_fen, payee, []
        ),
    )


async def advance(db: Database, fp: FundsPark, application: FundApplication, to: str) -> FundApplication:
    """Takes a draft along the happy path up to `to` (SUBMITTED, CHAIN_APPROVED or PARK_APPROVED)."""
    steps: list[Callable[[AsyncSession], Awaitable[FundApplication]]] = [
        lambda s: funds.submit_application(s, fp.contact.actor, application.id),
        lambda s: funds.review_application(
            s, fp.staff.actor, application.id, funds.ReviewStage.CHAIN, funds.ReviewDecision.APPROVE, None
        ),
        lambda s: funds.review_application(
            s, fp.admin.actor, application.id, funds.ReviewStage.PARK, funds.ReviewDecision.APPROVE, None
        ),
    ]
    order = ["SUBMITTED", "CHAIN_APPROVED", "PARK_APPROVED"]
    for step in steps[: order.index(to) + 1]:
        application = await in_park(db, fp.park, step)
    return application


async def approved(
    db: Database, fp: FundsPark, payee: funds.Payee = PAYEE, organization: PartyOrganization | None = None
) -> FundApplication:
    if organization is None:
        organization = await eligible_organization(db, fp.park, fp.chain, [fp.enterprise])
    return await advance(db, fp, await draft(db, fp, organization, payee), "PARK_APPROVED")


def payee_ending(suffix: str) -> funds.Payee:
    """Tells the simulator how to behave for this payee (see infra/treasury_sim.py)."""
    return funds.Payee(PAYEE.account_name, PAYEE.bank, f"62220202{uuid.uuid4().int % 10**4:04d}{suffix}")


async def ledger(db: Database, park: Tenant) -> list[LedgerEntry]:
    async with db.transaction(park.id) as session:
        return list(await session.scalars(sa.select(LedgerEntry).where(col(LedgerEntry.tenant_id) == park.id)))


async def reload(db: Database, park: Tenant, application_id: uuid.UUID) -> tuple[FundApplication, FundPayment | None]:
    async with db.transaction(park.id) as session:
        application = await session.scalar(
            sa.select(FundApplication).where(
                col(FundApplication.tenant_id) == park.id, col(FundApplication.id) == application_id
            )
        )
        assert application is not None
        return application, await disbursement.payment_of_application(session, park.id, application_id)


# The treasury simulator: one process for the test run, stopped when it ends. ------------------------

TEST_PAYMENT_ENV = {
    "PAYMENT_TIMEOUT_SECONDS": "0.5",
    "PAYMENT_RETRY_BASE_SECONDS": "0",
    "PAYMENT_LEASE_SECONDS": "0",
}
_treasury: list[devservers.ServerProcess] = []


def treasury_url() -> str:
    """Starts the simulator once per test process and points the payment settings at it."""
    if not _treasury:
        workdir = Path(tempfile.mkdtemp(prefix="redchain-treasury-"))
        server = start_treasury(workdir, hang_seconds=1.5)
        _treasury.append(server)
        atexit.register(lambda: (server.stop(), shutil.rmtree(workdir, ignore_errors=True)))
    os.environ.update(TREASURY_URL=_treasury[0].url, **TEST_PAYMENT_ENV)
    get_payment_settings.cache_clear()
    return _treasury[0].url


def treasury_stats(url: str) -> dict[str, Any]:
    return dict(httpx.get(f"{url}/admin/stats", timeout=5).json())


def treasury_payment(url: str, key: str) -> dict[str, Any] | None:
    response = httpx.get(f"{url}/payments/{key}", timeout=5)
    return dict(response.json()) if response.status_code == 200 else None
