"""The park's problem taxonomy and SLA targets: seeded, extended and set by park admins only."""

import pytest

from redchain.infra.db import Database
from redchain.services.errors import DomainError, NotFound, PermissionDenied
from redchain.services.tickets import targets, taxonomy
from redchain.services.tickets.deadlines import REFERENCE_TARGETS
from redchain.services.tickets.errors import TicketErrorCode
from redchain.services.tickets.models import TicketPriority
from tests.services.tickets.world import build_world


async def test_the_reference_taxonomy_has_four_categories_of_two_aspects_and_seeds_once(db: Database) -> None:
    world = await build_world(db)
    async with db.transaction(world.park.id) as session:
        await taxonomy.seed_reference_taxonomy(session, world.park.id)  # a second time
        rows = await taxonomy.list_categories(session, world.contact.actor)
    categories = [c for c in rows if c.parent_id is None]
    assert len(categories) == 4 and len(rows) == 12
    assert all(sum(a.parent_id == c.id for a in rows) == 2 for c in categories)
    names = {c.name for c in rows}
    assert {
        "原材料及水电气供应",
        "人才引进与招工用工",
        "应急（防疫）物资保障",
        "矛盾纠纷调解",
        "融资服务",
        "市场开拓",
        "政策咨询",
        "入规申报",
    } <= names


async def test_admins_extend_and_archive_the_taxonomy(db: Database) -> None:
    world = await build_world(db)
    async with db.transaction(world.park.id) as session:
        land = await taxonomy.create_category(session, world.admin.actor, "land", "用地保障", None, 9)
        plots = await taxonomy.create_category(session, world.admin.actor, "LAND_PLOTS", "厂房与用地", land.id)
    assert (land.code, plots.parent_id) == ("LAND", land.id)
    for code, name, parent, error in (
        ("LAND", "重复", None, TicketErrorCode.DUPLICATE_CODE),
        ("bad code", "名称", None, TicketErrorCode.INVALID_CATEGORY),
        ("DEEPER", "三级", plots.id, TicketErrorCode.INVALID_CATEGORY),
        ("EMPTY", " ", None, TicketErrorCode.REQUIRED),
    ):
        async with db.transaction(world.park.id) as session:
            with pytest.raises(DomainError) as caught:
                await taxonomy.create_category(session, world.admin.actor, code, name, parent)
        assert caught.value.code == error
    async with db.transaction(world.park.id) as session:
        await taxonomy.archive_category(session, world.admin.actor, land.id)
    async with db.transaction(world.park.id) as session:
        assert land.id not in {c.id for c in await taxonomy.list_categories(session, world.admin.actor)}
        assert land.id in {c.id for c in await taxonomy.list_categories(session, world.admin.actor, True)}
        with pytest.raises(DomainError):
            await taxonomy.create_category(session, world.admin.actor, "UNDER_ARCHIVED", "名称", land.id)
    other = await build_world(db)
    async with db.transaction(world.park.id) as session:
        with pytest.raises(NotFound):
            await taxonomy.archive_category(session, world.admin.actor, other.category.id)


@pytest.mark.parametrize("role", ["secretary", "staff", "officer", "auditor", "finance", "contact"])
async def test_only_park_admins_configure(db: Database, role: str) -> None:
    world = await build_world(db)
    actor = world.everyone()[role].actor
    async with db.transaction(world.park.id) as session:
        with pytest.raises(PermissionDenied):
            await taxonomy.create_category(session, actor, "X_CODE", "名称", None)
        with pytest.raises(PermissionDenied):
            await taxonomy.archive_category(session, actor, world.aspect.id)
        with pytest.raises(PermissionDenied):
            await targets.set_targets(session, actor, TicketPriority.HIGH, 60, 600)


async def test_sla_targets_default_to_the_reference_and_can_be_set(db: Database) -> None:
    world = await build_world(db)
    async with db.transaction(world.park.id) as session:
        listed = await targets.list_targets(session, world.staff.actor)
        assert all(t.is_reference and t.targets == REFERENCE_TARGETS[t.priority] for t in listed)
        await targets.set_targets(session, world.admin.actor, TicketPriority.HIGH, 60, 600)
        await targets.set_targets(session, world.admin.actor, TicketPriority.HIGH, 90, 600)  # an update
        high = next(
            t for t in await targets.list_targets(session, world.staff.actor) if t.priority == TicketPriority.HIGH
        )
    assert (high.is_reference, high.targets.first_response, high.targets.resolution) == (False, 90 * 60, 600 * 60)
    for first, resolution in ((0, 60), (120, 60), (60, 700 * 60 + 1)):
        async with db.transaction(world.park.id) as session:
            with pytest.raises(DomainError) as caught:
                await targets.set_targets(session, world.admin.actor, TicketPriority.LOW, first, resolution)
        assert caught.value.code == TicketErrorCode.INVALID_TARGET
