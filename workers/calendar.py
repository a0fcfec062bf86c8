"""The holiday calendar's December check: from December 1, while next year's schedule is missing (or only
provisional), a warning in the log, the Prometheus gauge, and a notification to the platform admins."""

import logging
from dataclasses import dataclass
from datetime import date

from arq import cron

from redchain.infra.clock import park_today
from redchain.infra.db import Database
from redchain.infra.metrics import report_next_year_missing
from redchain.services.calendar import service as calendar
from redchain.services.tenancy import service as tenancy
from redchain.workers.jobs import Ctx, counted

log = logging.getLogger("redchain.workers.calendar")


@dataclass
class CheckResult:
    missing_year: int | None = None
    notified: int = 0  # new notifications: 0 once every admin has had this year's


async def check_next_year(db: Database, today: date | None = None) -> CheckResult:
    """Idempotent: each platform admin is notified once per year in each park they belong to; the log line
    and the gauge repeat on every run until the year is replaced."""
    today = today or park_today()
    async with db.owner_transaction() as session:
        status = await calendar.next_year_status(session, today)
        if status is None or not status.missing:
            return CheckResult()
        admins = await tenancy.platform_admins_by_park(session)
    log.warning(
        "the holiday calendar %s for %d; a platform admin should enter the State Council's schedule "
        "(replaceHolidayCalendarYear)",
        "has only the statutory holidays, no 调休 working days,"
        if status.provisional
        else "has no entries (SLA clocks would count Monday to Friday)",
        status.year,
    )
    result = CheckResult(status.year)
    for park_id, user_ids in admins.items():
        async with db.transaction(park_id) as session:
            result.notified += await calendar.notify_next_year_missing(session, park_id, user_ids, status)
    return result


@counted
async def check_holiday_calendar(ctx: Ctx) -> int:
    result = await check_next_year(ctx["db"])
    await report_next_year_missing(ctx["redis"], result.missing_year is not None)
    return result.notified


JOBS = [check_holiday_calendar]
# Hourly, so the gauge clears within the hour of a replaced year; at start-up too, so a restarted worker
# reports at once. (arq's WorkerCoroutine protocol does not accept our typed ctx, hence the ignore.)
CRON_JOBS = [
    cron(
        check_holiday_calendar,  # type: ignore[arg-type]
        minute=7,
        second=0,
        run_at_startup=True,
        keep_result=0,
        max_tries=1,
        timeout=120,
    )
]
