"""The holiday calendar's December check: log, gauge and one notification per year per platform admin."""

import logging
from datetime import date
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis

from redchain.infra.clock import park_today
from redchain.infra.db import Database
from redchain.infra.metrics import CALENDAR_KEY, report_next_year_missing
from redchain.services.calendar import events
from redchain.services.calendar import service as calendar
from redchain.services.permissions import Role
from redchain.workers import calendar as calendar_jobs
from redchain.workers.main import WorkerSettings
from tests.factories import create_member, create_park, create_platform_admin
from tests.workers.helpers import notifications_of

GAUGE = "redchain_holiday_calendar_next_year_missing"


@pytest.fixture
def db(isolated_db: Database) -> Database:
    """The check tells every platform admin there is: the module's own database makes its count exact."""
    return isolated_db


async def gauge(client: AsyncTestClient[Any]) -> float:
    metrics = (await client.get("/metrics")).text
    return float(next(line for line in metrics.splitlines() if line.startswith(GAUGE + " ")).split()[1])


def test_the_worker_runs_the_check_every_hour() -> None:
    assert "check_holiday_calendar" in {getattr(f, "__name__", None) for f in WorkerSettings.functions}
    assert "cron:check_holiday_calendar" in {c.name for c in WorkerSettings.cron_jobs}


async def test_from_december_1_a_provisional_next_year_notifies_each_platform_admin_once(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    # The live case: on 2026-12-01 the calendar has 2027 from `holidays` (the statute, no 调休 days) only.
    park, other_park = await create_park(db), await create_park(db)
    admin, _ = await create_platform_admin(db)
    await create_member(db, park, Role.AUDITOR, admin)
    await create_member(db, other_park, Role.PARK_ADMIN, admin)
    park_admin, _ = await create_member(db, park, Role.PARK_ADMIN)
    with caplog.at_level(logging.WARNING, logger="redchain.workers.calendar"):
        first = await calendar_jobs.check_next_year(db, today=date(2026, 12, 1))
    assert (first.missing_year, first.notified) == (2027, 2)  # one per park the admin is a member of
    assert [r for r in caplog.records if "2027" in r.getMessage()]
    for where in (park, other_park):
        [notice] = await notifications_of(db, where, admin.id)
        assert notice.kind == events.NEXT_YEAR_MISSING
        assert notice.data == {"year": 2027, "provisional": True}
    assert await notifications_of(db, park, park_admin.id) == []  # park admins do not manage the calendar
    again = await calendar_jobs.check_next_year(db, today=date(2026, 12, 2))
    assert again.missing_year == 2027
    assert [len(await notifications_of(db, where, admin.id)) for where in (park, other_park)] == [1, 1]


async def test_a_missing_year_is_reported_and_a_published_one_is_not(db: Database) -> None:
    park = await create_park(db)
    user, admin = await create_platform_admin(db)
    await create_member(db, park, Role.AUDITOR, user)
    missing = await calendar_jobs.check_next_year(db, today=date(2097, 12, 1))
    assert missing.missing_year == 2098
    [notice] = await notifications_of(db, park, user.id)
    assert notice.data == {"year": 2098, "provisional": False}
    async with db.transaction(user_id=user.id) as session:
        await calendar.replace_year(session, admin, 2098, [calendar.DayEntry(date(2098, 1, 1), "HOLIDAY", "元旦")])
    assert await calendar_jobs.check_next_year(db, today=date(2097, 12, 15)) == calendar_jobs.CheckResult()
    # Before December nothing is checked, even for a year that is missing.
    assert await calendar_jobs.check_next_year(db, today=date(2098, 11, 30)) == calendar_jobs.CheckResult()


async def test_the_job_sets_the_gauge_the_api_reports(db: Database, redis: Redis, client: AsyncTestClient[Any]) -> None:
    await calendar_jobs.check_holiday_calendar({"db": db, "redis": redis})
    async with db.transaction() as session:
        status = await calendar.next_year_status(session, park_today())
    expected = int(status is not None and status.missing)
    assert int(await redis.get(CALENDAR_KEY)) == expected
    assert await gauge(client) == expected
    await report_next_year_missing(redis, not expected)
    assert await gauge(client) == int(not expected)
    await report_next_year_missing(redis, bool(expected))
