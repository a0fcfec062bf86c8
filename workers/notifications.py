"""Event handlers that notify people in-app."""

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.outbox import OutboxEvent
from redchain.services.notifications import service as notifications
from redchain.services.notifications.service import NotificationKind
from redchain.services.tenancy import events as tenancy_events
from redchain.workers.events import on


@on(tenancy_events.MEMBERSHIP_GRANTED)
async def notify_membership_granted(session: AsyncSession, event: OutboxEvent) -> None:
    payload = event.payload
    await notifications.notify(
        session,
        event.tenant_id,
        uuid.UUID(payload["user_id"]),
        event.id,
        NotificationKind.MEMBERSHIP_GRANTED,
        {"role": payload["role"], "membership_id": payload["membership_id"]},
    )
