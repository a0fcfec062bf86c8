"""All SQL of the notifications context."""

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from redchain.infra.models_base import new_id, utcnow
from redchain.infra.pagination import Page, PageRequest, count, paginate
from redchain.services.actor import Actor
from redchain.services.notifications.models import Notification


class NotificationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_once(
        self, tenant_id: uuid.UUID, recipient_id: uuid.UUID, event_id: uuid.UUID, kind: str, data: dict[str, Any]
    ) -> uuid.UUID | None:
        """None when this event already notified this recipient (the unique key says so, not a read)."""
        stmt = (
            pg_insert(Notification)
            .values(
                tenant_id=tenant_id,
                id=new_id(),
                created_at=utcnow(),
                recipient_id=recipient_id,
                event_id=event_id,
                kind=kind,
                data=data,
                read_at=None,
            )
            .on_conflict_do_nothing(index_elements=["tenant_id", "event_id", "recipient_id"])
            .returning(col(Notification.id))
        )
        return await self.session.scalar(stmt)

    def scoped(self, actor: Actor) -> sa.Select[Notification]:
        """Only the actor's own notifications in the actor's park."""
        return sa.select(Notification).where(
            col(Notification.tenant_id) == actor.tenant_id, col(Notification.recipient_id) == actor.user_id
        )

    def _filtered(self, actor: Actor, unread_only: bool) -> sa.Select[Notification]:
        stmt = self.scoped(actor)
        return stmt.where(col(Notification.read_at).is_(None)) if unread_only else stmt

    async def page(self, actor: Actor, unread_only: bool, page: PageRequest) -> Page[Notification]:
        keys = [col(Notification.created_at), col(Notification.id)]
        return await paginate(self.session, self._filtered(actor, unread_only).add_columns(*keys), keys, page)

    async def count(self, actor: Actor, unread_only: bool) -> int:
        return await count(self.session, self._filtered(actor, unread_only))

    async def get(self, actor: Actor, notification_id: uuid.UUID) -> Notification | None:
        return await self.session.scalar(self.scoped(actor).where(col(Notification.id) == notification_id))

    async def lock_many(self, actor: Actor, ids: list[uuid.UUID]) -> list[Notification]:
        stmt = self.scoped(actor).where(col(Notification.id).in_(ids)).with_for_update()
        return list(await self.session.scalars(stmt))

    async def mark_all_read(self, actor: Actor, at: datetime) -> int:
        stmt = (
            sa.update(Notification)
            .where(
                col(Notification.tenant_id) == actor.tenant_id,
                col(Notification.recipient_id) == actor.user_id,
                col(Notification.read_at).is_(None),
            )
            .values(read_at=at)
            .execution_options(synchronize_session=False)
        )
        result = await self.session.execute(stmt)
        return int(result.rowcount)  # type: ignore[attr-defined]
