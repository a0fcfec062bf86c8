"""The fault test: 1,000 applications paid through batches while the worker process is SIGKILLed at random,
its Redis restarted once and the treasury times out on 10 % of calls. Every application ends PAID or
FAILED, no idempotency key is paid twice, the treasury's total equals the ledger's, budgets balance."""

import asyncio
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from sqlmodel import col

from redchain.infra import devservers
from redchain.infra.db import Database
from redchain.infra.payments.settings import get_payment_settings
from redchain.infra.settings import Settings
from redchain.infra.treasury_sim import start_treasury
from redchain.services.funds import disbursement
from redchain.services.funds.ledger import Budget
from redchain.services.funds.models import (
    ApplicationStatus,
    FundApplication,
    FundPayment,
    FundProgram,
    LedgerEntry,
    LedgerKind,
)
from tests.services.funds.bulk import approved_in_bulk, unsettled
from tests.services.funds.support import in_park

APPLICATIONS = 1000
BATCHES = 4
DECLINED_SHARE = 0.03  # payee accounts the treasury refuses for good (ending 0001)
DEADLINE_SECONDS = int(os.environ.get("FAULT_DEADLINE", 180))
WORKER_ENV = {
    "PAYMENT_TIMEOUT_SECONDS": "0.5",
    "PAYMENT_RETRY_BASE_SECONDS": "0.5",
    "PAYMENT_RETRY_MAX_SECONDS": "2",
    "PAYMENT_LEASE_SECONDS": "6",
    "PAYMENT_RECONCILE_EVERY_SECONDS": "1",
}
# Each fault strikes at a random moment 3-7 s after the worker's last start (it takes ~2 s to start).
# arq keeps a killed job's "in progress" mark for the longest job timeout + 10 s (the worker reads past
# such jobs, queue_read_limit), so each kill delays the jobs it interrupted by minutes; six kills and a
# Redis restart halfway (which wipes the marks) keep the test within a few minutes.
FAULT_PLAN = ("kill", "kill", "kill", "redis", "kill", "kill", "kill")
FAULT_AFTER = (3.0, 7.0)
# Batches are executed as the faults go on (the first at once), so payments are in flight through all of them.
BATCH_AFTER_FAULTS = (0, 2, 4, 6)
pytestmark = pytest.mark.slow


class Worker:
    """`python -m redchain.workers.main` as a child process, restarted whenever it is not running."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env, self.log = env, log
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = self.kills = 0

    def ensure_running(self) -> bool:
        """True when it had to be (re)started."""
        if self.process is not None and self.process.poll() is None:
            return False
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "redchain.workers.main"],
                env=self.env,
                stdout=out,
                stderr=out,
                start_new_session=True,
            )
        self.starts += 1
        return True

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait()
            self.kills += 1

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def workdir() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="redchain-fault-"))
    yield path
    if not os.environ.get("KEEP_FAULT_WORKDIR"):  # the logs, for a look after a failure
        shutil.rmtree(path, ignore_errors=True)


async def test_payments_survive_killed_workers_a_lost_redis_and_timeouts(
    settings: Settings, isolated_database_url: str, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # This process executes the batches, so it leases their payments as the worker expects.
    for name, value in WORKER_ENV.items():
        monkeypatch.setenv(name, value)
    get_payment_settings.cache_clear()
    database_url = isolated_database_url  # reconciliation scans every park: this test's own database
    db = Database.connect(settings, database_url)
    redis_port = devservers.free_port()
    redis = devservers.start_redis(workdir / "redis", port=redis_port)
    treasury = start_treasury(workdir / "treasury", timeout_rate=0.1, hang_seconds=1.5, seed=7)
    worker = Worker(
        {
            **os.environ,
            **WORKER_ENV,
            "DATABASE_URL": database_url,
            "REDIS_URL": redis.url,
            "TREASURY_URL": treasury.url,
        },
        workdir / "worker.log",
    )
    chance = random.Random(11)
    try:
        setup = await approved_in_bulk(db, APPLICATIONS, BATCHES, DECLINED_SHARE)
        park = setup.park
        batch_ids = []
        for ids in setup.batches:
            created = await in_park(
                db, park, lambda s, ids=ids: disbursement.create_batch(s, setup.finance.actor, "故障测试批次", ids)
            )
            batch_ids.append(created.id)
        # The set-up's own notifications are not under test here; the payments' events are.
        async with db.owner_transaction() as session:
            await session.execute(sa.text("UPDATE outbox SET sent_at = now() WHERE tenant_id = :t"), {"t": park.id})

        started = time.monotonic()
        faults = list(FAULT_PLAN)
        worker.ensure_running()
        next_fault = time.monotonic() + chance.uniform(*FAULT_AFTER)
        while faults or await unsettled(db, park):
            elapsed = time.monotonic() - started
            assert elapsed < DEADLINE_SECONDS, (
                f"{await unsettled(db, park)} application(s) still unsettled; worker log ends:\n"
                + "\n".join(worker.log.read_text(errors="replace").splitlines()[-40:])
            )
            while batch_ids and len(FAULT_PLAN) - len(faults) >= BATCH_AFTER_FAULTS[BATCHES - len(batch_ids)]:
                batch_id = batch_ids.pop(0)
                await in_park(db, park, lambda s, b=batch_id: disbursement.execute_batch(s, setup.finance.actor, b))
            if faults and time.monotonic() >= next_fault:
                if faults.pop(0) == "kill":
                    worker.kill()
                else:
                    redis.stop()
                    await asyncio.sleep(1)
                    redis = devservers.start_redis(workdir / "redis", port=redis_port)
                next_fault = time.monotonic() + chance.uniform(*FAULT_AFTER)
            if worker.ensure_running():
                next_fault = time.monotonic() + chance.uniform(*FAULT_AFTER)
            await asyncio.sleep(0.2)
        elapsed = time.monotonic() - started
        worker.stop()

        async with httpx.AsyncClient(base_url=treasury.url, timeout=10) as client:
            stats = (await client.get("/admin/stats")).json()
            captures = (await client.get("/admin/captures")).json()
        async with db.transaction(park.id) as session:
            applications = list(
                await session.scalars(sa.select(FundApplication).where(col(FundApplication.tenant_id) == park.id))
            )
            payments = {
                p.application_id: p
                for p in await session.scalars(sa.select(FundPayment).where(col(FundPayment.tenant_id) == park.id))
            }
            entries = list(await session.scalars(sa.select(LedgerEntry).where(col(LedgerEntry.tenant_id) == park.id)))
            program = await session.get(FundProgram, (park.id, setup.program_id))
        assert program is not None

        statuses = Counter(a.status for a in applications)
        assert set(statuses) <= {ApplicationStatus.PAID, ApplicationStatus.FAILED} and len(applications) == APPLICATIONS
        assert statuses[ApplicationStatus.FAILED] > 0 and statuses[ApplicationStatus.PAID] > 0
        # No idempotency key paid twice, and the treasury took exactly what the ledger says was paid.
        captured_keys = Counter(c["idempotency_key"] for c in captures)
        assert stats["keys_paid_twice"] == 0 and max(captured_keys.values()) == 1
        paid_keys = {payments[a.id].idempotency_key for a in applications if a.status == ApplicationStatus.PAID}
        assert set(captured_keys) == paid_keys
        totals: dict[LedgerKind, int] = defaultdict(int)
        for entry in entries:
            totals[LedgerKind(entry.kind)] += entry.amount_fen
        assert stats["captured_total_fen"] == totals[LedgerKind.PAY] == sum(c["amount_fen"] for c in captures)
        # Budgets balance to the fen: every reservation was paid or released, exactly once.
        per_application = Counter((e.application_id, e.kind) for e in entries)
        assert max(per_application.values()) == 1
        for application in applications:
            settled = LedgerKind.PAY if application.status == ApplicationStatus.PAID else LedgerKind.RELEASE
            assert {k for (a, k) in per_application if a == application.id} == {LedgerKind.RESERVE, settled}
        budget = Budget.from_totals(program.budget_fen, totals)
        assert budget.reserved_fen == 0
        assert budget.available_fen + budget.paid_fen == program.budget_fen
        assert budget.paid_fen == sum(a.amount_fen for a in applications if a.status == ApplicationStatus.PAID)
        # The faults did happen.
        assert stats["timeouts"] > 0 and worker.kills == FAULT_PLAN.count("kill") and not faults
        print(
            f"\nfault test: {APPLICATIONS} applications settled in {elapsed:.1f}s "
            f"({statuses[ApplicationStatus.PAID]} paid, {statuses[ApplicationStatus.FAILED]} failed); "
            f"worker started {worker.starts}x, killed {worker.kills}x; treasury {stats}"
        )
    finally:
        worker.stop()
        treasury.stop()
        redis.stop()
        await db.dispose()
        monkeypatch.undo()
        get_payment_settings.cache_clear()
