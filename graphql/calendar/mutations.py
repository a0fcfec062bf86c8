"""Mutations of the holiday calendar: platform admins only, each audited in the calendar's own trail."""

import strawberry
from strawberry.types import Info

from redchain.graphql.calendar.inputs import (
    RemoveHolidayCalendarDayInput,
    ReplaceHolidayCalendarYearInput,
    SetHolidayCalendarDayInput,
)
from redchain.graphql.calendar.types import HolidayCalendarDay, HolidayCalendarYear
from redchain.graphql.errors import UserError, mutate
from redchain.graphql.permissions import IsPlatformAdmin
from redchain.services.calendar import service as calendar


@strawberry.type
class HolidayCalendarDayPayload:
    day: HolidayCalendarDay | None
    user_errors: list[UserError]


@strawberry.type
class ReplaceHolidayCalendarYearPayload:
    holiday_calendar: HolidayCalendarYear | None
    user_errors: list[UserError]


@strawberry.type
class CalendarMutation:
    @strawberry.mutation(
        permission_classes=[IsPlatformAdmin],
        description="Add or change one day of the holiday calendar. Deadlines already computed do not move.",
    )
    async def set_holiday_calendar_day(
        self, info: Info, input: SetHolidayCalendarDayInput
    ) -> HolidayCalendarDayPayload:
        actor = info.context.require_actor()
        entry = calendar.DayEntry(input.date, input.kind, input.name)
        row, errors = await mutate(info, lambda s: calendar.set_day(s, actor, entry))
        return HolidayCalendarDayPayload(day=HolidayCalendarDay.of(row) if row else None, user_errors=errors)

    @strawberry.mutation(permission_classes=[IsPlatformAdmin], description="Remove one day of the holiday calendar.")
    async def remove_holiday_calendar_day(
        self, info: Info, input: RemoveHolidayCalendarDayInput
    ) -> HolidayCalendarDayPayload:
        actor = info.context.require_actor()
        removed, errors = await mutate(info, lambda s: calendar.remove_day(s, actor, input.date))
        return HolidayCalendarDayPayload(day=HolidayCalendarDay.of(removed) if removed else None, user_errors=errors)

    @strawberry.mutation(
        permission_classes=[IsPlatformAdmin],
        description="Replace a whole year with the State Council's published schedule; the year becomes OFFICIAL.",
    )
    async def replace_holiday_calendar_year(
        self, info: Info, input: ReplaceHolidayCalendarYearInput
    ) -> ReplaceHolidayCalendarYearPayload:
        actor = info.context.require_actor()
        entries = [calendar.DayEntry(d.date, d.kind, d.name) for d in input.days]
        found, errors = await mutate(info, lambda s: calendar.replace_year(s, actor, input.year, entries, input.note))
        return ReplaceHolidayCalendarYearPayload(
            holiday_calendar=HolidayCalendarYear.of(found) if found else None, user_errors=errors
        )
