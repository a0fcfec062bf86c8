"""The platform's holiday calendar (法定节假日与调休): shared by every park, so not tenant-owned."""

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from redchain.infra.models_base import utcnow

TZ = sa.DateTime(timezone=True)


class DayKind(StrEnum):
    HOLIDAY = "HOLIDAY"  # a day off, whatever its weekday
    WORKDAY = "WORKDAY"  # 调休: a Saturday or Sunday worked in exchange for a day off


class YearSource(StrEnum):
    OFFICIAL = "OFFICIAL"  # the State Council's published schedule (国务院办公厅通知)
    PROVISIONAL = "PROVISIONAL"  # the statutory holidays only, before the schedule is published


class HolidayYear(SQLModel, table=True):
    """A year the calendar covers. Its row, not its days, says a year is known (a year may have no WORKDAY),
    and `revision` moves with every change of its days: the SLA clock's cache compares these rows."""

    __tablename__ = "holiday_years"
    year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    source: YearSource = Field(sa_type=sa.String(16))  # type: ignore[call-overload]
    note: str = Field(default="", max_length=200)
    revision: int = 1
    updated_at: datetime = Field(default_factory=utcnow, sa_type=TZ)  # type: ignore[call-overload]


class HolidayDay(SQLModel, table=True):
    __tablename__ = "holiday_days"
    __table_args__ = (
        sa.CheckConstraint("extract(year from day) = year", name="day_in_year"),
        sa.CheckConstraint("kind IN ('HOLIDAY', 'WORKDAY')", name="kind"),
        sa.ForeignKeyConstraint(["year"], ["holiday_years.year"]),
        sa.Index("ix_holiday_days_year", "year"),
    )
    day: date = Field(primary_key=True)
    year: int
    kind: DayKind = Field(sa_type=sa.String(16))  # type: ignore[call-overload]
    name: str = Field(max_length=100)


class HolidayCalendarChange(SQLModel, table=True):
    """The calendar's audit trail. The park audit log is tenant-owned (its key and RLS need a park) and a
    platform change belongs to no park, so platform changes are kept here; the app role may only insert
    and read (infra/migrate.py revokes UPDATE and DELETE), like the park audit log."""

    __tablename__ = "holiday_calendar_changes"
    __table_args__ = (sa.Index("ix_holiday_calendar_changes_year_id", "year", "id"),)
    id: int | None = Field(default=None, sa_column=sa.Column(sa.BigInteger, sa.Identity(always=True), primary_key=True))
    created_at: datetime = Field(default_factory=utcnow, sa_type=TZ)  # type: ignore[call-overload]
    actor_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    action: str = Field(max_length=64)
    year: int
    before: dict[str, Any] | None = Field(default=None, sa_type=JSONB)  # type: ignore[call-overload]
    after: dict[str, Any] | None = Field(default=None, sa_type=JSONB)  # type: ignore[call-overload]
    request_id: str | None = Field(default=None, max_length=64)
