"""GraphQL types of the tickets context. Columns are plain fields; relations go through the DataLoaders."""

import base64
import binascii
from datetime import datetime
from typing import cast

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from redchain.graphql.errors import ApiError, ErrorCode, UserError, error_code_enum
from redchain.graphql.registry.dataloaders import EnterpriseByIdLoader, IndustryChainByIdLoader
from redchain.graphql.registry.types import Enterprise, IndustryChain
from redchain.graphql.relay import Connection, Edge, Node, PageInfo, encode_id, page_request
from redchain.graphql.tenancy.dataloaders import UserByIdLoader
from redchain.graphql.tenancy.types import User
from redchain.graphql.tickets.dataloaders import (
    AbilitiesByTicketIdLoader,
    AssigneeCandidateIdsByTicketIdLoader,
    AttachmentsByTicketIdLoader,
    ExtensionRequestsByTicketIdLoader,
    TicketByIdLoader,
    TicketCategoryByIdLoader,
    TimelineCountByTicketIdLoader,
    TimelinePageLoader,
    WatcherIdsByTicketIdLoader,
)
from redchain.infra.models_base import utcnow
from redchain.services.tickets import models as rows
from redchain.services.tickets import service as tickets
from redchain.services.tickets.abilities import TicketAbilities
from redchain.services.tickets.deadlines import HOUR
from redchain.services.tickets.errors import TicketErrorCode as TicketErrorCodeEnum
from redchain.services.tickets.escalation import is_breached
from redchain.services.tickets.models import OPEN_STATUSES
from redchain.services.tickets.policies import sees_internal
from redchain.services.tickets.stats import StatsRow
from redchain.services.tickets.targets import PriorityTargets
from redchain.services.tickets.workflow import TicketAction as TicketActionEnum

TicketStatus = strawberry.enum(
    rows.TicketStatus,
    description="NEW → ACCEPTED (已受理) → IN_PROGRESS (办理中) → RESOLVED (已办结) → CLOSED; WAITING_ON_ENTERPRISE "
    "(待企业补充, the clock is paused) ↔ IN_PROGRESS; REJECTED (不予受理); DUPLICATE (merged); REOPENED.",
)
TicketPriority = strawberry.enum(rows.TicketPriority, description="Sets the SLA targets.")
TicketAction = strawberry.enum(
    TicketActionEnum, description="A status transition; `Ticket.viewerActions` lists the ones open to you now."
)
TicketEventKind = strawberry.enum(rows.TicketEventKind, description="What a timeline entry records.")
TicketVisibility = strawberry.enum(
    rows.Visibility, description="PUBLIC entries the enterprise sees; INTERNAL ones only park staff."
)
ExtensionStatus = strawberry.enum(rows.ExtensionStatus, name="TicketExtensionStatus")


async def _user(info: Info, user_id: object) -> User | None:
    if user_id is None:
        return None
    row = await info.context.loader(UserByIdLoader).load(user_id)
    return User.from_row(row) if row else None


def _hours(seconds: int | float | None) -> float | None:
    return None if seconds is None else round(seconds / HOUR, 2)


@strawberry.type(description="A category of problems (e.g. 生产要素保障) or, under one, an aspect (e.g. 融资服务).")
class TicketCategory(Node):
    code: str
    name: str
    sort_order: int
    archived_at: datetime | None
    row: strawberry.Private[rows.TicketCategory]
    children: strawberry.Private[list[rows.TicketCategory]]

    @strawberry.field(description="The category an aspect belongs to; null for a category.")
    async def parent(self, info: Info) -> "TicketCategory | None":
        if self.row.parent_id is None:
            return None
        row = await info.context.loader(TicketCategoryByIdLoader).load(self.row.parent_id)
        return TicketCategory.from_row(row) if row else None

    @strawberry.field(description="A category's aspects, in display order (as listed by ticketCategories).")
    def aspects(self) -> list["TicketCategory"]:
        return [TicketCategory.from_row(c) for c in self.children]

    @classmethod
    def from_row(cls, row: rows.TicketCategory, children: list[rows.TicketCategory] | None = None) -> "TicketCategory":
        return cls(
            id=encode_id("TicketCategory", row.id),
            code=row.code,
            name=row.name,
            sort_order=row.sort_order,
            archived_at=row.archived_at,
            row=row,
            children=children or [],
        )


@strawberry.type(
    description="A ticket's clock: targets in business hours of Asia/Shanghai, holidays and 调休 "
    "included, paused while waiting on the enterprise."
)
class TicketSla:
    row: strawberry.Private[rows.Ticket]

    @strawberry.field
    def first_response_due_at(self) -> datetime | None:
        return self.row.first_response_due_at

    @strawberry.field
    def first_responded_at(self) -> datetime | None:
        return self.row.first_responded_at

    @strawberry.field(description="Null while the clock is paused.")
    def resolution_due_at(self) -> datetime | None:
        return self.row.resolution_due_at

    @strawberry.field(
        description="The deadline that counts now: the first response's until it is made, then the "
        "resolution's; null while paused or once resolved."
    )
    def due_at(self) -> datetime | None:
        return self._next()[0]

    @strawberry.field(description="When `dueAt` comes close (80 % of its target): the warning the sweep sends.")
    def warn_at(self) -> datetime | None:
        return self._next()[1]

    def _next(self) -> tuple[datetime | None, datetime | None]:
        if self.row.status not in OPEN_STATUSES:
            return None, None
        if self.row.first_responded_at is None and self.row.first_response_due_at is not None:
            return self.row.first_response_due_at, self.row.first_response_warn_at
        return self.row.resolution_due_at, self.row.resolution_warn_at

    @strawberry.field
    def paused(self) -> bool:
        return self.row.status == rows.TicketStatus.WAITING_ON_ENTERPRISE

    @strawberry.field(description="Open and past a deadline now.")
    def breached(self) -> bool:
        return is_breached(self.row, utcnow())

    @strawberry.field(description="0 none, 1 the chain secretary was told, 2 the park admins were too.")
    def escalation_level(self) -> int:
        return self.row.escalation_level

    @strawberry.field
    def first_response_target_hours(self) -> float:
        return _hours(self.row.first_response_target) or 0.0

    @strawberry.field(description="Including approved extensions.")
    def resolution_target_hours(self) -> float:
        return _hours(self.row.resolution_target + self.row.sla_extension_seconds) or 0.0

    @strawberry.field(description="Business hours the clock stood still (waiting on the enterprise, resolved).")
    def paused_hours(self) -> float:
        return _hours(self.row.sla_paused_seconds) or 0.0

    @strawberry.field(description="Business hours to the latest resolution, pauses excluded.")
    def resolution_hours(self) -> float | None:
        return _hours(self.row.resolution_seconds)


@strawberry.type(description="The enterprise's rating of the resolution (满意度).")
class TicketSatisfaction:
    rating: int
    comment: str | None


@strawberry.type(description="One entry of a ticket's timeline.")
class TicketEvent(Node):
    kind: TicketEventKind  # type: ignore[valid-type]
    visibility: TicketVisibility  # type: ignore[valid-type]
    body: str | None
    data: JSON = strawberry.field(description="The entry's details, e.g. from/to status, assignee, SLA level.")
    created_at: datetime
    row: strawberry.Private[rows.TicketEvent]

    @strawberry.field(description="Null for the system (the SLA sweep, auto-close).")
    async def author(self, info: Info) -> User | None:
        return await _user(info, self.row.author_user_id)

    @classmethod
    def from_row(cls, row: rows.TicketEvent) -> "TicketEvent":
        return cls(
            id=encode_id("TicketEvent", row.id),
            kind=rows.TicketEventKind(row.kind),
            visibility=rows.Visibility(row.visibility),
            body=row.body,
            data=cast(JSON, row.data),
            created_at=row.created_at,
            row=row,
        )


@strawberry.type(description="A file attached to a ticket.")
class TicketAttachment(Node):
    filename: str
    content_type: str
    size_bytes: int
    sha256: str
    created_at: datetime
    row: strawberry.Private[rows.TicketAttachment]

    @strawberry.field(description="GET it with the same Authorization header.")
    def download_url(self) -> str:
        return f"/api/v1/tickets/attachments/{self.row.id}"

    @strawberry.field
    async def uploaded_by(self, info: Info) -> User | None:
        return await _user(info, self.row.uploaded_by)

    @classmethod
    def from_row(cls, row: rows.TicketAttachment) -> "TicketAttachment":
        return cls(
            id=encode_id("TicketAttachment", row.id),
            filename=row.filename,
            content_type=row.content_type,
            size_bytes=row.size_bytes,
            sha256=row.sha256,
            created_at=row.created_at,
            row=row,
        )


@strawberry.type(description="延期申请: more business hours asked of the chain secretary before the deadline.")
class TicketExtensionRequest(Node):
    reason: str
    extra_hours: float
    status: ExtensionStatus  # type: ignore[valid-type]
    created_at: datetime
    decided_at: datetime | None
    decision_note: str | None
    row: strawberry.Private[rows.TicketExtensionRequest]

    @strawberry.field
    async def requested_by(self, info: Info) -> User | None:
        return await _user(info, self.row.requested_by)

    @strawberry.field
    async def decided_by(self, info: Info) -> User | None:
        return await _user(info, self.row.decided_by)

    @strawberry.field
    async def ticket(self, info: Info) -> "Ticket | None":
        row = await info.context.loader(TicketByIdLoader).load(self.row.ticket_id)
        return Ticket.from_row(row) if row else None

    @classmethod
    def from_row(cls, row: rows.TicketExtensionRequest) -> "TicketExtensionRequest":
        return cls(
            id=encode_id("TicketExtensionRequest", row.id),
            reason=row.reason,
            extra_hours=_hours(row.extra_seconds) or 0.0,
            status=rows.ExtensionStatus(row.status),
            created_at=row.created_at,
            decided_at=row.decided_at,
            decision_note=row.decision_note,
            row=row,
        )


def _timeline_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"seq:{seq}".encode()).decode().rstrip("=")


def _timeline_after(cursor: str | None, locale: str) -> int | None:
    if cursor is None:
        return None
    try:
        kind, value = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode().split(":", 1)
        if kind != "seq":
            raise ValueError(kind)
        return int(value)
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise ApiError(ErrorCode.BAD_USER_INPUT, locale, reason="MALFORMED_CURSOR") from exc


@strawberry.type(description="A problem an enterprise raised (企业诉求), with its SLA clock and timeline.")
class Ticket(Node):
    title: str
    description: str
    status: TicketStatus  # type: ignore[valid-type]
    priority: TicketPriority  # type: ignore[valid-type]
    version: int = strawberry.field(description="Pass as expectedVersion to refuse a change made meanwhile.")
    on_behalf: bool = strawberry.field(description="Raised by park staff on the enterprise's behalf (代企业提交).")
    created_at: datetime
    updated_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    reminder_count: int = strawberry.field(description="Formal reminders (催办) so far.")
    row: strawberry.Private[rows.Ticket]

    @strawberry.field
    def enterprise_id(self) -> strawberry.ID:
        return encode_id("Enterprise", self.row.enterprise_id)

    @strawberry.field(description="Null if the registry does not show you the enterprise.")
    async def enterprise(self, info: Info) -> Enterprise | None:
        row = await info.context.loader(EnterpriseByIdLoader).load(self.row.enterprise_id)
        return Enterprise.from_row(row) if row else None

    @strawberry.field(description="The chain whose queue holds the ticket; null: the park admins' queue.")
    async def chain(self, info: Info) -> IndustryChain | None:
        if self.row.chain_id is None:
            return None
        row = await info.context.loader(IndustryChainByIdLoader).load(self.row.chain_id)
        return IndustryChain.from_row(row) if row else None

    @strawberry.field
    async def category(self, info: Info) -> TicketCategory | None:
        row = await info.context.loader(TicketCategoryByIdLoader).load(self.row.category_id)
        return TicketCategory.from_row(row) if row else None

    @strawberry.field
    async def aspect(self, info: Info) -> TicketCategory | None:
        row = await info.context.loader(TicketCategoryByIdLoader).load(self.row.aspect_id)
        return TicketCategory.from_row(row) if row else None

    @strawberry.field
    async def raised_by(self, info: Info) -> User | None:
        return await _user(info, self.row.raised_by)

    @strawberry.field(description="Null while the ticket waits in its chain's queue.")
    async def assignee(self, info: Info) -> User | None:
        return await _user(info, self.row.assignee_user_id)

    @strawberry.field(description="The liaison visit it was raised from (走访记录).")
    def visit_id(self) -> strawberry.ID | None:
        return encode_id("LiaisonVisit", self.row.visit_id) if self.row.visit_id else None

    @strawberry.field(description="The ticket this one was merged into (DUPLICATE).")
    async def duplicate_of(self, info: Info) -> "Ticket | None":
        if self.row.duplicate_of_id is None:
            return None
        row = await info.context.loader(TicketByIdLoader).load(self.row.duplicate_of_id)
        return Ticket.from_row(row) if row else None

    @strawberry.field
    def sla(self) -> TicketSla:
        return TicketSla(row=self.row)

    @strawberry.field
    def satisfaction(self) -> TicketSatisfaction | None:
        if self.row.satisfaction_rating is None:
            return None
        return TicketSatisfaction(rating=self.row.satisfaction_rating, comment=self.row.satisfaction_comment)

    @strawberry.field
    async def watchers(self, info: Info) -> list[User]:
        ids = await info.context.loader(WatcherIdsByTicketIdLoader).load(self.row.id)
        users = await info.context.loader(UserByIdLoader).load_many(ids)
        return [User.from_row(u) for u in users if u]

    @strawberry.field
    async def attachments(self, info: Info) -> list[TicketAttachment]:
        return [
            TicketAttachment.from_row(a)
            for a in await info.context.loader(AttachmentsByTicketIdLoader).load(self.row.id)
        ]

    @strawberry.field(description="Park staff only; empty for the enterprise.")
    async def extension_requests(self, info: Info) -> list[TicketExtensionRequest]:
        if not sees_internal(info.context.require_actor()):
            return []
        return [
            TicketExtensionRequest.from_row(r)
            for r in await info.context.loader(ExtensionRequestsByTicketIdLoader).load(self.row.id)
        ]

    @strawberry.field(description="Until when the enterprise may reopen it; null unless resolved or closed.")
    def reopenable_until(self) -> datetime | None:
        return tickets.reopenable_until(self.row)

    @strawberry.field(description="When it closes by itself unless the enterprise confirms; null unless resolved.")
    def auto_closes_at(self) -> datetime | None:
        return tickets.auto_closes_at(self.row)

    @strawberry.field(description="The transitions open to you now.")
    async def viewer_actions(self, info: Info) -> list[TicketAction]:  # type: ignore[valid-type]
        found = await info.context.loader(AbilitiesByTicketIdLoader).load(self.row.id)
        return list(found.actions) if found else []

    @strawberry.field(description="What else you may do now (the API still checks each request).")
    async def viewer_can(self, info: Info) -> "TicketViewerCan":
        found = await info.context.loader(AbilitiesByTicketIdLoader).load(self.row.id)
        return TicketViewerCan.from_value(found)

    @strawberry.field(description="Who you may assign it to; empty unless you may dispatch it.")
    async def assignee_candidates(self, info: Info) -> list[User]:
        ids = await info.context.loader(AssigneeCandidateIdsByTicketIdLoader).load(self.row.id)
        users = await info.context.loader(UserByIdLoader).load_many(ids)
        return sorted((User.from_row(u) for u in users if u), key=lambda u: u.display_name)

    @strawberry.field(description="Oldest first. The enterprise sees PUBLIC entries only.")
    async def timeline(self, info: Info, first: int | None = None, after: str | None = None) -> Connection[TicketEvent]:
        locale = info.context.locale
        request = page_request(first, after, locale)
        after_seq = _timeline_after(after, locale)
        found = await info.context.loader(TimelinePageLoader).load((self.row.id, request.first + 1, after_seq))
        page = found[: request.first]
        edges = [Edge(node=TicketEvent.from_row(e), cursor=_timeline_cursor(e.seq or 0)) for e in page]
        ticket_id = self.row.id

        async def count_total() -> int:
            return await info.context.loader(TimelineCountByTicketIdLoader).load(ticket_id)

        return Connection(
            edges=edges,
            page_info=PageInfo(
                has_next_page=len(found) > request.first,
                has_previous_page=after is not None,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
            count_total=count_total,
        )

    @classmethod
    def from_row(cls, row: rows.Ticket) -> "Ticket":
        return cls(
            id=encode_id("Ticket", row.id),
            title=row.title,
            description=row.description,
            status=rows.TicketStatus(row.status),
            priority=rows.TicketPriority(row.priority),
            version=row.version,
            on_behalf=row.on_behalf,
            created_at=row.created_at,
            updated_at=row.updated_at,
            resolved_at=row.resolved_at,
            closed_at=row.closed_at,
            reminder_count=row.reminder_count,
            row=row,
        )


@strawberry.type(description="What the viewer may do to a ticket now, besides `viewerActions`.")
class TicketViewerCan:
    assign: bool = strawberry.field(description="Give it to a person, or back to the queue.")
    reply: bool = strawberry.field(description="A public reply the enterprise sees.")
    internal_note: bool = strawberry.field(description="An internal note the enterprise never sees.")
    attach: bool
    request_extension: bool = strawberry.field(description="延期申请, before the resolution deadline.")
    decide_extension: bool = strawberry.field(description="Decide another person's pending extension request.")
    remind: bool = strawberry.field(description="催办: the ticket is overdue.")

    @classmethod
    def from_value(cls, value: TicketAbilities | None) -> "TicketViewerCan":
        if value is None:
            return cls(
                assign=False,
                reply=False,
                internal_note=False,
                attach=False,
                request_extension=False,
                decide_extension=False,
                remind=False,
            )
        return cls(
            assign=value.assign,
            reply=value.reply,
            internal_note=value.internal_note,
            attach=value.attach,
            request_extension=value.request_extension,
            decide_extension=value.decide_extension,
            remind=value.remind,
        )


@strawberry.type(description="A park's SLA targets for one priority, in business minutes.")
class TicketSlaTarget:
    priority: TicketPriority  # type: ignore[valid-type]
    first_response_minutes: int
    resolution_minutes: int
    is_reference: bool = strawberry.field(description="The reference targets: the park has not set its own.")

    @classmethod
    def from_value(cls, value: PriorityTargets) -> "TicketSlaTarget":
        return cls(
            priority=value.priority,
            first_response_minutes=value.targets.first_response // 60,
            resolution_minutes=value.targets.resolution // 60,
            is_reference=value.is_reference,
        )


@strawberry.type(description="Figures over a period; time to resolve in business hours, pauses excluded.")
class TicketFigures:
    opened: int = strawberry.field(description="Raised in the period.")
    resolved: int = strawberry.field(description="Resolved in the period and not reopened since: problems solved.")
    open_now: int = strawberry.field(description="Open today, whenever raised.")
    sla_met: int = strawberry.field(description="Resolved in the period with both targets met.")
    rated: int
    row: strawberry.Private[StatsRow]

    @strawberry.field(description="sla_met / resolved, 0-1; null when nothing was resolved.")
    def sla_met_rate(self) -> float | None:
        return round(self.row.sla_met / self.row.resolved, 4) if self.row.resolved else None

    @strawberry.field
    def median_resolution_hours(self) -> float | None:
        return _hours(self.row.median_seconds)

    @strawberry.field
    def p90_resolution_hours(self) -> float | None:
        return _hours(self.row.p90_seconds)

    @strawberry.field(description="Average rating (1-5) of tickets closed in the period.")
    def satisfaction_average(self) -> float | None:
        return None if self.row.satisfaction_average is None else round(self.row.satisfaction_average, 2)

    @classmethod
    def from_row(cls, row: StatsRow) -> "TicketFigures":
        return cls(
            opened=row.opened,
            resolved=row.resolved,
            open_now=row.open_now,
            sla_met=row.sla_met,
            rated=row.rated,
            row=row,
        )


@strawberry.type
class TicketChainFigures:
    figures: TicketFigures
    chain_key: strawberry.Private[object]

    @strawberry.field(description="Null: tickets in no chain's queue.")
    async def chain(self, info: Info) -> IndustryChain | None:
        if self.chain_key is None:
            return None
        row = await info.context.loader(IndustryChainByIdLoader).load(self.chain_key)
        return IndustryChain.from_row(row) if row else None


@strawberry.type
class TicketCategoryFigures:
    figures: TicketFigures
    category_key: strawberry.Private[object]

    @strawberry.field
    async def category(self, info: Info) -> TicketCategory | None:
        row = await info.context.loader(TicketCategoryByIdLoader).load(self.category_key)
        return TicketCategory.from_row(row) if row else None


@strawberry.type(description="How many of the tickets raised in the period are in a status now.")
class TicketStatusCount:
    status: TicketStatus  # type: ignore[valid-type]
    count: int


@strawberry.type(description="ticketStats: the committee's figures, as the press reports count them.")
class TicketStats:
    total: TicketFigures
    by_chain: list[TicketChainFigures]
    by_category: list[TicketCategoryFigures]
    by_status: list[TicketStatusCount] = strawberry.field(
        description="Tickets raised in the period by their status now, in workflow order; statuses with none left out."
    )

    @strawberry.field(description="“Solved N problems in X categories / Y aspects”: N.")
    def problems_solved(self) -> int:
        return self.total.resolved

    @strawberry.field(description="X: categories among the problems solved.")
    def categories_solved(self) -> int:
        return self.total.row.categories

    @strawberry.field(description="Y: aspects among the problems solved.")
    def aspects_solved(self) -> int:
        return self.total.row.aspects


TicketErrorCode = error_code_enum("TicketErrorCode", TicketErrorCodeEnum)


@strawberry.type(description="A rule or validation failure of a tickets mutation.")
class TicketUserError(UserError):
    code: TicketErrorCode  # type: ignore[valid-type]
