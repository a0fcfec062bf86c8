"""Shared table conventions: constraint naming, tenant keys, timestamps."""

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

# Alembic names constraints from this convention, so autogenerate and `migrate-check` are stable.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> uuid.UUID:
    return uuid.uuid4()


def timestamp_column(**kwargs: object) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(sa.DateTime(timezone=True), **kwargs)  # type: ignore[arg-type]


class TenantOwned(SQLModel):
    """A row owned by one park: `(tenant_id, id)` is the key, so tables distribute by tenant."""

    tenant_id: uuid.UUID = Field(primary_key=True, foreign_key="tenants.id")
    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    created_at: datetime = Field(
        default_factory=utcnow,
        sa_type=sa.DateTime(timezone=True),
        nullable=False,  # type: ignore[call-overload]
    )


def tenant_fk(columns: list[str], target: str, **kwargs: object) -> sa.ForeignKeyConstraint:
    """A foreign key to another tenant table that includes tenant_id, so it never crosses parks."""
    return sa.ForeignKeyConstraint(
        ["tenant_id", *columns],
        [f"{target}.tenant_id", f"{target}.id"],
        **kwargs,  # type: ignore[arg-type]
    )


# Tables that are not owned by a park. Every other table must be TenantOwned (a test walks them).
GLOBAL_TABLES = {
    "tenants",
    "users",
    "user_sessions",
    "alembic_version",
    # The platform's holiday calendar (services/calendar): one for every park.
    "holiday_years",
    "holiday_days",
    "holiday_calendar_changes",
}
