"""The business-hours clock of ticket SLAs: Asia/Shanghai working days (by the platform's holiday calendar,
with its public holidays and 调休 make-up days) and the working periods of a day. Pure functions, no I/O:
callers pass the calendar (services/calendar `work_calendar`)."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from redchain.infra.clock import PARK_TIME, park_date
from redchain.services.calendar.service import WorkCalendar

PERIOD = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
# A ticket target is counted in days at most a few months long; this bounds the walk in
# add_business_seconds even for a working day with no periods (a misconfiguration).
MAX_DAYS = 3660


class InvalidWorkingDay(ValueError):
    pass


@dataclass(frozen=True)
class WorkingDay:
    """The working periods of a day, in park time, ascending and not overlapping."""

    periods: tuple[tuple[time, time], ...]

    @classmethod
    def parse(cls, spec: str) -> "WorkingDay":
        """'09:00-12:00,13:30-17:30' → two periods."""
        periods: list[tuple[time, time]] = []
        for part in spec.split(","):
            match = PERIOD.match(part)
            if not match:
                raise InvalidWorkingDay(f"not a period: {part!r}")
            h1, m1, h2, m2 = (int(g) for g in match.groups())
            try:
                start, end = time(h1, m1), time(h2, m2)
            except ValueError as exc:
                raise InvalidWorkingDay(f"not a time of day: {part!r}") from exc
            if end <= start or (periods and start < periods[-1][1]):
                raise InvalidWorkingDay(f"periods must be ascending and not overlap: {spec!r}")
            periods.append((start, end))
        if not periods:
            raise InvalidWorkingDay("a working day needs at least one period")
        return cls(tuple(periods))

    @property
    def seconds(self) -> int:
        """Business seconds in one working day (7 h = 25,200 s for the default day)."""
        return sum(_seconds(end) - _seconds(start) for start, end in self.periods)


DEFAULT_WORKING_DAY = WorkingDay.parse("09:00-12:00,13:30-17:30")


def _seconds(t: time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


def _windows(day: date, working_day: WorkingDay, calendar: WorkCalendar) -> Iterator[tuple[datetime, datetime]]:
    """The working periods of `day` as UTC intervals; none on a rest day."""
    if not calendar.is_working_day(day):
        return
    for start, end in working_day.periods:
        yield (
            datetime.combine(day, start, PARK_TIME).astimezone(UTC),
            datetime.combine(day, end, PARK_TIME).astimezone(UTC),
        )


def _whole_second(moment: datetime) -> datetime:
    """The clock counts whole seconds, so adding and measuring are exact inverses."""
    if moment.tzinfo is None:
        raise ValueError("SLA clock times must be timezone-aware")
    return moment.astimezone(UTC).replace(microsecond=0)


def business_seconds_between(
    start: datetime, end: datetime, calendar: WorkCalendar, working_day: WorkingDay = DEFAULT_WORKING_DAY
) -> int:
    """Business seconds in [start, end); 0 when end is not after start."""
    start, end = _whole_second(start), _whole_second(end)
    if end <= start:
        return 0
    total = timedelta()
    day, last = park_date(start), park_date(end)
    while day <= last:
        for window_start, window_end in _windows(day, working_day, calendar):
            overlap = min(end, window_end) - max(start, window_start)
            if overlap > timedelta():
                total += overlap
        day += timedelta(days=1)
    return int(total.total_seconds())


def add_business_seconds(
    start: datetime, seconds: int, calendar: WorkCalendar, working_day: WorkingDay = DEFAULT_WORKING_DAY
) -> datetime:
    """The moment `seconds` business seconds after `start` (UTC). A target that ends exactly when a
    period ends is due then (12:00), not when the next one starts."""
    if seconds < 0:
        raise ValueError("seconds must not be negative")
    start = _whole_second(start)
    if seconds == 0:
        return start
    remaining = timedelta(seconds=seconds)
    day = park_date(start)
    for _ in range(MAX_DAYS):
        for window_start, window_end in _windows(day, working_day, calendar):
            begin = max(start, window_start)
            available = window_end - begin
            if available <= timedelta():
                continue
            if remaining <= available:
                return begin + remaining
            remaining -= available
        day += timedelta(days=1)
    raise InvalidWorkingDay(f"no {seconds} business seconds within {MAX_DAYS} days of {start.isoformat()}")
