"""GraphQL types of in-app notifications."""

from datetime import datetime
from typing import cast

import strawberry
from strawberry.scalars import JSON

from redchain.graphql.errors import UserError, error_code_enum
from redchain.graphql.relay import Node, encode_id
from redchain.services.notifications.errors import NotificationErrorCode as NotificationErrorCodeEnum
from redchain.services.notifications.models import Notification as NotificationRow


@strawberry.type(description="An in-app notification (站内通知) for the signed-in user, in this park.")
class Notification(Node):
    kind: str = strawberry.field(description="What happened, e.g. MEMBERSHIP_GRANTED; `data` holds its details.")
    data: JSON
    read_at: datetime | None
    created_at: datetime

    @classmethod
    def from_row(cls, row: NotificationRow) -> "Notification":
        return cls(
            id=encode_id("Notification", row.id),
            kind=row.kind,
            data=cast(JSON, row.data),
            read_at=row.read_at,
            created_at=row.created_at,
        )


NotificationErrorCode = error_code_enum("NotificationErrorCode", NotificationErrorCodeEnum)


@strawberry.type(description="A rule or validation failure of a notifications mutation.")
class NotificationUserError(UserError):
    code: NotificationErrorCode  # type: ignore[valid-type]
