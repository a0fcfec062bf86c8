"""The holiday calendar as data: the seed against chinese-calendar, the cache, edits, audit and refusals.

The calendar is platform-wide, so tests that edit it use years no ticket test counts in (2090s), except
the one that shows a stored deadline does not move, which restores the day it changes."""

from datetime import date, timedelta

import chinese_calendar
import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from redchain.infra.db import Database
from redchain.infra.model_registry import metadata
from redchain.infra.models_base import GLOBAL_TABLES
from redchain.services.actor import Grant
from redchain.services.calendar import service as calendar
from redchain.services.calendar.errors import CalendarErrorCode
from redchain.services.calendar.models import DayKind, YearSource
from redchain.services.calendar.service import DayEntry
from redchain.services.errors import DomainError, PermissionDenied
from redchain.services.permissions import Role
from tests.factories import actor_for, create_park, create_platform_admin, create_user
from tests.services.tickets.world import build_world, raise_ticket, reload


def _library_says_working(year: calendar.LibraryYear, day: date) -> bool:
    return calendar.WorkCalendar.of([year.year], year.days).is_working_day(day)


@pytest.mark.parametrize("year", [2025, 2026])
def test_holidays_agrees_with_chinese_calendar_on_every_day(year: int) -> None:
    seeded = calendar.library_year(year)
    workdays = {d.day for d in seeded.days if d.kind == DayKind.WORKDAY}
    differences = []
    day = date(year, 1, 1)
    while day.year == year:
        expected = chinese_calendar.is_workday(day)
        lieu = expected and day.weekday() >= 5  # a 调休 working weekend day
        if _library_says_working(seeded, day) != expected or (day in workdays) != lieu:
            detail = chinese_calendar.get_holiday_detail(day)
            differences.append(f"{day}: holidays working={not expected}, chinese-calendar working={expected} {detail}")
        day += timedelta(days=1)
    assert differences == [], "holidays 0.108 and chinese-calendar 1.11.0 disagree:\n" + "\n".join(differences)
    assert seeded.source is YearSource.OFFICIAL


def test_holidays_has_only_the_statute_for_2027() -> None:
    # Spring Festival 2027: 除夕 Friday 02-05, 初一-初三 on the weekend and Monday, made up Tuesday and
    # Wednesday; no 调休 working day yet, so the year is PROVISIONAL until the schedule is entered.
    seeded = calendar.library_year(2027)
    assert seeded.source is YearSource.PROVISIONAL
    assert not [d for d in seeded.days if d.kind == DayKind.WORKDAY]
    holidays = {d.day for d in seeded.days}
    assert {date(2027, 2, 5) + timedelta(days=i) for i in range(6)} <= holidays


def test_a_workday_is_named_after_the_day_off_it_pays_for() -> None:
    names = {d.day: d.name for d in calendar.library_year(2026).days if d.kind == DayKind.WORKDAY}
    assert names[date(2026, 2, 14)] == "调休上班（2026-02-20 休息）"


async def test_the_migration_seeded_2024_to_2027(db: Database) -> None:
    _, admin = await create_platform_admin(db)
    async with db.transaction() as session:
        for year in (2024, 2025, 2026, 2027):
            found = await calendar.year_calendar(session, admin, year)
            assert found.covered is not None
            assert [(d.day, d.kind, d.name) for d in found.days] == [
                (d.day, d.kind, d.name) for d in calendar.library_year(year).days
            ]
        assert (await calendar.year_calendar(session, admin, 2027)).covered.source == YearSource.PROVISIONAL  # type: ignore[union-attr]
        seed = await calendar.changes_of(session, admin, 2026)
    assert [c.action for c in seed][-1] == "holiday_calendar.seed"


async def test_the_cache_follows_an_edit_and_is_reused_while_nothing_changes(db: Database) -> None:
    user, admin = await create_platform_admin(db)
    async with db.transaction() as session:
        before = await calendar.work_calendar(session)
        assert await calendar.work_calendar(session) is before  # no change: the same snapshot
    assert 2091 not in before.years
    async with db.transaction(user_id=user.id) as session:
        await calendar.replace_year(
            session,
            admin,
            2091,
            [DayEntry(date(2091, 1, 1), "HOLIDAY", "元旦"), DayEntry(date(2091, 1, 6), "WORKDAY", "调休上班")],
        )
    async with db.transaction() as session:
        after = await calendar.work_calendar(session)
    assert 2091 in after.years
    assert not after.is_working_day(date(2091, 1, 1))  # a Monday
    assert after.is_working_day(date(2091, 1, 6))  # a Saturday
    async with db.transaction() as session:
        changes = await calendar.changes_of(session, admin, 2091)
        found = await calendar.year_calendar(session, admin, 2091)
    assert [c.action for c in changes] == ["holiday_calendar.replace_year"]
    assert changes[0].actor_user_id == user.id and changes[0].before == {"days": []}
    assert found.covered is not None and found.covered.source == YearSource.OFFICIAL


async def test_set_and_remove_a_day_are_audited(db: Database) -> None:
    user, admin = await create_platform_admin(db)
    day = date(2092, 5, 6)
    async with db.transaction(user_id=user.id) as session:
        await calendar.set_day(session, admin, DayEntry(day, "HOLIDAY", "补假"))
    async with db.transaction(user_id=user.id) as session:
        await calendar.set_day(session, admin, DayEntry(day, "WORKDAY", "调休上班"))
    async with db.transaction(user_id=user.id) as session:
        removed = await calendar.remove_day(session, admin, day)
    assert removed.kind == DayKind.WORKDAY
    async with db.transaction() as session:
        found = await calendar.year_calendar(session, admin, 2092)
        changes = await calendar.changes_of(session, admin, 2092)
    # One day set in an unknown year does not make it the State Council's schedule.
    assert found.covered is not None and found.covered.source == YearSource.PROVISIONAL
    assert found.days == []
    assert [c.action for c in changes] == [
        "holiday_calendar.remove_day",
        "holiday_calendar.set_day",
        "holiday_calendar.set_day",
    ]
    assert changes[1].before == {"days": [{"date": "2092-05-06", "kind": "HOLIDAY", "name": "补假"}]}
    assert found.covered.revision == 3


@pytest.mark.parametrize(
    ("entries", "code", "field"),
    [
        (
            [DayEntry(date(2093, 1, 1), "HOLIDAY", "元旦"), DayEntry(date(2094, 1, 1), "HOLIDAY", "元旦")],
            CalendarErrorCode.DATE_OUTSIDE_YEAR,
            "days[1].date",
        ),
        (
            [
                DayEntry(date(2093, 1, 1), "HOLIDAY", "元旦"),
                DayEntry(date(2093, 1, 2), "HOLIDAY", "元旦"),
                DayEntry(date(2093, 1, 1), "WORKDAY", "调休"),
            ],
            CalendarErrorCode.DUPLICATE_DATE,
            "days[2].date",
        ),
        ([DayEntry(date(2093, 1, 1), "VACATION", "元旦")], CalendarErrorCode.UNKNOWN_KIND, "days[0].kind"),
        ([DayEntry(date(2093, 1, 1), "HOLIDAY", "  ")], CalendarErrorCode.REQUIRED, "days[0].name"),
        (
            [DayEntry(date(2093, 1, 1) + timedelta(days=i), "HOLIDAY", "假") for i in range(101)],
            CalendarErrorCode.TOO_MANY_DAYS,
            "days",
        ),
    ],
)
async def test_bad_input_names_the_field_and_writes_nothing(
    db: Database, entries: list[DayEntry], code: CalendarErrorCode, field: str
) -> None:
    user, admin = await create_platform_admin(db)
    with pytest.raises(DomainError) as raised:
        async with db.transaction(user_id=user.id) as session:
            await calendar.replace_year(session, admin, 2093, entries)
    assert (raised.value.code, raised.value.field) == (code, field)
    async with db.transaction() as session:
        assert (await calendar.year_calendar(session, admin, 2093)).covered is None


async def test_a_year_out_of_range_and_a_missing_day_are_refused(db: Database) -> None:
    user, admin = await create_platform_admin(db)
    for action, code, field in [
        (lambda s: calendar.replace_year(s, admin, 1999, []), CalendarErrorCode.YEAR_OUT_OF_RANGE, "year"),
        (lambda s: calendar.year_calendar(s, admin, 2101), CalendarErrorCode.YEAR_OUT_OF_RANGE, "year"),
        (lambda s: calendar.remove_day(s, admin, date(2026, 3, 11)), CalendarErrorCode.DAY_NOT_FOUND, "date"),
        (lambda s: calendar.remove_day(s, admin, date(2094, 3, 11)), CalendarErrorCode.DAY_NOT_FOUND, "date"),
    ]:
        with pytest.raises(DomainError) as raised:
            async with db.transaction(user_id=user.id) as session:
                await action(session)
        assert (raised.value.code, raised.value.field) == (code, field)


async def test_only_platform_admins_read_or_change_the_calendar(db: Database) -> None:
    park = await create_park(db)
    park_admin = actor_for(park, await create_user(db), Grant(Role.PARK_ADMIN))
    for action in (
        lambda s: calendar.year_calendar(s, park_admin, 2026),
        lambda s: calendar.changes_of(s, park_admin, 2026),
        lambda s: calendar.set_day(s, park_admin, DayEntry(date(2095, 1, 1), "HOLIDAY", "元旦")),
        lambda s: calendar.remove_day(s, park_admin, date(2026, 1, 1)),
        lambda s: calendar.replace_year(s, park_admin, 2095, []),
    ):
        with pytest.raises(PermissionDenied):
            async with db.transaction(park.id, park_admin.user_id) as session:
                await action(session)


@pytest.mark.parametrize(
    "statement", ["UPDATE holiday_calendar_changes SET action = 'forged'", "DELETE FROM holiday_calendar_changes"]
)
async def test_the_calendar_audit_trail_is_append_only(db: Database, statement: str) -> None:
    with pytest.raises(DBAPIError) as raised:
        async with db.transaction() as session:
            await session.execute(sa.text(statement))
    assert getattr(raised.value.orig, "sqlstate", None) == "42501"


async def test_editing_the_calendar_does_not_move_a_stored_deadline(db: Database) -> None:
    world = await build_world(db)
    user, admin = await create_platform_admin(db)
    ticket = await raise_ticket(db, world)  # Monday 2026-03-09 09:30, NORMAL: 35 business hours
    tuesday = date(2026, 3, 10)
    try:
        async with db.transaction(user_id=user.id) as session:
            await calendar.set_day(session, admin, DayEntry(tuesday, "HOLIDAY", "测试假日"))
        stored = await reload(db, world, ticket)
        later = await raise_ticket(db, world)  # raised at the same moment, after the edit
    finally:
        async with db.transaction(user_id=user.id) as session:
            await calendar.remove_day(session, admin, tuesday)
    assert stored.resolution_due_at == ticket.resolution_due_at
    assert stored.first_response_due_at == ticket.first_response_due_at
    assert later.resolution_due_at is not None and ticket.resolution_due_at is not None
    assert later.resolution_due_at - ticket.resolution_due_at >= timedelta(hours=17)  # a working day later


@pytest.mark.parametrize("table", ["holiday_years", "holiday_days", "holiday_calendar_changes"])
async def test_the_calendar_is_a_platform_table_every_park_reads(db: Database, table: str) -> None:
    # One calendar for every park: no tenant_id, no row-level security, the same rows in any transaction.
    assert table in GLOBAL_TABLES and "tenant_id" not in metadata.tables[table].c
    park = await create_park(db)
    counts = []
    for tenant in (park.id, None):
        async with db.transaction(tenant) as session:
            counts.append(await session.scalar(sa.text(f"SELECT count(*) FROM {table}")))
            secured = await session.scalar(
                sa.text("SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass(:t)"), {"t": f"public.{table}"}
            )
        assert secured is False
    assert counts[0] == counts[1] and counts[0] > 0
