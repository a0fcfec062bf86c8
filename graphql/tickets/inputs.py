"""Input objects of the tickets queries and mutations."""

from datetime import date, datetime

import strawberry
from strawberry.file_uploads import Upload

from redchain.graphql.tickets.types import TicketAction, TicketPriority, TicketStatus


@strawberry.input(description="Which tickets: every condition given must hold.")
class TicketFilterInput:
    statuses: list[TicketStatus] | None = None  # type: ignore[valid-type]
    priority: TicketPriority | None = None  # type: ignore[valid-type]
    chain_id: strawberry.ID | None = None
    enterprise_id: strawberry.ID | None = None
    category_id: strawberry.ID | None = None
    aspect_id: strawberry.ID | None = None
    assignee_id: strawberry.ID | None = None
    unassigned: bool = strawberry.field(default=False, description="Only tickets still in their chain's queue.")
    overdue: bool = strawberry.field(default=False, description="Only open tickets past a deadline now.")
    created_from: datetime | None = None
    created_before: datetime | None = None
    search: str | None = strawberry.field(
        default=None, description="A substring of the title or of the enterprise's name."
    )


@strawberry.input(description="Both days count, in park time (Asia/Shanghai).")
class PeriodInput:
    start: date
    end: date


@strawberry.input
class CreateTicketInput:
    enterprise_id: strawberry.ID
    title: str
    description: str
    category_id: strawberry.ID
    aspect_id: strawberry.ID = strawberry.field(description="One of the category's aspects.")
    priority: TicketPriority = TicketPriority.NORMAL  # type: ignore[valid-type, attr-defined]
    visit_id: strawberry.ID | None = strawberry.field(default=None, description="The liaison visit it came from.")


@strawberry.input
class TransitionTicketInput:
    id: strawberry.ID
    action: TicketAction  # type: ignore[valid-type]
    text: str | None = strawberry.field(
        default=None,
        description="Required for REJECT (reason), REQUEST_INFO (what is missing), RESOLVE (what was "
        "done) and REOPEN (why); shown to the enterprise. With CLOSE, the rating's comment.",
    )
    rating: int | None = strawberry.field(default=None, description="1-5; required when the enterprise confirms.")
    duplicate_of_id: strawberry.ID | None = strawberry.field(default=None, description="For MARK_DUPLICATE.")
    expected_version: int | None = None


@strawberry.input
class AssignTicketInput:
    id: strawberry.ID
    assignee_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="A CHAIN_STAFF member of the ticket's chain or a liaison officer posted to the "
        "enterprise; null puts the ticket back in its chain's queue.",
    )
    chain_id: strawberry.ID | None = strawberry.field(
        default=None, description="Move to another chain's queue (park admins)."
    )
    expected_version: int | None = None


@strawberry.input
class AddTicketCommentInput:
    ticket_id: strawberry.ID
    body: str
    internal: bool = strawberry.field(default=False, description="An internal note the enterprise never sees.")


@strawberry.input
class WatchTicketInput:
    ticket_id: strawberry.ID
    watching: bool = True


@strawberry.input
class AddTicketAttachmentInput:
    ticket_id: strawberry.ID
    file: Upload = strawberry.field(description="Multipart upload; PDF, images, Office documents, text.")


@strawberry.input
class RequestTicketExtensionInput:
    ticket_id: strawberry.ID
    extra_hours: int = strawberry.field(description="Business hours, 1-70.")
    reason: str


@strawberry.input
class DecideTicketExtensionInput:
    id: strawberry.ID
    approve: bool
    note: str | None = None


@strawberry.input
class RemindTicketInput:
    ticket_id: strawberry.ID
    note: str | None = None


@strawberry.input
class CreateTicketCategoryInput:
    code: str = strawberry.field(description="Upper-case letters, digits and _, e.g. LAND_USE.")
    name: str
    parent_id: strawberry.ID | None = strawberry.field(default=None, description="Set to add an aspect.")
    sort_order: int = 0


@strawberry.input
class ArchiveTicketCategoryInput:
    id: strawberry.ID


@strawberry.input
class SetTicketSlaTargetInput:
    priority: TicketPriority  # type: ignore[valid-type]
    first_response_minutes: int = strawberry.field(description="Business minutes.")
    resolution_minutes: int = strawberry.field(description="Business minutes, at least the first response's.")
