"""The audit log: who did what to which object, with the state before and after. Append-only."""

import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from redchain.infra.models_base import TenantOwned


class AuditEntry(TenantOwned, table=True):
    __tablename__ = "audit_log"
    __table_args__ = (
        sa.Index("ix_audit_log_tenant_id_created_at", "tenant_id", "created_at"),
        sa.Index("ix_audit_log_tenant_id_object_id", "tenant_id", "object_id"),
        # The security events (actions `security.*`) are a small, often read part of the log.
        sa.Index(
            "ix_audit_log_security_events",
            "tenant_id",
            "created_at",
            postgresql_where=sa.text("action LIKE 'security.%'"),
        ),
    )
    actor_user_id: uuid.UUID | None = None
    actor_api_key_id: uuid.UUID | None = None
    action: str = Field(max_length=64)
    object_type: str = Field(max_length=64)
    object_id: uuid.UUID | None = None
    before: dict[str, Any] | None = Field(default=None, sa_type=JSONB)  # type: ignore[call-overload]
    after: dict[str, Any] | None = Field(default=None, sa_type=JSONB)  # type: ignore[call-overload]
    request_id: str | None = Field(default=None, max_length=64)
