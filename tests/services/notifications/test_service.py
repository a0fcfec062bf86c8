"""Notification rules at the service layer: once per event, only your own, marking read."""

import uuid

import pytest
import sqlalchemy as sa
from sqlmodel import col

from redchain.infra.db import Database
from redchain.infra.pagination import PageRequest
from redchain.services.actor import Actor, ActorKind, Grant
from redchain.services.audit.models import AuditEntry
from redchain.services.errors import NotFound, PermissionDenied
from redchain.services.notifications import service as notifications
from redchain.services.notifications.errors import InvalidSelection, TooManyNotifications
from redchain.services.notifications.models import Notification
from redchain.services.notifications.service import MAX_MARK_IDS, NotificationKind
from redchain.services.permissions import Perm, Role
from redchain.services.tenancy.models import Tenant, User
from tests.factories import actor_for, create_member, create_park
from tests.services.notifications.factories import create_notification


async def member(db: Database, park: Tenant, user: User | None = None) -> tuple[User, Actor]:
    user, _ = await create_member(db, park, Role.AUDITOR, user=user)
    return user, actor_for(park, user, Grant(Role.AUDITOR))


async def own_ids(db: Database, actor: Actor, unread_only: bool = False) -> list[uuid.UUID]:
    async with db.transaction(actor.tenant_id, actor.user_id) as session:
        page = await notifications.list_notifications(session, actor, PageRequest(first=100), unread_only)
    return [row.id for row in page.rows]


async def read_at(db: Database, park: Tenant, notification_id: uuid.UUID) -> object:
    async with db.transaction(park.id) as session:
        stmt = sa.select(Notification.read_at).where(col(Notification.id) == notification_id)
        return await session.scalar(stmt)


async def test_notify_is_once_per_event_and_recipient(db: Database) -> None:
    park = await create_park(db)
    user, actor = await member(db, park)
    event_id = uuid.uuid4()

    async with db.transaction(park.id) as session:
        first = await notifications.notify(
            session, park.id, user.id, event_id, NotificationKind.MEMBERSHIP_GRANTED, {"role": "AUDITOR"}
        )
    async with db.transaction(park.id) as session:
        second = await notifications.notify(
            session, park.id, user.id, event_id, NotificationKind.MEMBERSHIP_GRANTED, {"role": "AUDITOR"}
        )

    assert first is not None
    assert second is None
    assert await own_ids(db, actor) == [first]


async def test_list_shows_only_own_notifications_in_the_current_park(db: Database) -> None:
    park, other_park = await create_park(db), await create_park(db)
    user, actor = await member(db, park)
    colleague, _ = await member(db, park)
    await member(db, other_park, user)
    older = await create_notification(db, park, user)
    newer = await create_notification(db, park, user)
    await create_notification(db, park, colleague)
    await create_notification(db, other_park, user)

    assert await own_ids(db, actor) == [newer, older]
    async with db.transaction(park.id, user.id) as session:
        assert await notifications.count_notifications(session, actor, unread_only=False) == 2


async def test_mark_read_by_ids_counts_only_the_unread_and_keeps_the_first_read_time(db: Database) -> None:
    park = await create_park(db)
    user, actor = await member(db, park)
    first, second = await create_notification(db, park, user), await create_notification(db, park, user)
    async with db.transaction(park.id, user.id) as session:
        await notifications.mark_read(session, actor, [first], everything=False)
    first_read_at = await read_at(db, park, first)

    async with db.transaction(park.id, user.id) as session:
        result = await notifications.mark_read(session, actor, [second, first, second], everything=False)

    assert [row.id for row in result.notifications] == [second, first]
    assert result.marked == 1
    assert await read_at(db, park, first) == first_read_at
    assert await own_ids(db, actor, unread_only=True) == []


async def test_mark_read_is_audited(db: Database) -> None:
    park = await create_park(db)
    user, actor = await member(db, park)
    notification_id = await create_notification(db, park, user)

    async with db.transaction(park.id, user.id) as session:
        await notifications.mark_read(session, actor, [notification_id], everything=False)

    async with db.transaction(park.id) as session:
        entries = list(
            await session.scalars(
                sa.select(AuditEntry).where(
                    col(AuditEntry.tenant_id) == park.id, col(AuditEntry.action) == "notifications.mark_read"
                )
            )
        )
    assert len(entries) == 1
    assert entries[0].object_id == notification_id
    assert entries[0].actor_user_id == user.id


@pytest.mark.parametrize("whose", ["colleague", "other_park", "unknown"])
async def test_mark_read_of_a_notification_not_yours_is_not_found_and_marks_nothing(db: Database, whose: str) -> None:
    park, other_park = await create_park(db), await create_park(db)
    user, actor = await member(db, park)
    colleague, _ = await member(db, park)
    await member(db, other_park, user)
    mine = await create_notification(db, park, user)
    foreign = {
        "colleague": await create_notification(db, park, colleague),
        "other_park": await create_notification(db, other_park, user),
        "unknown": uuid.uuid4(),
    }[whose]

    with pytest.raises(NotFound) as raised:
        async with db.transaction(park.id, user.id) as session:
            await notifications.mark_read(session, actor, [mine, foreign], everything=False)

    assert raised.value.field == "ids"
    assert await read_at(db, park, mine) is None


@pytest.mark.parametrize(("ids", "everything"), [([], False), (None, False), ("one", True)])
async def test_mark_read_needs_either_ids_or_all(db: Database, ids: object, everything: bool) -> None:
    park = await create_park(db)
    user, actor = await member(db, park)
    notification_id = await create_notification(db, park, user)
    given = [notification_id] if ids == "one" else ids

    with pytest.raises(InvalidSelection):
        async with db.transaction(park.id, user.id) as session:
            await notifications.mark_read(session, actor, given, everything)  # type: ignore[arg-type]

    assert await read_at(db, park, notification_id) is None


async def test_mark_read_refuses_too_many_ids(db: Database) -> None:
    park = await create_park(db)
    _, actor = await member(db, park)

    with pytest.raises(TooManyNotifications):
        async with db.transaction(park.id, actor.user_id) as session:
            await notifications.mark_read(session, actor, [uuid.uuid4() for _ in range(MAX_MARK_IDS + 1)], False)


async def test_mark_all_read_touches_only_own_notifications_in_this_park(db: Database) -> None:
    park, other_park = await create_park(db), await create_park(db)
    user, actor = await member(db, park)
    colleague, colleague_actor = await member(db, park)
    _, actor_elsewhere = await member(db, other_park, user)
    for _ in range(3):
        await create_notification(db, park, user)
    await create_notification(db, park, colleague)
    await create_notification(db, other_park, user)

    async with db.transaction(park.id, user.id) as session:
        result = await notifications.mark_read(session, actor, None, everything=True)

    assert result.marked == 3
    assert result.notifications == []
    assert await own_ids(db, actor, unread_only=True) == []
    assert len(await own_ids(db, colleague_actor, unread_only=True)) == 1
    assert len(await own_ids(db, actor_elsewhere, unread_only=True)) == 1


async def test_api_keys_and_the_worker_have_no_notifications(db: Database) -> None:
    park = await create_park(db)
    api_key = Actor(
        kind=ActorKind.API_KEY, tenant_id=park.id, api_key_id=uuid.uuid4(), api_scopes=frozenset({Perm.AUDIT_READ})
    )

    for actor in (api_key, Actor.system(park.id)):
        async with db.transaction(park.id) as session:
            with pytest.raises(PermissionDenied):
                await notifications.list_notifications(session, actor, PageRequest(first=10), unread_only=False)
            with pytest.raises(PermissionDenied):
                await notifications.mark_read(session, actor, None, everything=True)
            assert await notifications.get_notification(session, actor, uuid.uuid4()) is None
