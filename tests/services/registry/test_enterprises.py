"""Enterprises: credit codes, chains, who may change what, archiving, upserts for imports."""

import uuid
from datetime import UTC, datetime

import pytest

from redchain.infra.db import Database
from redchain.services.errors import NotFound, PermissionDenied, TooLong
from redchain.services.registry import events
from redchain.services.registry import service as registry
from redchain.services.registry.credit_code import CreditCodeRule, make_credit_code
from redchain.services.registry.errors import (
    Archived,
    ChainArchived,
    DuplicateCreditCode,
    InvalidCreditCode,
    Negative,
    Required,
)
from redchain.services.registry.service import EnterpriseChanges, EnterpriseData, UpsertOutcome
from tests.factories import build_cast, create_chain, create_enterprise, create_park
from tests.services.registry.helpers import audit_actions, outbox_events, run

VALID = make_credit_code(123456)


def data(chain_id=None, **overrides):  # type: ignore[no-untyped-def]
    return EnterpriseData(
        **{
            "credit_code": make_credit_code(uuid.uuid4().int % 31**9),
            "name": "博翔新材料有限公司",
            "chain_id": chain_id,
            **overrides,
        }
    )


async def test_park_admin_creates_an_enterprise_normalised_and_audited(db: Database) -> None:
    cast = await build_cast(db)

    created = await run(
        db,
        cast.park,
        cast.admin,
        lambda s: registry.create_enterprise(
            s,
            cast.admin.actor,
            data(
                cast.chain.id,
                credit_code=f"  {VALID.lower()} ",
                name=" 博翔新材料 ",
                employee_count=120,
                is_key=True,
                address="",
                area="麓谷",
            ),
        ),
    )

    assert created.credit_code == VALID
    assert created.name == "博翔新材料"
    assert created.address is None  # blank is stored as nothing
    assert (created.chain_id, created.employee_count, created.is_key) == (cast.chain.id, 120, True)
    assert created.area == "麓谷"
    assert await audit_actions(db, cast.park, created.id) == ["enterprise.create"]


@pytest.mark.parametrize(
    ("code", "rule"),
    [
        ("91430100MA4L16", CreditCodeRule.LENGTH),
        (VALID[:10] + "I" + VALID[11:], CreditCodeRule.CHARSET),
        ("91" + "4301A0" + VALID[8:], CreditCodeRule.DIVISION),
        (VALID[:17] + ("0" if VALID[17] != "0" else "1"), CreditCodeRule.CHECK_CHARACTER),
    ],
)
async def test_each_broken_credit_code_rule_is_named(db: Database, code: str, rule: CreditCodeRule) -> None:
    cast = await build_cast(db)

    with pytest.raises(InvalidCreditCode) as caught:
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.create_enterprise(s, cast.admin.actor, data(cast.chain.id, credit_code=code)),
        )

    assert caught.value.field == "creditCode"
    assert caught.value.params["rule"] == rule.value
    assert rule.value in caught.value.message("zh") and rule.value in caught.value.message("en")


async def test_a_credit_code_is_unique_per_park_only(db: Database) -> None:
    cast = await build_cast(db)
    other_park = await create_park(db)
    await create_enterprise(db, other_park, credit_code=VALID)  # another park may hold the same code

    await run(
        db,
        cast.park,
        cast.admin,
        lambda s: registry.create_enterprise(s, cast.admin.actor, data(cast.chain.id, credit_code=VALID)),
    )
    with pytest.raises(DuplicateCreditCode):
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.create_enterprise(
                s, cast.admin.actor, data(cast.chain.id, credit_code=VALID.lower(), name="另一家")
            ),
        )


async def test_chain_staff_creates_only_in_its_own_chain(db: Database) -> None:
    cast = await build_cast(db)

    created = await run(
        db, cast.park, cast.staff, lambda s: registry.create_enterprise(s, cast.staff.actor, data(cast.chain.id))
    )
    assert created.chain_id == cast.chain.id
    for chain_id in (cast.other_chain.id, None):
        with pytest.raises(PermissionDenied):
            await run(
                db,
                cast.park,
                cast.staff,
                lambda s, c=chain_id: registry.create_enterprise(s, cast.staff.actor, data(c)),
            )


@pytest.mark.parametrize("who", ["officer", "contact", "auditor", "finance", "api_key"])
async def test_roles_without_registry_manage_cannot_create(db: Database, who: str) -> None:
    cast = await build_cast(db)
    person = getattr(cast, who)

    with pytest.raises(PermissionDenied):
        await run(db, cast.park, person, lambda s: registry.create_enterprise(s, person.actor, data(cast.chain.id)))


async def test_an_unknown_or_archived_chain_is_refused(db: Database) -> None:
    cast = await build_cast(db)
    archived = await create_chain(db, cast.park, archived_at=datetime.now(UTC))
    foreign = await create_chain(db, await create_park(db))

    with pytest.raises(ChainArchived):
        await run(
            db, cast.park, cast.admin, lambda s: registry.create_enterprise(s, cast.admin.actor, data(archived.id))
        )
    with pytest.raises(NotFound) as caught:
        await run(
            db, cast.park, cast.admin, lambda s: registry.create_enterprise(s, cast.admin.actor, data(foreign.id))
        )
    assert caught.value.field == "chainId"


@pytest.mark.parametrize(
    ("changes", "error", "field"),
    [
        (EnterpriseChanges(name="企" * 201), TooLong, "name"),
        (EnterpriseChanges(name="  "), Required, "name"),
        (EnterpriseChanges(employee_count=-1), Negative, "employeeCount"),
        (EnterpriseChanges(address="址" * 301), TooLong, "address"),
        (EnterpriseChanges(contact_phone="1" * 33), TooLong, "contactPhone"),
        (EnterpriseChanges(credit_code="91430100"), InvalidCreditCode, "creditCode"),
    ],
)
async def test_bad_input_is_refused_and_changes_nothing(db: Database, changes, error, field) -> None:  # type: ignore[no-untyped-def]
    cast = await build_cast(db)

    with pytest.raises(error) as caught:
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.update_enterprise(s, cast.admin.actor, cast.enterprise.id, changes),
        )

    assert caught.value.field == field
    assert await audit_actions(db, cast.park, cast.enterprise.id) == []


async def test_update_changes_only_given_fields_and_audits_before_and_after(db: Database) -> None:
    cast = await build_cast(db)

    updated = await run(
        db,
        cast.park,
        cast.admin,
        lambda s: registry.update_enterprise(
            s,
            cast.admin.actor,
            cast.enterprise.id,
            EnterpriseChanges(name="新名字", chain_id=cast.other_chain.id, contact_phone=None),
        ),
    )

    assert (updated.name, updated.chain_id, updated.contact_phone) == ("新名字", cast.other_chain.id, None)
    assert (updated.employee_count, updated.contact_name, updated.is_key) == (100, "李华", True)
    assert updated.updated_at is not None
    assert await audit_actions(db, cast.park, cast.enterprise.id) == ["enterprise.update"]


async def test_changing_to_a_taken_credit_code_is_refused(db: Database) -> None:
    cast = await build_cast(db)

    with pytest.raises(DuplicateCreditCode):
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.update_enterprise(
                s,
                cast.admin.actor,
                cast.enterprise.id,
                EnterpriseChanges(credit_code=cast.other_enterprise.credit_code),
            ),
        )


async def test_chain_staff_updates_its_chain_only(db: Database) -> None:
    cast = await build_cast(db)

    await run(
        db,
        cast.park,
        cast.staff,
        lambda s: registry.update_enterprise(
            s, cast.staff.actor, cast.enterprise.id, EnterpriseChanges(employee_count=7)
        ),
    )
    # Another chain's enterprise is not even visible; moving one's own out of the chain is not allowed.
    with pytest.raises(NotFound):
        await run(
            db,
            cast.park,
            cast.staff,
            lambda s: registry.update_enterprise(
                s, cast.staff.actor, cast.other_enterprise.id, EnterpriseChanges(employee_count=7)
            ),
        )
    with pytest.raises(PermissionDenied):
        await run(
            db,
            cast.park,
            cast.staff,
            lambda s: registry.update_enterprise(
                s, cast.staff.actor, cast.enterprise.id, EnterpriseChanges(chain_id=cast.other_chain.id)
            ),
        )


@pytest.mark.parametrize("who", ["officer", "contact", "auditor", "finance", "api_key"])
async def test_roles_without_registry_manage_cannot_update_or_archive(db: Database, who: str) -> None:
    cast = await build_cast(db)
    person = getattr(cast, who)

    with pytest.raises(PermissionDenied):
        await run(
            db,
            cast.park,
            person,
            lambda s: registry.update_enterprise(s, person.actor, cast.enterprise.id, EnterpriseChanges(name="x")),
        )
    with pytest.raises(PermissionDenied):
        await run(db, cast.park, person, lambda s: registry.archive_enterprise(s, person.actor, cast.enterprise.id))


async def test_enterprise_contact_edits_its_own_contact_fields_only(db: Database) -> None:
    cast = await build_cast(db)

    updated = await run(
        db,
        cast.park,
        cast.contact,
        lambda s: registry.update_enterprise_contact(
            s, cast.contact.actor, cast.enterprise.id, contact_name="王芳", contact_phone="13900002222"
        ),
    )
    assert (updated.contact_name, updated.contact_phone) == ("王芳", "13900002222")
    assert await audit_actions(db, cast.park, cast.enterprise.id) == ["enterprise.update_contact"]

    with pytest.raises(NotFound):
        await run(
            db,
            cast.park,
            cast.other_contact,
            lambda s: registry.update_enterprise_contact(
                s, cast.other_contact.actor, cast.enterprise.id, contact_name="x"
            ),
        )
    for who in (cast.officer, cast.auditor):
        with pytest.raises(PermissionDenied):
            await run(
                db,
                cast.park,
                who,
                lambda s, w=who: registry.update_enterprise_contact(s, w.actor, cast.enterprise.id, contact_name="x"),
            )


async def test_archive_keeps_the_row_emits_an_event_and_freezes_it(db: Database) -> None:
    cast = await build_cast(db)

    archived = await run(
        db, cast.park, cast.admin, lambda s: registry.archive_enterprise(s, cast.admin.actor, cast.enterprise.id)
    )

    assert archived.archived_at is not None
    assert [e["enterprise_id"] for e in await outbox_events(db, cast.park, events.EnterpriseArchived.name)] == [
        str(cast.enterprise.id)
    ]
    with pytest.raises(Archived):
        await run(
            db, cast.park, cast.admin, lambda s: registry.archive_enterprise(s, cast.admin.actor, cast.enterprise.id)
        )
    with pytest.raises(Archived):
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.update_enterprise(s, cast.admin.actor, cast.enterprise.id, EnterpriseChanges(name="x")),
        )


async def test_another_parks_enterprise_is_not_found(db: Database) -> None:
    cast = await build_cast(db)
    foreign = await create_enterprise(db, await create_park(db))

    with pytest.raises(NotFound):
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.update_enterprise(s, cast.admin.actor, foreign.id, EnterpriseChanges(name="x")),
        )
    with pytest.raises(NotFound):
        await run(db, cast.park, cast.admin, lambda s: registry.archive_enterprise(s, cast.admin.actor, foreign.id))
    assert (
        await run(db, cast.park, cast.admin, lambda s: registry.get_enterprise(s, cast.admin.actor, foreign.id)) is None
    )


async def test_upsert_creates_then_leaves_unchanged_then_updates(db: Database) -> None:
    cast = await build_cast(db)
    row = data(cast.chain.id, employee_count=10)

    first = await run(db, cast.park, cast.admin, lambda s: registry.upsert_enterprise(s, cast.admin.actor, row))
    again = await run(db, cast.park, cast.admin, lambda s: registry.upsert_enterprise(s, cast.admin.actor, row))
    changed = await run(
        db,
        cast.park,
        cast.admin,
        lambda s: registry.upsert_enterprise(
            s, cast.admin.actor, EnterpriseData(**{**vars(row), "employee_count": 11})
        ),
    )

    assert [first[1], again[1], changed[1]] == [UpsertOutcome.CREATED, UpsertOutcome.UNCHANGED, UpsertOutcome.UPDATED]
    assert first[0].id == again[0].id == changed[0].id
    assert changed[0].employee_count == 11
    assert await audit_actions(db, cast.park, first[0].id) == ["enterprise.create", "enterprise.update"]


async def test_a_bad_row_in_a_batch_never_stops_the_good_ones(db: Database) -> None:
    cast = await build_cast(db)
    good, twin = data(cast.chain.id, name="甲"), data(cast.chain.id, name="乙")
    rows = [
        good,
        data(cast.chain.id, credit_code="bad"),
        EnterpriseData(**{**vars(twin), "credit_code": good.credit_code}),
        data(cast.other_chain.id),
        data(cast.chain.id, name=""),
    ]

    results = await run(db, cast.park, cast.staff, lambda s: registry.upsert_enterprises(s, cast.staff.actor, rows))

    assert [r.outcome for r in results] == [UpsertOutcome.CREATED, None, UpsertOutcome.UPDATED, None, None]
    assert [type(r.error).__name__ if r.error else None for r in results] == [
        None,
        "InvalidCreditCode",
        None,
        "PermissionDenied",
        "Required",
    ]
    assert results[0].enterprise is results[2].enterprise
    found = await run(
        db,
        cast.park,
        cast.admin,
        lambda s: registry.enterprise_ids_by_credit_code(s, cast.admin.actor, [good.credit_code]),
    )
    assert list(found) == [good.credit_code]


async def test_upsert_cannot_reach_another_chains_enterprise(db: Database) -> None:
    cast = await build_cast(db)
    row = data(cast.chain.id, credit_code=cast.other_enterprise.credit_code)

    with pytest.raises(DuplicateCreditCode):
        await run(db, cast.park, cast.staff, lambda s: registry.upsert_enterprise(s, cast.staff.actor, row))


async def test_seeding_adds_the_six_reference_chains_once(db: Database) -> None:
    park = await create_park(db)

    async with db.transaction(park.id) as session:
        added = await registry.seed_reference_chains(session, park.id)
        again = await registry.seed_reference_chains(session, park.id)

    assert [c.name for c in added] == list(registry.REFERENCE_CHAINS)
    assert again == []
