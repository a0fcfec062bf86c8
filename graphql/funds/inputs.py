"""Input objects of the funds mutations."""

import strawberry
from strawberry import UNSET
from strawberry.scalars import JSON

from redchain.graphql.funds.types import Fen, FundProgramKind, ReviewDecision, ReviewStage
from redchain.graphql.updates import UPDATE_INPUT


@strawberry.input
class CreateFundProgramInput:
    kind: FundProgramKind  # type: ignore[valid-type]
    fiscal_year: int
    name: str
    budget_fen: Fen
    amount_rule: JSON | None = strawberry.field(
        default=None,
        description='e.g. {"minFen": 500000, "maxFen": 1000000, "defaultFen": 500000, "tiers": '
        '[{"organizationKinds": ["PARTY_COMMITTEE"], "minMembers": 0, "amountFen": 1000000}]}. '
        "Optional for STARTUP_FUND (5,000-10,000 yuan by kind and members).",
    )


@strawberry.input(description=UPDATE_INPUT)
class ChangeFundProgramInput:
    id: strawberry.ID
    budget_fen: Fen | None = UNSET
    amount_rule: JSON | None = strawberry.field(default=UNSET, description="null: the kind's default rule.")


@strawberry.input
class PayeeInput:
    account_name: str
    bank: str
    account_number: str = strawberry.field(description="Stored encrypted; shown masked from now on.")


@strawberry.input
class DocumentInput:
    name: str
    url: str
    size_bytes: int | None = None
    sha256: str | None = None


@strawberry.input
class DraftFundApplicationInput:
    program_id: strawberry.ID
    organization_id: strawberry.ID
    payee: PayeeInput
    amount_fen: Fen | None = strawberry.field(
        default=None, description="Defaults to what the program's rule entitles the organisation to."
    )
    documents: list[DocumentInput] = strawberry.field(default_factory=list)


@strawberry.input(description=UPDATE_INPUT)
class UpdateFundApplicationInput:
    id: strawberry.ID
    amount_fen: Fen | None = strawberry.field(
        default=UNSET, description="null: what the program's rule entitles the organisation to."
    )
    payee: PayeeInput | None = UNSET
    documents: list[DocumentInput] | None = strawberry.field(default=UNSET, description="null: no documents.")


@strawberry.input
class FundApplicationIdInput:
    id: strawberry.ID


@strawberry.input
class ReviewFundApplicationInput:
    id: strawberry.ID
    stage: ReviewStage  # type: ignore[valid-type]
    decision: ReviewDecision  # type: ignore[valid-type]
    reason: str | None = strawberry.field(default=None, description="Required to return or reject.")


@strawberry.input
class FundApplicationReasonInput:
    id: strawberry.ID
    reason: str


@strawberry.input
class CreatePaymentBatchInput:
    name: str
    application_ids: list[strawberry.ID]


@strawberry.input
class PaymentBatchIdInput:
    id: strawberry.ID
