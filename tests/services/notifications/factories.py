"""Notifications for tests, written the way event handlers write them."""

import uuid
from typing import Any

from redchain.infra.db import Database
from redchain.services.notifications import service as notifications
from redchain.services.notifications.service import NotificationKind
from redchain.services.tenancy.models import Tenant, User


async def create_notification(db: Database, park: Tenant, user: User, **data: Any) -> uuid.UUID:
    async with db.transaction(park.id) as session:
        notification_id = await notifications.notify(
            session, park.id, user.id, uuid.uuid4(), NotificationKind.MEMBERSHIP_GRANTED, data or {"role": "AUDITOR"}
        )
    assert notification_id is not None
    return notification_id
