"""Mutations of in-app notifications."""

import strawberry
from strawberry.types import Info

from redchain.graphql.errors import mutate
from redchain.graphql.notifications.inputs import MarkNotificationsReadInput
from redchain.graphql.notifications.queries import IsRecipient
from redchain.graphql.notifications.types import Notification, NotificationUserError
from redchain.graphql.relay import decode_ids
from redchain.services.notifications import service as notifications


@strawberry.type
class MarkNotificationsReadPayload:
    notifications: list[Notification] = strawberry.field(
        default_factory=list, description="The notifications named by ID, now read."
    )
    marked_count: int = strawberry.field(default=0, description="How many went from unread to read.")
    user_errors: list[NotificationUserError] = strawberry.field(default_factory=list)


@strawberry.type
class NotificationsMutation:
    @strawberry.mutation(
        permission_classes=[IsRecipient], description="Mark your notifications read: the given IDs, or all of them."
    )
    async def mark_notifications_read(
        self, info: Info, input: MarkNotificationsReadInput
    ) -> MarkNotificationsReadPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            MarkNotificationsReadPayload,
            lambda s: notifications.mark_read(
                s,
                actor,
                decode_ids(input.ids, "Notification", field="ids") if input.ids is not None else None,
                bool(input.all_),
            ),
            lambda result: MarkNotificationsReadPayload(
                notifications=[Notification.from_row(row) for row in result.notifications],
                marked_count=result.marked,
            ),
        )
