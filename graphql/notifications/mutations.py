"""Mutations of in-app notifications."""

import strawberry
from strawberry.types import Info

from redchain.graphql.errors import UserError, mutate
from redchain.graphql.notifications.inputs import MarkNotificationsReadInput
from redchain.graphql.notifications.queries import IsRecipient
from redchain.graphql.notifications.types import Notification
from redchain.graphql.relay import decode_id
from redchain.services.notifications import service as notifications


@strawberry.type
class MarkNotificationsReadPayload:
    notifications: list[Notification] = strawberry.field(description="The notifications named by ID, now read.")
    marked_count: int = strawberry.field(description="How many went from unread to read.")
    user_errors: list[UserError]


@strawberry.type
class NotificationsMutation:
    @strawberry.mutation(
        permission_classes=[IsRecipient], description="Mark your notifications read: the given IDs, or all of them."
    )
    async def mark_notifications_read(
        self, info: Info, input: MarkNotificationsReadInput
    ) -> MarkNotificationsReadPayload:
        actor, locale = info.context.require_actor(), info.context.locale
        ids = [decode_id(i, "Notification", locale) for i in input.ids] if input.ids is not None else None
        result, errors = await mutate(info, lambda s: notifications.mark_read(s, actor, ids, bool(input.all_)))
        if result is None:
            return MarkNotificationsReadPayload(notifications=[], marked_count=0, user_errors=errors)
        return MarkNotificationsReadPayload(
            notifications=[Notification.from_row(row) for row in result.notifications],
            marked_count=result.marked,
            user_errors=[],
        )
