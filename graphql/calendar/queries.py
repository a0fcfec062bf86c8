"""Queries of the holiday calendar: platform admins only."""

import strawberry
from strawberry.types import Info

from redchain.graphql.calendar.types import HolidayCalendarYear
from redchain.graphql.errors import ApiError, ErrorCode
from redchain.graphql.permissions import IsPlatformAdmin
from redchain.services.calendar import service as calendar
from redchain.services.calendar.errors import YearOutOfRange


@strawberry.type
class CalendarQuery:
    @strawberry.field(
        permission_classes=[IsPlatformAdmin],
        description="One year of the holiday calendar (public holidays and 调休 working days). Platform admins.",
    )
    async def holiday_calendar(self, info: Info, year: int) -> HolidayCalendarYear:
        actor, locale = info.context.require_actor(), info.context.locale
        try:
            async with info.context.read() as session:
                found = await calendar.year_calendar(session, actor, year)
        except YearOutOfRange as exc:
            raise ApiError(
                ErrorCode.BAD_USER_INPUT, locale, message=exc.message(locale), reason=exc.code.value, field=exc.field
            ) from exc
        return HolidayCalendarYear.of(found)
