"""The payment gateway adapter: what the workers need from a treasury, whatever the treasury is."""

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class GatewayOutcome(StrEnum):
    CAPTURED = "CAPTURED"  # paid
    DECLINED = "DECLINED"  # refused for good: retrying cannot help
    RETRYABLE = "RETRYABLE"  # refused for now, provably not processed (busy, unreachable)
    UNKNOWN = "UNKNOWN"  # no answer in time: it may or may not have been paid
    NOT_FOUND = "NOT_FOUND"  # status only: the gateway never received this key


@dataclass(frozen=True)
class PaymentOrder:
    # Derived from the application, never from the attempt: every retry carries the same key.
    idempotency_key: str
    amount_fen: int
    payee_account_name: str
    payee_bank: str
    payee_account: str
    reference: str


@dataclass(frozen=True)
class GatewayResult:
    outcome: GatewayOutcome
    reference: str | None = None  # the gateway's own ID of the payment
    reason: str | None = None


class PaymentGateway(Protocol):
    async def pay(self, order: PaymentOrder) -> GatewayResult: ...

    async def status(self, idempotency_key: str) -> GatewayResult: ...
