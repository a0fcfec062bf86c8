"""The audit log: recorded in the change's transaction, read per park by those allowed."""

import enum
import uuid
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest

from redchain.infra.db import Database
from redchain.infra.pagination import PageRequest
from redchain.services.actor import Actor, ActorKind, Grant
from redchain.services.audit import service as audit
from redchain.services.audit.models import AuditEntry
from redchain.services.audit.repository import AuditFilter
from redchain.services.errors import PermissionDenied
from redchain.services.permissions import Perm, Role
from redchain.services.tenancy.models import Tenant
from tests.factories import actor_for, create_member, create_park


class Colour(enum.Enum):
    RED = "red"


async def _auditor(db: Database, park: Tenant) -> Actor:
    user, _ = await create_member(db, park, Role.AUDITOR)
    return actor_for(park, user, Grant(Role.AUDITOR))


async def _record(db: Database, actor: Actor, action: str, object_id: uuid.UUID | None = None) -> None:
    async with db.transaction(actor.tenant_id, actor.user_id) as session:
        audit.record(session, actor, action, "Thing", object_id or uuid.uuid4(), after={"n": 1})


async def _read(db: Database, actor: Actor, where: AuditFilter, first: int = 50) -> tuple[list[AuditEntry], int]:
    async with db.transaction(actor.tenant_id, actor.user_id) as session:
        page = await audit.list_entries(session, actor, where, PageRequest(first=first))
        return page.rows, await audit.count_entries(session, actor, where)


def test_snapshot_keeps_only_the_named_fields_json_ready() -> None:
    moment, day, ident = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), date(2026, 1, 2), uuid.uuid4()
    obj = SimpleNamespace(id=ident, at=moment, on=day, colour=Colour.RED, tags=(ident, "x"), secret="s3cret", n=None)

    assert audit.snapshot(obj, "id", "at", "on", "colour", "tags", "n") == {
        "id": str(ident),
        "at": moment.isoformat(),
        "on": "2026-01-02",
        "colour": "red",
        "tags": [str(ident), "x"],
        "n": None,
    }


async def test_entries_are_newest_first_and_filtered(db: Database) -> None:
    park = await create_park(db)
    reader = await _auditor(db, park)
    target = uuid.uuid4()
    await _record(db, reader, "thing.create", target)
    await _record(db, reader, "thing.update", target)
    await _record(db, reader, "thing.update")

    rows, total = await _read(db, reader, AuditFilter())
    by_object, by_object_total = await _read(db, reader, AuditFilter(object_id=target))
    updates, updates_total = await _read(db, reader, AuditFilter(action="thing.update"))
    both, _ = await _read(db, reader, AuditFilter(object_id=target, action="thing.update"))
    future, future_total = await _read(db, reader, AuditFilter(since=datetime.now(UTC) + timedelta(minutes=1)))

    assert [r.action for r in rows] == ["thing.update", "thing.update", "thing.create"] and total == 3
    assert [r.action for r in by_object] == ["thing.update", "thing.create"] and by_object_total == 2
    assert updates_total == len(updates) == 2
    assert [(r.object_id, r.action) for r in both] == [(target, "thing.update")]
    assert (future, future_total) == ([], 0)
    assert {(r.actor_user_id, r.actor_api_key_id) for r in rows} == {(reader.user_id, None)}


async def test_another_parks_entries_are_never_seen(db: Database) -> None:
    park, other = await create_park(db), await create_park(db)
    reader, stranger = await _auditor(db, park), await _auditor(db, other)
    target = uuid.uuid4()
    await _record(db, stranger, "thing.create", target)

    assert await _read(db, reader, AuditFilter()) == ([], 0)
    assert await _read(db, reader, AuditFilter(object_id=target)) == ([], 0)


async def test_api_key_actor_is_recorded(db: Database) -> None:
    park = await create_park(db)
    key_actor = Actor(
        kind=ActorKind.API_KEY, tenant_id=park.id, api_key_id=uuid.uuid4(), api_scopes=frozenset({Perm.AUDIT_READ})
    )

    await _record(db, key_actor, "thing.create")

    [row], _ = await _read(db, key_actor, AuditFilter())
    assert (row.actor_user_id, row.actor_api_key_id) == (None, key_actor.api_key_id)


@pytest.mark.parametrize(
    "role", [Role.CHAIN_STAFF, Role.LIAISON_OFFICER, Role.ENTERPRISE_CONTACT, Role.FINANCE_OFFICER]
)
async def test_roles_without_audit_read_are_refused(db: Database, role: Role) -> None:
    park = await create_park(db)
    user, _ = await create_member(db, park, role)
    actor = actor_for(park, user, Grant(role))

    async with db.transaction(park.id, user.id) as session:
        with pytest.raises(PermissionDenied):
            await audit.list_entries(session, actor, AuditFilter(), PageRequest(first=10))
        with pytest.raises(PermissionDenied):
            await audit.count_entries(session, actor, AuditFilter())


async def test_an_entry_is_rolled_back_with_its_change(db: Database) -> None:
    park = await create_park(db)
    reader = await _auditor(db, park)

    with pytest.raises(RuntimeError):
        async with db.transaction(park.id, reader.user_id) as session:
            audit.record(session, reader, "thing.create", "Thing", uuid.uuid4())
            raise RuntimeError("the change failed")

    assert await _read(db, reader, AuditFilter()) == ([], 0)


async def _security(db: Database, actor: Actor, where: AuditFilter) -> list[str]:
    async with db.transaction(actor.tenant_id, actor.user_id) as session:
        page = await audit.list_security_events(session, actor, where, PageRequest(first=50))
        assert await audit.count_security_events(session, actor, where) == len(page.rows)
        return [row.action for row in page.rows]


async def test_security_events_are_the_security_actions_filtered_by_user_and_time(db: Database) -> None:
    park = await create_park(db)
    auditor = await _auditor(db, park)
    other_user, _ = await create_member(db, park, Role.FINANCE_OFFICER)
    other = actor_for(park, other_user, Grant(Role.FINANCE_OFFICER))
    await _record(db, other, "enterprise.update")
    await _record(db, other, audit.SecurityEvent.EXPORT)
    await _record(db, auditor, audit.SecurityEvent.LOGIN)
    after_all = datetime.now(UTC) + timedelta(seconds=1)

    everything = await _security(db, auditor, AuditFilter())
    by_other = await _security(db, auditor, AuditFilter(user_id=other_user.id))
    before_any = await _security(db, auditor, AuditFilter(until=datetime.now(UTC) - timedelta(days=1)))
    until_later = await _security(db, auditor, AuditFilter(until=after_all))

    assert everything == until_later == ["security.login", "security.export"]
    assert by_other == ["security.export"]
    assert before_any == []


@pytest.mark.parametrize("role", [Role.CHAIN_STAFF, Role.FINANCE_OFFICER, Role.ENTERPRISE_CONTACT])
async def test_security_events_are_refused_to_other_roles_and_api_keys(db: Database, role: Role) -> None:
    park = await create_park(db)
    user, _ = await create_member(db, park, role)
    key = Actor(
        kind=ActorKind.API_KEY, tenant_id=park.id, api_key_id=uuid.uuid4(), api_scopes=frozenset({Perm.AUDIT_READ})
    )

    for actor in (actor_for(park, user, Grant(role)), key):
        async with db.transaction(park.id, actor.user_id) as session:
            with pytest.raises(PermissionDenied):
                await audit.list_security_events(session, actor, AuditFilter(), PageRequest(first=10))
