"""Queries of the holiday calendar: platform admins only."""

import strawberry
from strawberry.types import Info

from redchain.graphql.calendar.types import HolidayCalendarYear
from redchain.graphql.permissions import IsPlatformAdmin
from redchain.services.calendar import service as calendar


@strawberry.type
class CalendarQuery:
    @strawberry.field(
        permission_classes=[IsPlatformAdmin],
        description="One year of the holiday calendar (public holidays and 调休 working days). Platform admins.",
    )
    async def holiday_calendar(self, info: Info, year: int) -> HolidayCalendarYear:
        actor = info.context.require_principal()
        async with info.context.read() as session:
            found = await calendar.year_calendar(session, actor, year)
        return HolidayCalendarYear.of(found)
