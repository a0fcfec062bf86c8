"""Issue #5: payments settled per second with one worker against the simulated treasury, next to the
treasury's own raw call rate in the same run; and the time from `executePaymentBatch` to the last PAID
for a batch of 1,000 applications."""

import asyncio
import os
import time
import uuid

import httpx
import sqlalchemy as sa

from redchain.graphql.relay import encode_id
from redchain.infra.payments.settings import get_payment_settings
from redchain.infra.treasury_sim import start_treasury
from redchain.services.permissions import Role
from tests.bench.framework import Bench, Result, at_least, at_most, benchmark
from tests.services.funds.bulk import approved_in_bulk, unsettled

BATCH = 1000
RAW_CLIENTS = 20  # as many calls in flight as the worker runs jobs (WorkerSettings.max_jobs)
RAW_SECONDS = 3.0
CREATE_BATCH = """
mutation Batch($input: CreatePaymentBatchInput!) {
  createPaymentBatch(input: $input) { paymentBatch { id } userErrors { code } }
}
"""
EXECUTE = """
mutation Execute($id: ID!) {
  executePaymentBatch(input: {id: $id}) { paymentBatch { status } userErrors { code } }
}
"""


async def raw_call_rate(treasury_url: str) -> float:
    """POST /payments with new keys from RAW_CLIENTS concurrent callers: the ceiling any worker could reach."""
    done = 0
    deadline = time.monotonic() + RAW_SECONDS

    async def caller(client: httpx.AsyncClient) -> None:
        nonlocal done
        while time.monotonic() < deadline:
            order = {
                "idempotency_key": f"raw-{uuid.uuid4().hex}",
                "amount_fen": 100,
                "payee_account": "62220202007777",
                "payee_account_name": "基准",
                "payee_bank": "基准银行",
                "reference": "bench",
            }
            response = await client.post("/payments", json=order)
            response.raise_for_status()
            done += 1

    started = time.monotonic()
    async with httpx.AsyncClient(base_url=treasury_url, timeout=10) as client:
        await asyncio.gather(*(caller(client) for _ in range(RAW_CLIENTS)))
    return done / (time.monotonic() - started)


@benchmark("funds")
async def payments_per_second(bench: Bench) -> list[Result]:
    treasury = start_treasury(bench.stack.workdir / "treasury")
    os.environ["TREASURY_URL"] = treasury.url
    get_payment_settings.cache_clear()
    worker = None
    try:
        setup = await approved_in_bulk(bench.db, BATCH, batches=1)
        finance = await bench.signed_in(Role.FINANCE_OFFICER, park=setup.park)
        ids = [encode_id("FundApplication", i) for i in setup.batches[0]]
        created = await bench.gql(CREATE_BATCH, {"input": {"name": "基准批次", "applicationIds": ids}}, finance.token)
        batch_id = created["data"]["createPaymentBatch"]["paymentBatch"]["id"]
        # The set-up's own notifications are not what is measured: only the payments and theirs.
        async with bench.db.owner_transaction() as session:
            await session.execute(
                sa.text("UPDATE outbox SET sent_at = now() WHERE tenant_id = :t"), {"t": setup.park.id}
            )
        # Measured before the worker starts, so the two figures do not compete for the same cores.
        raw = await raw_call_rate(treasury.url)
        worker = bench.stack.start_worker()  # one worker, with this run's treasury in its environment
        for _ in range(150):  # up and connected before the clock starts
            if "Starting worker" in bench.stack.log_tail("worker"):
                break
            await asyncio.sleep(0.2)
        await asyncio.sleep(1)

        started = time.monotonic()
        executed = await bench.gql(EXECUTE, {"id": batch_id}, finance.token)
        assert executed["data"]["executePaymentBatch"]["userErrors"] == [], executed
        while await unsettled(bench.db, setup.park):
            if time.monotonic() - started > 600:
                raise TimeoutError(f"payments unsettled after 600 s:\n{bench.stack.log_tail('worker')}")
            await asyncio.sleep(0.1)
        elapsed = time.monotonic() - started
        settled_per_second = BATCH / elapsed
    finally:
        if worker is not None:
            worker.terminate()
            await asyncio.to_thread(worker.wait, 15)
        treasury.stop()
        del os.environ["TREASURY_URL"]
    return [
        Result("funds.treasury_raw.calls_per_s", raw, "call/s"),
        Result("funds.settled_per_s.one_worker", settled_per_second, "payment/s", raw, target=at_least(0.05)),
        Result("funds.execute_to_last_paid.1000", elapsed, "s", target=at_most(120)),
    ]
