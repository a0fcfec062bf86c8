"""GraphQL types of in-app notifications."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any, cast

import strawberry
from strawberry.scalars import JSON

from redchain.graphql.errors import UserError, error_code_enum
from redchain.graphql.relay import Node, encode_id
from redchain.services.notifications.errors import NotificationErrorCode as NotificationErrorCodeEnum
from redchain.services.notifications.models import Notification as NotificationRow


@strawberry.enum(description="What a notification is about, so a client can link to it.")
class NotificationSubjectType(StrEnum):
    TICKET = "TICKET"
    FUND_APPLICATION = "FUND_APPLICATION"
    PAYMENT_BATCH = "PAYMENT_BATCH"
    MEMBERSHIP = "MEMBERSHIP"


# The key of `data` that names the subject, the subject's type and its node type, most specific first: every
# context's notifications carry the ID of what they are about under one of these keys.
SUBJECT_KEYS: tuple[tuple[str, NotificationSubjectType, str], ...] = (
    ("ticket_id", NotificationSubjectType.TICKET, "Ticket"),
    ("application_id", NotificationSubjectType.FUND_APPLICATION, "FundApplication"),
    ("batch_id", NotificationSubjectType.PAYMENT_BATCH, "PaymentBatch"),
    ("membership_id", NotificationSubjectType.MEMBERSHIP, "Membership"),
)


@strawberry.type(description="The object a notification is about: its type and global ID.")
class NotificationSubject:
    type: NotificationSubjectType
    id: strawberry.ID


def subject_of(data: dict[str, Any]) -> NotificationSubject | None:
    for key, subject_type, node_type in SUBJECT_KEYS:
        try:
            value = uuid.UUID(str(data[key]))
        except (KeyError, ValueError):
            continue
        return NotificationSubject(type=subject_type, id=encode_id(node_type, value))
    return None


@strawberry.type(description="An in-app notification (站内通知) for the signed-in user, in this park.")
class Notification(Node):
    kind: str = strawberry.field(description="What happened, e.g. MEMBERSHIP_GRANTED; `data` holds its details.")
    data: JSON
    read_at: datetime | None
    created_at: datetime
    subject: NotificationSubject | None = strawberry.field(
        description="What it is about (a ticket, a fund application, a batch…); null for a notice about none."
    )

    @classmethod
    def from_row(cls, row: NotificationRow) -> "Notification":
        return cls(
            id=encode_id("Notification", row.id),
            kind=row.kind,
            data=cast(JSON, row.data),
            read_at=row.read_at,
            created_at=row.created_at,
            subject=subject_of(row.data),
        )


NotificationErrorCode = error_code_enum("NotificationErrorCode", NotificationErrorCodeEnum)


@strawberry.type(description="A rule or validation failure of a notifications mutation.")
class NotificationUserError(UserError):
    code: NotificationErrorCode  # type: ignore[valid-type]
