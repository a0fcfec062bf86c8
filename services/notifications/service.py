"""In-app notifications (站内通知): written by event handlers, read and marked read by their recipient."""

import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.models_base import utcnow
from redchain.infra.pagination import Page, PageRequest
from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.errors import NotFound
from redchain.services.notifications.errors import InvalidSelection, TooManyNotifications
from redchain.services.notifications.models import Notification
from redchain.services.notifications.policies import is_recipient, require_recipient
from redchain.services.notifications.repository import NotificationRepository

MAX_MARK_IDS = 100


class NotificationKind(StrEnum):
    MEMBERSHIP_GRANTED = "MEMBERSHIP_GRANTED"


async def notify(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    recipient_id: uuid.UUID,
    event_id: uuid.UUID,
    kind: NotificationKind | str,
    data: dict[str, Any],
) -> uuid.UUID | None:
    """Notifies `recipient_id` of the event once: the new notification's ID, or None when that event
    already notified them. Other contexts' event handlers call this."""
    return await NotificationRepository(session).add_once(tenant_id, recipient_id, event_id, str(kind), data)


async def list_notifications(
    session: AsyncSession, actor: Actor, page: PageRequest, unread_only: bool
) -> Page[Notification]:
    require_recipient(actor)
    return await NotificationRepository(session).page(actor, unread_only, page)


async def count_notifications(session: AsyncSession, actor: Actor, unread_only: bool) -> int:
    require_recipient(actor)
    return await NotificationRepository(session).count(actor, unread_only)


async def get_notification(session: AsyncSession, actor: Actor, notification_id: uuid.UUID) -> Notification | None:
    if not is_recipient(actor):
        return None
    return await NotificationRepository(session).get(actor, notification_id)


@dataclass
class MarkReadResult:
    notifications: list[Notification]  # the ones named by ID, in the order given; none for "all"
    marked: int  # how many went from unread to read


async def mark_read(
    session: AsyncSession, actor: Actor, ids: list[uuid.UUID] | None, everything: bool
) -> MarkReadResult:
    """Marks the actor's own notifications read; one not theirs (or unknown) fails all with NOT_FOUND.
    Marking an already-read one again keeps its first read time."""
    require_recipient(actor)
    if bool(ids) == everything:
        raise InvalidSelection("ids")
    repo = NotificationRepository(session)
    now = utcnow()
    if everything:
        marked = await repo.mark_all_read(actor, now)
        audit.record(
            session, actor, "notifications.mark_read", "Notification", None, after={"all": True, "marked": marked}
        )
        return MarkReadResult([], marked)
    wanted = list(dict.fromkeys(ids or []))
    if len(wanted) > MAX_MARK_IDS:
        raise TooManyNotifications("ids", limit=MAX_MARK_IDS)
    found = {row.id: row for row in await repo.lock_many(actor, wanted)}
    if len(found) != len(wanted):
        raise NotFound("ids")
    unread = [row for row in found.values() if row.read_at is None]
    for row in unread:
        row.read_at = now
    audit.record(
        session,
        actor,
        "notifications.mark_read",
        "Notification",
        wanted[0] if len(wanted) == 1 else None,
        after={"ids": [str(i) for i in wanted], "marked": len(unread)},
    )
    return MarkReadResult([found[i] for i in wanted], len(unread))
