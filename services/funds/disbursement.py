"""Disbursement: payment batches, the payments the workers make and settle, and the ledger's reports."""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra import outbox
from redchain.infra.models_base import utcnow
from redchain.infra.pagination import Page, PageRequest
from redchain.infra.payments.gateway import PaymentOrder
from redchain.infra.payments.settings import get_payment_settings
from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.errors import NotFound, TooLong
from redchain.services.funds import events, payee
from redchain.services.funds.errors import (
    EmptyBatch,
    IllegalTransition,
    NotInBatch,
)
from redchain.services.funds.models import (
    ApplicationStatus,
    BatchStatus,
    FundApplication,
    FundPayment,
    LedgerEntry,
    PaymentBatch,
    PaymentStatus,
)
from redchain.services.funds.policies import (
    check_distinct,
    require,
    require_person,
)
from redchain.services.funds.repository import ApplicationRepository, DuePayment, FundsRepository, LedgerReportRow
from redchain.services.funds.repository import claim_due_payments as repository_claim_due_payments
from redchain.services.funds.workflow import Action, transition
from redchain.services.permissions import Perm
from redchain.services.registry import service as registry
from redchain.services.registry.service import PartyOrganization

MAX_BATCH = 1000


# Payment batches ------------------------------------------------------------------------------


async def create_batch(
    session: AsyncSession, actor: Actor, name: str, application_ids: list[uuid.UUID]
) -> PaymentBatch:
    user_id = require_person(actor, Perm.FUNDS_DISBURSE)
    ids = list(dict.fromkeys(application_ids))
    if not ids:
        raise EmptyBatch("applicationIds")
    if len(ids) > MAX_BATCH:
        raise TooLong("applicationIds", limit=MAX_BATCH)
    name = name.strip()
    if not name or len(name) > 200:
        raise TooLong("name", limit=200)
    applications = await ApplicationRepository(session).applications(actor, ids, lock=True)
    if len(applications) != len(ids):
        raise NotFound("applicationIds")
    if any(a.status != ApplicationStatus.PARK_APPROVED for a in applications):
        raise NotInBatch("applicationIds")
    batch = PaymentBatch(
        tenant_id=actor.tenant_id,
        name=name,
        created_by=user_id,
        application_count=len(applications),
        total_fen=sum(a.amount_fen for a in applications),
    )
    await FundsRepository(session).add(batch)
    for application in applications:
        application.batch_id = batch.id
        await transition(session, actor, application, Action.SCHEDULE)
    audit.record(
        session,
        actor,
        "payment_batch.create",
        "PaymentBatch",
        batch.id,
        after={"name": name, "application_count": batch.application_count, "total_fen": batch.total_fen},
    )
    outbox.emit(session, actor.tenant_id, events.BatchCreated(batch_id=batch.id))
    return batch


async def _locked_batch(session: AsyncSession, actor: Actor, batch_id: uuid.UUID) -> PaymentBatch:
    batch = await FundsRepository(session).batch(actor.tenant_id, batch_id, lock=True)
    if batch is None:
        raise NotFound("id")
    if batch.status != BatchStatus.DRAFT:
        raise IllegalTransition("id", status=batch.status, action="changed")
    return batch


async def discard_batch(session: AsyncSession, actor: Actor, batch_id: uuid.UUID) -> PaymentBatch:
    """A draft batch is dropped; its applications go back to PARK_APPROVED, budget still reserved."""
    require_person(actor, Perm.FUNDS_DISBURSE)
    batch = await _locked_batch(session, actor, batch_id)
    for application in await ApplicationRepository(session).batch_applications(
        batch.tenant_id, batch.id, ApplicationStatus.SCHEDULED
    ):
        application.batch_id = None
        await transition(session, actor, application, Action.UNSCHEDULE)
    batch.status = BatchStatus.DISCARDED
    audit.record(session, actor, "payment_batch.discard", "PaymentBatch", batch.id, after={"status": batch.status})
    outbox.emit(session, batch.tenant_id, events.BatchDiscarded(batch_id=batch.id))
    return batch


def idempotency_key(application: FundApplication) -> str:
    # From the application alone: whichever job, retry or worker pays it, the treasury sees one key.
    return f"rc-{application.tenant_id.hex}-{application.id.hex}"


async def execute_batch(session: AsyncSession, actor: Actor, batch_id: uuid.UUID) -> PaymentBatch:
    """Every application of the batch starts paying: a payment row each, and an outbox event each that
    the workers turn into the gateway call. The executor is none of the applications' earlier people."""
    user_id = require_person(actor, Perm.FUNDS_DISBURSE)
    batch = await _locked_batch(session, actor, batch_id)
    applications = await ApplicationRepository(session).batch_applications(
        batch.tenant_id, batch.id, ApplicationStatus.SCHEDULED
    )
    if not applications:
        raise EmptyBatch("id")
    for application in applications:
        check_distinct(
            user_id, application.applicant_user_id, application.chain_reviewer_id, application.park_approver_id
        )
    # The first attempt belongs to the outbox job; reconciliation steps in only after this lease.
    first_due = utcnow() + timedelta(seconds=get_payment_settings().payment_lease_seconds)
    payments = [
        FundPayment(
            tenant_id=batch.tenant_id,
            application_id=a.id,
            batch_id=batch.id,
            idempotency_key=idempotency_key(a),
            amount_fen=a.amount_fen,
            next_attempt_at=first_due,
        )
        for a in applications
    ]
    await FundsRepository(session).add(*payments)
    for application in applications:
        await transition(session, actor, application, Action.START_PAYMENT)
    batch.status = BatchStatus.EXECUTED
    batch.executed_by, batch.executed_at = user_id, utcnow()
    batch.application_count = len(applications)
    batch.total_fen = sum(a.amount_fen for a in applications)
    audit.record(
        session,
        actor,
        "payment_batch.execute",
        "PaymentBatch",
        batch.id,
        after={"application_count": batch.application_count, "total_fen": batch.total_fen},
    )
    outbox.emit(session, batch.tenant_id, events.BatchExecuted(batch_id=batch.id))
    return batch


def _reads_batches(actor: Actor | None) -> bool:
    # Batches and the ledger are the finance office's and oversight's view (funds:report), not applicants'.
    return actor is not None and actor.can(Perm.FUNDS_REPORT)


def _require_report(actor: Actor) -> None:
    require(actor, Perm.FUNDS_REPORT)


async def batches_by_ids(session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]) -> list[PaymentBatch]:
    if actor is None or not _reads_batches(actor):
        return []
    return await FundsRepository(session).batches(actor.tenant_id, ids)


async def list_batches(
    session: AsyncSession, actor: Actor, status: BatchStatus | None, page: PageRequest
) -> Page[PaymentBatch]:
    _require_report(actor)
    return await FundsRepository(session).page_batches(actor.tenant_id, status, page)


async def count_batches(session: AsyncSession, actor: Actor, status: BatchStatus | None) -> int:
    _require_report(actor)
    return await FundsRepository(session).count_batches(actor.tenant_id, status)


async def batch_progress(
    session: AsyncSession, actor: Actor | None, batch_ids: list[uuid.UUID]
) -> dict[uuid.UUID, dict[ApplicationStatus, int]]:
    if actor is None or not _reads_batches(actor):
        return {}
    return await FundsRepository(session).batch_status_counts(actor.tenant_id, batch_ids)


async def payments_by_application_ids(
    session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]
) -> list[FundPayment]:
    if actor is None or not actor.can(Perm.FUNDS_READ):
        return []
    return await FundsRepository(session).payments_of_applications(actor.tenant_id, ids)


async def batch_rows(
    session: AsyncSession, actor: Actor, batch_id: uuid.UUID
) -> tuple[PaymentBatch, list[tuple[FundApplication, FundPayment | None, PartyOrganization]]]:
    _require_report(actor)
    repo = FundsRepository(session)
    batch = await repo.batch(actor.tenant_id, batch_id)
    if batch is None:
        raise NotFound("id")
    rows = await repo.batch_rows(actor.tenant_id, batch_id)
    # Payees' organisations by name, whatever the reader's registry scope: the batch is the finance office's.
    names = await registry.organizations_by_ids(
        session, Actor.system(actor.tenant_id), list({a.organization_id for a, _ in rows})
    )
    by_id = {o.id: o for o in names}
    found = [(a, p, by_id[a.organization_id]) for a, p in rows]
    return batch, sorted(found, key=lambda row: (row[2].name, row[0].id))


# Ledger ---------------------------------------------------------------------------------------


async def list_ledger(
    session: AsyncSession, actor: Actor, program_id: uuid.UUID | None, page: PageRequest
) -> Page[LedgerEntry]:
    _require_report(actor)
    return await FundsRepository(session).page_ledger(actor.tenant_id, program_id, page)


async def count_ledger(session: AsyncSession, actor: Actor, program_id: uuid.UUID | None) -> int:
    _require_report(actor)
    return await FundsRepository(session).count_ledger(actor.tenant_id, program_id)


async def ledger_report(session: AsyncSession, actor: Actor, fiscal_year: int | None) -> list[LedgerReportRow]:
    """Sums by program, chain and month (Asia/Shanghai) and entry kind."""
    _require_report(actor)
    return await FundsRepository(session).ledger_report(actor.tenant_id, fiscal_year)


# Payments, on the workers ---------------------------------------------------------------------


@dataclass(frozen=True)
class PaymentToMake:
    payment: FundPayment
    application: FundApplication
    order: PaymentOrder


async def payment_to_attempt(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    payment_id: uuid.UUID | None = None,
    application_id: uuid.UUID | None = None,
) -> PaymentToMake | None:
    """The unsettled payment (by its ID or its application's) with its order for the gateway, locked for
    this attempt; None if it is settled, or held by another job (which is attempting it right now)."""
    found = await FundsRepository(session).payment_to_attempt(tenant_id, payment_id, application_id)
    if found is None:
        return None
    payment, application = found
    order = PaymentOrder(
        idempotency_key=payment.idempotency_key,
        amount_fen=payment.amount_fen,
        payee_account_name=application.payee_account_name,
        payee_bank=application.payee_bank,
        payee_account=payee.decrypt_account(tenant_id, application.payee_account_cipher),
        reference=str(application.id),
    )
    return PaymentToMake(payment, application, order)


async def payment_of_application(
    session: AsyncSession, tenant_id: uuid.UUID, application_id: uuid.UUID
) -> FundPayment | None:
    return await FundsRepository(session).payment_of_application(tenant_id, application_id)


def retry_delay(attempts: int) -> timedelta:
    """Exponential back-off from the configured base, capped."""
    settings = get_payment_settings()
    seconds = min(settings.payment_retry_base_seconds * 2 ** max(attempts - 1, 0), settings.payment_retry_max_seconds)
    return timedelta(seconds=seconds)


def defer_payment(payment: FundPayment, status: PaymentStatus, error: str | None) -> None:
    """No final answer yet: try (or, when UNKNOWN, ask) again after the back-off."""
    payment.status = status
    payment.last_error = (error or "")[:200] or None
    payment.next_attempt_at = utcnow() + retry_delay(payment.attempts)


async def settle_payment(
    session: AsyncSession, todo: PaymentToMake, paid: bool, reference: str | None, error: str | None
) -> None:
    """The final answer: PAID writes PAY to the ledger, FAILED releases the reservation. The ledger's
    unique (application, kind) makes a second settlement of the same payment impossible."""
    payment = todo.payment
    payment.status = PaymentStatus.SUCCEEDED if paid else PaymentStatus.FAILED
    payment.gateway_reference = reference
    payment.last_error = None if paid else (error or "DECLINED")[:200]
    payment.settled_at = utcnow()
    await transition(
        session,
        Actor.system(payment.tenant_id),
        todo.application,
        Action.SETTLE_PAID if paid else Action.SETTLE_FAILED,
        None if paid else f"payment declined: {payment.last_error}",
    )


async def claim_due_payments(
    owner_session: AsyncSession, now: datetime, lease: timedelta, limit: int
) -> list[DuePayment]:
    return await repository_claim_due_payments(owner_session, now, lease, limit)
