"""Records every change with its actor and before/after state, in the change's own transaction, and the
security events (actions `security.*`) a park's IT office reviews."""

import uuid
from datetime import date
from enum import Enum, StrEnum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.pagination import Page, PageRequest
from redchain.infra.request_context import request_id_var
from redchain.services.actor import Actor
from redchain.services.audit.models import AuditEntry
from redchain.services.audit.repository import AuditFilter, AuditRepository
from redchain.services.errors import PermissionDenied
from redchain.services.permissions import Perm, Role


class SecurityEvent(StrEnum):
    """The audit actions that are security events (等保 2.0 安全审计). Other contexts record theirs (an
    export: EXPORT) through `record()` with these values."""

    LOGIN = "security.login"
    LOGIN_FAILED = "security.login_failed"
    LOCKOUT = "security.lockout"
    UNLOCK = "security.unlock"
    PASSWORD_CHANGE = "security.password_change"
    USER_DISABLE = "security.user_disable"
    ROLE_GRANT = "security.role_grant"
    ROLE_REVOKE = "security.role_revoke"
    API_KEY_CREATE = "security.api_key_create"
    API_KEY_REVOKE = "security.api_key_revoke"
    API_KEY_USE = "security.api_key_use"
    EXPORT = "security.export"
    PERSONAL_DATA_READ = "security.personal_data_read"


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


def record_personal_data_reads(session: AsyncSession, actor: Actor, counts: dict[str, int]) -> None:
    """One entry per kind of personal data shown unmasked in a request, with how many values."""
    for kind, shown in sorted(counts.items()):
        record(
            session, actor, SecurityEvent.PERSONAL_DATA_READ, "PersonalData", None, after={"kind": kind, "count": shown}
        )


def reads_security_events(actor: Actor) -> bool:
    # People who answer for the park's security, not integrations: API keys are refused.
    return actor.has_role(Role.PARK_ADMIN, Role.AUDITOR)


def _require_security_reader(actor: Actor) -> None:
    if not reads_security_events(actor):
        raise PermissionDenied()


async def list_security_events(
    session: AsyncSession, actor: Actor, where: AuditFilter, page: PageRequest
) -> Page[AuditEntry]:
    _require_security_reader(actor)
    return await AuditRepository(session).page(actor, where.security(), page)


async def count_security_events(session: AsyncSession, actor: Actor, where: AuditFilter) -> int:
    _require_security_reader(actor)
    return await AuditRepository(session).count(actor, where.security())


async def list_entries(session: AsyncSession, actor: Actor, where: AuditFilter, page: PageRequest) -> Page[AuditEntry]:
    if not actor.can(Perm.AUDIT_READ):
        raise PermissionDenied()
    return await AuditRepository(session).page(actor, where, page)


async def count_entries(session: AsyncSession, actor: Actor, where: AuditFilter) -> int:
    if not actor.can(Perm.AUDIT_READ):
        raise PermissionDenied()
    return await AuditRepository(session).count(actor, where)


async def history_of(
    session: AsyncSession, actor: Actor, object_type: str, object_ids: list[uuid.UUID], action_prefix: str
) -> list[AuditEntry]:
    """The entries about a context's own objects, oldest first, for that context to show as their history
    (an applicant following its application). The caller has checked that `actor` may see the objects;
    no audit:read is needed, so never pass IDs the actor's scope has not already let through."""
    if not object_ids:
        return []
    return await AuditRepository(session).history(actor.tenant_id, object_type, object_ids, action_prefix)
