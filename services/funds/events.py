"""Funds domain events, written to the outbox."""

import uuid

from pydantic import Field

from redchain.infra.outbox import DomainEvent
from redchain.services.funds.models import ApplicationStatus


class ProgramCreated(DomainEvent, name="funds.program_created"):
    program_id: uuid.UUID


class ProgramBudgetChanged(DomainEvent, name="funds.program_budget_changed"):
    program_id: uuid.UUID
    budget_fen: int


# Every status change of an application; the workers notify its applicant, and start the payment
# when it enters PAYING.
class ApplicationTransitioned(DomainEvent, name="funds.application_transitioned"):
    application_id: uuid.UUID
    applicant_user_id: uuid.UUID
    from_status: ApplicationStatus | None = Field(alias="from")  # None when the draft is created
    to: ApplicationStatus
    action: str  # a workflow action, or DRAFT for the creation
    reason: str | None


class BatchCreated(DomainEvent, name="funds.batch_created"):
    batch_id: uuid.UUID


class BatchExecuted(DomainEvent, name="funds.batch_executed"):
    batch_id: uuid.UUID


class BatchDiscarded(DomainEvent, name="funds.batch_discarded"):
    batch_id: uuid.UUID
