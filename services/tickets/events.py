"""Ticket domain events, written to the outbox. A payload's `notify` lists the users to tell in-app,
decided when the event happened (workers/tickets.py turns it into notifications)."""

TICKET_CREATED = "tickets.created"
TICKET_TRANSITIONED = "tickets.transitioned"
TICKET_ASSIGNED = "tickets.assigned"
TICKET_REPLIED = "tickets.replied"  # a public reply
TICKET_SLA_WARNING = "tickets.sla_warning"
TICKET_ESCALATED = "tickets.escalated"
TICKET_REMINDED = "tickets.reminded"  # 催办
TICKET_EXTENSION_REQUESTED = "tickets.extension_requested"
TICKET_EXTENSION_DECIDED = "tickets.extension_decided"

NOTIFYING = (
    TICKET_CREATED,
    TICKET_TRANSITIONED,
    TICKET_ASSIGNED,
    TICKET_REPLIED,
    TICKET_SLA_WARNING,
    TICKET_ESCALATED,
    TICKET_REMINDED,
    TICKET_EXTENSION_REQUESTED,
    TICKET_EXTENSION_DECIDED,
)
