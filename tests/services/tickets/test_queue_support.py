"""What the staff queue and detail screens ask of the service: search, figures by status, what the viewer
may do (besides transitions) and whom a ticket may go to."""

from datetime import timedelta

from redchain.infra.db import Database
from redchain.infra.models_base import utcnow
from redchain.infra.pagination import PageRequest
from redchain.services.tickets import abilities, stats
from redchain.services.tickets import service as tickets
from redchain.services.tickets.models import TicketStatus
from redchain.services.tickets.repository import TicketFilter
from redchain.services.tickets.workflow import TicketAction
from tests.services.tickets.test_stats import MARCH
from tests.services.tickets.world import MONDAY, Person, World, act, build_world, raise_ticket

A = TicketAction


async def titles(db: Database, world: World, viewer: Person, search: str) -> list[str]:
    async with db.transaction(world.park.id) as session:
        page = await tickets.list_tickets(session, viewer.actor, TicketFilter(search=search), PageRequest(50))
    return sorted(t.title for t in page.rows)


async def test_search_matches_the_title_or_the_enterprise_name_within_scope(db: Database) -> None:
    world = await build_world(db)
    await raise_ticket(db, world, title="融资需求对接")
    await raise_ticket(db, world, by=world.other_contact, enterprise=world.other_enterprise, title="厂房用电")

    assert await titles(db, world, world.admin, "融资") == ["融资需求对接"]
    assert await titles(db, world, world.admin, world.other_enterprise.name) == ["厂房用电"]
    # The other chain's ticket stays out of reach, whatever the search says.
    assert await titles(db, world, world.staff, "厂房") == []
    assert await titles(db, world, world.admin, "100%_") == []


async def test_figures_by_status_count_the_period_in_workflow_order(db: Database) -> None:
    world = await build_world(db)
    first = await raise_ticket(db, world)
    await raise_ticket(db, world)
    await act(db, world, world.staff, first, A.ACCEPT)
    await raise_ticket(db, world, now=MONDAY - timedelta(days=30))  # February: outside the period

    async with db.transaction(world.park.id) as session:
        found = await stats.ticket_stats(session, world.admin.actor, *MARCH)
        theirs = await stats.ticket_stats(session, world.other_staff.actor, *MARCH)

    assert found.by_status == {TicketStatus.NEW: 1, TicketStatus.ACCEPTED: 1}
    assert theirs.by_status == {}


async def test_what_each_side_may_do_besides_transitions(db: Database) -> None:
    world = await build_world(db)
    now = utcnow()  # the abilities are judged now: the deadlines must lie ahead
    ticket = await raise_ticket(db, world, now=now)
    await act(db, world, world.staff, ticket, A.ACCEPT, now=now)

    async def can(person: Person) -> abilities.TicketAbilities | None:
        async with db.transaction(world.park.id) as session:
            return (await abilities.abilities_of(session, person.actor, [ticket.id])).get(ticket.id)

    staff, contact, auditor, secretary = (
        await can(world.staff),
        await can(world.contact),
        await can(world.auditor),
        await can(world.secretary),
    )
    assert staff is not None and contact is not None and auditor is not None and secretary is not None
    assert staff.actions == [A.REJECT, A.START, A.MARK_DUPLICATE]
    assert (staff.assign, staff.reply, staff.internal_note, staff.attach) == (True, True, True, True)
    assert staff.request_extension and not staff.decide_extension and not staff.remind
    assert secretary.decide_extension
    assert (contact.assign, contact.reply, contact.internal_note, contact.attach) == (False, True, False, True)
    assert not contact.request_extension and not contact.remind  # not overdue yet
    assert auditor.actions == [] and not any(
        (auditor.assign, auditor.reply, auditor.internal_note, auditor.attach, auditor.remind)
    )
    # Another chain's staff do not see the ticket at all.
    assert await can(world.other_staff) is None


async def test_assignee_candidates_are_the_chains_staff_and_the_posted_officer(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)

    async with db.transaction(world.park.id) as session:
        for_staff = await tickets.assignee_candidates(session, world.staff.actor, ticket.id)
        for_contact = await tickets.assignee_candidates(session, world.contact.actor, ticket.id)
        for_other = await tickets.assignee_candidates(session, world.other_staff.actor, ticket.id)

    assert set(for_staff) == {world.staff.user.id, world.secretary.user.id, world.officer.user.id}
    assert for_contact == [] and for_other == []


async def test_an_overdue_ticket_may_be_urged_by_its_enterprise_not_by_chain_staff(db: Database) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)  # last March: long past its deadlines

    async with db.transaction(world.park.id) as session:
        found = await abilities.abilities_of(session, world.contact.actor, [ticket.id])
        staff = await abilities.abilities_of(session, world.staff.actor, [ticket.id])

    assert found[ticket.id].remind
    assert not staff[ticket.id].remind and not staff[ticket.id].request_extension
