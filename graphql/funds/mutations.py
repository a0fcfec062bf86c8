"""Mutations of the funds context: programs, applications and their review, payment batches."""

import uuid
from collections.abc import Awaitable, Callable
from typing import Any, cast

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.scalars import JSON
from strawberry.types import Info

from redchain.graphql.errors import UserError, mutate
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
from redchain.graphql.funds.types import FundApplication, FundProgram, PaymentBatch
from redchain.graphql.permissions import HasPerm, IsAuthenticated
from redchain.graphql.relay import decode_id
from redchain.graphql.updates import optional, required
from redchain.services.funds import disbursement
from redchain.services.funds import service as funds
from redchain.services.funds.models import FundApplication as ApplicationRow
from redchain.services.funds.models import ProgramKind
from redchain.services.permissions import Perm


@strawberry.type
class FundProgramPayload:
    fund_program: FundProgram | None
    user_errors: list[UserError]


@strawberry.type
class FundApplicationPayload:
    fund_application: FundApplication | None
    user_errors: list[UserError]


@strawberry.type
class PaymentBatchPayload:
    payment_batch: PaymentBatch | None
    user_errors: list[UserError]


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


async def _application(
    info: Info, action: Callable[[AsyncSession], Awaitable[ApplicationRow]]
) -> FundApplicationPayload:
    row, errors = await mutate(info, action)
    return FundApplicationPayload(fund_application=FundApplication.from_row(row) if row else None, user_errors=errors)


def _application_id(info: Info, global_id: strawberry.ID) -> uuid.UUID:
    return decode_id(global_id, "FundApplication", info.context.locale)


@strawberry.type
class FundsMutation:
    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.FUNDS_PROGRAMS_MANAGE)],
        description="Create a fund program for a fiscal year, with its budget and amount rule.",
    )
    async def create_fund_program(self, info: Info, input: CreateFundProgramInput) -> FundProgramPayload:
        actor = info.context.require_actor()
        row, errors = await mutate(
            info,
            lambda s: funds.create_program(
                s,
                actor,
                ProgramKind(input.kind),
                input.fiscal_year,
                input.name,
                input.budget_fen,
                _rule(input.amount_rule),
            ),
        )
        return FundProgramPayload(fund_program=FundProgram.from_row(row) if row else None, user_errors=errors)

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.FUNDS_PROGRAMS_MANAGE)],
        description="Change a program's budget (never below what is committed) or amount rule.",
    )
    async def change_fund_program(self, info: Info, input: ChangeFundProgramInput) -> FundProgramPayload:
        actor = info.context.require_actor()
        program_id = decode_id(input.id, "FundProgram", info.context.locale)
        row, errors = await mutate(info, lambda s: funds.change_program(s, actor, program_id, _program_changes(input)))
        return FundProgramPayload(fund_program=FundProgram.from_row(row) if row else None, user_errors=errors)

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.FUNDS_APPLY)],
        description="Draft an application for an organisation (yours, or on its behalf).",
    )
    async def draft_fund_application(self, info: Info, input: DraftFundApplicationInput) -> FundApplicationPayload:
        actor, locale = info.context.require_actor(), info.context.locale
        program_id = decode_id(input.program_id, "FundProgram", locale)
        organization_id = decode_id(input.organization_id, "PartyOrganization", locale)
        return await _application(
            info,
            lambda s: funds.draft_application(
                s,
                actor,
                program_id,
                organization_id,
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
        application_id = _application_id(info, input.id)
        return await _application(
            info, lambda s: funds.update_application(s, actor, application_id, _application_changes(input))
        )

    @strawberry.mutation(permission_classes=[HasPerm(Perm.FUNDS_APPLY)])
    async def submit_fund_application(self, info: Info, input: FundApplicationIdInput) -> FundApplicationPayload:
        actor = info.context.require_actor()
        application_id = _application_id(info, input.id)
        return await _application(info, lambda s: funds.submit_application(s, actor, application_id))

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="CHAIN stage: chain staff of the organisation's chain; PARK stage: the park admin, whose "
        "approval reserves the amount from the budget. Reviewer, approver and applicant are different people.",
    )
    async def review_fund_application(self, info: Info, input: ReviewFundApplicationInput) -> FundApplicationPayload:
        actor = info.context.require_actor()
        application_id = _application_id(info, input.id)
        stage, decision = funds.ReviewStage(input.stage), funds.ReviewDecision(input.decision)
        return await _application(
            info, lambda s: funds.review_application(s, actor, application_id, stage, decision, input.reason)
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Before payment. Once approved, only the park admin may cancel (it releases the reserved budget).",
    )
    async def cancel_fund_application(self, info: Info, input: FundApplicationReasonInput) -> FundApplicationPayload:
        actor = info.context.require_actor()
        application_id = _application_id(info, input.id)
        return await _application(info, lambda s: funds.cancel_application(s, actor, application_id, input.reason))

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.FUNDS_DISBURSE)],
        description="Record money recovered after payment (追回); it returns to the budget.",
    )
    async def claw_back_fund_application(self, info: Info, input: FundApplicationReasonInput) -> FundApplicationPayload:
        actor = info.context.require_actor()
        application_id = _application_id(info, input.id)
        return await _application(info, lambda s: funds.claw_back(s, actor, application_id, input.reason))

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.FUNDS_DISBURSE)],
        description="Put park-approved applications into a new payment batch.",
    )
    async def create_payment_batch(self, info: Info, input: CreatePaymentBatchInput) -> PaymentBatchPayload:
        actor, locale = info.context.require_actor(), info.context.locale
        ids = [decode_id(i, "FundApplication", locale) for i in input.application_ids]
        row, errors = await mutate(info, lambda s: disbursement.create_batch(s, actor, input.name, ids))
        return PaymentBatchPayload(payment_batch=PaymentBatch.from_row(row) if row else None, user_errors=errors)

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.FUNDS_DISBURSE)],
        description="Drop a draft batch; its applications go back to PARK_APPROVED.",
    )
    async def discard_payment_batch(self, info: Info, input: PaymentBatchIdInput) -> PaymentBatchPayload:
        actor = info.context.require_actor()
        batch_id = decode_id(input.id, "PaymentBatch", info.context.locale)
        row, errors = await mutate(info, lambda s: disbursement.discard_batch(s, actor, batch_id))
        return PaymentBatchPayload(payment_batch=PaymentBatch.from_row(row) if row else None, user_errors=errors)

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.FUNDS_DISBURSE)],
        description="Pay the batch: the workers call the treasury once per application.",
    )
    async def execute_payment_batch(self, info: Info, input: PaymentBatchIdInput) -> PaymentBatchPayload:
        actor = info.context.require_actor()
        batch_id = decode_id(input.id, "PaymentBatch", info.context.locale)
        row, errors = await mutate(info, lambda s: disbursement.execute_batch(s, actor, batch_id))
        return PaymentBatchPayload(payment_batch=PaymentBatch.from_row(row) if row else None, user_errors=errors)
