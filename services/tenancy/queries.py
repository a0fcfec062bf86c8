"""What other contexts may ask of tenancy, as subqueries they embed: who holds a role. Depends on tenancy's
own models only, so registry, liaison and tickets import it without an import cycle."""

import uuid
from typing import Any

import sqlalchemy as sa
from sqlmodel import col

from redchain.services.permissions import Role
from redchain.services.tenancy.models import Membership, User


def role_holder_ids(tenant_id: uuid.UUID, role: Role, chain_id: uuid.UUID | None = None) -> sa.Select[Any]:
    """The users with an active membership of `role` in the park (in chain `chain_id`, when given)."""
    stmt = (
        sa.select(col(Membership.user_id))
        .distinct()
        .where(
            col(Membership.tenant_id) == tenant_id,
            col(Membership.role) == role,
            col(Membership.revoked_at).is_(None),
        )
    )
    return stmt if chain_id is None else stmt.where(col(Membership.chain_id) == chain_id)


def holds_role(
    tenant_id: uuid.UUID, user_id: uuid.UUID, role: Role, chain_id: uuid.UUID | None = None
) -> sa.Select[Any]:
    return sa.select(sa.exists(role_holder_ids(tenant_id, role, chain_id).where(col(Membership.user_id) == user_id)))


def users(ids: list[uuid.UUID]) -> sa.Select[Any]:
    """People by ID, ordered by name (users are platform-wide rows: no park to filter by)."""
    return sa.select(User).where(col(User.id).in_(ids)).order_by(col(User.display_name), col(User.id))
