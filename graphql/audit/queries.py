"""The audit log, for PARK_ADMIN and AUDITOR (and API keys with audit:read)."""

from datetime import datetime

import strawberry
from strawberry.types import Info

from redchain.graphql.audit.types import AuditEntry
from redchain.graphql.permissions import HasPerm
from redchain.graphql.relay import Connection, decode_any_id, paged
from redchain.services.audit import service as audit
from redchain.services.audit.service import AuditFilter
from redchain.services.permissions import Perm


@strawberry.type
class AuditQuery:
    @strawberry.field(permission_classes=[HasPerm(Perm.AUDIT_READ)], description="Newest first.")
    async def audit_log(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        object_id: strawberry.ID | None = None,
        action: str | None = None,
        since: datetime | None = None,
    ) -> Connection[AuditEntry]:
        actor = info.context.require_actor()
        where = AuditFilter(
            object_id=decode_any_id(object_id, field="objectId")[1] if object_id else None, action=action, since=since
        )
        return await paged(
            info,
            first,
            after,
            AuditEntry.from_row,
            fetch=lambda s, page: audit.list_entries(s, actor, where, page),
            count=lambda s: audit.count_entries(s, actor, where),
        )
