"""All SQL of the holiday calendar. Its tables are platform-wide: no tenant, no row-level security."""

from datetime import date

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from redchain.services.calendar.models import HolidayCalendarChange, HolidayDay, HolidayYear, YearSource


class CalendarRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def revisions(self) -> list[tuple[int, int]]:
        """(year, revision) of every year: the cache's freshness key, a handful of rows."""
        stmt = sa.select(col(HolidayYear.year), col(HolidayYear.revision)).order_by(col(HolidayYear.year))
        return [(row.year, row.revision) for row in await self.session.execute(stmt)]

    async def all_days(self) -> list[HolidayDay]:
        return list(await self.session.scalars(sa.select(HolidayDay)))

    async def year(self, year: int) -> HolidayYear | None:
        return await self.session.get(HolidayYear, year)

    async def lock_year(self, year: int, source: YearSource) -> HolidayYear:
        """The year's row, created (with `source`) if the calendar did not know the year, locked so that
        edits of one year run one after another."""
        await self.session.execute(
            pg_insert(HolidayYear)
            .values(year=year, source=source.value, note="", revision=0, updated_at=sa.func.now())
            .on_conflict_do_nothing(index_elements=["year"])
        )
        stmt = sa.select(HolidayYear).where(col(HolidayYear.year) == year).with_for_update()
        row = await self.session.scalar(stmt.execution_options(populate_existing=True))
        assert row is not None  # inserted above or already there, and years are never deleted
        return row

    async def days_of(self, year: int) -> list[HolidayDay]:
        stmt = sa.select(HolidayDay).where(col(HolidayDay.year) == year).order_by(col(HolidayDay.day))
        return list(await self.session.scalars(stmt))

    async def day(self, day: date) -> HolidayDay | None:
        return await self.session.get(HolidayDay, day)

    async def add(self, *rows: object) -> None:
        self.session.add_all(rows)
        await self.session.flush()

    def add_change(self, change: HolidayCalendarChange) -> None:
        self.session.add(change)

    async def delete_day(self, row: HolidayDay) -> None:
        await self.session.delete(row)
        await self.session.flush()

    async def delete_days_of(self, year: int) -> None:
        await self.session.execute(sa.delete(HolidayDay).where(col(HolidayDay.year) == year))

    async def changes_of(self, year: int, limit: int) -> list[HolidayCalendarChange]:
        stmt = (
            sa.select(HolidayCalendarChange)
            .where(col(HolidayCalendarChange.year) == year)
            .order_by(col(HolidayCalendarChange.id).desc())
            .limit(limit)
        )
        return list(await self.session.scalars(stmt))
