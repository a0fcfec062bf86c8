"""What other contexts may ask of liaison, as subqueries they embed: who is posted where on a day. Depends
on liaison's own models only, so any context can import it without an import cycle."""

import uuid
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import col

from redchain.services.liaison.models import LiaisonAssignment, LiaisonVisit, active_on


def posted_enterprise_ids(tenant_id: uuid.UUID, on: date, officer_user_id: uuid.UUID | None = None) -> sa.Select[Any]:
    """The enterprises with an active assignment on `on` (of `officer_user_id` only, when given)."""
    stmt = sa.select(col(LiaisonAssignment.enterprise_id)).where(
        col(LiaisonAssignment.tenant_id) == tenant_id, active_on(on)
    )
    if officer_user_id is not None:
        stmt = stmt.where(col(LiaisonAssignment.officer_user_id) == officer_user_id)
    return stmt


def postings(tenant_id: uuid.UUID, enterprise_ids: list[uuid.UUID], on: date) -> sa.Select[uuid.UUID, uuid.UUID]:
    """(enterprise_id, officer_user_id) of every active assignment to `enterprise_ids` on `on`, once each."""
    return (
        sa.select(col(LiaisonAssignment.enterprise_id), col(LiaisonAssignment.officer_user_id))
        .where(
            col(LiaisonAssignment.tenant_id) == tenant_id,
            col(LiaisonAssignment.enterprise_id).in_(enterprise_ids),
            active_on(on),
        )
        .distinct()
    )


def visit_of_enterprise(tenant_id: uuid.UUID, visit_id: uuid.UUID, enterprise_id: uuid.UUID) -> sa.Select[Any]:
    """Whether `visit_id` is a visit to `enterprise_id` (a ticket raised from a visit)."""
    return sa.select(
        sa.exists().where(
            col(LiaisonVisit.tenant_id) == tenant_id,
            col(LiaisonVisit.id) == visit_id,
            col(LiaisonVisit.enterprise_id) == enterprise_id,
        )
    )
