"""Mutations of the funds context: programs, applications and their review, payment batches."""

import uuid
from collections.abc import Awaitable, Callable
from typing import Any, cast

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.scalars import JSON
from strawberry.types import Info

from redchain.graphql.errors import mutate
from redchain.graphql.funds.inputs import (
    ChangeFundProgramInput,
    CreateFundProgramInput,
    CreatePaymentBatchInput,
    DocumentInput,
    DraftFundApplicationInput,
    FundApplicationIdInput,
    FundApplicationReasonInput,
    PayeeInput,
    PaymentBatchIdInput,
    ReviewFundApplicationInput,
    UpdateFundApplicationInput,
)
from redchain.graphql.funds.types import FundApplication, FundProgram, FundsUserError, PaymentBatch
from redchain.graphql.permissions import HasPerm, IsAuthenticated
from redchain.graphql.relay import decode_id, decode_ids
from redchain.graphql.updates import optional, required
from redchain.services.funds import disbursement
from redchain.services.funds import service as funds
from redchain.services.funds.models import FundApplication as ApplicationRow
from redchain.services.funds.models import FundProgram as ProgramRow
from redchain.services.funds.models import PaymentBatch as BatchRow
from redchain.services.funds.models import ProgramKind
from redchain.services.permissions import Perm


@strawberry.type
class FundProgramPayload:
    fund_program: FundProgram | None = None
    user_errors: list[FundsUserError] = strawberry.field(default_factory=list)


@strawberry.type
class FundApplicationPayload:
    fund_application: FundApplication | None = None
    user_errors: list[FundsUserError] = strawberry.field(default_factory=list)


@strawberry.type
class PaymentBatchPayload:
    payment_batch: PaymentBatch | None = None
    user_errors: list[FundsUserError] = strawberry.field(default_factory=list)


def _rule(value: JSON | None) -> dict[str, Any] | None:
    return cast(dict[str, Any] | None, value)  # any JSON; the service validates its shape


def _payee(value: PayeeInput) -> funds.Payee:
    return funds.Payee(value.account_name, value.bank, value.account_number)


def _documents(values: list[DocumentInput]) -> list[funds.Document]:
    return [funds.Document(d.name, d.url, d.size_bytes, d.sha256) for d in values]


def _program_changes(input: ChangeFundProgramInput) -> funds.ProgramChanges:
    return funds.ProgramChanges(
        budget_fen=required("budgetFen", input.budget_fen), amount_rule=optional(_rule(input.amount_rule))
    )


def _application_changes(input: UpdateFundApplicationInput) -> funds.ApplicationChanges:
    return funds.ApplicationChanges(
        amount_fen=optional(input.amount_fen),
        payee=required("payee", input.payee, _payee),
        documents=optional(input.documents, _documents),
    )


def _program(row: ProgramRow) -> FundProgramPayload:
    return FundProgramPayload(fund_program=FundProgram.from_row(row))


def _batch(row: BatchRow) -> PaymentBatchPayload:
    return PaymentBatchPayload(payment_batch=PaymentBatch.from_row(row))


async def _application(
    info: Info, action: Callable[[AsyncSession], Awaitable[ApplicationRow]]
) -> FundApplicationPayload:
    return await mutate(
        info,
        FundApplicationPayload,
        action,
        lambda row: FundApplicationPayload(fund_application=FundApplication.from_row(row)),
    )


def _application_id(global_id: strawberry.ID) -> uuid.UUID:
    return decode_id(global_id, "FundApplication")


@strawberry.type
class FundsMutation:
    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.FUNDS_PROGRAMS_MANAGE)],
        description="Create a fund program for a fiscal year, with its budget and amount rule.",
    )
    async def create_fund_program(self, info: Info, input: CreateFundProgramInput) -> FundProgramPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            FundProgramPayload,
            lambda s: funds.create_program(
                s,
                actor,
                ProgramKind(input.kind),
                input.fiscal_year,
                input.name,
                input.budget_fen,
                _rule(input.amount_rule),
            ),
            _program,
        )

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.FUNDS_PROGRAMS_MANAGE)],
        description="Change a program's budget (never below what is committed) or amount rule.",
    )
    async def change_fund_program(self, info: Info, input: ChangeFundProgramInput) -> FundProgramPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            FundProgramPayload,
            lambda s: funds.change_program(s, actor, decode_id(input.id, "FundProgram"), _program_changes(input)),
            _program,
        )

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.FUNDS_APPLY)],
        description="Draft an application for an organisation (yours, or on its behalf).",
    )
    async def draft_fund_application(self, info: Info, input: DraftFundApplicationInput) -> FundApplicationPayload:
        actor = info.context.require_actor()
        return await _application(
            info,
            lambda s: funds.draft_application(
                s,
                actor,
                decode_id(input.program_id, "FundProgram", field="programId"),
                decode_id(input.organization_id, "PartyOrganization", field="organizationId"),
                input.amount_fen,
                _payee(input.payee),
                _documents(input.documents),
            ),
        )

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.FUNDS_APPLY)],
        description="Change a draft, or an application returned for changes.",
    )
    async def update_fund_application(self, info: Info, input: UpdateFundApplicationInput) -> FundApplicationPayload:
        actor = info.context.require_actor()
        return await _application(
            info, lambda s: funds.update_application(s, actor, _application_id(input.id), _application_changes(input))
        )

    @strawberry.mutation(permission_classes=[HasPerm(Perm.FUNDS_APPLY)])
    async def submit_fund_application(self, info: Info, input: FundApplicationIdInput) -> FundApplicationPayload:
        actor = info.context.require_actor()
        return await _application(info, lambda s: funds.submit_application(s, actor, _application_id(input.id)))

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="CHAIN stage: chain staff of the organisation's chain; PARK stage: the park admin, whose "
        "approval reserves the amount from the budget. Reviewer, approver and applicant are different people.",
    )
    async def review_fund_application(self, info: Info, input: ReviewFundApplicationInput) -> FundApplicationPayload:
        actor = info.context.require_actor()
        stage, decision = funds.ReviewStage(input.stage), funds.ReviewDecision(input.decision)
        return await _application(
            info,
            lambda s: funds.review_application(s, actor, _application_id(input.id), stage, decision, input.reason),
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Before payment. Once approved, only the park admin may cancel (it releases the reserved budget).",
    )
    async def cancel_fund_application(self, info: Info, input: FundApplicationReasonInput) -> FundApplicationPayload:
        actor = info.context.require_actor()
        return await _application(
            info, lambda s: funds.cancel_application(s, actor, _application_id(input.id), input.reason)
        )

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.FUNDS_DISBURSE)],
        description="Record money recovered after payment (追回); it returns to the budget.",
    )
    async def claw_back_fund_application(self, info: Info, input: FundApplicationReasonInput) -> FundApplicationPayload:
        actor = info.context.require_actor()
        return await _application(info, lambda s: funds.claw_back(s, actor, _application_id(input.id), input.reason))

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.FUNDS_DISBURSE)],
        description="Put park-approved applications into a new payment batch.",
    )
    async def create_payment_batch(self, info: Info, input: CreatePaymentBatchInput) -> PaymentBatchPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            PaymentBatchPayload,
            lambda s: disbursement.create_batch(
                s, actor, input.name, decode_ids(input.application_ids, "FundApplication", field="applicationIds")
            ),
            _batch,
        )

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.FUNDS_DISBURSE)],
        description="Drop a draft batch; its applications go back to PARK_APPROVED.",
    )
    async def discard_payment_batch(self, info: Info, input: PaymentBatchIdInput) -> PaymentBatchPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            PaymentBatchPayload,
            lambda s: disbursement.discard_batch(s, actor, decode_id(input.id, "PaymentBatch")),
            _batch,
        )

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.FUNDS_DISBURSE)],
        description="Pay the batch: the workers call the treasury once per application.",
    )
    async def execute_payment_batch(self, info: Info, input: PaymentBatchIdInput) -> PaymentBatchPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            PaymentBatchPayload,
            lambda s: disbursement.execute_batch(s, actor, decode_id(input.id, "PaymentBatch")),
            _batch,
        )
