"""Mutations of the tickets context. Each is one unit of work; rule failures come back as userErrors."""

from collections.abc import Awaitable, Callable
from typing import cast

import strawberry
from litestar.datastructures import UploadFile
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types import Info

from redchain.graphql.errors import mutate
from redchain.graphql.permissions import HasPerm, IsAuthenticated
from redchain.graphql.relay import decode_id, decode_optional_id
from redchain.graphql.tickets.inputs import (
    AddTicketAttachmentInput,
    AddTicketCommentInput,
    ArchiveTicketCategoryInput,
    AssignTicketInput,
    CreateTicketCategoryInput,
    CreateTicketInput,
    DecideTicketExtensionInput,
    RemindTicketInput,
    RequestTicketExtensionInput,
    SetTicketSlaTargetInput,
    TransitionTicketInput,
    WatchTicketInput,
)
from redchain.graphql.tickets.types import (
    Ticket,
    TicketAttachment,
    TicketCategory,
    TicketEvent,
    TicketExtensionRequest,
    TicketSlaTarget,
    TicketUserError,
)
from redchain.infra.storage import storage_from_settings
from redchain.services.permissions import Perm
from redchain.services.tickets import attachments, escalation, targets, taxonomy
from redchain.services.tickets import service as tickets
from redchain.services.tickets.models import Ticket as TicketRow
from redchain.services.tickets.models import TicketCategory as CategoryRow
from redchain.services.tickets.models import TicketExtensionRequest as ExtensionRow
from redchain.services.tickets.models import TicketPriority
from redchain.services.tickets.service import TicketDraft, TransitionRequest
from redchain.services.tickets.workflow import TicketAction


@strawberry.type
class TicketPayload:
    ticket: Ticket | None = None
    user_errors: list[TicketUserError] = strawberry.field(default_factory=list)


@strawberry.type
class TicketCommentPayload:
    event: TicketEvent | None = None
    user_errors: list[TicketUserError] = strawberry.field(default_factory=list)


@strawberry.type
class TicketAttachmentPayload:
    attachment: TicketAttachment | None = None
    user_errors: list[TicketUserError] = strawberry.field(default_factory=list)


@strawberry.type
class TicketExtensionPayload:
    extension_request: TicketExtensionRequest | None = None
    user_errors: list[TicketUserError] = strawberry.field(default_factory=list)


@strawberry.type
class TicketCategoryPayload:
    category: TicketCategory | None = None
    user_errors: list[TicketUserError] = strawberry.field(default_factory=list)


@strawberry.type
class TicketSlaTargetPayload:
    target: TicketSlaTarget | None = None
    user_errors: list[TicketUserError] = strawberry.field(default_factory=list)


async def _ticket(info: Info, action: Callable[[AsyncSession], Awaitable[TicketRow]]) -> TicketPayload:
    return await mutate(info, TicketPayload, action, lambda row: TicketPayload(ticket=Ticket.from_row(row)))


def _extension(row: ExtensionRow) -> TicketExtensionPayload:
    return TicketExtensionPayload(extension_request=TicketExtensionRequest.from_row(row))


def _category(row: CategoryRow) -> TicketCategoryPayload:
    return TicketCategoryPayload(category=TicketCategory.from_row(row))


def _draft(input: CreateTicketInput) -> TicketDraft:
    return TicketDraft(
        enterprise_id=decode_id(input.enterprise_id, "Enterprise", field="enterpriseId"),
        title=input.title,
        description=input.description,
        category_id=decode_id(input.category_id, "TicketCategory", field="categoryId"),
        aspect_id=decode_id(input.aspect_id, "TicketCategory", field="aspectId"),
        priority=TicketPriority(input.priority),
        visit_id=decode_optional_id(input.visit_id, "LiaisonVisit", field="visitId"),
    )


def _transition(input: TransitionTicketInput) -> TransitionRequest:
    return TransitionRequest(
        action=TicketAction(input.action),
        text=input.text,
        rating=input.rating,
        duplicate_of_id=decode_optional_id(input.duplicate_of_id, "Ticket", field="duplicateOfId"),
        expected_version=input.expected_version,
    )


@strawberry.type
class TicketsMutation:
    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Raise a problem for your enterprise, or on an enterprise's behalf.",
    )
    async def create_ticket(self, info: Info, input: CreateTicketInput) -> TicketPayload:
        actor = info.context.require_actor()
        return await _ticket(info, lambda s: tickets.create_ticket(s, actor, _draft(input)))

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Move a ticket through its status machine; concurrent changes: one wins.",
    )
    async def transition_ticket(self, info: Info, input: TransitionTicketInput) -> TicketPayload:
        actor = info.context.require_actor()
        return await _ticket(
            info, lambda s: tickets.transition(s, actor, decode_id(input.id, "Ticket"), _transition(input))
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated], description="Give the ticket to a person, or back to its chain's queue."
    )
    async def assign_ticket(self, info: Info, input: AssignTicketInput) -> TicketPayload:
        actor = info.context.require_actor()
        return await _ticket(
            info,
            lambda s: tickets.assign(
                s,
                actor,
                decode_id(input.id, "Ticket"),
                decode_optional_id(input.assignee_id, "User", field="assigneeId"),
                decode_optional_id(input.chain_id, "IndustryChain", field="chainId"),
                input.expected_version,
            ),
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="A public reply, or an internal note the enterprise never sees.",
    )
    async def add_ticket_comment(self, info: Info, input: AddTicketCommentInput) -> TicketCommentPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            TicketCommentPayload,
            lambda s: tickets.add_comment(
                s, actor, decode_id(input.ticket_id, "Ticket", field="ticketId"), input.body, input.internal
            ),
            lambda row: TicketCommentPayload(event=TicketEvent.from_row(row)),
        )

    @strawberry.mutation(permission_classes=[IsAuthenticated], description="Follow a ticket, or stop.")
    async def watch_ticket(self, info: Info, input: WatchTicketInput) -> TicketPayload:
        actor = info.context.require_actor()
        return await _ticket(
            info,
            lambda s: tickets.watch(s, actor, decode_id(input.ticket_id, "Ticket", field="ticketId"), input.watching),
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Attach a file (multipart request); size and type are limited.",
    )
    async def add_ticket_attachment(self, info: Info, input: AddTicketAttachmentInput) -> TicketAttachmentPayload:
        actor, settings = info.context.require_actor(), info.context.state.settings
        limit = settings.attachment_max_bytes
        # One byte past the limit is enough to refuse it, without reading a huge upload into memory.
        file = cast(UploadFile, input.file)  # what Litestar hands strawberry's Upload scalar
        data = await file.read(limit + 1)
        upload = attachments.Upload(filename=file.filename or "", content_type=file.content_type or "", data=data)
        return await mutate(
            info,
            TicketAttachmentPayload,
            lambda s: attachments.add_attachment(
                s,
                storage_from_settings(settings),
                actor,
                decode_id(input.ticket_id, "Ticket", field="ticketId"),
                upload,
                limit,
            ),
            lambda row: TicketAttachmentPayload(attachment=TicketAttachment.from_row(row)),
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="延期申请: ask the chain secretary for more time, before the deadline.",
    )
    async def request_ticket_extension(self, info: Info, input: RequestTicketExtensionInput) -> TicketExtensionPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            TicketExtensionPayload,
            lambda s: escalation.request_extension(
                s, actor, decode_id(input.ticket_id, "Ticket", field="ticketId"), input.extra_hours, input.reason
            ),
            _extension,
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="The chain secretary (or a park admin) approves or refuses an extension.",
    )
    async def decide_ticket_extension(self, info: Info, input: DecideTicketExtensionInput) -> TicketExtensionPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            TicketExtensionPayload,
            lambda s: escalation.decide_extension(
                s, actor, decode_id(input.id, "TicketExtensionRequest"), input.approve, input.note
            ),
            _extension,
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="催办: a formal reminder on an overdue ticket, sent to the handler's leader.",
    )
    async def remind_ticket(self, info: Info, input: RemindTicketInput) -> TicketPayload:
        actor = info.context.require_actor()
        return await _ticket(
            info,
            lambda s: escalation.remind(s, actor, decode_id(input.ticket_id, "Ticket", field="ticketId"), input.note),
        )

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.TICKETS_CONFIGURE)],
        description="Add a category, or an aspect under one, to the park's taxonomy.",
    )
    async def create_ticket_category(self, info: Info, input: CreateTicketCategoryInput) -> TicketCategoryPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            TicketCategoryPayload,
            lambda s: taxonomy.create_category(
                s,
                actor,
                input.code,
                input.name,
                decode_optional_id(input.parent_id, "TicketCategory", field="parentId"),
                input.sort_order,
            ),
            _category,
        )

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.TICKETS_CONFIGURE)],
        description="New tickets can no longer use it; existing ones keep it.",
    )
    async def archive_ticket_category(self, info: Info, input: ArchiveTicketCategoryInput) -> TicketCategoryPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            TicketCategoryPayload,
            lambda s: taxonomy.archive_category(s, actor, decode_id(input.id, "TicketCategory")),
            _category,
        )

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.TICKETS_CONFIGURE)],
        description="The park's targets for a priority; tickets raised from now on use them.",
    )
    async def set_ticket_sla_target(self, info: Info, input: SetTicketSlaTargetInput) -> TicketSlaTargetPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            TicketSlaTargetPayload,
            lambda s: targets.set_targets(
                s, actor, TicketPriority(input.priority), input.first_response_minutes, input.resolution_minutes
            ),
            lambda value: TicketSlaTargetPayload(target=TicketSlaTarget.from_value(value)),
        )
