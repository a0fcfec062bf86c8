"""Payment gateway adapters (the treasury the park pays through)."""

import asyncio
from functools import cache

from redchain.infra.payments.gateway import PaymentGateway
from redchain.infra.payments.http import HttpTreasuryGateway
from redchain.infra.payments.settings import get_payment_settings


@cache
def _gateway_for(loop: asyncio.AbstractEventLoop, base_url: str, timeout: float) -> PaymentGateway:
    return HttpTreasuryGateway(base_url, timeout)


def payment_gateway() -> PaymentGateway:
    """The process's gateway: one connection pool per event loop (a pool cannot cross loops)."""
    settings = get_payment_settings()
    return _gateway_for(asyncio.get_running_loop(), settings.treasury_url, settings.payment_timeout_seconds)
