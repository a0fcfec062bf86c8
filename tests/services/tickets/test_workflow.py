"""The transitions table itself: every status reachable, no dead end but the two terminal ones."""

from redchain.services.tickets.models import TicketStatus
from redchain.services.tickets.policies import Party
from redchain.services.tickets.workflow import TERMINAL, TRANSITIONS, TicketAction, allowed_actions


def test_every_status_is_reachable_from_new() -> None:
    reached, frontier = {TicketStatus.NEW}, [TicketStatus.NEW]
    while frontier:
        status = frontier.pop()
        for rule in TRANSITIONS.values():
            if status in rule.sources and rule.target not in reached:
                reached.add(rule.target)
                frontier.append(rule.target)
    assert reached == set(TicketStatus)


def test_only_rejected_and_duplicate_are_dead_ends() -> None:
    dead_ends = {s for s in TicketStatus if not any(s in rule.sources for rule in TRANSITIONS.values())}
    assert dead_ends == set(TERMINAL) == {TicketStatus.REJECTED, TicketStatus.DUPLICATE}


def test_who_may_take_which_action() -> None:
    assert allowed_actions(TicketStatus.NEW, frozenset({Party.HANDLER})) == [
        TicketAction.ACCEPT,
        TicketAction.REJECT,
        TicketAction.MARK_DUPLICATE,
    ]
    assert allowed_actions(TicketStatus.WAITING_ON_ENTERPRISE, frozenset({Party.REQUESTER})) == [TicketAction.RESUME]
    assert allowed_actions(TicketStatus.RESOLVED, frozenset({Party.SYSTEM})) == [TicketAction.CLOSE]
    assert allowed_actions(TicketStatus.RESOLVED, frozenset({Party.SUPERVISOR})) == []
