"""The ticket status machine: one table of allowed transitions, and who may take each."""

from dataclasses import dataclass
from enum import StrEnum

from redchain.services.tickets.models import TicketStatus
from redchain.services.tickets.policies import Party


class TicketAction(StrEnum):
    ACCEPT = "ACCEPT"  # 受理
    REJECT = "REJECT"  # 不予受理 (reason required)
    START = "START"  # 开始办理
    REQUEST_INFO = "REQUEST_INFO"  # ask the enterprise for more (message required); pauses the clock
    RESUME = "RESUME"  # the enterprise answered, or the handler goes on without it
    RESOLVE = "RESOLVE"  # 办结 (resolution summary required)
    CLOSE = "CLOSE"  # the enterprise confirms (with a rating), or the worker after N days
    REOPEN = "REOPEN"  # within the reopen window after the resolution (reason required)
    MARK_DUPLICATE = "MARK_DUPLICATE"  # merged into another ticket of the park


@dataclass(frozen=True)
class Transition:
    sources: frozenset[TicketStatus]
    target: TicketStatus
    by: frozenset[Party]
    text_required: bool = False  # reason, message or resolution, shown on the timeline


def _transition(
    sources: set[TicketStatus], target: TicketStatus, by: set[Party], text_required: bool = False
) -> Transition:
    return Transition(frozenset(sources), target, frozenset(by), text_required)


# Short names so the table below reads as one line per action.
NEW, ACCEPTED, IN_PROGRESS, WAITING_ON_ENTERPRISE = (
    TicketStatus.NEW,
    TicketStatus.ACCEPTED,
    TicketStatus.IN_PROGRESS,
    TicketStatus.WAITING_ON_ENTERPRISE,
)
RESOLVED, CLOSED, REOPENED, REJECTED, DUPLICATE = (
    TicketStatus.RESOLVED,
    TicketStatus.CLOSED,
    TicketStatus.REOPENED,
    TicketStatus.REJECTED,
    TicketStatus.DUPLICATE,
)
HANDLER, REQUESTER, SYSTEM = Party.HANDLER, Party.REQUESTER, Party.SYSTEM
WORKABLE = {NEW, ACCEPTED, IN_PROGRESS, WAITING_ON_ENTERPRISE, REOPENED}

TRANSITIONS: dict[TicketAction, Transition] = {
    TicketAction.ACCEPT: _transition({NEW}, ACCEPTED, {HANDLER}),
    TicketAction.REJECT: _transition({NEW, ACCEPTED}, REJECTED, {HANDLER}, text_required=True),
    TicketAction.START: _transition({ACCEPTED, REOPENED}, IN_PROGRESS, {HANDLER}),
    TicketAction.REQUEST_INFO: _transition({IN_PROGRESS}, WAITING_ON_ENTERPRISE, {HANDLER}, text_required=True),
    TicketAction.RESUME: _transition({WAITING_ON_ENTERPRISE}, IN_PROGRESS, {HANDLER, REQUESTER}),
    TicketAction.RESOLVE: _transition({IN_PROGRESS}, RESOLVED, {HANDLER}, text_required=True),
    TicketAction.CLOSE: _transition({RESOLVED}, CLOSED, {REQUESTER, SYSTEM}),
    TicketAction.REOPEN: _transition({RESOLVED, CLOSED}, REOPENED, {REQUESTER}, text_required=True),
    TicketAction.MARK_DUPLICATE: _transition(WORKABLE, DUPLICATE, {HANDLER}),
}

# Every status is reachable and every non-terminal status has a way out; tests walk this table.
TERMINAL = frozenset({REJECTED, DUPLICATE})


def allowed_actions(status: TicketStatus, parties: frozenset[Party]) -> list[TicketAction]:
    return [
        action for action, transition in TRANSITIONS.items() if status in transition.sources and transition.by & parties
    ]
