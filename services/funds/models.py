"""Fund programs and their budgets, applications, payment batches, payments and the budget ledger."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from redchain.infra.models_base import TenantOwned, tenant_fk

TZ = sa.DateTime(timezone=True)


class ProgramKind(StrEnum):
    STARTUP_FUND = "STARTUP_FUND"  # 启动经费: once per newly formed organisation
    DUES_REBATE = "DUES_REBATE"  # 党费返还
    POSITION_SUBSIDY = "POSITION_SUBSIDY"  # 阵地建设补助
    SECRETARY_ALLOWANCE = "SECRETARY_ALLOWANCE"  # 党组织书记津贴
    ACTIVITY_FUND = "ACTIVITY_FUND"  # 党员活动经费


class ApplicationStatus(StrEnum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    RETURNED_FOR_CHANGES = "RETURNED_FOR_CHANGES"
    CHAIN_APPROVED = "CHAIN_APPROVED"
    PARK_APPROVED = "PARK_APPROVED"
    SCHEDULED = "SCHEDULED"
    PAYING = "PAYING"
    PAID = "PAID"
    FAILED = "FAILED"
    REJECTED = "REJECTED"
    CANCELLED = "CANCELLED"
    CLAWED_BACK = "CLAWED_BACK"


# Applications in these states no longer hold the organisation's place in a program: it may apply again.
RELEASED_STATUSES = (ApplicationStatus.REJECTED, ApplicationStatus.CANCELLED, ApplicationStatus.FAILED)
_HOLDS_PLACE = "status NOT IN ('REJECTED', 'CANCELLED', 'FAILED')"


class BatchStatus(StrEnum):
    DRAFT = "DRAFT"
    EXECUTED = "EXECUTED"
    DISCARDED = "DISCARDED"


class PaymentStatus(StrEnum):
    PENDING = "PENDING"  # to be sent (again) at next_attempt_at
    UNKNOWN = "UNKNOWN"  # sent, no answer (a timeout): ask the gateway before anything else
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"  # declined for good


UNSETTLED_PAYMENTS = (PaymentStatus.PENDING, PaymentStatus.UNKNOWN)


class LedgerKind(StrEnum):
    RESERVE = "RESERVE"  # at park approval: budget set aside
    RELEASE = "RELEASE"  # a reservation given back (cancelled or failed)
    PAY = "PAY"  # the reservation paid out
    CLAWBACK = "CLAWBACK"  # a payment returned to the budget (追回)


class FundProgram(TenantOwned, table=True):
    """A fund for one fiscal year with its budget and amount rule (JSON, see amounts.AmountRule)."""

    __tablename__ = "fund_programs"
    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "kind", "fiscal_year"),
        sa.CheckConstraint("budget_fen >= 0", name="budget_not_negative"),
    )
    kind: ProgramKind = Field(sa_type=sa.String(32))  # type: ignore[call-overload]
    name: str = Field(max_length=200)
    fiscal_year: int
    budget_fen: int = Field(sa_type=sa.BigInteger)  # type: ignore[call-overload]
    amount_rule: dict[str, Any] = Field(default_factory=dict, sa_type=JSONB)  # type: ignore[call-overload]
    created_by: uuid.UUID | None = None
    updated_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]


class FundApplication(TenantOwned, table=True):
    """An organisation's application to a program, from draft to paid. The payee's account number is
    stored encrypted (AES-GCM) with its last four digits for display."""

    __tablename__ = "fund_applications"
    __table_args__ = (
        tenant_fk(["program_id"], "fund_programs"),
        tenant_fk(["organization_id"], "party_organizations"),
        tenant_fk(["chain_id"], "industry_chains"),
        tenant_fk(["batch_id"], "payment_batches"),
        sa.CheckConstraint("amount_fen > 0", name="amount_positive"),
        # The start-up fund is paid once per organisation, whatever the year (database-enforced).
        sa.Index(
            "uq_fund_applications_startup_once",
            "tenant_id",
            "organization_id",
            unique=True,
            postgresql_where=sa.text(f"program_kind = 'STARTUP_FUND' AND {_HOLDS_PLACE}"),
        ),
        # Any program: one live application per organisation.
        sa.Index(
            "uq_fund_applications_program_once",
            "tenant_id",
            "program_id",
            "organization_id",
            unique=True,
            postgresql_where=sa.text(_HOLDS_PLACE),
        ),
        sa.Index("ix_fund_applications_tenant_id_status_created_at", "tenant_id", "status", "created_at"),
        sa.Index("ix_fund_applications_tenant_id_batch_id", "tenant_id", "batch_id"),
        sa.Index("ix_fund_applications_tenant_id_chain_id", "tenant_id", "chain_id"),
    )
    program_id: uuid.UUID
    program_kind: ProgramKind = Field(sa_type=sa.String(32))  # type: ignore[call-overload]
    organization_id: uuid.UUID
    chain_id: uuid.UUID
    status: ApplicationStatus = Field(default=ApplicationStatus.DRAFT, sa_type=sa.String(32))  # type: ignore[call-overload]
    amount_fen: int = Field(sa_type=sa.BigInteger)  # type: ignore[call-overload]
    entitled_fen: int = Field(sa_type=sa.BigInteger)  # type: ignore[call-overload]
    payee_account_name: str = Field(max_length=100)
    payee_bank: str = Field(max_length=100)
    payee_account_cipher: bytes = Field(sa_type=sa.LargeBinary, repr=False)  # type: ignore[call-overload]
    payee_account_last4: str = Field(max_length=4)
    documents: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSONB)  # type: ignore[call-overload]
    applicant_user_id: uuid.UUID = Field(foreign_key="users.id")
    submitted_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]
    chain_reviewer_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    park_approver_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    batch_id: uuid.UUID | None = None
    last_reason: str | None = Field(default=None, max_length=1000)
    updated_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]


class PaymentBatch(TenantOwned, table=True):
    """A FINANCE_OFFICER's batch of approved applications, paid together when executed."""

    __tablename__ = "payment_batches"
    name: str = Field(max_length=200)
    status: BatchStatus = Field(default=BatchStatus.DRAFT, sa_type=sa.String(16))  # type: ignore[call-overload]
    created_by: uuid.UUID = Field(foreign_key="users.id")
    executed_by: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    executed_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]
    application_count: int = 0
    total_fen: int = Field(default=0, sa_type=sa.BigInteger)  # type: ignore[call-overload]


class FundPayment(TenantOwned, table=True):
    """The one payment of an application. Its idempotency key comes from the application, so however
    often a job runs or a payment is retried, the gateway pays it at most once."""

    __tablename__ = "fund_payments"
    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "application_id"),
        sa.UniqueConstraint("tenant_id", "idempotency_key"),
        tenant_fk(["application_id"], "fund_applications"),
        tenant_fk(["batch_id"], "payment_batches"),
        sa.Index("ix_fund_payments_tenant_id_batch_id", "tenant_id", "batch_id"),
        # The reconciliation scan: unsettled payments, by when they are due.
        sa.Index(
            "ix_fund_payments_due", "next_attempt_at", postgresql_where=sa.text("status IN ('PENDING', 'UNKNOWN')")
        ),
    )
    application_id: uuid.UUID
    batch_id: uuid.UUID
    idempotency_key: str = Field(max_length=80)
    amount_fen: int = Field(sa_type=sa.BigInteger)  # type: ignore[call-overload]
    status: PaymentStatus = Field(default=PaymentStatus.PENDING, sa_type=sa.String(16))  # type: ignore[call-overload]
    attempts: int = 0  # calls made to the gateway
    dispatches: int = 0  # times the reconciliation handed it to a job (part of that job's ID)
    next_attempt_at: datetime = Field(sa_type=TZ)  # type: ignore[call-overload]
    last_error: str | None = Field(default=None, max_length=200)
    gateway_reference: str | None = Field(default=None, max_length=100)
    settled_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]


class LedgerEntry(TenantOwned, table=True):
    """Append-only (the app role may not UPDATE or DELETE it). Each kind at most once per application,
    so no retry can reserve, pay or release twice."""

    __tablename__ = "fund_ledger"
    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "application_id", "kind"),
        tenant_fk(["program_id"], "fund_programs"),
        tenant_fk(["application_id"], "fund_applications"),
        tenant_fk(["chain_id"], "industry_chains"),
        sa.CheckConstraint("amount_fen > 0", name="amount_positive"),
        sa.Index("ix_fund_ledger_tenant_id_program_id_created_at", "tenant_id", "program_id", "created_at"),
    )
    program_id: uuid.UUID
    application_id: uuid.UUID
    chain_id: uuid.UUID
    kind: LedgerKind = Field(sa_type=sa.String(16))  # type: ignore[call-overload]
    amount_fen: int = Field(sa_type=sa.BigInteger)  # type: ignore[call-overload]
    actor_user_id: uuid.UUID | None = None
