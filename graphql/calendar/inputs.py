"""Inputs of the holiday calendar's mutations."""

from datetime import date

import strawberry

# `kind` is a String, not the enum, so an unknown kind in a pasted schedule is a userError naming its entry
# (days[3].kind) rather than a refusal of the whole document.


@strawberry.input(description="One entry: a day off (HOLIDAY) or a 调休 working weekend day (WORKDAY).")
class HolidayCalendarDayInput:
    date: date
    kind: str = strawberry.field(description="HOLIDAY or WORKDAY.")
    name: str = strawberry.field(description="e.g. 春节, or 调休上班 for a WORKDAY.")


@strawberry.input
class SetHolidayCalendarDayInput:
    date: date
    kind: str = strawberry.field(description="HOLIDAY or WORKDAY.")
    name: str


@strawberry.input
class RemoveHolidayCalendarDayInput:
    date: date


@strawberry.input(description="A whole year as the State Council published it; replaces every entry of the year.")
class ReplaceHolidayCalendarYearInput:
    year: int
    days: list[HolidayCalendarDayInput]
    note: str | None = strawberry.field(
        default=None, description="e.g. the number of the State Council notice (国务院办公厅通知)."
    )
