"""Liaison officers and Party-building instructors posted to enterprises, and their visits."""

import uuid
from datetime import date
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, col

from redchain.infra.models_base import TenantOwned, tenant_fk


class AssignmentKind(StrEnum):
    LIAISON_OFFICER = "LIAISON_OFFICER"  # 驻企联络员
    PARTY_INSTRUCTOR = "PARTY_INSTRUCTOR"  # 党建指导员


class LiaisonAssignment(TenantOwned, table=True):
    __tablename__ = "liaison_assignments"
    __table_args__ = (
        tenant_fk(["enterprise_id"], "enterprises"),
        sa.Index("ix_liaison_assignments_tenant_id_officer_user_id", "tenant_id", "officer_user_id"),
        sa.Index("ix_liaison_assignments_tenant_id_enterprise_id", "tenant_id", "enterprise_id"),
        # One open assignment of a kind per officer and enterprise.
        sa.Index(
            "uq_liaison_assignments_open",
            "tenant_id",
            "enterprise_id",
            "officer_user_id",
            "kind",
            unique=True,
            postgresql_where=sa.text("ends_on IS NULL"),
        ),
    )
    officer_user_id: uuid.UUID = Field(foreign_key="users.id")
    enterprise_id: uuid.UUID
    kind: AssignmentKind = Field(sa_type=sa.String(32))  # type: ignore[call-overload]
    starts_on: date
    ends_on: date | None = None
    created_by: uuid.UUID | None = None


class LiaisonVisit(TenantOwned, table=True):
    __tablename__ = "liaison_visits"
    __table_args__ = (
        tenant_fk(["assignment_id"], "liaison_assignments"),
        tenant_fk(["enterprise_id"], "enterprises"),
        sa.Index("ix_liaison_visits_tenant_id_enterprise_id_visited_on", "tenant_id", "enterprise_id", "visited_on"),
    )
    assignment_id: uuid.UUID
    enterprise_id: uuid.UUID
    officer_user_id: uuid.UUID = Field(foreign_key="users.id")
    visited_on: date
    notes: str = Field(max_length=5000)
    follow_ups: str | None = Field(default=None, max_length=2000)


def active_on(today: date) -> sa.ColumnElement[bool]:
    """The one "active assignment" rule in SQL: started and not yet ended on `today` (a park calendar day;
    ends_on is the last day). Registry and ticket scopes use it too."""
    return sa.and_(
        col(LiaisonAssignment.starts_on) <= today,
        sa.or_(col(LiaisonAssignment.ends_on).is_(None), col(LiaisonAssignment.ends_on) >= today),
    )
