"""GraphQL types of the platform's holiday calendar."""

from datetime import date, datetime
from typing import cast

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from redchain.graphql.errors import UserError, error_code_enum
from redchain.graphql.relay import encode_id
from redchain.services.calendar import service as calendar
from redchain.services.calendar.errors import CalendarErrorCode as CalendarErrorCodeEnum
from redchain.services.calendar.models import DayKind, HolidayDay, YearSource
from redchain.services.calendar.models import HolidayCalendarChange as ChangeRow

HolidayCalendarDayKind = strawberry.enum(
    DayKind, name="HolidayCalendarDayKind", description="HOLIDAY: a day off; WORKDAY: a 调休 weekend day worked."
)
HolidayCalendarYearSource = strawberry.enum(
    YearSource,
    name="HolidayCalendarYearSource",
    description="OFFICIAL: the State Council's published schedule; PROVISIONAL: the statutory holidays only.",
)


@strawberry.type(description="One entry of the holiday calendar (法定节假日 or 调休上班日).")
class HolidayCalendarDay:
    date: date
    kind: HolidayCalendarDayKind  # type: ignore[valid-type]
    name: str

    @classmethod
    def of(cls, day: calendar.CalendarDay | HolidayDay) -> "HolidayCalendarDay":
        return cls(date=day.day, kind=DayKind(day.kind), name=day.name)


@strawberry.type(description="A change of the holiday calendar, from its append-only platform audit trail.")
class HolidayCalendarChange:
    action: str
    created_at: datetime
    actor_id: strawberry.ID | None = strawberry.field(description="The User who made it; null for the seed.")
    before: JSON | None
    after: JSON | None

    @classmethod
    def from_row(cls, row: ChangeRow) -> "HolidayCalendarChange":
        return cls(
            action=row.action,
            created_at=row.created_at,
            actor_id=encode_id("User", row.actor_user_id) if row.actor_user_id else None,
            before=cast(JSON, row.before),
            after=cast(JSON, row.after),
        )


@strawberry.type(description="One year of the platform-wide holiday calendar the SLA clocks of every park count by.")
class HolidayCalendarYear:
    year: int
    covered: bool = strawberry.field(description="False: the SLA clocks count Monday to Friday in this year.")
    source: HolidayCalendarYearSource | None  # type: ignore[valid-type]
    note: str | None
    revision: int = strawberry.field(description="Moves with every change of the year.")
    updated_at: datetime | None
    days: list[HolidayCalendarDay]

    @strawberry.field(description="The latest changes of this year, newest first.")
    async def changes(self, info: Info) -> list[HolidayCalendarChange]:
        async with info.context.read() as session:
            rows = await calendar.changes_of(session, info.context.require_principal(), self.year)
        return [HolidayCalendarChange.from_row(row) for row in rows]

    @classmethod
    def of(cls, found: calendar.YearCalendar) -> "HolidayCalendarYear":
        row = found.covered
        return cls(
            year=found.year,
            covered=row is not None,
            source=YearSource(row.source) if row else None,
            note=row.note if row else None,
            revision=row.revision if row else 0,
            updated_at=row.updated_at if row else None,
            days=[HolidayCalendarDay.of(day) for day in found.days],
        )


CalendarErrorCode = error_code_enum("CalendarErrorCode", CalendarErrorCodeEnum)


@strawberry.type(description="A rule or validation failure of a holiday calendar mutation.")
class CalendarUserError(UserError):
    code: CalendarErrorCode  # type: ignore[valid-type]
