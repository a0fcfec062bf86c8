"""The audit log, for PARK_ADMIN and AUDITOR (and API keys with audit:read), and its security events, for
PARK_ADMIN and AUDITOR only."""

from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.permission import BasePermission
from strawberry.types import Info

from redchain.graphql.audit.types import AuditEntry, SecurityEventKind
from redchain.graphql.errors import ApiError, ErrorCode
from redchain.graphql.permissions import HasPerm
from redchain.graphql.relay import Connection, decode_any_id, decode_optional_id, paged
from redchain.services.audit import service as audit
from redchain.services.audit.service import AuditFilter, SecurityEvent
from redchain.services.permissions import Perm


class ReadsSecurityEvents(BasePermission):
    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        if not audit.reads_security_events(info.context.require_actor()):
            raise ApiError(ErrorCode.FORBIDDEN, info.context.locale)
        return True


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
        until: Annotated[datetime | None, strawberry.argument(description="Entries before this instant.")] = None,
        actor_user_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Changes made by this user.")
        ] = None,
        object_type: Annotated[
            str | None, strawberry.argument(description='The kind of object changed, e.g. "Enterprise".')
        ] = None,
    ) -> Connection[AuditEntry]:
        actor = info.context.require_actor()
        where = AuditFilter(
            object_id=decode_any_id(object_id, field="objectId")[1] if object_id else None,
            object_type=object_type,
            action=action,
            actor_user_id=decode_optional_id(actor_user_id, "User", field="actorUserId"),
            since=since,
            until=until,
        )
        return await paged(
            info,
            first,
            after,
            AuditEntry.from_row,
            fetch=lambda s, page: audit.list_entries(s, actor, where, page),
            count=lambda s: audit.count_entries(s, actor, where),
        )

    @strawberry.field(
        permission_classes=[ReadsSecurityEvents],
        description="Logins, failed logins, lockouts, password changes, role and API key changes, API key "
        "use (hourly), exports and unmasked reads of personal data. PARK_ADMIN and AUDITOR only. Newest first.",
    )
    async def security_events(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        kind: SecurityEventKind | None = None,  # type: ignore[valid-type]
        user_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="Events by this user or about this user (failed logins, lockouts)."),
        ] = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> Connection[AuditEntry]:
        actor = info.context.require_actor()
        where = AuditFilter(
            action=SecurityEvent(kind).value if kind else None,
            user_id=decode_optional_id(user_id, "User", field="userId"),
            since=since,
            until=until,
        )
        return await paged(
            info,
            first,
            after,
            AuditEntry.from_row,
            fetch=lambda s, page: audit.list_security_events(s, actor, where, page),
            count=lambda s: audit.count_security_events(s, actor, where),
        )
