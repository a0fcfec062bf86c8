"""The park's clock: times are stored in UTC; days, SLAs and display follow Asia/Shanghai."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

PARK_TIME = ZoneInfo("Asia/Shanghai")
PARK_TIME_NAME = "Asia/Shanghai"  # for SQL: timezone('Asia/Shanghai', ts)


def park_date(moment: datetime) -> date:
    return moment.astimezone(PARK_TIME).date()


def park_today() -> date:
    """Calendar days (assignment periods, fiscal years, formation dates) are the park's, not UTC's."""
    return datetime.now(PARK_TIME).date()
