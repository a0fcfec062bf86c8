"""The application state machine: the one table of allowed transitions, the ledger entry each makes,
and `transition`, through which every status change goes: checked against the table under the
application's row lock, written to the ledger where it moves money, audited, and emitted to the outbox."""

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra import outbox
from redchain.infra.models_base import utcnow
from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.errors import TooLong
from redchain.services.funds import events
from redchain.services.funds.errors import IllegalTransition, ReasonRequired
from redchain.services.funds.models import ApplicationStatus, FundApplication, LedgerEntry, LedgerKind
from redchain.services.funds.models import ApplicationStatus as S


class Action(StrEnum):
    # DRAFT and UPDATE are recorded in an application's history (steps.py) but change no status.
    DRAFT = "DRAFT"
    UPDATE = "UPDATE"
    SUBMIT = "SUBMIT"
    CHAIN_APPROVE = "CHAIN_APPROVE"
    PARK_APPROVE = "PARK_APPROVE"
    RETURN = "RETURN"  # 退回修改
    REJECT = "REJECT"
    CANCEL = "CANCEL"
    SCHEDULE = "SCHEDULE"  # put in a payment batch
    UNSCHEDULE = "UNSCHEDULE"  # its draft batch was discarded
    START_PAYMENT = "START_PAYMENT"
    SETTLE_PAID = "SETTLE_PAID"
    SETTLE_FAILED = "SETTLE_FAILED"
    CLAW_BACK = "CLAW_BACK"  # 追回


@dataclass(frozen=True)
class Transition:
    to: S
    ledger: LedgerKind | None = None


TRANSITIONS: dict[tuple[S, Action], Transition] = {
    (S.DRAFT, Action.SUBMIT): Transition(S.SUBMITTED),
    (S.RETURNED_FOR_CHANGES, Action.SUBMIT): Transition(S.SUBMITTED),
    (S.SUBMITTED, Action.CHAIN_APPROVE): Transition(S.CHAIN_APPROVED),
    (S.SUBMITTED, Action.RETURN): Transition(S.RETURNED_FOR_CHANGES),
    (S.SUBMITTED, Action.REJECT): Transition(S.REJECTED),
    (S.CHAIN_APPROVED, Action.PARK_APPROVE): Transition(S.PARK_APPROVED, LedgerKind.RESERVE),
    (S.CHAIN_APPROVED, Action.RETURN): Transition(S.RETURNED_FOR_CHANGES),
    (S.CHAIN_APPROVED, Action.REJECT): Transition(S.REJECTED),
    (S.DRAFT, Action.CANCEL): Transition(S.CANCELLED),
    (S.SUBMITTED, Action.CANCEL): Transition(S.CANCELLED),
    (S.RETURNED_FOR_CHANGES, Action.CANCEL): Transition(S.CANCELLED),
    (S.CHAIN_APPROVED, Action.CANCEL): Transition(S.CANCELLED),
    (S.PARK_APPROVED, Action.CANCEL): Transition(S.CANCELLED, LedgerKind.RELEASE),
    (S.SCHEDULED, Action.CANCEL): Transition(S.CANCELLED, LedgerKind.RELEASE),
    (S.PARK_APPROVED, Action.SCHEDULE): Transition(S.SCHEDULED),
    (S.SCHEDULED, Action.UNSCHEDULE): Transition(S.PARK_APPROVED),
    (S.SCHEDULED, Action.START_PAYMENT): Transition(S.PAYING),
    (S.PAYING, Action.SETTLE_PAID): Transition(S.PAID, LedgerKind.PAY),
    (S.PAYING, Action.SETTLE_FAILED): Transition(S.FAILED, LedgerKind.RELEASE),
    (S.PAID, Action.CLAW_BACK): Transition(S.CLAWED_BACK, LedgerKind.CLAWBACK),
}

# The decisions of a review stage: what puts an application in a reviewer's 我已审批.
REVIEW_ACTIONS = frozenset({Action.CHAIN_APPROVE, Action.PARK_APPROVE, Action.RETURN, Action.REJECT})
REASON_REQUIRED = frozenset({Action.RETURN, Action.REJECT, Action.CANCEL, Action.CLAW_BACK})
EDITABLE = frozenset({S.DRAFT, S.RETURNED_FOR_CHANGES})
# Cancelling these gives budget back, so it is the park's decision, not the applicant's.
CANCEL_NEEDS_APPROVER = frozenset({S.PARK_APPROVED, S.SCHEDULED})


MAX_REASON = 1000
APPLICATION_FIELDS = (
    "status",
    "amount_fen",
    "payee_account_name",
    "payee_bank",
    "payee_account_last4",
    "batch_id",
    "last_reason",
)


def transition_for(status: S, action: Action) -> Transition | None:
    return TRANSITIONS.get((status, action))


def _reason(action: Action, reason: str | None) -> str | None:
    reason = (reason or "").strip() or None
    if action in REASON_REQUIRED and reason is None:
        raise ReasonRequired("reason")
    if reason is not None and len(reason) > MAX_REASON:
        raise TooLong("reason", limit=MAX_REASON)
    return reason


async def transition(
    session: AsyncSession, actor: Actor, application: FundApplication, action: Action, reason: str | None = None
) -> None:
    """The caller holds the application's row lock (FOR UPDATE)."""
    step = transition_for(ApplicationStatus(application.status), action)
    if step is None:
        raise IllegalTransition("id", status=application.status, action=action.value)
    reason = _reason(action, reason)
    before = audit.snapshot(application, *APPLICATION_FIELDS)
    previous = application.status
    application.status = step.to
    application.updated_at = utcnow()
    if reason is not None:
        application.last_reason = reason
    if step.ledger is not None:
        session.add(
            LedgerEntry(
                tenant_id=application.tenant_id,
                program_id=application.program_id,
                application_id=application.id,
                chain_id=application.chain_id,
                kind=step.ledger,
                amount_fen=application.amount_fen,
                actor_user_id=actor.user_id,
            )
        )
    audit.record(
        session,
        actor,
        f"fund_application.{action.value.lower()}",
        "FundApplication",
        application.id,
        before=before,
        # The reason of this step itself: `last_reason` keeps an earlier one when this step gives none.
        after={**audit.snapshot(application, *APPLICATION_FIELDS), "reason": reason},
    )
    outbox.emit(
        session,
        application.tenant_id,
        events.ApplicationTransitioned(
            application_id=application.id,
            applicant_user_id=application.applicant_user_id,
            from_status=previous,
            to=step.to,
            action=action.value,
            reason=reason,
        ),
    )
