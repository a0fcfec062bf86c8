"""The holiday calendar (法定节假日与调休) the SLA clocks count by: kept as data, seeded from the `holidays`
library, edited by platform admins when the State Council publishes a year, read through a process cache."""

import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import holidays
from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.models_base import utcnow
from redchain.infra.request_context import request_id_var
from redchain.services.actor import Principal
from redchain.services.calendar import events
from redchain.services.calendar.errors import (
    DateOutsideYear,
    DayNotFound,
    DuplicateDate,
    Required,
    TooManyDays,
    UnknownKind,
    YearOutOfRange,
)
from redchain.services.calendar.models import DayKind, HolidayCalendarChange, HolidayDay, HolidayYear, YearSource
from redchain.services.calendar.repository import CalendarRepository
from redchain.services.errors import PermissionDenied, TooLong
from redchain.services.notifications import service as notifications

log = logging.getLogger("redchain.calendar")

MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_DAYS_A_YEAR = 100  # a published year has about 30 entries
NAME_LIMIT = 100
CHANGES_SHOWN = 50


@dataclass(frozen=True)
class CalendarDay:
    day: date
    kind: DayKind
    name: str


@dataclass(frozen=True)
class DayEntry:
    """A day as a platform admin typed it: `kind` is checked, so an unknown one is an error naming it."""

    day: date
    kind: str
    name: str


# The working-day rule ------------------------------------------------------------------------------


@lru_cache(maxsize=64)  # once per year and process, not once per call
def _warn_year_not_covered(year: int) -> None:
    log.warning("the holiday calendar has no entries for %s; counting Monday to Friday as working days", year)


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are worked: weekdays minus holidays, plus 调休 Saturdays and Sundays. A year the calendar
    does not cover falls back to Monday-Friday rather than failing: a deadline a few hours off is better
    than a sweep that crashes on every ticket due in January."""

    years: frozenset[int]
    holidays: frozenset[date]
    workdays: frozenset[date]

    @classmethod
    def of(cls, years: Iterable[int], days: Iterable[CalendarDay | HolidayDay]) -> "WorkCalendar":
        days = list(days)
        return cls(
            frozenset(years),
            frozenset(d.day for d in days if d.kind == DayKind.HOLIDAY),
            frozenset(d.day for d in days if d.kind == DayKind.WORKDAY),
        )

    def is_working_day(self, day: date) -> bool:
        if day.year not in self.years:
            _warn_year_not_covered(day.year)
            return day.weekday() < 5
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays


@dataclass
class _Cached:
    key: tuple[tuple[int, int], ...] = ()
    calendar: WorkCalendar = WorkCalendar(frozenset(), frozenset(), frozenset())


_cache = _Cached()


async def work_calendar(session: AsyncSession) -> WorkCalendar:
    """The calendar as stored, from this process's cache while no year changed. The check reads one small
    row per year; the whole table (a few dozen rows a year) is reloaded only after an edit, in any process.
    Revisions are read before the days, so a change committing in between is seen at the next check."""
    repo = CalendarRepository(session)
    key = tuple(await repo.revisions())
    if key != _cache.key:
        _cache.calendar = WorkCalendar.of((year for year, _ in key), await repo.all_days())
        _cache.key = key
    return _cache.calendar


# Seeding from the `holidays` library -----------------------------------------------------------------


@dataclass(frozen=True)
class LibraryYear:
    year: int
    source: YearSource
    days: list[CalendarDay]


def library_year(year: int) -> LibraryYear:
    """`holidays`' China for one year, as calendar entries. It lists days off (weekends included when a
    festival falls on one) and, in `weekend_workdays`, the 调休 working days, which it names only in the
    day off they pay for ("休息日（由 2026-02-14 调休）"). A year without any 调休 day is the statute alone,
    computed before the State Council published the year (holidays 0.108 for 2027): every schedule published
    since 2001 has had them, so such a year is PROVISIONAL until a platform admin replaces it."""
    calendar = holidays.China(years=year, categories=(holidays.PUBLIC,), language="zh_CN")
    days = [CalendarDay(day, DayKind.HOLIDAY, str(name)) for day, name in sorted(calendar.items())]
    for workday in sorted(d for d in calendar.weekend_workdays if d.year == year):
        paid = [d.day for d in days if workday.isoformat() in d.name]
        name = f"调休上班（{paid[0].isoformat()} 休息）" if paid else "调休上班"
        days.append(CalendarDay(workday, DayKind.WORKDAY, name))
    official = any(d.kind == DayKind.WORKDAY for d in days)
    return LibraryYear(year, YearSource.OFFICIAL if official else YearSource.PROVISIONAL, sorted(days, key=_by_day))


def _by_day(day: CalendarDay) -> date:
    return day.day


# Reading and editing (platform admins) ---------------------------------------------------------------


@dataclass(frozen=True)
class YearCalendar:
    year: int
    covered: HolidayYear | None  # None: the SLA clocks count Monday-Friday for this year
    days: list[HolidayDay]


def _require_platform_admin(actor: Principal) -> None:
    if not actor.is_platform_admin:
        raise PermissionDenied()


def _check_year(year: int, field: str = "year") -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise YearOutOfRange(field, low=MIN_YEAR, high=MAX_YEAR)


def _clean_day(entry: DayEntry, year: int, path: str = "") -> CalendarDay:
    """`path` is where the entry sits in the input (`days[3].`), so an error names its field."""
    if entry.day.year != year:
        raise DateOutsideYear(f"{path}date", year=year)
    try:
        kind = DayKind(entry.kind)
    except ValueError:
        raise UnknownKind(f"{path}kind") from None
    name = entry.name.strip()
    if not name:
        raise Required(f"{path}name")
    if len(name) > NAME_LIMIT:
        raise TooLong(f"{path}name", limit=NAME_LIMIT)
    return CalendarDay(entry.day, kind, name)


def snapshot(days: Iterable[CalendarDay | HolidayDay]) -> list[dict[str, str]]:
    """Days as the audit trail keeps them."""
    return [{"date": d.day.isoformat(), "kind": str(d.kind), "name": d.name} for d in days]


def _record_change(
    session: AsyncSession, actor: Principal, action: str, year: HolidayYear, before: object, after: object
) -> None:
    year.revision += 1  # tells every process's cache that this year changed
    year.updated_at = utcnow()
    CalendarRepository(session).add_change(
        HolidayCalendarChange(
            actor_user_id=actor.user_id,
            action=action,
            year=year.year,
            before={"days": before} if before is not None else None,
            after={"days": after, "source": str(year.source), "revision": year.revision},
            request_id=request_id_var.get(),
        )
    )


async def year_calendar(session: AsyncSession, actor: Principal, year: int) -> YearCalendar:
    _require_platform_admin(actor)
    _check_year(year)
    repo = CalendarRepository(session)
    return YearCalendar(year, await repo.year(year), await repo.days_of(year))


async def changes_of(session: AsyncSession, actor: Principal, year: int) -> list[HolidayCalendarChange]:
    _require_platform_admin(actor)
    return await CalendarRepository(session).changes_of(year, CHANGES_SHOWN)


async def set_day(session: AsyncSession, actor: Principal, typed: DayEntry) -> HolidayDay:
    """Adds or changes one day. A year the calendar did not cover becomes PROVISIONAL: one day is not the
    State Council's schedule, so the December warning goes on until the year is replaced."""
    _require_platform_admin(actor)
    _check_year(typed.day.year, "date")
    entry = _clean_day(typed, typed.day.year)
    repo = CalendarRepository(session)
    year = await repo.lock_year(entry.day.year, YearSource.PROVISIONAL)
    row = await repo.day(entry.day)
    before = snapshot([row]) if row else []
    if row is None:
        row = HolidayDay(day=entry.day, year=entry.day.year, kind=entry.kind, name=entry.name)
    else:
        row.kind, row.name = entry.kind, entry.name
    await repo.add(row)
    _record_change(session, actor, "holiday_calendar.set_day", year, before, snapshot([row]))
    return row


async def remove_day(session: AsyncSession, actor: Principal, day: date) -> CalendarDay:
    _require_platform_admin(actor)
    _check_year(day.year, "date")
    repo = CalendarRepository(session)
    if await repo.year(day.year) is None:
        raise DayNotFound("date")
    year = await repo.lock_year(day.year, YearSource.PROVISIONAL)
    row = await repo.day(day)
    if row is None:
        raise DayNotFound("date")
    removed = CalendarDay(row.day, row.kind, row.name)
    await repo.delete_day(row)
    _record_change(session, actor, "holiday_calendar.remove_day", year, snapshot([removed]), [])
    return removed


async def replace_year(
    session: AsyncSession, actor: Principal, year: int, entries: Sequence[DayEntry], note: str | None = None
) -> YearCalendar:
    """The whole year at once, as the State Council published it: the year becomes OFFICIAL. Checked in
    full before anything is written."""
    _require_platform_admin(actor)
    _check_year(year)
    if len(entries) > MAX_DAYS_A_YEAR:
        raise TooManyDays("days", limit=MAX_DAYS_A_YEAR)
    seen: set[date] = set()
    days: list[CalendarDay] = []
    for index, entry in enumerate(entries):
        clean = _clean_day(entry, year, f"days[{index}].")
        if clean.day in seen:
            raise DuplicateDate(f"days[{index}].date", day=clean.day.isoformat())
        seen.add(clean.day)
        days.append(clean)
    text = (note or "").strip()
    if len(text) > 200:
        raise TooLong("note", limit=200)
    repo = CalendarRepository(session)
    row = await repo.lock_year(year, YearSource.OFFICIAL)
    before = snapshot(await repo.days_of(year))
    await repo.delete_days_of(year)
    stored = [HolidayDay(day=d.day, year=year, kind=d.kind, name=d.name) for d in sorted(days, key=_by_day)]
    await repo.add(*stored)
    row.source, row.note = YearSource.OFFICIAL, text
    _record_change(session, actor, "holiday_calendar.replace_year", row, before, snapshot(stored))
    return YearCalendar(year, row, stored)


# The December check -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NextYearStatus:
    year: int
    missing: bool  # not covered at all, or only PROVISIONAL (no published 调休 days)
    provisional: bool


WARN_FROM_MONTH = 12  # the State Council publishes next year's schedule in November or December


async def next_year_status(session: AsyncSession, today: date) -> NextYearStatus | None:
    """From December 1, whether next year's schedule is still missing; None before December."""
    if today.month < WARN_FROM_MONTH:
        return None
    row = await CalendarRepository(session).year(today.year + 1)
    provisional = row is not None and row.source == YearSource.PROVISIONAL
    return NextYearStatus(today.year + 1, row is None or provisional, provisional)


async def notify_next_year_missing(
    session: AsyncSession, tenant_id: uuid.UUID, admin_ids: Iterable[uuid.UUID], status: NextYearStatus
) -> int:
    """Tells the platform admins who are members of this park, in its in-app notifications (a notification
    belongs to a park); the notice's fixed ID makes it once per year per admin. How many were new."""
    notice = events.NextYearMissing(status.year, status.provisional)
    event_id = events.next_year_missing_id(status.year)
    sent = 0
    for user_id in admin_ids:
        if await notifications.notify(session, tenant_id, user_id, event_id, events.NEXT_YEAR_MISSING, notice.data()):
            sent += 1
    return sent
