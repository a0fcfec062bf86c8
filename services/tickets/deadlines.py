"""SLA targets by priority, the deadlines a ticket's clock gives them, and the clock's pauses. Pure: no I/O."""

from dataclasses import dataclass
from datetime import datetime

from redchain.services.calendar.service import WorkCalendar
from redchain.services.tickets.models import SlaMark, Ticket, TicketPriority, TicketStatus
from redchain.services.tickets.sla import WorkingDay, add_business_seconds, business_seconds_between

HOUR = 3600
WARN_AT = 0.8  # warn the handler at 80 % of a target
# The second escalation step (to the park admins) comes when the resolution is overdue by half its
# target again: a chain secretary gets time to act before the committee is called in.
ADMIN_ESCALATION_AT = 1.5


@dataclass(frozen=True)
class Targets:
    """Business seconds to the first response and to the resolution."""

    first_response: int
    resolution: int


# The reference park's targets; a park overrides them per priority (ticket_sla_policies). One working
# day is 7 business hours with the default 09:00-12:00, 13:30-17:30 day.
REFERENCE_TARGETS: dict[TicketPriority, Targets] = {
    TicketPriority.URGENT: Targets(1 * HOUR, 7 * HOUR),
    TicketPriority.HIGH: Targets(2 * HOUR, 14 * HOUR),
    TicketPriority.NORMAL: Targets(4 * HOUR, 35 * HOUR),
    TicketPriority.LOW: Targets(7 * HOUR, 70 * HOUR),
}


@dataclass(frozen=True)
class Deadlines:
    first_response_warn_at: datetime
    first_response_due_at: datetime
    resolution_warn_at: datetime
    resolution_due_at: datetime
    admin_escalation_at: datetime

    def at(self) -> dict[SlaMark, datetime]:
        return {
            SlaMark.FIRST_RESPONSE_WARNED: self.first_response_warn_at,
            SlaMark.FIRST_RESPONSE_BREACHED: self.first_response_due_at,
            SlaMark.RESOLUTION_WARNED: self.resolution_warn_at,
            SlaMark.RESOLUTION_BREACHED: self.resolution_due_at,
            SlaMark.ESCALATED_TO_ADMIN: self.admin_escalation_at,
        }


def deadlines(
    started_at: datetime,
    targets: Targets,
    paused_seconds: int,
    extension_seconds: int,
    working_day: WorkingDay,
    calendar: WorkCalendar,
) -> Deadlines:
    """The first response is due from `started_at` (a ticket cannot wait on the enterprise before it is
    accepted); the resolution moves back by the business time spent paused and by approved extensions."""

    def after(seconds: float) -> datetime:
        return add_business_seconds(started_at, round(seconds), calendar, working_day)

    resolution = targets.resolution + extension_seconds
    return Deadlines(
        first_response_warn_at=after(WARN_AT * targets.first_response),
        first_response_due_at=after(targets.first_response),
        resolution_warn_at=after(paused_seconds + WARN_AT * resolution),
        resolution_due_at=after(paused_seconds + resolution),
        admin_escalation_at=after(paused_seconds + resolution + (ADMIN_ESCALATION_AT - 1) * targets.resolution),
    )


def refresh_deadlines(ticket: Ticket, now: datetime, working_day: WorkingDay, calendar: WorkCalendar) -> None:
    """Recomputes the denormalised deadlines from the clock. While paused the resolution has none; a
    threshold that moved into the future may fire again (SlaMark cleared)."""
    due = deadlines(
        ticket.created_at,
        Targets(ticket.first_response_target, ticket.resolution_target),
        ticket.sla_paused_seconds,
        ticket.sla_extension_seconds,
        working_day,
        calendar,
    )
    ticket.first_response_warn_at = due.first_response_warn_at
    ticket.first_response_due_at = due.first_response_due_at
    paused = ticket.status == TicketStatus.WAITING_ON_ENTERPRISE
    ticket.resolution_warn_at = None if paused else due.resolution_warn_at
    ticket.resolution_due_at = None if paused else due.resolution_due_at
    ticket.admin_escalation_at = None if paused else due.admin_escalation_at
    done = SlaMark(ticket.sla_done)
    for mark, at in due.at().items():
        if at > now:
            done &= ~mark
    ticket.sla_done = int(done)


def pause(ticket: Ticket, now: datetime) -> None:
    ticket.sla_paused_at = now


def unpause(ticket: Ticket, now: datetime, working_day: WorkingDay, calendar: WorkCalendar) -> None:
    if ticket.sla_paused_at is not None:
        ticket.sla_paused_seconds += business_seconds_between(ticket.sla_paused_at, now, calendar, working_day)
        ticket.sla_paused_at = None


def stop_at_resolution(ticket: Ticket, now: datetime, working_day: WorkingDay, calendar: WorkCalendar) -> None:
    """The resolution time is the business time since raising less the time paused; the clock pauses
    rather than stops, so a reopening resumes it from here."""
    ticket.resolved_at = now
    elapsed = business_seconds_between(ticket.created_at, now, calendar, working_day)
    ticket.resolution_seconds = max(elapsed - ticket.sla_paused_seconds, 0)
    pause(ticket, now)
