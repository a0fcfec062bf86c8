"""What the caller may do to a ticket now besides its transitions, for the app's buttons; the same
predicates (policies.py) and status rules the service applies when the request comes."""

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.models_base import utcnow
from redchain.services.actor import Actor
from redchain.services.tickets.escalation import is_breached
from redchain.services.tickets.models import CLOCK_RUNNING, FINISHED_STATUSES, OPEN_STATUSES, TicketStatus
from redchain.services.tickets.policies import (
    Party,
    may_attach,
    may_comment,
    may_dispatch,
    may_remind,
    may_request_extension,
)
from redchain.services.tickets.service import parties_on_many
from redchain.services.tickets.workflow import TicketAction, allowed_actions


@dataclass(frozen=True)
class TicketAbilities:
    actions: list[TicketAction]
    assign: bool
    reply: bool
    internal_note: bool
    attach: bool
    request_extension: bool
    decide_extension: bool  # someone else's pending request (nobody decides their own)
    remind: bool


async def abilities_of(
    session: AsyncSession, actor: Actor, ticket_ids: list[uuid.UUID]
) -> dict[uuid.UUID, TicketAbilities]:
    now = utcnow()
    found: dict[uuid.UUID, TicketAbilities] = {}
    person = actor.user_id is not None
    for ticket, acting_as in await parties_on_many(session, actor, ticket_ids, now):
        status = TicketStatus(ticket.status)
        is_open, finished = status in OPEN_STATUSES, status in FINISHED_STATUSES
        found[ticket.id] = TicketAbilities(
            actions=allowed_actions(status, acting_as),
            assign=person and is_open and may_dispatch(actor, ticket),
            reply=not finished and may_comment(actor, acting_as, internal=False),
            internal_note=not finished and may_comment(actor, acting_as, internal=True),
            attach=person and not finished and may_attach(acting_as),
            request_extension=(
                status in CLOCK_RUNNING
                and ticket.resolution_due_at is not None
                and ticket.resolution_due_at > now
                and person
                and may_request_extension(acting_as)
            ),
            decide_extension=is_open and Party.SUPERVISOR in acting_as,
            remind=person and is_open and is_breached(ticket, now) and may_remind(actor, acting_as),
        )
    return found
