"""Records every change with its actor and before/after state, in the change's own transaction."""

import uuid
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.pagination import Page, PageRequest
from redchain.infra.request_context import request_id_var
from redchain.services.actor import Actor
from redchain.services.audit.models import AuditEntry
from redchain.services.audit.repository import AuditFilter, AuditRepository
from redchain.services.errors import PermissionDenied
from redchain.services.permissions import Perm


def _json_safe(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, date):  # datetimes too
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    return value


def snapshot(obj: Any, *fields: str) -> dict[str, Any]:
    """The named fields of `obj`, JSON-ready. Name fields explicitly: secrets never enter the log."""
    return {name: _json_safe(getattr(obj, name)) for name in fields}


def record(
    session: AsyncSession,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: uuid.UUID | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    AuditRepository(session).add(
        AuditEntry(
            tenant_id=actor.tenant_id,
            actor_user_id=actor.user_id,
            actor_api_key_id=actor.api_key_id,
            action=action,
            object_type=object_type,
            object_id=object_id,
            before=before,
            after=after,
            request_id=request_id_var.get(),
        )
    )


async def list_entries(session: AsyncSession, actor: Actor, where: AuditFilter, page: PageRequest) -> Page[AuditEntry]:
    if not actor.can(Perm.AUDIT_READ):
        raise PermissionDenied()
    return await AuditRepository(session).page(actor, where, page)


async def count_entries(session: AsyncSession, actor: Actor, where: AuditFilter) -> int:
    if not actor.can(Perm.AUDIT_READ):
        raise PermissionDenied()
    return await AuditRepository(session).count(actor, where)
