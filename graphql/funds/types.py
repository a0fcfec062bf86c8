"""GraphQL types of the funds context. Money is `Fen`: integer 分, beyond GraphQL's 32-bit Int."""

import uuid
from datetime import datetime
from typing import NewType, cast

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from redchain.graphql.errors import UserError, error_code_enum
from redchain.graphql.funds.dataloaders import (
    BatchProgressByBatchIdLoader,
    BudgetByProgramIdLoader,
    FundProgramByIdLoader,
    PaymentBatchByIdLoader,
    PaymentByApplicationIdLoader,
    StepsByApplicationIdLoader,
)
from redchain.graphql.registry.dataloaders import IndustryChainByIdLoader, PartyOrganizationByIdLoader
from redchain.graphql.registry.types import IndustryChain, PartyOrganization
from redchain.graphql.relay import Connection, Node, encode_id, paged
from redchain.graphql.tenancy.dataloaders import UserByIdLoader
from redchain.graphql.tenancy.types import User
from redchain.services.funds import service as funds
from redchain.services.funds.disbursement import LedgerReportRow
from redchain.services.funds.errors import FundsErrorCode as FundsErrorCodeEnum
from redchain.services.funds.ledger import Budget
from redchain.services.funds.models import ApplicationStatus as ApplicationStatusEnum
from redchain.services.funds.models import BatchStatus as BatchStatusEnum
from redchain.services.funds.models import FundApplication as ApplicationRow
from redchain.services.funds.models import FundPayment as PaymentRow
from redchain.services.funds.models import FundProgram as ProgramRow
from redchain.services.funds.models import LedgerEntry as LedgerRow
from redchain.services.funds.models import LedgerKind as LedgerKindEnum
from redchain.services.funds.models import PaymentBatch as BatchRow
from redchain.services.funds.models import PaymentStatus as PaymentStatusEnum
from redchain.services.funds.models import ProgramKind as ProgramKindEnum
from redchain.services.funds.payee import mask_account
from redchain.services.funds.service import ApplicationFilter
from redchain.services.funds.service import ReviewDecision as ReviewDecisionEnum
from redchain.services.funds.service import ReviewInbox as ReviewInboxEnum
from redchain.services.funds.service import ReviewStage as ReviewStageEnum
from redchain.services.funds.steps import ApplicationStep
from redchain.services.funds.workflow import Action as ActionEnum

MAX_SAFE_INTEGER = 2**53 - 1


def _parse_fen(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > MAX_SAFE_INTEGER:
        raise ValueError("Fen is an integer number of fen (分)")
    return value


# Registered in the schema's scalar_map (graphql/schema.py), so type checkers see a plain int.
Fen = NewType("Fen", int)
FEN_SCALAR = strawberry.scalar(
    name="Fen",
    serialize=int,
    parse_value=_parse_fen,
    description="An amount of money in fen (分, 1/100 yuan): an integer, up to 2^53 - 1.",
)

FundProgramKind = strawberry.enum(ProgramKindEnum, name="FundProgramKind")
FundApplicationStatus = strawberry.enum(ApplicationStatusEnum, name="FundApplicationStatus")
PaymentBatchStatus = strawberry.enum(BatchStatusEnum, name="PaymentBatchStatus")
FundPaymentStatus = strawberry.enum(PaymentStatusEnum, name="FundPaymentStatus")
LedgerEntryKind = strawberry.enum(LedgerKindEnum, name="LedgerEntryKind")
ReviewStage = strawberry.enum(ReviewStageEnum, name="ReviewStage")
ReviewDecision = strawberry.enum(ReviewDecisionEnum, name="ReviewDecision")
FundReviewInbox = strawberry.enum(ReviewInboxEnum, name="FundReviewInbox")
FundApplicationAction = strawberry.enum(ActionEnum, name="FundApplicationAction")


def _id(type_name: str, value: uuid.UUID | None) -> strawberry.ID | None:
    return encode_id(type_name, value) if value else None


@strawberry.type(description="A program's budget, summed from its ledger.")
class FundBudget:
    budget_fen: Fen
    reserved_fen: Fen = strawberry.field(description="Set aside for approved, unpaid applications.")
    paid_fen: Fen = strawberry.field(description="Paid out, less clawbacks.")
    available_fen: Fen
    released_fen: Fen = strawberry.field(description="Reservations given back, in total.")
    clawed_back_fen: Fen

    @classmethod
    def from_budget(cls, budget: Budget) -> "FundBudget":
        return cls(
            budget_fen=Fen(budget.budget_fen),
            reserved_fen=Fen(budget.reserved_fen),
            paid_fen=Fen(budget.paid_fen),
            available_fen=Fen(budget.available_fen),
            released_fen=Fen(budget.released_fen),
            clawed_back_fen=Fen(budget.clawed_back_fen),
        )


@strawberry.type(description="A fund for one fiscal year (启动经费, 党费返还, ...), with budget and amount rule.")
class FundProgram(Node):
    kind: FundProgramKind  # type: ignore[valid-type]
    name: str
    fiscal_year: int
    budget_fen: Fen
    amount_rule: JSON
    created_at: datetime
    row: strawberry.Private[ProgramRow]

    @strawberry.field
    async def budget(self, info: Info) -> FundBudget | None:
        budget = await info.context.loader(BudgetByProgramIdLoader).load(self.row.id)
        return FundBudget.from_budget(budget) if budget else None

    @classmethod
    def from_row(cls, row: ProgramRow) -> "FundProgram":
        return cls(
            id=encode_id("FundProgram", row.id),
            kind=ProgramKindEnum(row.kind),
            name=row.name,
            fiscal_year=row.fiscal_year,
            budget_fen=Fen(row.budget_fen),
            amount_rule=cast(JSON, row.amount_rule),
            created_at=row.created_at,
            row=row,
        )


@strawberry.type(description="Who is paid. The account number is never shown whole.")
class FundPayee:
    account_name: str
    bank: str
    account_number_masked: str


@strawberry.type(description="Metadata of a supporting document; the file is in object storage.")
class FundDocument:
    name: str
    url: str
    size_bytes: int | None
    sha256: str | None


@strawberry.type(description="The payment of an application; its idempotency key is the application's.")
class FundPayment:
    status: FundPaymentStatus  # type: ignore[valid-type]
    amount_fen: Fen
    idempotency_key: str
    attempts: int
    last_error: str | None
    gateway_reference: str | None
    next_attempt_at: datetime | None
    settled_at: datetime | None

    @classmethod
    def from_row(cls, row: PaymentRow) -> "FundPayment":
        unsettled = row.status in (PaymentStatusEnum.PENDING, PaymentStatusEnum.UNKNOWN)
        return cls(
            status=PaymentStatusEnum(row.status),
            amount_fen=Fen(row.amount_fen),
            idempotency_key=row.idempotency_key,
            attempts=row.attempts,
            last_error=row.last_error,
            gateway_reference=row.gateway_reference,
            next_attempt_at=row.next_attempt_at if unsettled else None,
            settled_at=row.settled_at,
        )


@strawberry.type(description="One step in an application's history: a change, a review decision, a payment.")
class FundApplicationStep:
    action: FundApplicationAction  # type: ignore[valid-type]
    status: FundApplicationStatus = strawberry.field(description="Where the step left the application.")  # type: ignore[valid-type]
    reason: str | None = strawberry.field(description="The reason or note given with the step.")
    at: datetime
    step: strawberry.Private[ApplicationStep]

    @strawberry.field(description="Who took it; null for the system (payments).")
    async def actor(self, info: Info) -> User | None:
        if self.step.actor_user_id is None:
            return None
        row = await info.context.loader(UserByIdLoader).load(self.step.actor_user_id)
        return User.from_row(row) if row else None

    @classmethod
    def from_step(cls, step: ApplicationStep) -> "FundApplicationStep":
        return cls(action=step.action, status=step.status, reason=step.reason, at=step.at, step=step)


@strawberry.type(description="An organisation's application to a fund program, from draft to payment.")
class FundApplication(Node):
    status: FundApplicationStatus  # type: ignore[valid-type]
    amount_fen: Fen
    entitled_fen: Fen = strawberry.field(description="What the program's rule allows this organisation.")
    organization_id: strawberry.ID
    chain_id: strawberry.ID
    applicant_id: strawberry.ID
    chain_reviewer_id: strawberry.ID | None
    park_approver_id: strawberry.ID | None
    payee: FundPayee
    documents: list[FundDocument]
    last_reason: str | None = strawberry.field(description="Of the last return, rejection or cancellation.")
    submitted_at: datetime | None
    created_at: datetime
    updated_at: datetime | None
    row: strawberry.Private[ApplicationRow]

    @strawberry.field
    async def program(self, info: Info) -> FundProgram | None:
        row = await info.context.loader(FundProgramByIdLoader).load(self.row.program_id)
        return FundProgram.from_row(row) if row else None

    @strawberry.field(description="The organisation applying (null if the registry hides it from you).")
    async def organization(self, info: Info) -> PartyOrganization | None:
        row = await info.context.loader(PartyOrganizationByIdLoader).load(self.row.organization_id)
        return PartyOrganization.from_row(row) if row else None

    @strawberry.field
    async def chain(self, info: Info) -> IndustryChain | None:
        row = await info.context.loader(IndustryChainByIdLoader).load(self.row.chain_id)
        return IndustryChain.from_row(row) if row else None

    @strawberry.field(description="Null unless it is in a batch and you may see batches.")
    async def batch(self, info: Info) -> "PaymentBatch | None":
        if self.row.batch_id is None:
            return None
        row = await info.context.loader(PaymentBatchByIdLoader).load(self.row.batch_id)
        return PaymentBatch.from_row(row) if row else None

    @strawberry.field
    async def payment(self, info: Info) -> FundPayment | None:
        row = await info.context.loader(PaymentByApplicationIdLoader).load(self.row.id)
        return FundPayment.from_row(row) if row else None

    @strawberry.field(description="Oldest first: drafting, edits, each review with its reason, payment.")
    async def steps(self, info: Info) -> list[FundApplicationStep]:
        found = await info.context.loader(StepsByApplicationIdLoader).load(self.row.id)
        return [FundApplicationStep.from_step(s) for s in found or []]

    @classmethod
    def from_row(cls, row: ApplicationRow) -> "FundApplication":
        return cls(
            id=encode_id("FundApplication", row.id),
            status=ApplicationStatusEnum(row.status),
            amount_fen=Fen(row.amount_fen),
            entitled_fen=Fen(row.entitled_fen),
            organization_id=encode_id("PartyOrganization", row.organization_id),
            chain_id=encode_id("IndustryChain", row.chain_id),
            applicant_id=encode_id("User", row.applicant_user_id),
            chain_reviewer_id=_id("User", row.chain_reviewer_id),
            park_approver_id=_id("User", row.park_approver_id),
            payee=FundPayee(
                account_name=row.payee_account_name,
                bank=row.payee_bank,
                account_number_masked=mask_account(row.payee_account_last4),
            ),
            documents=[
                FundDocument(name=d["name"], url=d["url"], size_bytes=d.get("size_bytes"), sha256=d.get("sha256"))
                for d in row.documents
            ],
            last_reason=row.last_reason,
            submitted_at=row.submitted_at,
            created_at=row.created_at,
            updated_at=row.updated_at,
            row=row,
        )


@strawberry.type(description="How a batch's applications stand.")
class BatchProgress:
    scheduled: int
    paying: int
    paid: int
    failed: int
    cancelled: int
    clawed_back: int


@strawberry.type(description="A finance officer's batch of approved applications, paid together.")
class PaymentBatch(Node):
    name: str
    status: PaymentBatchStatus  # type: ignore[valid-type]
    application_count: int
    total_fen: Fen
    created_by_id: strawberry.ID
    executed_by_id: strawberry.ID | None
    executed_at: datetime | None
    created_at: datetime
    row: strawberry.Private[BatchRow]

    @strawberry.field
    async def progress(self, info: Info) -> BatchProgress:
        counts = await info.context.loader(BatchProgressByBatchIdLoader).load(self.row.id) or {}
        s = ApplicationStatusEnum
        return BatchProgress(
            scheduled=counts.get(s.SCHEDULED, 0),
            paying=counts.get(s.PAYING, 0),
            paid=counts.get(s.PAID, 0),
            failed=counts.get(s.FAILED, 0),
            cancelled=counts.get(s.CANCELLED, 0),
            clawed_back=counts.get(s.CLAWED_BACK, 0),
        )

    @strawberry.field
    async def applications(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[FundApplication]:
        actor = info.context.require_actor()
        where = ApplicationFilter(batch_id=self.row.id)
        return await paged(
            info,
            first,
            after,
            FundApplication.from_row,
            fetch=lambda s, page: funds.list_applications(s, actor, where, page),
            count=lambda s: funds.count_applications(s, actor, where),
        )

    @classmethod
    def from_row(cls, row: BatchRow) -> "PaymentBatch":
        return cls(
            id=encode_id("PaymentBatch", row.id),
            name=row.name,
            status=BatchStatusEnum(row.status),
            application_count=row.application_count,
            total_fen=Fen(row.total_fen),
            created_by_id=encode_id("User", row.created_by),
            executed_by_id=_id("User", row.executed_by),
            executed_at=row.executed_at,
            created_at=row.created_at,
            row=row,
        )


@strawberry.type(description="One append-only ledger entry: a reservation, release, payment or clawback.")
class LedgerEntry(Node):
    kind: LedgerEntryKind  # type: ignore[valid-type]
    amount_fen: Fen
    program_id: strawberry.ID
    application_id: strawberry.ID
    chain_id: strawberry.ID
    actor_user_id: strawberry.ID | None
    created_at: datetime

    @classmethod
    def from_row(cls, row: LedgerRow) -> "LedgerEntry":
        return cls(
            id=encode_id("LedgerEntry", row.id),
            kind=LedgerKindEnum(row.kind),
            amount_fen=Fen(row.amount_fen),
            program_id=encode_id("FundProgram", row.program_id),
            application_id=encode_id("FundApplication", row.application_id),
            chain_id=encode_id("IndustryChain", row.chain_id),
            actor_user_id=_id("User", row.actor_user_id),
            created_at=row.created_at,
        )


@strawberry.type(description="Ledger sums of one program, chain, month (Asia/Shanghai) and entry kind.")
class LedgerReportLine:
    program_id: strawberry.ID
    chain_id: strawberry.ID
    month: str
    kind: LedgerEntryKind  # type: ignore[valid-type]
    amount_fen: Fen
    entries: int

    @classmethod
    def from_row(cls, row: LedgerReportRow) -> "LedgerReportLine":
        return cls(
            program_id=encode_id("FundProgram", row.program_id),
            chain_id=encode_id("IndustryChain", row.chain_id),
            month=row.month,
            kind=row.kind,
            amount_fen=Fen(row.amount_fen),
            entries=row.entries,
        )


FundsErrorCode = error_code_enum("FundsErrorCode", FundsErrorCodeEnum)


@strawberry.type(description="A rule or validation failure of a funds mutation.")
class FundsUserError(UserError):
    code: FundsErrorCode  # type: ignore[valid-type]
