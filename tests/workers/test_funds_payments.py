"""Payments on the workers against the simulated treasury (a real process): paid once whatever the
treasury does — decline, time out before or after paying, stay busy, answer twice — or a job runs twice."""

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
import sqlalchemy as sa
from arq import create_pool
from arq.connections import RedisSettings
from arq.worker import create_worker
from sqlmodel import col

from redchain.infra.db import Database
from redchain.infra.payments.settings import get_payment_settings
from redchain.infra.settings import Settings
from redchain.services.funds import disbursement
from redchain.services.funds import service as funds
from redchain.services.funds.models import ApplicationStatus, LedgerKind, PaymentStatus
from redchain.services.notifications.models import Notification
from redchain.services.tenancy.models import Tenant
from redchain.workers import funds as funds_jobs
from redchain.workers.events import dispatch
from redchain.workers.main import WorkerSettings
from redchain.workers.outbox import relay
from tests.services.funds.support import (
    FundsPark,
    approved,
    funds_park,
    in_park,
    ledger,
    payee_ending,
    reload,
    treasury_payment,
    treasury_stats,
    treasury_url,
)


@pytest.fixture
def treasury() -> str:
    return treasury_url()


@pytest.fixture
def db(isolated_db: Database) -> Database:
    """Reconciliation and the relay scan every park: the module's own database keeps them to its rows."""
    return isolated_db


@pytest_asyncio.fixture
async def drive(isolated_settings: Settings, db: Database) -> AsyncIterator[object]:
    """Relays the outbox, runs reconciliation and a burst worker (on the module's database), until the
    given applications settle."""
    assert isolated_settings.redis_url
    redis_url = isolated_settings.redis_url

    async def round_of_work() -> None:
        pool = await create_pool(RedisSettings.from_dsn(redis_url))
        await relay(db, pool)
        await funds_jobs.reconcile_payments({"db": db, "redis": pool})
        worker = create_worker(
            WorkerSettings, redis_pool=pool, burst=True, handle_signals=False, poll_delay=0.01, cron_jobs=None
        )
        try:
            await worker.async_run()
        finally:
            await worker.close()

    async def run(park: Tenant, application_ids: list[uuid.UUID], rounds: int = 10) -> None:
        for _ in range(rounds):
            await round_of_work()
            statuses = {(await reload(db, park, i))[0].status for i in application_ids}
            if statuses <= {ApplicationStatus.PAID, ApplicationStatus.FAILED}:
                break
        await round_of_work()  # the settlements' own events: the applicant's notifications

    yield run


async def execute(db: Database, fp: FundsPark, ids: list[uuid.UUID]) -> uuid.UUID:
    batch = await in_park(db, fp.park, lambda s: disbursement.create_batch(s, fp.finance.actor, "批次", ids))
    await in_park(db, fp.park, lambda s: disbursement.execute_batch(s, fp.finance.actor, batch.id))
    return batch.id


async def notified_statuses(db: Database, fp: FundsPark) -> list[str]:
    async with db.transaction(fp.park.id) as session:
        rows = await session.scalars(
            sa.select(Notification).where(
                col(Notification.tenant_id) == fp.park.id, col(Notification.recipient_id) == fp.contact.user.id
            )
        )
        return [n.data["status"] for n in rows]


async def test_batch_is_paid_once_and_the_applicant_told(db: Database, treasury: str, drive) -> None:  # type: ignore[no-untyped-def]
    fp = await funds_park(db)
    ids = [(await approved(db, fp, payee_ending("9999"))).id for _ in range(3)]

    await execute(db, fp, ids)
    await drive(fp.park, ids)

    for application_id in ids:
        application, payment = await reload(db, fp.park, application_id)
        assert application.status == ApplicationStatus.PAID
        assert payment is not None and payment.status == PaymentStatus.SUCCEEDED and payment.attempts == 1
        assert treasury_payment(treasury, payment.idempotency_key)["status"] == "CAPTURED"  # type: ignore[index]
    pays = [e for e in await ledger(db, fp.park) if e.kind == LedgerKind.PAY]
    assert sum(e.amount_fen for e in pays) == 1_500_000 and len(pays) == 3
    assert (await notified_statuses(db, fp)).count("PAID") == 3
    assert treasury_stats(treasury)["keys_paid_twice"] == 0


async def test_declined_for_good_fails_releases_and_notifies(db: Database, treasury: str, drive) -> None:  # type: ignore[no-untyped-def]
    fp = await funds_park(db, budget_fen=1_000_000)
    application = await approved(db, fp, payee_ending("0001"))

    await execute(db, fp, [application.id])
    await drive(fp.park, [application.id])

    application, payment = await reload(db, fp.park, application.id)
    assert application.status == ApplicationStatus.FAILED and application.last_reason
    assert payment is not None and (payment.status, payment.last_error) == (PaymentStatus.FAILED, "ACCOUNT_CLOSED")
    assert sorted(e.kind for e in await ledger(db, fp.park)) == [LedgerKind.RELEASE, LedgerKind.RESERVE]
    assert "FAILED" in await notified_statuses(db, fp)


@pytest.mark.parametrize(
    ("suffix", "why"),
    [
        ("0003", "paid, but the answer came too late"),
        ("0004", "hung without paying"),
        ("0002", "busy twice"),
        ("0006", "answered twice"),
    ],
)
async def test_timeouts_and_retries_settle_to_one_payment(
    db: Database,
    treasury: str,
    drive,
    suffix: str,  # type: ignore[no-untyped-def]
    why: str,
) -> None:
    fp = await funds_park(db)
    application = await approved(db, fp, payee_ending(suffix))

    await execute(db, fp, [application.id])
    await drive(fp.park, [application.id])

    application, payment = await reload(db, fp.park, application.id)
    assert application.status == ApplicationStatus.PAID, why
    assert payment is not None
    assert payment.attempts == {"0003": 2, "0004": 2, "0002": 3, "0006": 1}[suffix]
    assert [e.kind for e in await ledger(db, fp.park)].count(LedgerKind.PAY) == 1
    assert treasury_payment(treasury, payment.idempotency_key)["amount_fen"] == payment.amount_fen  # type: ignore[index]
    assert treasury_stats(treasury)["keys_paid_twice"] == 0


async def test_a_timeout_is_unknown_never_failed(db: Database, treasury: str) -> None:
    fp = await funds_park(db)
    application = await approved(db, fp, payee_ending("0004"))
    await execute(db, fp, [application.id])
    _, payment = await reload(db, fp.park, application.id)
    assert payment is not None

    outcome = await in_park(
        db,
        fp.park,
        lambda s: funds_jobs.attempt_payment(s, funds_jobs.payment_gateway(), fp.park.id, payment_id=payment.id),
    )

    application, payment = await reload(db, fp.park, application.id)
    assert outcome is funds_jobs.AttemptOutcome.DEFERRED
    assert (application.status, payment.status) == (ApplicationStatus.PAYING, PaymentStatus.UNKNOWN)  # type: ignore[union-attr]


async def test_jobs_run_twice_at_once_pay_once(db: Database, treasury: str, settings: Settings) -> None:
    fp = await funds_park(db)
    application = await approved(db, fp, payee_ending("0005"))  # slow: both jobs overlap
    await execute(db, fp, [application.id])
    _, payment = await reload(db, fp.park, application.id)
    assert payment is not None
    ctx = {"db": db, "redis": await create_pool(RedisSettings.from_dsn(settings.redis_url or ""))}

    outcomes = await asyncio.gather(
        *(funds_jobs.pay_application(ctx, str(fp.park.id), str(payment.id)) for _ in range(3))
    )
    again = await funds_jobs.pay_application(ctx, str(fp.park.id), str(payment.id))

    assert sorted(outcomes) == ["paid", "skipped", "skipped"] and again == "skipped"
    assert [e.kind for e in await ledger(db, fp.park)].count(LedgerKind.PAY) == 1
    await ctx["redis"].aclose()


async def test_a_redelivered_event_does_not_pay_again(db: Database, treasury: str, drive) -> None:  # type: ignore[no-untyped-def]
    fp = await funds_park(db)
    application = await approved(db, fp, payee_ending("9999"))
    await execute(db, fp, [application.id])
    await drive(fp.park, [application.id])
    async with db.transaction(fp.park.id) as session:
        paying = await session.scalar(
            sa.text("SELECT id FROM outbox WHERE tenant_id = :t AND payload->>'to' = 'PAYING'"), {"t": fp.park.id}
        )

    await dispatch(db, fp.park.id, paying)

    assert [e.kind for e in await ledger(db, fp.park)].count(LedgerKind.PAY) == 1
    _, payment = await reload(db, fp.park, application.id)
    assert payment is not None and payment.attempts == 1


async def test_unreachable_treasury_is_retried_later(db: Database, treasury: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    fp = await funds_park(db)
    application = await approved(db, fp, payee_ending("9999"))
    await execute(db, fp, [application.id])
    _, payment = await reload(db, fp.park, application.id)
    assert payment is not None
    monkeypatch.setenv("TREASURY_URL", "http://127.0.0.1:9")
    get_payment_settings.cache_clear()
    try:
        outcome = await in_park(
            db,
            fp.park,
            lambda s: funds_jobs.attempt_payment(s, funds_jobs.payment_gateway(), fp.park.id, payment_id=payment.id),
        )
    finally:
        monkeypatch.undo()
        get_payment_settings.cache_clear()

    _, payment = await reload(db, fp.park, application.id)
    assert outcome is funds_jobs.AttemptOutcome.DEFERRED
    assert payment is not None and (payment.status, payment.last_error) == (PaymentStatus.PENDING, "UNREACHABLE")


async def test_claw_back_returns_money_to_the_budget(db: Database, treasury: str, drive) -> None:  # type: ignore[no-untyped-def]
    fp = await funds_park(db, budget_fen=500_000)
    application = await approved(db, fp, payee_ending("9999"))
    await execute(db, fp, [application.id])
    await drive(fp.park, [application.id])

    clawed = await in_park(db, fp.park, lambda s: funds.claw_back(s, fp.finance.actor, application.id, "重复申领"))

    assert clawed.status == ApplicationStatus.CLAWED_BACK
    kinds = sorted(e.kind for e in await ledger(db, fp.park))
    assert kinds == [LedgerKind.CLAWBACK, LedgerKind.PAY, LedgerKind.RESERVE]
