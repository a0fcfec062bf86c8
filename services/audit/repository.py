"""All SQL of the audit context."""

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from redchain.infra.pagination import Page, PageRequest, count, paginate
from redchain.services.actor import Actor
from redchain.services.audit.models import AuditEntry
from redchain.services.permissions import Perm

SECURITY_PREFIX = "security."


@dataclass(frozen=True)
class AuditFilter:
    object_id: uuid.UUID | None = None
    # The kind of object changed, as recorded ("Enterprise", "Membership").
    object_type: str | None = None
    action: str | None = None
    # Entries by this user only (what they did).
    actor_user_id: uuid.UUID | None = None
    since: datetime | None = None
    until: datetime | None = None
    # Entries by this user, or about this user (a failed login, a lockout).
    user_id: uuid.UUID | None = None
    action_prefix: str | None = None

    def security(self) -> "AuditFilter":
        return dataclasses.replace(self, action_prefix=SECURITY_PREFIX)


class AuditRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, entry: AuditEntry) -> None:
        self.session.add(entry)

    def scoped(self, actor: Actor) -> sa.Select[AuditEntry]:
        """The park's whole log for those who read it (auditors, park admins, keys with audit:read)."""
        stmt = sa.select(AuditEntry).where(col(AuditEntry.tenant_id) == actor.tenant_id)
        return stmt if actor.can(Perm.AUDIT_READ) else stmt.where(sa.false())

    def _filtered(self, actor: Actor, where: AuditFilter) -> sa.Select[AuditEntry]:
        stmt = self.scoped(actor)
        if where.object_id:
            stmt = stmt.where(col(AuditEntry.object_id) == where.object_id)
        if where.object_type:
            stmt = stmt.where(col(AuditEntry.object_type) == where.object_type)
        if where.action:
            stmt = stmt.where(col(AuditEntry.action) == where.action)
        if where.actor_user_id:
            stmt = stmt.where(col(AuditEntry.actor_user_id) == where.actor_user_id)
        if where.since:
            stmt = stmt.where(col(AuditEntry.created_at) >= where.since)
        if where.until:
            stmt = stmt.where(col(AuditEntry.created_at) < where.until)
        if where.action_prefix:
            # A literal LIKE prefix, so it can use the partial index of the security events.
            stmt = stmt.where(col(AuditEntry.action).like(f"{where.action_prefix}%"))
        if where.user_id:
            stmt = stmt.where(
                sa.or_(
                    col(AuditEntry.actor_user_id) == where.user_id,
                    sa.and_(col(AuditEntry.object_type) == "User", col(AuditEntry.object_id) == where.user_id),
                )
            )
        return stmt

    async def page(self, actor: Actor, where: AuditFilter, page: PageRequest) -> Page[AuditEntry]:
        keys = [col(AuditEntry.created_at), col(AuditEntry.id)]
        return await paginate(self.session, self._filtered(actor, where).add_columns(*keys), keys, page)

    async def count(self, actor: Actor, where: AuditFilter) -> int:
        return await count(self.session, self._filtered(actor, where))

    async def history(
        self, tenant_id: uuid.UUID, object_type: str, object_ids: list[uuid.UUID], action_prefix: str
    ) -> list[AuditEntry]:
        stmt = (
            sa.select(AuditEntry)
            .where(
                col(AuditEntry.tenant_id) == tenant_id,
                col(AuditEntry.object_type) == object_type,
                col(AuditEntry.object_id).in_(object_ids),
                col(AuditEntry.action).like(f"{action_prefix}%"),
            )
            .order_by(col(AuditEntry.created_at), col(AuditEntry.id))
        )
        return list(await self.session.scalars(stmt))
