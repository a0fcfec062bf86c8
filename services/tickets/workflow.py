"""The ticket status machine: one table of allowed transitions, and who may take each."""

from dataclasses import dataclass
from enum import StrEnum

from redchain.services.tickets.models import TicketStatus
from redchain.services.tickets.policies import Party

S = TicketStatus


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


def _t(sources: set[TicketStatus], target: TicketStatus, by: set[Party], text_required: bool = False) -> Transition:
    return Transition(frozenset(sources), target, frozenset(by), text_required)


H, R, SYS = Party.HANDLER, Party.REQUESTER, Party.SYSTEM
WORKABLE = {S.NEW, S.ACCEPTED, S.IN_PROGRESS, S.WAITING_ON_ENTERPRISE, S.REOPENED}

TRANSITIONS: dict[TicketAction, Transition] = {
    TicketAction.ACCEPT: _t({S.NEW}, S.ACCEPTED, {H}),
    TicketAction.REJECT: _t({S.NEW, S.ACCEPTED}, S.REJECTED, {H}, text_required=True),
    TicketAction.START: _t({S.ACCEPTED, S.REOPENED}, S.IN_PROGRESS, {H}),
    TicketAction.REQUEST_INFO: _t({S.IN_PROGRESS}, S.WAITING_ON_ENTERPRISE, {H}, text_required=True),
    TicketAction.RESUME: _t({S.WAITING_ON_ENTERPRISE}, S.IN_PROGRESS, {H, R}),
    TicketAction.RESOLVE: _t({S.IN_PROGRESS}, S.RESOLVED, {H}, text_required=True),
    TicketAction.CLOSE: _t({S.RESOLVED}, S.CLOSED, {R, SYS}),
    TicketAction.REOPEN: _t({S.RESOLVED, S.CLOSED}, S.REOPENED, {R}, text_required=True),
    TicketAction.MARK_DUPLICATE: _t(WORKABLE, S.DUPLICATE, {H}),
}

# Every status is reachable and every non-terminal status has a way out; tests walk this table.
TERMINAL = frozenset({S.REJECTED, S.DUPLICATE})


def allowed_actions(status: TicketStatus, parties: frozenset[Party]) -> list[TicketAction]:
    return [a for a, t in TRANSITIONS.items() if status in t.sources and t.by & parties]
