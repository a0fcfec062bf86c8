"""In-app notifications for a park's users, written by event handlers on the workers."""

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from redchain.infra.models_base import TenantOwned


class Notification(TenantOwned, table=True):
    __tablename__ = "notifications"
    __table_args__ = (
        # One notification per (event, recipient): a redelivered event cannot notify twice.
        sa.UniqueConstraint("tenant_id", "event_id", "recipient_id"),
        sa.Index("ix_notifications_tenant_id_recipient_id_created_at", "tenant_id", "recipient_id", "created_at"),
    )
    recipient_id: uuid.UUID = Field(foreign_key="users.id")
    event_id: uuid.UUID
    kind: str = Field(max_length=64)
    data: dict[str, Any] = Field(default_factory=dict, sa_type=JSONB)  # type: ignore[call-overload]
    read_at: datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))  # type: ignore[call-overload]
