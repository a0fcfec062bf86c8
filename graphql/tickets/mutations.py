"""Mutations of the tickets context. Each is one unit of work; rule failures come back as userErrors."""

from typing import cast

import strawberry
from litestar.datastructures import UploadFile
from strawberry.types import Info

from redchain.graphql.errors import UserError, mutate
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
)
from redchain.infra.storage import storage_from_settings
from redchain.services.permissions import Perm
from redchain.services.tickets import attachments, escalation, targets, taxonomy
from redchain.services.tickets import service as tickets
from redchain.services.tickets.models import Ticket as TicketRow
from redchain.services.tickets.models import TicketPriority
from redchain.services.tickets.service import TicketDraft, TransitionRequest
from redchain.services.tickets.workflow import TicketAction


@strawberry.type
class TicketPayload:
    ticket: Ticket | None
    user_errors: list[UserError]


@strawberry.type
class TicketCommentPayload:
    event: TicketEvent | None
    user_errors: list[UserError]


@strawberry.type
class TicketAttachmentPayload:
    attachment: TicketAttachment | None
    user_errors: list[UserError]


@strawberry.type
class TicketExtensionPayload:
    extension_request: TicketExtensionRequest | None
    user_errors: list[UserError]


@strawberry.type
class TicketCategoryPayload:
    category: TicketCategory | None
    user_errors: list[UserError]


@strawberry.type
class TicketSlaTargetPayload:
    target: TicketSlaTarget | None
    user_errors: list[UserError]


def _ticket(row: TicketRow | None, errors: list[UserError]) -> TicketPayload:
    return TicketPayload(ticket=Ticket.from_row(row) if row else None, user_errors=errors)


@strawberry.type
class TicketsMutation:
    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Raise a problem for your enterprise, or on an enterprise's behalf.",
    )
    async def create_ticket(self, info: Info, input: CreateTicketInput) -> TicketPayload:
        actor, locale = info.context.require_actor(), info.context.locale
        draft = TicketDraft(
            enterprise_id=decode_id(input.enterprise_id, "Enterprise", locale),
            title=input.title,
            description=input.description,
            category_id=decode_id(input.category_id, "TicketCategory", locale),
            aspect_id=decode_id(input.aspect_id, "TicketCategory", locale),
            priority=TicketPriority(input.priority),
            visit_id=decode_optional_id(input.visit_id, "LiaisonVisit", locale),
        )
        return _ticket(*await mutate(info, lambda s: tickets.create_ticket(s, actor, draft)))

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Move a ticket through its status machine; concurrent changes: one wins.",
    )
    async def transition_ticket(self, info: Info, input: TransitionTicketInput) -> TicketPayload:
        actor, locale = info.context.require_actor(), info.context.locale
        ticket_id = decode_id(input.id, "Ticket", locale)
        request = TransitionRequest(
            action=TicketAction(input.action),
            text=input.text,
            rating=input.rating,
            duplicate_of_id=decode_optional_id(input.duplicate_of_id, "Ticket", locale),
            expected_version=input.expected_version,
        )
        return _ticket(*await mutate(info, lambda s: tickets.transition(s, actor, ticket_id, request)))

    @strawberry.mutation(
        permission_classes=[IsAuthenticated], description="Give the ticket to a person, or back to its chain's queue."
    )
    async def assign_ticket(self, info: Info, input: AssignTicketInput) -> TicketPayload:
        actor, locale = info.context.require_actor(), info.context.locale
        ticket_id = decode_id(input.id, "Ticket", locale)
        assignee = decode_optional_id(input.assignee_id, "User", locale)
        chain = decode_optional_id(input.chain_id, "IndustryChain", locale)
        return _ticket(
            *await mutate(info, lambda s: tickets.assign(s, actor, ticket_id, assignee, chain, input.expected_version))
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="A public reply, or an internal note the enterprise never sees.",
    )
    async def add_ticket_comment(self, info: Info, input: AddTicketCommentInput) -> TicketCommentPayload:
        actor = info.context.require_actor()
        ticket_id = decode_id(input.ticket_id, "Ticket", info.context.locale)
        row, errors = await mutate(info, lambda s: tickets.add_comment(s, actor, ticket_id, input.body, input.internal))
        return TicketCommentPayload(event=TicketEvent.from_row(row) if row else None, user_errors=errors)

    @strawberry.mutation(permission_classes=[IsAuthenticated], description="Follow a ticket, or stop.")
    async def watch_ticket(self, info: Info, input: WatchTicketInput) -> TicketPayload:
        actor = info.context.require_actor()
        ticket_id = decode_id(input.ticket_id, "Ticket", info.context.locale)
        return _ticket(*await mutate(info, lambda s: tickets.watch(s, actor, ticket_id, input.watching)))

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Attach a file (multipart request); size and type are limited.",
    )
    async def add_ticket_attachment(self, info: Info, input: AddTicketAttachmentInput) -> TicketAttachmentPayload:
        actor, settings = info.context.require_actor(), info.context.state.settings
        ticket_id = decode_id(input.ticket_id, "Ticket", info.context.locale)
        limit = settings.attachment_max_bytes
        # One byte past the limit is enough to refuse it, without reading a huge upload into memory.
        file = cast(UploadFile, input.file)  # what Litestar hands strawberry's Upload scalar
        data = await file.read(limit + 1)
        upload = attachments.Upload(filename=file.filename or "", content_type=file.content_type or "", data=data)
        row, errors = await mutate(
            info,
            lambda s: attachments.add_attachment(s, storage_from_settings(settings), actor, ticket_id, upload, limit),
        )
        return TicketAttachmentPayload(attachment=TicketAttachment.from_row(row) if row else None, user_errors=errors)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="延期申请: ask the chain secretary for more time, before the deadline.",
    )
    async def request_ticket_extension(self, info: Info, input: RequestTicketExtensionInput) -> TicketExtensionPayload:
        actor = info.context.require_actor()
        ticket_id = decode_id(input.ticket_id, "Ticket", info.context.locale)
        row, errors = await mutate(
            info, lambda s: escalation.request_extension(s, actor, ticket_id, input.extra_hours, input.reason)
        )
        return TicketExtensionPayload(
            extension_request=TicketExtensionRequest.from_row(row) if row else None, user_errors=errors
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="The chain secretary (or a park admin) approves or refuses an extension.",
    )
    async def decide_ticket_extension(self, info: Info, input: DecideTicketExtensionInput) -> TicketExtensionPayload:
        actor = info.context.require_actor()
        request_id = decode_id(input.id, "TicketExtensionRequest", info.context.locale)
        row, errors = await mutate(
            info, lambda s: escalation.decide_extension(s, actor, request_id, input.approve, input.note)
        )
        return TicketExtensionPayload(
            extension_request=TicketExtensionRequest.from_row(row) if row else None, user_errors=errors
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="催办: a formal reminder on an overdue ticket, sent to the handler's leader.",
    )
    async def remind_ticket(self, info: Info, input: RemindTicketInput) -> TicketPayload:
        actor = info.context.require_actor()
        ticket_id = decode_id(input.ticket_id, "Ticket", info.context.locale)
        return _ticket(*await mutate(info, lambda s: escalation.remind(s, actor, ticket_id, input.note)))

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.TICKETS_CONFIGURE)],
        description="Add a category, or an aspect under one, to the park's taxonomy.",
    )
    async def create_ticket_category(self, info: Info, input: CreateTicketCategoryInput) -> TicketCategoryPayload:
        actor = info.context.require_actor()
        parent_id = decode_optional_id(input.parent_id, "TicketCategory", info.context.locale)
        row, errors = await mutate(
            info, lambda s: taxonomy.create_category(s, actor, input.code, input.name, parent_id, input.sort_order)
        )
        return TicketCategoryPayload(category=TicketCategory.from_row(row) if row else None, user_errors=errors)

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.TICKETS_CONFIGURE)],
        description="New tickets can no longer use it; existing ones keep it.",
    )
    async def archive_ticket_category(self, info: Info, input: ArchiveTicketCategoryInput) -> TicketCategoryPayload:
        actor = info.context.require_actor()
        category_id = decode_id(input.id, "TicketCategory", info.context.locale)
        row, errors = await mutate(info, lambda s: taxonomy.archive_category(s, actor, category_id))
        return TicketCategoryPayload(category=TicketCategory.from_row(row) if row else None, user_errors=errors)

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.TICKETS_CONFIGURE)],
        description="The park's targets for a priority; tickets raised from now on use them.",
    )
    async def set_ticket_sla_target(self, info: Info, input: SetTicketSlaTargetInput) -> TicketSlaTargetPayload:
        actor = info.context.require_actor()
        value, errors = await mutate(
            info,
            lambda s: targets.set_targets(
                s, actor, TicketPriority(input.priority), input.first_response_minutes, input.resolution_minutes
            ),
        )
        return TicketSlaTargetPayload(target=TicketSlaTarget.from_value(value) if value else None, user_errors=errors)
