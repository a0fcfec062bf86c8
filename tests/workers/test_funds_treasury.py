"""The simulated treasury itself: idempotency keys, the controllable faults, and its records."""

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from redchain.infra import devservers
from redchain.infra.payments.gateway import GatewayOutcome, PaymentOrder
from redchain.infra.payments.http import HttpTreasuryGateway
from redchain.infra.treasury_sim import start_treasury


@pytest.fixture
def treasury(tmp_path: Path) -> Iterator[devservers.ServerProcess]:
    server = start_treasury(tmp_path / "treasury", hang_seconds=1.0)
    yield server
    server.stop()


def order(key: str, amount: int = 500_000, account: str = "62220202001122337777") -> dict[str, Any]:
    return {
        "idempotency_key": key,
        "amount_fen": amount,
        "payee_account": account,
        "payee_account_name": "户名",
        "payee_bank": "银行",
        "reference": "r",
    }


def test_a_key_is_paid_once_and_answered_alike(treasury: devservers.ServerProcess) -> None:
    with httpx.Client(base_url=treasury.url, timeout=5) as client:
        first = client.post("/payments", json=order("k1")).json()
        again = client.post("/payments", json=order("k1")).json()
        other_amount = client.post("/payments", json=order("k1", amount=1))
        stats = client.get("/admin/stats").json()

    assert first == again and first["status"] == "CAPTURED"
    assert other_amount.status_code == 409
    assert (stats["captures"], stats["captured_total_fen"], stats["keys_paid_twice"]) == (1, 500_000, 0)


def test_faults_are_controlled_at_run_time(treasury: devservers.ServerProcess) -> None:
    with httpx.Client(base_url=treasury.url, timeout=5) as client:
        client.post("/admin/faults", json={"decline_rate": 1.0})
        declined = client.post("/payments", json=order("k-declined")).json()
        client.post("/admin/faults", json={"decline_rate": 0.0, "busy_rate": 1.0})
        busy = client.post("/payments", json=order("k-busy"))
        client.post("/admin/faults", json={"busy_rate": 0.0, "slow_ms": 300})
        started = time.monotonic()
        slow = client.post("/payments", json=order("k-slow")).json()
        slow_seconds = time.monotonic() - started
        captures = client.get("/admin/captures").json()

    assert declined["status"] == "DECLINED"
    assert busy.status_code == 503
    assert slow["status"] == "CAPTURED" and slow_seconds >= 0.3
    assert [c["idempotency_key"] for c in captures] == ["k-slow"]


async def test_the_adapter_reads_every_kind_of_answer(treasury: devservers.ServerProcess) -> None:
    gateway = HttpTreasuryGateway(treasury.url, timeout_seconds=0.3)

    def payment(key: str, suffix: str) -> PaymentOrder:
        return PaymentOrder(key, 100, "户名", "银行", f"6222020200{suffix}", "r")

    try:
        assert (await gateway.pay(payment("a", "7777"))).outcome is GatewayOutcome.CAPTURED
        assert (await gateway.pay(payment("b", "0001"))).outcome is GatewayOutcome.DECLINED
        assert (await gateway.pay(payment("c", "0002"))).outcome is GatewayOutcome.RETRYABLE
        assert (await gateway.pay(payment("d", "0003"))).outcome is GatewayOutcome.UNKNOWN  # paid, answered late
        assert (await gateway.status("d")).outcome is GatewayOutcome.CAPTURED
        assert (await gateway.pay(payment("e", "0004"))).outcome is GatewayOutcome.UNKNOWN  # hung, not paid
        assert (await gateway.status("e")).outcome is GatewayOutcome.NOT_FOUND
    finally:
        await gateway.aclose()
    unreachable = HttpTreasuryGateway(f"http://127.0.0.1:{devservers.free_port()}", timeout_seconds=0.3)
    assert (await unreachable.pay(payment("f", "7777"))).outcome is GatewayOutcome.RETRYABLE
    await unreachable.aclose()
