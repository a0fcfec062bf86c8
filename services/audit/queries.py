"""What other contexts may ask of the audit log, as subqueries they embed. Depends on the audit models only."""

import uuid
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlmodel import col

from redchain.services.audit.models import AuditEntry


def objects_acted_on_by(
    tenant_id: uuid.UUID, user_id: uuid.UUID, object_type: str, actions: Iterable[str]
) -> sa.Select[Any]:
    """The IDs of a context's objects on which `user_id` took one of `actions` (e.g. the applications a
    reviewer decided). The caller narrows the result to what the reader's scope allows."""
    return sa.select(col(AuditEntry.object_id)).where(
        col(AuditEntry.tenant_id) == tenant_id,
        col(AuditEntry.actor_user_id) == user_id,
        col(AuditEntry.object_type) == object_type,
        col(AuditEntry.action).in_(list(actions)),
    )
