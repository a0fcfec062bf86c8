"""Fund payments on the workers: the gateway call for each payment, and the reconciliation that
settles what a timeout, a crash or a lost queue left open.

A payment is attempted in one transaction holding its row lock: a killed worker's attempt rolls back
and the next one sends the same idempotency key, so the treasury pays once and answers as before.
"""

import logging
import uuid
from datetime import timedelta
from enum import StrEnum

from arq import cron
from arq.worker import func
from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.models_base import utcnow
from redchain.infra.payments import payment_gateway
from redchain.infra.payments.gateway import GatewayOutcome, PaymentGateway
from redchain.infra.payments.settings import get_payment_settings
from redchain.services.funds import disbursement, events
from redchain.services.funds.models import ApplicationStatus, PaymentStatus
from redchain.services.notifications import service as notifications
from redchain.workers.events import Received, on
from redchain.workers.jobs import Ctx, counted

log = logging.getLogger("redchain.workers.funds")
PAY_APPLICATION = "pay_application"
FUNDS_NOTIFICATION = "FUNDS_APPLICATION"


class AttemptOutcome(StrEnum):
    PAID = "paid"
    FAILED = "failed"
    DEFERRED = "deferred"  # no final answer: retried or asked again after the back-off
    SKIPPED = "skipped"  # settled already, or another job holds it right now


async def attempt_payment(
    session: AsyncSession,
    gateway: PaymentGateway,
    tenant_id: uuid.UUID,
    payment_id: uuid.UUID | None = None,
    application_id: uuid.UUID | None = None,
) -> AttemptOutcome:
    todo = await disbursement.payment_to_attempt(session, tenant_id, payment_id, application_id)
    if todo is None:
        return AttemptOutcome.SKIPPED
    payment, order = todo.payment, todo.order
    if payment.status == PaymentStatus.UNKNOWN:
        # A timeout left it open: ask first; a key the treasury never saw is sent again.
        result = await gateway.status(order.idempotency_key)
        if result.outcome is GatewayOutcome.NOT_FOUND:
            result = await gateway.pay(order)
    else:
        result = await gateway.pay(order)
    payment.attempts += 1
    if result.outcome is GatewayOutcome.CAPTURED:
        await disbursement.settle_payment(session, todo, paid=True, reference=result.reference, error=None)
        return AttemptOutcome.PAID
    if result.outcome is GatewayOutcome.DECLINED:
        await disbursement.settle_payment(session, todo, paid=False, reference=result.reference, error=result.reason)
        return AttemptOutcome.FAILED
    status = PaymentStatus.PENDING if result.outcome is GatewayOutcome.RETRYABLE else PaymentStatus.UNKNOWN
    disbursement.defer_payment(payment, status, result.reason)
    log.info("payment %s deferred (%s) after attempt %d", payment.id, result.reason, payment.attempts)
    return AttemptOutcome.DEFERRED


@on(events.ApplicationTransitioned, name="funds.notify_applicant")
async def notify_applicant(session: AsyncSession, event: Received[events.ApplicationTransitioned]) -> None:
    payload = event.payload
    await notifications.notify(
        session,
        event.tenant_id,
        payload.applicant_user_id,
        event.event_id,
        FUNDS_NOTIFICATION,
        {
            "application_id": str(payload.application_id),
            "status": payload.to.value,
            "action": payload.action,
            "reason": payload.reason,
        },
    )


@on(events.ApplicationTransitioned, name="funds.start_payment")
async def start_payment(session: AsyncSession, event: Received[events.ApplicationTransitioned]) -> None:
    """The first attempt of a payment, as the outbox delivers its batch's execution."""
    if event.payload.to is not ApplicationStatus.PAYING:
        return
    await attempt_payment(session, payment_gateway(), event.tenant_id, application_id=event.payload.application_id)


@counted
async def pay_application(ctx: Ctx, tenant_id: str, payment_id: str) -> AttemptOutcome:
    tenant = uuid.UUID(tenant_id)
    async with ctx["db"].transaction(tenant) as session:
        return await attempt_payment(session, payment_gateway(), tenant, payment_id=uuid.UUID(payment_id))


@counted
async def reconcile_payments(ctx: Ctx) -> int:
    """Hands every due unsettled payment to a job: retries after back-off, timeouts to be asked about,
    and payments whose job was lost (a killed worker, a restarted Redis) once their lease ran out."""
    settings = get_payment_settings()
    lease = timedelta(seconds=settings.payment_lease_seconds)
    async with ctx["db"].owner_transaction() as session:
        due = await disbursement.claim_due_payments(session, utcnow(), lease, settings.payment_reconcile_batch)
        for payment in due:
            # A new job ID per dispatch: a job lost with an old ID must not block this one.
            await ctx["redis"].enqueue_job(
                PAY_APPLICATION,
                str(payment.tenant_id),
                str(payment.payment_id),
                _job_id=f"funds:pay:{payment.payment_id}:{payment.dispatches}",
            )
    if due:
        log.info("reconciliation dispatched %d payment(s)", len(due))
    return len(due)


def _every(seconds: int) -> set[int] | None:
    return None if seconds <= 1 else set(range(0, 60, seconds))


_settings = get_payment_settings()
# arq's WorkerCoroutine protocol does not accept our typed ctx, hence the ignores.
JOBS = [
    func(
        pay_application,  # type: ignore[arg-type]
        name=PAY_APPLICATION,
        max_tries=1,
        timeout=_settings.payment_timeout_seconds * 2 + 30,
    )
]
CRON_JOBS = [
    cron(
        reconcile_payments,  # type: ignore[arg-type]
        second=_every(_settings.payment_reconcile_every_seconds),
        run_at_startup=True,
        keep_result=0,
        max_tries=1,
        timeout=60,
    )
]
