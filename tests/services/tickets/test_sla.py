"""The business-hours clock: nights, weekends, public holidays, 调休 working weekends, pauses."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redchain.services.calendar.service import WorkCalendar, library_year
from redchain.services.tickets.deadlines import REFERENCE_TARGETS, Targets
from redchain.services.tickets.deadlines import deadlines as deadlines_by
from redchain.services.tickets.models import TicketPriority
from redchain.services.tickets.sla import (
    DEFAULT_WORKING_DAY,
    PARK_TIME,
    InvalidWorkingDay,
    WorkingDay,
)
from redchain.services.tickets.sla import add_business_seconds as add_by
from redchain.services.tickets.sla import business_seconds_between as between_by

HOUR = 3600
DAY = DEFAULT_WORKING_DAY.seconds  # 7 business hours
# The calendar the migration seeds (0050: the `holidays` library's 2024-2027); the clock reads it from the
# table in production (services/calendar work_calendar), these tests check the clock on the same data.
SEEDED = [library_year(year) for year in (2024, 2025, 2026, 2027)]
CALENDAR = WorkCalendar.of([y.year for y in SEEDED], [day for y in SEEDED for day in y.days])


def is_working_day(day: date) -> bool:
    return CALENDAR.is_working_day(day)


def add_business_seconds(start: datetime, seconds: int, working_day: WorkingDay = DEFAULT_WORKING_DAY) -> datetime:
    return add_by(start, seconds, CALENDAR, working_day)


def business_seconds_between(start: datetime, end: datetime, working_day: WorkingDay = DEFAULT_WORKING_DAY) -> int:
    return between_by(start, end, CALENDAR, working_day)


def deadlines(started_at: datetime, targets: Targets, paused: int, extension: int, working_day: WorkingDay) -> object:
    return deadlines_by(started_at, targets, paused, extension, working_day, CALENDAR)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A moment given in park time (Asia/Shanghai)."""
    return datetime(year, month, day, hour, minute, tzinfo=PARK_TIME)


def test_the_default_day_has_seven_business_hours() -> None:
    assert DAY == 7 * HOUR
    assert WorkingDay.parse("09:00-12:00, 13:30-17:30") == DEFAULT_WORKING_DAY


@pytest.mark.parametrize("spec", ["", "9-12", "09:00-08:00", "09:00-12:00,11:00-13:00", "25:00-26:00"])
def test_a_malformed_working_day_is_refused(spec: str) -> None:
    with pytest.raises(InvalidWorkingDay):
        WorkingDay.parse(spec)


def test_within_one_period() -> None:
    assert business_seconds_between(at(2026, 3, 9, 9, 30), at(2026, 3, 9, 11, 0)) == 90 * 60


def test_the_lunch_break_does_not_count() -> None:
    assert business_seconds_between(at(2026, 3, 9, 11), at(2026, 3, 9, 14)) == HOUR + 30 * 60
    assert add_business_seconds(at(2026, 3, 9, 11), 2 * HOUR) == at(2026, 3, 9, 14, 30)


def test_a_target_ending_with_a_period_is_due_at_its_end() -> None:
    assert add_business_seconds(at(2026, 3, 9, 9), 3 * HOUR) == at(2026, 3, 9, 12)


def test_nights_do_not_count() -> None:
    # Monday 17:00 → Tuesday 10:00: half an hour on Monday, one on Tuesday.
    assert business_seconds_between(at(2026, 3, 9, 17), at(2026, 3, 10, 10)) == 90 * 60
    assert add_business_seconds(at(2026, 3, 9, 17), HOUR) == at(2026, 3, 10, 9, 30)


def test_a_ticket_raised_at_night_starts_next_morning() -> None:
    assert add_business_seconds(at(2026, 3, 9, 22), HOUR) == at(2026, 3, 10, 10)
    assert business_seconds_between(at(2026, 3, 9, 22), at(2026, 3, 10, 8, 59)) == 0


def test_weekends_do_not_count() -> None:
    # Friday 16:30 + 2 h: one hour on Friday, the next on Monday.
    assert add_business_seconds(at(2026, 3, 13, 16, 30), 2 * HOUR) == at(2026, 3, 16, 10)
    assert business_seconds_between(at(2026, 3, 13, 17, 30), at(2026, 3, 16, 9)) == 0


def test_spring_festival_2025() -> None:
    # 2025-01-28 (除夕) to 02-04 are holidays; Sunday 01-26 and Saturday 02-08 are 调休 working days.
    assert is_working_day(date(2025, 1, 26))
    assert not any(is_working_day(date(2025, 1, 28) + timedelta(days=i)) for i in range(8))
    assert add_business_seconds(at(2025, 1, 27, 17), HOUR) == at(2025, 2, 5, 9, 30)
    assert business_seconds_between(at(2025, 1, 27, 9), at(2025, 2, 5, 9)) == DAY


def test_spring_festival_2026() -> None:
    # 2026-02-15 to 02-23 are holidays; Saturdays 02-14 and 02-28 are 调休 working days.
    assert is_working_day(date(2026, 2, 14)) and is_working_day(date(2026, 2, 28))
    assert not any(is_working_day(date(2026, 2, 15) + timedelta(days=i)) for i in range(9))
    # Friday 02-13 17:00 + 2 h: half an hour Friday, the 调休 Saturday, nothing until Tuesday 02-24.
    assert add_business_seconds(at(2026, 2, 13, 17), HOUR) == at(2026, 2, 14, 9, 30)
    assert add_business_seconds(at(2026, 2, 13, 17), DAY + HOUR) == at(2026, 2, 24, 9, 30)


def test_national_day_2025() -> None:
    # 2025-10-01 to 10-08 are holidays; Sunday 09-28 and Saturday 10-11 are 调休 working days.
    assert is_working_day(date(2025, 9, 28)) and is_working_day(date(2025, 10, 11))
    assert business_seconds_between(at(2025, 9, 30, 9), at(2025, 10, 9, 9)) == DAY
    assert add_business_seconds(at(2025, 9, 30, 17, 30), HOUR) == at(2025, 10, 9, 10)


def test_national_day_2026() -> None:
    # 2026-10-01 to 10-07 are holidays; Sunday 09-20 and Saturday 10-10 are 调休 working days.
    assert is_working_day(date(2026, 9, 20)) and is_working_day(date(2026, 10, 10))
    assert not is_working_day(date(2026, 10, 11))
    assert business_seconds_between(at(2026, 9, 30, 17, 30), at(2026, 10, 8, 9)) == 0


def test_a_make_up_saturday_counts_and_an_ordinary_one_does_not() -> None:
    assert business_seconds_between(at(2026, 2, 28), at(2026, 3, 1)) == DAY  # 调休
    assert business_seconds_between(at(2026, 3, 7), at(2026, 3, 8)) == 0


def test_spring_festival_2027() -> None:
    # chinese_calendar stops at 2026, so main counted 2027 Monday to Friday. The seed (holidays 0.108, the
    # statute before the State Council's schedule) has 除夕 Friday 02-05 to Wednesday 02-10 off.
    assert not any(is_working_day(date(2027, 2, 5) + timedelta(days=i)) for i in range(6))
    assert is_working_day(date(2027, 2, 11))
    assert not is_working_day(date(2027, 1, 1))  # New Year's Day, a Friday
    assert add_business_seconds(at(2027, 2, 4, 17), HOUR) == at(2027, 2, 11, 9, 30)
    assert business_seconds_between(at(2027, 2, 4, 9), at(2027, 2, 11, 9)) == DAY


def test_years_the_calendar_does_not_cover_fall_back_to_weekdays(caplog: pytest.LogCaptureFixture) -> None:
    # 2030-01-01 is a Tuesday and a holiday every year, but the calendar has no 2030: Monday-Friday, warned.
    with caplog.at_level("WARNING", logger="redchain.calendar"):
        assert is_working_day(date(2030, 1, 1))
        assert not is_working_day(date(2030, 1, 5))
    assert add_business_seconds(at(2029, 12, 31, 17, 30), HOUR) == at(2030, 1, 1, 10)
    assert [r.getMessage() for r in caplog.records if "2030" in r.getMessage()]


def test_a_custom_working_day() -> None:
    day = WorkingDay.parse("08:30-12:00,14:00-18:00")
    assert day.seconds == int(7.5 * HOUR)
    assert add_business_seconds(at(2026, 3, 9, 11, 30), HOUR, day) == at(2026, 3, 9, 14, 30)


def test_times_must_carry_a_zone() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        business_seconds_between(datetime(2026, 3, 9, 9), datetime(2026, 3, 9, 10))


def test_deadlines_move_back_by_the_paused_time_and_extensions_only_for_the_resolution() -> None:
    start = at(2026, 3, 9, 9)
    targets = REFERENCE_TARGETS[TicketPriority.NORMAL]
    plain = deadlines(start, targets, 0, 0, DEFAULT_WORKING_DAY)
    paused = deadlines(start, targets, 2 * HOUR, 0, DEFAULT_WORKING_DAY)
    extended = deadlines(start, targets, 0, DAY, DEFAULT_WORKING_DAY)
    assert plain.first_response_due_at == paused.first_response_due_at == at(2026, 3, 9, 14, 30)
    assert plain.first_response_warn_at == at(2026, 3, 9, 13, 42)  # 80 % of 4 h
    assert plain.resolution_due_at == at(2026, 3, 13, 17, 30)  # 35 h: five working days
    assert paused.resolution_due_at == at(2026, 3, 16, 11)
    assert extended.resolution_due_at == at(2026, 3, 16, 17, 30)
    assert plain.resolution_warn_at < plain.resolution_due_at < plain.admin_escalation_at


def test_deadlines_across_the_spring_festival() -> None:
    # Raised on the last working day before the 2026 holiday: that Friday, the 调休 Saturday, then Feb 24.
    due = deadlines(at(2026, 2, 13, 9), Targets(4 * HOUR, 2 * DAY + HOUR), 0, 0, DEFAULT_WORKING_DAY)
    assert due.first_response_due_at == at(2026, 2, 13, 14, 30)
    assert due.resolution_due_at == at(2026, 2, 24, 10)


moments = st.datetimes(min_value=datetime(2024, 12, 1), max_value=datetime(2026, 12, 20), timezones=st.just(UTC))


@settings(max_examples=200, deadline=None)
@given(start=moments, seconds=st.integers(min_value=0, max_value=40 * DAY))
def test_adding_then_measuring_gives_back_the_seconds(start: datetime, seconds: int) -> None:
    assert business_seconds_between(start, add_business_seconds(start, seconds)) == seconds


@settings(max_examples=40, deadline=None)
@given(a=moments, b=moments, c=moments)
def test_measuring_is_additive_and_never_negative(a: datetime, b: datetime, c: datetime) -> None:
    first, middle, last = sorted([a, b, c])
    assert business_seconds_between(first, last) == (
        business_seconds_between(first, middle) + business_seconds_between(middle, last)
    )
    assert business_seconds_between(last, first) == 0


@settings(max_examples=100, deadline=None)
@given(start=moments, seconds=st.integers(min_value=1, max_value=20 * DAY))
def test_a_due_time_falls_inside_a_working_period(start: datetime, seconds: int) -> None:
    due = add_business_seconds(start, seconds).astimezone(PARK_TIME)
    assert is_working_day(due.date())
    assert any(begin < due.time() <= end for begin, end in DEFAULT_WORKING_DAY.periods)
