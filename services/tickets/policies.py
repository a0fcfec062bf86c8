"""Who sees which tickets, and in which capacity an actor acts on one.

Seeing: PARK_ADMIN, AUDITOR, API keys with tickets:read and the worker (services/actor.py) see the whole
park; otherwise the union of the actor's grants: CHAIN_STAFF its chain's queue, LIAISON_OFFICER its
assigned enterprises' tickets, ENTERPRISE_CONTACT its enterprise's; and anyone the tickets they are
assigned to or watch (a merged ticket's watchers follow the ticket it was merged into).
Acting: the transitions table names a party (handler, requester, system) per action; an actor's parties
on a ticket come from its grants here.
"""

import uuid
from dataclasses import dataclass
from enum import StrEnum

from redchain.services.actor import Actor, ActorKind, Scope, reach
from redchain.services.errors import PermissionDenied
from redchain.services.permissions import Perm, Role
from redchain.services.tickets.models import Ticket


def read_scope(actor: Actor) -> Scope:
    return reach(
        actor,
        whole_park=actor.can(Perm.TICKETS_READ),
        own_rows=actor.has_role(Role.CHAIN_STAFF, Role.LIAISON_OFFICER, Role.ENTERPRISE_CONTACT),
    )


def sees_internal(actor: Actor) -> bool:
    """Internal notes and staff-only events: everyone who sees tickets except the enterprise's contact.

    A person holding both a staff role and a contact role sees them (they are staff)."""
    return actor.kind is not ActorKind.USER or actor.has_role(
        Role.PARK_ADMIN, Role.AUDITOR, Role.CHAIN_STAFF, Role.LIAISON_OFFICER
    )


class Party(StrEnum):
    HANDLER = "HANDLER"  # the park side working the ticket: its chain's staff, its assignee, park admins
    REQUESTER = "REQUESTER"  # the enterprise side: its contact, or a liaison officer posted to it
    SUPERVISOR = "SUPERVISOR"  # decides extension requests: the chain secretary or a park admin
    SYSTEM = "SYSTEM"  # the worker: auto-close


@dataclass(frozen=True)
class TicketRelations:
    """Facts about the actor and the ticket that the grants alone do not hold."""

    officer_of_enterprise: bool  # an active liaison assignment to the ticket's enterprise
    chain_secretary_id: uuid.UUID | None


def parties(actor: Actor, ticket: Ticket, relations: TicketRelations) -> frozenset[Party]:
    if actor.is_system:
        return frozenset({Party.SYSTEM})
    if actor.user_id is None:  # an API key reads, it does not act
        return frozenset()
    found: set[Party] = set()
    if actor.has_role(Role.PARK_ADMIN):
        found |= {Party.HANDLER, Party.SUPERVISOR}
    if ticket.chain_id is not None and ticket.chain_id in actor.staff_chain_ids:
        found.add(Party.HANDLER)
        if relations.chain_secretary_id == actor.user_id:
            found.add(Party.SUPERVISOR)
    if ticket.assignee_user_id == actor.user_id:
        found.add(Party.HANDLER)
    if ticket.enterprise_id in actor.contact_enterprise_ids or relations.officer_of_enterprise:
        found.add(Party.REQUESTER)
    return frozenset(found)


def may_raise_for(
    actor: Actor, enterprise_id: uuid.UUID, enterprise_chain: uuid.UUID | None, officer_of_enterprise: bool
) -> bool:
    """An enterprise's contact raises for it; park staff may raise on its behalf (e.g. after a visit)."""
    if actor.user_id is None:
        return False
    return (
        actor.has_role(Role.PARK_ADMIN)
        or enterprise_id in actor.contact_enterprise_ids
        or officer_of_enterprise
        or (enterprise_chain is not None and enterprise_chain in actor.staff_chain_ids)
    )


def require_configure(actor: Actor) -> None:
    if not actor.can(Perm.TICKETS_CONFIGURE):
        raise PermissionDenied()


# What a party may do besides the transitions; the service checks these, and `Ticket.viewerCan` shows them.
# Each also needs a person (an API key reads, it does not act): the callers check `actor.user_id`.


def may_dispatch(actor: Actor, ticket: Ticket) -> bool:
    """The chain's queue is worked by its staff; park admins route across chains."""
    return actor.has_role(Role.PARK_ADMIN) or (ticket.chain_id is not None and ticket.chain_id in actor.staff_chain_ids)


def may_comment(actor: Actor, acting_as: frozenset[Party], internal: bool) -> bool:
    return Party.HANDLER in acting_as or (Party.REQUESTER in acting_as and (not internal or sees_internal(actor)))


def may_attach(acting_as: frozenset[Party]) -> bool:
    return bool(acting_as & {Party.HANDLER, Party.REQUESTER})


def may_request_extension(acting_as: frozenset[Party]) -> bool:
    return Party.HANDLER in acting_as


def may_remind(actor: Actor, acting_as: frozenset[Party]) -> bool:
    """催办 comes from the enterprise side, or from the park committee above the chains."""
    return Party.REQUESTER in acting_as or actor.has_role(Role.PARK_ADMIN)
