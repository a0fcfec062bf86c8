"""Industry chains: the reference six for new parks, create, rename, archive, secretary."""

from datetime import UTC, datetime

import pytest

from redchain.infra.db import Database
from redchain.infra.pagination import PageRequest
from redchain.services.actor import Grant
from redchain.services.errors import NotFound, PermissionDenied, TooLong
from redchain.services.permissions import Role
from redchain.services.registry import events
from redchain.services.registry import service as registry
from redchain.services.registry.errors import Archived, ChainNotEmpty, DuplicateChainName, NotChainStaff, Required
from redchain.services.tenancy import service as tenancy
from tests.factories import (
    actor_for,
    build_cast,
    create_chain,
    create_member,
    create_park,
    create_platform_admin,
)
from tests.services.registry.helpers import audit_actions, outbox_events, run


async def test_a_new_park_starts_with_the_six_reference_chains(db: Database) -> None:
    user, platform = await create_platform_admin(db)
    async with db.transaction(user_id=user.id) as session:
        park = await tenancy.create_park(session, platform, f"park-{user.id.hex[:8]}", "长沙高新区")
    admin = actor_for(park, user, Grant(Role.PARK_ADMIN))

    async with db.transaction(park.id) as session:
        page = await registry.list_chains(session, admin, PageRequest(10))

    assert [c.name for c in page.rows] == list(registry.REFERENCE_CHAINS)
    assert [c.sort_order for c in page.rows] == [1, 2, 3, 4, 5, 6]


async def test_park_admin_creates_renames_and_archives_a_chain(db: Database) -> None:
    cast = await build_cast(db)

    chain = await run(
        db, cast.park, cast.admin, lambda s: registry.create_chain(s, cast.admin.actor, " 生物医药 ", "新增产业链")
    )
    renamed = await run(
        db,
        cast.park,
        cast.admin,
        lambda s: registry.update_chain(s, cast.admin.actor, chain.id, name="生物医药与大健康", description=None),
    )
    archived = await run(db, cast.park, cast.admin, lambda s: registry.archive_chain(s, cast.admin.actor, chain.id))

    assert (renamed.name, renamed.description) == ("生物医药与大健康", None)
    assert archived.archived_at is not None
    assert await audit_actions(db, cast.park, chain.id) == [
        "industry_chain.create",
        "industry_chain.update",
        "industry_chain.archive",
    ]
    assert [e["chain_id"] for e in await outbox_events(db, cast.park, events.ChainArchived.name)] == [str(chain.id)]
    with pytest.raises(Archived):
        await run(db, cast.park, cast.admin, lambda s: registry.update_chain(s, cast.admin.actor, chain.id, name="x"))


async def test_chain_names_are_required_unique_and_bounded(db: Database) -> None:
    cast = await build_cast(db)

    for name, error in ((cast.chain.name, DuplicateChainName), ("  ", Required), ("链" * 101, TooLong)):
        with pytest.raises(error):
            await run(db, cast.park, cast.admin, lambda s, n=name: registry.create_chain(s, cast.admin.actor, n))
    with pytest.raises(DuplicateChainName):
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.update_chain(s, cast.admin.actor, cast.other_chain.id, name=cast.chain.name),
        )


async def test_a_chain_with_live_enterprises_is_not_archived(db: Database) -> None:
    cast = await build_cast(db)

    with pytest.raises(ChainNotEmpty) as caught:
        await run(db, cast.park, cast.admin, lambda s: registry.archive_chain(s, cast.admin.actor, cast.chain.id))
    assert caught.value.params == {"count": 1}


@pytest.mark.parametrize("who", ["staff", "officer", "contact", "auditor", "finance", "api_key"])
async def test_only_park_admins_manage_chains(db: Database, who: str) -> None:
    cast = await build_cast(db)
    person = getattr(cast, who)

    for call in (
        lambda s: registry.create_chain(s, person.actor, "新链"),
        lambda s: registry.update_chain(s, person.actor, cast.chain.id, name="新名"),
        lambda s: registry.archive_chain(s, person.actor, cast.chain.id),
        lambda s: registry.set_chain_secretary(s, person.actor, cast.chain.id, None),
    ):
        with pytest.raises(PermissionDenied):
            await run(db, cast.park, person, call)


async def test_the_secretary_holds_chain_staff_for_that_chain(db: Database) -> None:
    cast = await build_cast(db)
    assert cast.staff.user is not None and cast.other_staff.user is not None

    done = await run(
        db,
        cast.park,
        cast.admin,
        lambda s: registry.set_chain_secretary(s, cast.admin.actor, cast.chain.id, cast.staff.user.id),
    )  # type: ignore[union-attr]
    assert done.secretary_user_id == cast.staff.user.id
    with pytest.raises(NotChainStaff):
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.set_chain_secretary(s, cast.admin.actor, cast.chain.id, cast.other_staff.user.id),
        )  # type: ignore[union-attr]
    revoked, _ = await create_member(
        db, cast.park, Role.CHAIN_STAFF, chain_id=cast.chain.id, revoked_at=datetime.now(UTC)
    )
    with pytest.raises(NotChainStaff):
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.set_chain_secretary(s, cast.admin.actor, cast.chain.id, revoked.id),
        )


async def test_another_parks_chain_is_not_found(db: Database) -> None:
    cast = await build_cast(db)
    foreign = await create_chain(db, await create_park(db))

    with pytest.raises(NotFound):
        await run(db, cast.park, cast.admin, lambda s: registry.update_chain(s, cast.admin.actor, foreign.id, name="x"))
    with pytest.raises(NotFound):
        await run(db, cast.park, cast.admin, lambda s: registry.archive_chain(s, cast.admin.actor, foreign.id))


async def test_archived_chains_leave_the_default_list(db: Database) -> None:
    cast = await build_cast(db)
    archived = await create_chain(db, cast.park, archived_at=datetime.now(UTC))

    live = await run(
        db, cast.park, cast.auditor, lambda s: registry.list_chains(s, cast.auditor.actor, PageRequest(10))
    )
    every = await run(
        db,
        cast.park,
        cast.auditor,
        lambda s: registry.list_chains(s, cast.auditor.actor, PageRequest(10), include_archived=True),
    )

    assert archived.id not in {c.id for c in live.rows}
    assert archived.id in {c.id for c in every.rows}
