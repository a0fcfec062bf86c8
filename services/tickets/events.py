"""Ticket domain events, written to the outbox. Every one names the users to tell in-app (`notify`),
decided when the event happened (workers/tickets.py turns it into notifications)."""

import uuid

from pydantic import Field

from redchain.infra.outbox import DomainEvent
from redchain.services.tickets.models import TicketStatus


class TicketNotice(DomainEvent):
    ticket_id: uuid.UUID
    title: str
    notify: list[uuid.UUID]


class TicketCreated(TicketNotice, name="tickets.created"):
    enterprise_id: uuid.UUID
    chain_id: uuid.UUID | None


class TicketTransitioned(TicketNotice, name="tickets.transitioned"):
    action: str
    from_status: TicketStatus = Field(alias="from")
    to: TicketStatus


class TicketAssigned(TicketNotice, name="tickets.assigned"):
    assignee_id: uuid.UUID | None  # None: back to the chain's queue


class TicketReplied(TicketNotice, name="tickets.replied"):  # a public reply
    event_id: uuid.UUID


class TicketSlaWarning(TicketNotice, name="tickets.sla_warning"):
    target: str  # FIRST_RESPONSE or RESOLUTION
    level: int


class TicketEscalated(TicketNotice, name="tickets.escalated"):
    target: str
    level: int


class TicketReminded(TicketNotice, name="tickets.reminded"):  # 催办
    count: int


class TicketExtensionRequested(TicketNotice, name="tickets.extension_requested"):
    request_id: uuid.UUID


class TicketExtensionDecided(TicketNotice, name="tickets.extension_decided"):
    request_id: uuid.UUID
    approved: bool


NOTIFYING: tuple[type[TicketNotice], ...] = (
    TicketCreated,
    TicketTransitioned,
    TicketAssigned,
    TicketReplied,
    TicketSlaWarning,
    TicketEscalated,
    TicketReminded,
    TicketExtensionRequested,
    TicketExtensionDecided,
)
