"""The PaymentGateway over HTTP, spoken by the simulated treasury (infra/treasury_sim.py)."""

import asyncio
import logging
from typing import Any

import httpx

from redchain.infra.payments.gateway import GatewayOutcome, GatewayResult, PaymentOrder

log = logging.getLogger("redchain.payments")
_SETTLED = {"CAPTURED": GatewayOutcome.CAPTURED, "DECLINED": GatewayOutcome.DECLINED}


def _result(body: dict[str, Any]) -> GatewayResult:
    outcome = _SETTLED.get(str(body.get("status")), GatewayOutcome.UNKNOWN)
    return GatewayResult(outcome, body.get("reference"), body.get("reason"))


class HttpTreasuryGateway:
    def __init__(self, base_url: str, timeout_seconds: float) -> None:
        self._client = httpx.AsyncClient(base_url=base_url, timeout=timeout_seconds)
        self._timeout = timeout_seconds

    async def pay(self, order: PaymentOrder) -> GatewayResult:
        payload = {
            "idempotency_key": order.idempotency_key,
            "amount_fen": order.amount_fen,
            "payee_account_name": order.payee_account_name,
            "payee_bank": order.payee_bank,
            "payee_account": order.payee_account,
            "reference": order.reference,
        }
        return await self._call("POST", "/payments", json=payload)

    async def status(self, idempotency_key: str) -> GatewayResult:
        return await self._call("GET", f"/payments/{idempotency_key}")

    async def _call(self, method: str, path: str, **kwargs: Any) -> GatewayResult:
        try:
            # A hard deadline as well: httpx's timeout is per read, a trickling answer could outlast it.
            response = await asyncio.wait_for(self._client.request(method, path, **kwargs), self._timeout)
        except httpx.ConnectError as exc:
            # Never reached the gateway: provably not processed.
            log.warning("treasury unreachable: %s", exc)
            return GatewayResult(GatewayOutcome.RETRYABLE, reason="UNREACHABLE")
        except (TimeoutError, httpx.TimeoutException, httpx.TransportError) as exc:
            log.warning("treasury %s %s: no answer (%s)", method, path, type(exc).__name__)
            return GatewayResult(GatewayOutcome.UNKNOWN, reason="TIMEOUT")
        if response.status_code == 404:
            return GatewayResult(GatewayOutcome.NOT_FOUND)
        if response.status_code == 503:
            return GatewayResult(GatewayOutcome.RETRYABLE, reason="BUSY")
        if response.status_code >= 400:
            # A 5xx may come after the payment was taken; only the status query can tell.
            return GatewayResult(GatewayOutcome.UNKNOWN, reason=f"HTTP_{response.status_code}")
        return _result(response.json())

    async def aclose(self) -> None:
        await self._client.aclose()
