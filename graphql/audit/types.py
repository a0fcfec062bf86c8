"""GraphQL types of the audit log."""

from datetime import datetime
from typing import cast

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from redchain.graphql.relay import Node, encode_id
from redchain.graphql.tenancy.dataloaders import UserByIdLoader
from redchain.graphql.tenancy.types import User
from redchain.services.audit.models import AuditEntry as AuditRow
from redchain.services.audit.service import SecurityEvent

SecurityEventKind = strawberry.enum(SecurityEvent, name="SecurityEventKind", description="A kind of security event.")


@strawberry.type(description="One recorded change: who, what, to which object, before and after.")
class AuditEntry(Node):
    action: str
    object_type: str
    object_id: strawberry.ID | None = strawberry.field(description="Global ID of the changed object.")
    actor_user_id: strawberry.ID | None
    actor_api_key_id: strawberry.ID | None
    before: JSON | None
    after: JSON | None
    request_id: str | None
    created_at: datetime
    actor_user_uuid: strawberry.Private[object]

    @strawberry.field(description="The user who made the change; null for an API key or the system.")
    async def actor(self, info: Info) -> User | None:
        if self.actor_user_uuid is None:
            return None
        row = await info.context.loader(UserByIdLoader).load(self.actor_user_uuid)
        return User.from_row(row) if row else None

    @classmethod
    def from_row(cls, row: AuditRow) -> "AuditEntry":
        return cls(
            id=encode_id("AuditEntry", row.id),
            action=row.action,
            object_type=row.object_type,
            object_id=encode_id(row.object_type, row.object_id) if row.object_id else None,
            actor_user_id=encode_id("User", row.actor_user_id) if row.actor_user_id else None,
            actor_api_key_id=encode_id("ApiKey", row.actor_api_key_id) if row.actor_api_key_id else None,
            before=cast(JSON, row.before),
            after=cast(JSON, row.after),
            request_id=row.request_id,
            created_at=row.created_at,
            actor_user_uuid=row.actor_user_id,
        )
