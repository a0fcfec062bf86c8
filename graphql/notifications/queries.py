"""Queries of in-app notifications: a person's own, in the park of their session."""

import uuid
from typing import Any

import strawberry
from strawberry.permission import BasePermission
from strawberry.types import Info

from redchain.graphql.errors import ApiError, ErrorCode
from redchain.graphql.notifications.types import Notification
from redchain.graphql.relay import Connection, node_resolver, paged
from redchain.services.notifications import service as notifications
from redchain.services.notifications.policies import is_recipient


class IsRecipient(BasePermission):
    """A signed-in person in a park; API keys and park-less sessions have no notifications."""

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        if not is_recipient(info.context.require_actor()):
            raise ApiError(ErrorCode.FORBIDDEN, info.context.locale)
        return True


@node_resolver("Notification")
async def _notification_node(info: Info, notification_id: uuid.UUID) -> Notification | None:
    async with info.context.read() as session:
        row = await notifications.get_notification(session, info.context.require_actor(), notification_id)
    return Notification.from_row(row) if row else None


@strawberry.type
class NotificationsQuery:
    @strawberry.field(permission_classes=[IsRecipient], description="Your notifications in this park, newest first.")
    async def notifications(
        self, info: Info, first: int | None = None, after: str | None = None, unread_only: bool = False
    ) -> Connection[Notification]:
        actor = info.context.require_actor()
        return await paged(
            info,
            first,
            after,
            Notification.from_row,
            fetch=lambda s, page: notifications.list_notifications(s, actor, page, unread_only),
            count=lambda s: notifications.count_notifications(s, actor, unread_only),
        )

    @strawberry.field(permission_classes=[IsRecipient], description="How many of your notifications are unread.")
    async def unread_notification_count(self, info: Info) -> int:
        async with info.context.read() as session:
            return await notifications.count_notifications(session, info.context.require_actor(), unread_only=True)
