"""ticketStats and the CSV export."""

import csv
import io
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import col

from redchain.infra.db import Database
from redchain.services.audit.models import AuditEntry
from redchain.services.errors import NotFound, PermissionDenied
from redchain.services.tickets import stats, taxonomy
from redchain.services.tickets.errors import TicketErrorCode
from redchain.services.tickets.repository import TicketFilter
from redchain.services.tickets.workflow import TicketAction
from tests.formulas import FORMULAS, csv_cells
from tests.services.tickets.world import MONDAY, Person, World, act, build_world, raise_ticket

A = TicketAction
MARCH = (date(2026, 3, 1), date(2026, 3, 31))


async def figures(db: Database, world: World, viewer: Person, **kwargs: object) -> stats.TicketStats:
    async with db.transaction(world.park.id) as session:
        return await stats.ticket_stats(session, viewer.actor, *MARCH, **kwargs)  # type: ignore[arg-type]


async def solve(db: Database, world: World, hours: int, rating: int | None, **draft: object) -> None:
    ticket = await raise_ticket(db, world, **draft)
    await act(db, world, world.admin, ticket, A.ACCEPT)
    await act(db, world, world.admin, ticket, A.START)
    await act(db, world, world.admin, ticket, A.RESOLVE, now=MONDAY + timedelta(hours=hours))
    if rating is not None:
        await act(db, world, world.contact, ticket, A.CLOSE, rating=rating, now=MONDAY + timedelta(days=1))


async def test_the_committee_figures(db: Database) -> None:
    world = await build_world(db)
    async with db.transaction(world.park.id) as session:
        financing = next(c for c in await taxonomy.list_categories(session, world.admin.actor) if c.code == "FINANCING")
    # Resolved in 1 h, 2 h (rated 4 and 2), 6 h, and 8 days (late); one open; one in the other chain.
    await solve(db, world, 1, 4)
    await solve(db, world, 2, 2)
    await solve(db, world, 6, None, category_id=financing.parent_id, aspect_id=financing.id)
    await solve(db, world, 8 * 24, None)
    await raise_ticket(db, world)
    await raise_ticket(db, world, by=world.admin, enterprise_id=world.other_enterprise.id)
    result = await figures(db, world, world.admin)
    total = result.total
    assert (total.opened, total.resolved, total.open_now, total.sla_met, total.rated) == (6, 4, 2, 3, 2)
    assert total.satisfaction_average == 3.0
    assert (total.categories, total.aspects) == (2, 2)  # "solved 4 problems in 2 categories / 2 aspects"
    # Business hours to resolve: 1, 2, 4.5 (six hours across lunch) and 42 (eight days, six working).
    assert total.median_seconds == (2 + 4.5) / 2 * 3600
    assert total.p90_seconds == pytest.approx((4.5 + 0.7 * (42 - 4.5)) * 3600)
    by_chain = {r.key: r for r in result.by_chain}
    assert (by_chain[world.chain.id].opened, by_chain[world.other_chain.id].opened) == (5, 1)
    by_category = {r.key: r.resolved for r in result.by_category}
    assert by_category == {world.category.id: 3, financing.parent_id: 1}


async def test_figures_follow_the_callers_scope_and_filters(db: Database) -> None:
    world, empty_world = await build_world(db), await build_world(db)
    await solve(db, world, 1, 5)
    await raise_ticket(db, world, by=world.admin, enterprise_id=world.other_enterprise.id)
    assert (await figures(db, world, world.staff)).total.opened == 1
    assert (await figures(db, world, world.other_staff)).total.opened == 1
    assert (await figures(db, world, world.contact)).total.opened == 1
    assert (await figures(db, world, world.auditor)).total.opened == 2
    assert (await figures(db, world, world.admin, chain_id=world.other_chain.id)).total.opened == 1
    assert (await figures(db, world, world.admin, category_id=world.category.id)).total.opened == 2
    assert (await figures(db, world, world.staff, chain_id=world.other_chain.id)).total.opened == 0
    with pytest.raises(NotFound):
        await figures(db, world, world.staff, chain_id=empty_world.chain.id)
    with pytest.raises(NotFound):
        await figures(db, world, world.admin, category_id=empty_world.category.id)
    with pytest.raises(PermissionDenied):
        await figures(db, world, world.finance)
    result = await figures(db, empty_world, empty_world.admin)
    assert (result.total.opened, result.total.median_seconds, result.by_chain) == (0, None, [])


async def test_a_period_must_be_ordered(db: Database) -> None:
    world = await build_world(db)
    async with db.transaction(world.park.id) as session:
        with pytest.raises(Exception) as caught:
            await stats.ticket_stats(session, world.admin.actor, date(2026, 3, 2), date(2026, 3, 1))
    assert getattr(caught.value, "code", None) == TicketErrorCode.INVALID_PERIOD


async def test_csv_export_of_a_filtered_list(db: Database) -> None:
    world = await build_world(db)
    await solve(db, world, 1, 5)
    await raise_ticket(db, world, title='=HYPERLINK("http://evil")')
    await raise_ticket(db, world, by=world.admin, enterprise_id=world.other_enterprise.id)
    async with db.transaction(world.park.id) as session:
        text = await stats.export_csv(session, world.staff.actor, TicketFilter())
        only_open = await stats.export_csv(session, world.admin.actor, TicketFilter(statuses=("NEW",)))  # type: ignore[arg-type]
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 3  # header and the two tickets of the staff's chain
    header = rows[0]
    by_title = {row[header.index("标题 Title")]: row for row in rows[1:]}
    assert '\'=HYPERLINK("http://evil")' in by_title  # a formula is neutralised
    solved = by_title["用电增容审批缓慢"]
    assert solved[header.index("企业 Enterprise")] == world.enterprise.name
    assert solved[header.index("按时办结 SLA met")] == "是 yes"
    assert solved[header.index("满意度 Satisfaction")] == "5"
    assert solved[header.index("类别 Category")] == "生产要素保障"
    assert len(list(csv.reader(io.StringIO(only_open)))) == 3


async def test_the_export_keeps_typed_formulas_as_text_and_is_a_security_event(db: Database) -> None:
    world = await build_world(db)
    for title in FORMULAS:
        await raise_ticket(db, world, title=title)
    await solve(db, world, 1, 5)

    async with db.transaction(world.park.id) as session:
        text = await stats.export_csv(session, world.admin.actor, TicketFilter())

    rows = csv_cells(text)
    titles = {row[rows[0].index("标题 Title")] for row in rows[1:]}
    assert titles == {"'" + title for title in FORMULAS} | {"用电增容审批缓慢"}
    assert {row[rows[0].index("满意度 Satisfaction")] for row in rows[1:]} == {"", "5"}  # a number, as written
    async with db.transaction(world.park.id) as session:
        [entry] = await session.scalars(
            sa.select(AuditEntry).where(
                col(AuditEntry.tenant_id) == world.park.id, col(AuditEntry.action) == "security.export"
            )
        )
    assert (entry.object_type, entry.object_id, entry.actor_user_id) == ("Ticket", None, world.admin.user.id)
    assert entry.after == {"format": "CSV", "rows": 5}


async def test_the_export_is_capped(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    world = await build_world(db)
    for _ in range(3):
        await raise_ticket(db, world)
    monkeypatch.setattr(stats, "EXPORT_LIMIT", 2)
    async with db.transaction(world.park.id) as session:
        with pytest.raises(Exception) as caught:
            await stats.export_csv(session, world.admin.actor, TicketFilter())
    assert getattr(caught.value, "code", None) == TicketErrorCode.EXPORT_TOO_LARGE
