"""Event handlers that notify people in-app."""

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.services.notifications import service as notifications
from redchain.services.notifications.service import NotificationKind
from redchain.services.tenancy import events as tenancy_events
from redchain.workers.events import Received, on


@on(tenancy_events.MembershipGranted)
async def notify_membership_granted(session: AsyncSession, event: Received[tenancy_events.MembershipGranted]) -> None:
    payload = event.payload
    await notifications.notify(
        session,
        event.tenant_id,
        payload.user_id,
        event.event_id,
        NotificationKind.MEMBERSHIP_GRANTED,
        {"role": payload.role.value, "membership_id": str(payload.membership_id)},
    )
