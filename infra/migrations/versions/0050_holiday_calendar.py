"""holiday calendar: platform-wide public holidays and 调休 working days, seeded from `holidays` 0.108

Revision ID: 0050
Revises: 0031
Create Date: 2026-12-01 09:40:00
"""

from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

from redchain.services.calendar.service import library_year, snapshot

revision = "0050"
down_revision = "0031"
branch_labels = None
depends_on = None

# The years SLA clocks of open and recent tickets need. Later years come from a platform admin's
# replaceHolidayCalendarYear, not from a newer library: an edit must never be overwritten by a migration.
SEEDED_YEARS = (2024, 2025, 2026, 2027)
SOURCE_NOTE = "holidays 0.108"


def upgrade() -> None:
    years = op.create_table(
        "holiday_years",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_holiday_years")),
    )
    days = op.create_table(
        "holiday_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.CheckConstraint("extract(year from day) = year", name=op.f("ck_holiday_days_day_in_year")),
        sa.CheckConstraint("kind IN ('HOLIDAY', 'WORKDAY')", name=op.f("ck_holiday_days_kind")),
        sa.ForeignKeyConstraint(["year"], ["holiday_years.year"], name=op.f("fk_holiday_days_year_holiday_years")),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_holiday_days")),
    )
    op.create_index("ix_holiday_days_year", "holiday_days", ["year"], unique=False)
    changes = op.create_table(
        "holiday_calendar_changes",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_user_id", sa.Uuid(), nullable=True),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("before", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("after", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("request_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_user_id"], ["users.id"], name=op.f("fk_holiday_calendar_changes_actor_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holiday_calendar_changes")),
    )
    op.create_index(
        "ix_holiday_calendar_changes_year_id", "holiday_calendar_changes", ["year", "id"], unique=False
    )
    seeded = [library_year(year) for year in SEEDED_YEARS]
    now = datetime.now(UTC)
    op.bulk_insert(
        years,
        [{"year": y.year, "source": y.source.value, "note": SOURCE_NOTE, "revision": 1, "updated_at": now} for y in seeded],
    )
    op.bulk_insert(
        days,
        [{"day": d.day, "year": y.year, "kind": d.kind.value, "name": d.name} for y in seeded for d in y.days],
    )
    op.bulk_insert(
        changes,
        [
            {
                "created_at": now,
                "actor_user_id": None,
                "action": "holiday_calendar.seed",
                "year": y.year,
                "before": None,
                "after": {
                    "days": snapshot(y.days),
                    "source": y.source.value,
                    "revision": 1,
                    "note": SOURCE_NOTE,
                },
                "request_id": None,
            }
            for y in seeded
        ],
    )


def downgrade() -> None:
    op.drop_index("ix_holiday_calendar_changes_year_id", table_name="holiday_calendar_changes")
    op.drop_table("holiday_calendar_changes")
    op.drop_index("ix_holiday_days_year", table_name="holiday_days")
    op.drop_table("holiday_days")
    op.drop_table("holiday_years")
