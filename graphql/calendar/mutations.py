"""Mutations of the holiday calendar: platform admins only, each audited in the calendar's own trail."""

import strawberry
from strawberry.types import Info

from redchain.graphql.calendar.inputs import (
    RemoveHolidayCalendarDayInput,
    ReplaceHolidayCalendarYearInput,
    SetHolidayCalendarDayInput,
)
from redchain.graphql.calendar.types import CalendarUserError, HolidayCalendarDay, HolidayCalendarYear
from redchain.graphql.errors import mutate
from redchain.graphql.permissions import IsPlatformAdmin
from redchain.services.calendar import service as calendar
from redchain.services.calendar.models import HolidayDay


@strawberry.type
class HolidayCalendarDayPayload:
    day: HolidayCalendarDay | None = None
    user_errors: list[CalendarUserError] = strawberry.field(default_factory=list)


@strawberry.type
class ReplaceHolidayCalendarYearPayload:
    holiday_calendar: HolidayCalendarYear | None = None
    user_errors: list[CalendarUserError] = strawberry.field(default_factory=list)


def _day(day: calendar.CalendarDay | HolidayDay) -> HolidayCalendarDayPayload:
    return HolidayCalendarDayPayload(day=HolidayCalendarDay.of(day))


@strawberry.type
class CalendarMutation:
    @strawberry.mutation(
        permission_classes=[IsPlatformAdmin],
        description="Add or change one day of the holiday calendar. Deadlines already computed do not move.",
    )
    async def set_holiday_calendar_day(
        self, info: Info, input: SetHolidayCalendarDayInput
    ) -> HolidayCalendarDayPayload:
        actor = info.context.require_principal()
        entry = calendar.DayEntry(input.date, input.kind, input.name)
        return await mutate(info, HolidayCalendarDayPayload, lambda s: calendar.set_day(s, actor, entry), _day)

    @strawberry.mutation(permission_classes=[IsPlatformAdmin], description="Remove one day of the holiday calendar.")
    async def remove_holiday_calendar_day(
        self, info: Info, input: RemoveHolidayCalendarDayInput
    ) -> HolidayCalendarDayPayload:
        actor = info.context.require_principal()
        return await mutate(info, HolidayCalendarDayPayload, lambda s: calendar.remove_day(s, actor, input.date), _day)

    @strawberry.mutation(
        permission_classes=[IsPlatformAdmin],
        description="Replace a whole year with the State Council's published schedule; the year becomes OFFICIAL.",
    )
    async def replace_holiday_calendar_year(
        self, info: Info, input: ReplaceHolidayCalendarYearInput
    ) -> ReplaceHolidayCalendarYearPayload:
        actor = info.context.require_principal()
        entries = [calendar.DayEntry(d.date, d.kind, d.name) for d in input.days]
        return await mutate(
            info,
            ReplaceHolidayCalendarYearPayload,
            lambda s: calendar.replace_year(s, actor, input.year, entries, input.note),
            lambda found: ReplaceHolidayCalendarYearPayload(holiday_calendar=HolidayCalendarYear.of(found)),
        )
