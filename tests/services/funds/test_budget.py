"""Programs and budgets: the ledger is append-only, the budget is summed from it, and concurrent
approvals never overspend."""

import asyncio

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from redchain.infra.clock import park_today
from redchain.infra.db import Database
from redchain.services.errors import PermissionDenied
from redchain.services.funds import service as funds
from redchain.services.funds.errors import (
    BudgetBelowCommitted,
    BudgetExceeded,
    InvalidAmountRule,
    ProgramExists,
)
from redchain.services.funds.ledger import Budget
from redchain.services.funds.models import ApplicationStatus, FundApplication, LedgerKind, ProgramKind
from tests.services.funds.support import (
    FundsPark,
    advance,
    draft,
    eligible_organization,
    funds_park,
    in_park,
    ledger,
)

YEAR = park_today().year


async def budget_of(db: Database, fp: FundsPark) -> Budget:
    async def load(session):  # type: ignore[no-untyped-def]
        programs = await funds.programs_by_ids(session, fp.admin.actor, [fp.program_id])
        return (await funds.budgets(session, fp.admin.actor, programs))[fp.program_id]

    return await in_park(db, fp.park, load)


async def chain_approved(db: Database, fp: FundsPark, count: int) -> list[FundApplication]:
    applications = []
    for _ in range(count):
        organization = await eligible_organization(db, fp.park, fp.chain, [fp.enterprise])
        applications.append(await advance(db, fp, await draft(db, fp, organization), "CHAIN_APPROVED"))
    return applications


async def test_twenty_parallel_approvals_against_a_budget_for_ten(db: Database) -> None:
    fp = await funds_park(db, budget_fen=10 * 500_000)
    applications = await chain_approved(db, fp, 20)

    async def approve(application: FundApplication) -> FundApplication:
        async with db.transaction(fp.park.id) as session:
            return await funds.review_application(
                session, fp.admin.actor, application.id, funds.ReviewStage.PARK, funds.ReviewDecision.APPROVE, None
            )

    results = await asyncio.gather(*(approve(a) for a in applications), return_exceptions=True)

    approved = [r for r in results if isinstance(r, FundApplication)]
    refused = [r for r in results if isinstance(r, BudgetExceeded)]
    assert (len(approved), len(refused)) == (10, 10)
    entries = await ledger(db, fp.park)
    assert [e.kind for e in entries] == [LedgerKind.RESERVE] * 10
    budget = await budget_of(db, fp)
    assert (budget.reserved_fen, budget.available_fen) == (5_000_000, 0)


async def test_budget_is_summed_from_the_ledger_and_cancel_releases(db: Database) -> None:
    fp = await funds_park(db, budget_fen=2_000_000)
    application = await advance(db, fp, await draft(db, fp), "PARK_APPROVED")
    assert (await budget_of(db, fp)).available_fen == 1_500_000

    await in_park(db, fp.park, lambda s: funds.cancel_application(s, fp.admin.actor, application.id, "企业迁出园区"))

    budget = await budget_of(db, fp)
    assert (budget.reserved_fen, budget.released_fen, budget.available_fen) == (0, 500_000, 2_000_000)
    assert sorted(e.kind for e in await ledger(db, fp.park)) == [LedgerKind.RELEASE, LedgerKind.RESERVE]


async def test_the_app_role_cannot_rewrite_the_ledger(db: Database) -> None:
    fp = await funds_park(db)
    await advance(db, fp, await draft(db, fp), "PARK_APPROVED")

    for statement in ("UPDATE fund_ledger SET amount_fen = 1", "DELETE FROM fund_ledger"):
        with pytest.raises(DBAPIError, match="permission denied"):
            async with db.transaction(fp.park.id) as session:
                await session.execute(sa.text(statement))
    assert len(await ledger(db, fp.park)) == 1


async def test_budget_cannot_go_below_what_is_committed(db: Database) -> None:
    fp = await funds_park(db, budget_fen=1_000_000)
    await advance(db, fp, await draft(db, fp), "PARK_APPROVED")

    with pytest.raises(BudgetBelowCommitted):
        await in_park(
            db,
            fp.park,
            lambda s: funds.change_program(s, fp.admin.actor, fp.program_id, funds.ProgramChanges(budget_fen=499_999)),
        )
    program = await in_park(
        db,
        fp.park,
        lambda s: funds.change_program(s, fp.admin.actor, fp.program_id, funds.ProgramChanges(budget_fen=500_000)),
    )
    assert program.budget_fen == 500_000


async def test_programs_are_managed_by_the_park_admin_only(db: Database) -> None:
    fp = await funds_park(db)
    for refused in (fp.finance, fp.staff, fp.contact, fp.auditor, fp.other_officer):
        with pytest.raises(PermissionDenied):
            await in_park(
                db,
                fp.park,
                lambda s, r=refused: funds.create_program(
                    s,
                    r.actor,
                    ProgramKind.DUES_REBATE,
                    YEAR,
                    "党费返还",
                    100,
                    {"minFen": 1, "maxFen": 10, "defaultFen": 5},
                ),
            )
    with pytest.raises(ProgramExists):
        await in_park(
            db,
            fp.park,
            lambda s: funds.create_program(s, fp.admin.actor, ProgramKind.STARTUP_FUND, YEAR, "重复", 100, None),
        )


@pytest.mark.parametrize(
    "rule",
    [
        None,  # required for every fund but the start-up fund
        {"minFen": 10, "maxFen": 5, "defaultFen": 7},
        {"minFen": 1, "maxFen": 10, "defaultFen": 11},
        {"minFen": 1, "maxFen": 10, "defaultFen": 5, "tiers": [{"amountFen": 50}]},
        {"minFen": 1, "maxFen": 10, "defaultFen": 5, "tiers": [{"organizationKinds": ["NOPE"], "amountFen": 5}]},
        {"minFen": 1, "maxFen": 10, "defaultFen": 5, "surprise": True},
    ],
)
async def test_invalid_amount_rules_are_refused(db: Database, rule: dict[str, object] | None) -> None:
    fp = await funds_park(db)
    with pytest.raises(InvalidAmountRule):
        await in_park(
            db,
            fp.park,
            lambda s: funds.create_program(
                s, fp.admin.actor, ProgramKind.ACTIVITY_FUND, YEAR, "党员活动经费", 1_000_000, rule
            ),
        )


async def test_other_funds_allow_one_application_per_organisation_and_program(db: Database) -> None:
    fp = await funds_park(db, kind=ProgramKind.ACTIVITY_FUND)
    old = await eligible_organization(db, fp.park, fp.chain, [fp.enterprise], formed_days_ago=2000)

    application = await draft(db, fp, old)  # not only new organisations

    assert (application.status, application.entitled_fen) == (ApplicationStatus.DRAFT, 500_000)
