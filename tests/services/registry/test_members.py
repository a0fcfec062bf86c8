"""Members: ID-card numbers kept only as a keyed hash, floating members, transfers with history, upserts."""

from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import col

from redchain.infra.db import Database
from redchain.infra.pagination import PageRequest
from redchain.services.audit.models import AuditEntry
from redchain.services.errors import NotFound, PermissionDenied, TooLong
from redchain.services.registry import events
from redchain.services.registry import service as registry
from redchain.services.registry.errors import (
    Archived,
    DuplicateIdCard,
    InflowAreaRequired,
    InvalidDate,
    InvalidIdCard,
    OrganizationDissolved,
    Required,
    SameOrganization,
)
from redchain.services.registry.id_card import IdCardRule, make_id_card
from redchain.services.registry.models import MemberStatus, OrganizationStatus
from redchain.services.registry.service import MemberChanges, MemberData, UpsertOutcome
from tests.factories import (
    build_cast,
    create_enterprise,
    create_organization,
    create_park,
    create_party_member,
    new_id_card,
)
from tests.services.registry.helpers import audit_actions, outbox_events, run

TODAY = registry.park_today()
ID_CARD = make_id_card(123)


def member(**overrides) -> MemberData:  # type: ignore[no-untyped-def]
    return MemberData(**{"name": "张伟", "status": MemberStatus.FULL, "id_card_number": new_id_card(), **overrides})


async def test_the_id_card_number_is_stored_only_as_a_keyed_hash_and_last_four(db: Database) -> None:
    cast = await build_cast(db)

    created = await run(
        db,
        cast.park,
        cast.staff,
        lambda s: registry.create_member(
            s,
            cast.staff.actor,
            member(
                id_card_number=ID_CARD.lower(),
                enterprise_id=cast.enterprise.id,
                phone="13700003333",
                joined_on=TODAY - timedelta(days=400),
            ),
        ),
    )

    assert created.id_card_last4 == ID_CARD[-4:]
    assert created.id_card_hash and len(created.id_card_hash) == 64 and ID_CARD not in created.id_card_hash
    async with db.transaction(cast.park.id) as session:
        logged = await session.scalar(sa.select(AuditEntry).where(col(AuditEntry.object_id) == created.id))
    assert logged is not None and logged.after is not None
    assert "id_card_hash" not in logged.after and ID_CARD not in str(logged.after)


@pytest.mark.parametrize(
    ("number", "rule"),
    [
        ("43010419850701123", IdCardRule.FORMAT),
        ("4301041985070112A", IdCardRule.FORMAT),
        ("430104198502301234", IdCardRule.BIRTH_DATE),
        (ID_CARD[:17] + ("0" if ID_CARD[17] != "0" else "1"), IdCardRule.CHECK_DIGIT),
    ],
)
async def test_a_bad_id_card_number_names_the_broken_rule(db: Database, number: str, rule: IdCardRule) -> None:
    cast = await build_cast(db)

    with pytest.raises(InvalidIdCard) as caught:
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.create_member(s, cast.admin.actor, member(id_card_number=number)),
        )

    assert (caught.value.field, caught.value.params["rule"]) == ("idCardNumber", rule.value)


async def test_one_member_per_id_card_in_a_park(db: Database) -> None:
    cast = await build_cast(db)
    await create_party_member(db, await create_park(db), id_card_number=ID_CARD)  # another park: no clash
    await run(
        db, cast.park, cast.admin, lambda s: registry.create_member(s, cast.admin.actor, member(id_card_number=ID_CARD))
    )

    with pytest.raises(DuplicateIdCard):
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.create_member(s, cast.admin.actor, member(id_card_number=ID_CARD)),
        )


@pytest.mark.parametrize(
    ("data", "error", "field"),
    [
        (member(name="名" * 101), TooLong, "name"),
        (member(name=""), Required, "name"),
        (member(phone="1" * 33), TooLong, "phone"),
        (member(is_floating=True), InflowAreaRequired, "inflowArea"),
        (member(joined_on=TODAY + timedelta(days=1)), InvalidDate, "joinedOn"),
    ],
)
async def test_bad_member_input_is_refused(db: Database, data: MemberData, error: type, field: str) -> None:
    cast = await build_cast(db)

    with pytest.raises(error) as caught:  # type: ignore[var-annotated]
        await run(db, cast.park, cast.admin, lambda s: registry.create_member(s, cast.admin.actor, data))

    assert caught.value.field == field


async def test_a_floating_member_keeps_an_inflow_area_until_it_settles(db: Database) -> None:
    cast = await build_cast(db)
    floating = await run(
        db,
        cast.park,
        cast.admin,
        lambda s: registry.create_member(s, cast.admin.actor, member(is_floating=True, inflow_area="岳麓区")),
    )
    assert (floating.is_floating, floating.inflow_area) == (True, "岳麓区")

    settled = await run(
        db,
        cast.park,
        cast.admin,
        lambda s: registry.update_member(s, cast.admin.actor, floating.id, MemberChanges(is_floating=False)),
    )

    assert (settled.is_floating, settled.inflow_area) == (False, None)


async def test_members_are_placed_only_where_the_actor_manages(db: Database) -> None:
    cast = await build_cast(db)
    dissolved = await create_organization(
        db, cast.park, (cast.enterprise,), chain_id=cast.chain.id, status=OrganizationStatus.DISSOLVED
    )

    with pytest.raises(NotFound):  # another chain's enterprise is out of sight
        await run(
            db,
            cast.park,
            cast.staff,
            lambda s: registry.create_member(s, cast.staff.actor, member(enterprise_id=cast.other_enterprise.id)),
        )
    with pytest.raises(PermissionDenied):  # a member with no employer or organisation is park-wide work
        await run(db, cast.park, cast.staff, lambda s: registry.create_member(s, cast.staff.actor, member()))
    with pytest.raises(OrganizationDissolved):
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.create_member(s, cast.admin.actor, member(organization_id=dissolved.id)),
        )
    for who in (cast.officer, cast.contact, cast.auditor, cast.finance, cast.api_key):
        with pytest.raises(PermissionDenied):
            await run(
                db,
                cast.park,
                who,
                lambda s, w=who: registry.create_member(s, w.actor, member(enterprise_id=cast.enterprise.id)),
            )


async def test_updates_are_refused_out_of_scope_and_after_archiving(db: Database) -> None:
    cast = await build_cast(db)
    mine = await create_party_member(db, cast.park, enterprise_id=cast.enterprise.id)
    foreign = await create_party_member(db, await create_park(db))

    with pytest.raises(NotFound):
        await run(
            db,
            cast.park,
            cast.other_staff,
            lambda s: registry.update_member(s, cast.other_staff.actor, mine.id, MemberChanges(name="x")),
        )
    with pytest.raises(NotFound):
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.update_member(s, cast.admin.actor, foreign.id, MemberChanges(name="x")),
        )
    await run(db, cast.park, cast.staff, lambda s: registry.archive_member(s, cast.staff.actor, mine.id))
    with pytest.raises(Archived):
        await run(
            db,
            cast.park,
            cast.staff,
            lambda s: registry.update_member(s, cast.staff.actor, mine.id, MemberChanges(name="x")),
        )
    assert await audit_actions(db, cast.park, mine.id) == ["party_member.archive"]


async def test_a_transfer_moves_the_member_and_keeps_the_history(db: Database) -> None:
    cast = await build_cast(db)
    old = await create_organization(db, cast.park, (cast.enterprise,), chain_id=cast.chain.id)
    new = await create_organization(db, cast.park, chain_id=cast.chain.id, status=OrganizationStatus.FORMED)
    moved = await create_party_member(db, cast.park, organization_id=old.id, enterprise_id=cast.enterprise.id)
    async with db.transaction(cast.park.id) as session:
        await registry.set_organization_secretary(session, cast.admin.actor, old.id, moved.id)

    for to_id in (new.id, old.id):
        await run(
            db,
            cast.park,
            cast.staff,
            lambda s, t=to_id: registry.transfer_member(s, cast.staff.actor, moved.id, t, TODAY, reason="工作调动"),
        )

    transfers = await run(
        db, cast.park, cast.admin, lambda s: registry.transfers_of_members(s, cast.admin.actor, [moved.id])
    )
    assert [(t.from_organization_id, t.to_organization_id) for t in transfers] == [(old.id, new.id), (new.id, old.id)]
    assert all(t.reason == "工作调动" and t.actor_user_id == cast.staff.actor.user_id for t in transfers)
    # A member who leaves stops being the old organisation's secretary.
    assert (
        await run(db, cast.park, cast.admin, lambda s: registry.get_organization(s, cast.admin.actor, old.id))
    ).secretary_member_id is None  # type: ignore[union-attr]
    assert len(await outbox_events(db, cast.park, events.MemberTransferred.name)) == 2
    assert await audit_actions(db, cast.park, moved.id) == ["party_member.transfer"] * 2


async def test_transfers_refuse_same_dissolved_unknown_and_future(db: Database) -> None:
    cast = await build_cast(db)
    org = await create_organization(db, cast.park, chain_id=cast.chain.id)
    target = await create_organization(db, cast.park, chain_id=cast.chain.id)
    dissolved = await create_organization(db, cast.park, chain_id=cast.chain.id, status=OrganizationStatus.DISSOLVED)
    other_chain_org = await create_organization(db, cast.park, chain_id=cast.other_chain.id)
    moved = await create_party_member(db, cast.park, organization_id=org.id, enterprise_id=cast.enterprise.id)

    cases = [
        (org.id, TODAY, SameOrganization),
        (dissolved.id, TODAY, OrganizationDissolved),
        (other_chain_org.id, TODAY, NotFound),
        (target.id, TODAY + timedelta(days=1), InvalidDate),
    ]
    for to_id, on, error in cases:
        with pytest.raises(error):
            await run(
                db,
                cast.park,
                cast.staff,
                lambda s, t=to_id, d=on: registry.transfer_member(s, cast.staff.actor, moved.id, t, d),
            )
    assert await audit_actions(db, cast.park, moved.id) == []


async def test_a_secretary_who_is_no_longer_a_full_member_leaves_the_post(db: Database) -> None:
    cast = await build_cast(db)
    org = await create_organization(db, cast.park, (cast.enterprise,), chain_id=cast.chain.id)
    secretary = await create_party_member(db, cast.park, organization_id=org.id, enterprise_id=cast.enterprise.id)
    async with db.transaction(cast.park.id) as session:
        await registry.set_organization_secretary(session, cast.admin.actor, org.id, secretary.id)

    await run(
        db,
        cast.park,
        cast.admin,
        lambda s: registry.update_member(
            s, cast.admin.actor, secretary.id, MemberChanges(status=MemberStatus.PROBATIONARY)
        ),
    )

    found = await run(db, cast.park, cast.admin, lambda s: registry.get_organization(s, cast.admin.actor, org.id))
    assert found is not None and found.secretary_member_id is None


async def test_member_upserts_match_on_the_id_card_and_record_moves_as_transfers(db: Database) -> None:
    cast = await build_cast(db)
    first_org = await create_organization(db, cast.park, chain_id=cast.chain.id)
    second_org = await create_organization(db, cast.park, chain_id=cast.chain.id)
    row = member(id_card_number=ID_CARD, organization_id=first_org.id, enterprise_id=cast.enterprise.id)

    created = await run(db, cast.park, cast.staff, lambda s: registry.upsert_member(s, cast.staff.actor, row))
    same = await run(db, cast.park, cast.staff, lambda s: registry.upsert_member(s, cast.staff.actor, row))
    moved = await run(
        db,
        cast.park,
        cast.staff,
        lambda s: registry.upsert_member(
            s, cast.staff.actor, MemberData(**{**vars(row), "organization_id": second_org.id})
        ),
    )

    assert [created[1], same[1], moved[1]] == [UpsertOutcome.CREATED, UpsertOutcome.UNCHANGED, UpsertOutcome.UPDATED]
    assert created[0].id == moved[0].id and moved[0].organization_id == second_org.id
    transfers = await run(
        db, cast.park, cast.admin, lambda s: registry.transfers_of_members(s, cast.admin.actor, [created[0].id])
    )
    assert [(t.from_organization_id, t.to_organization_id) for t in transfers] == [(first_org.id, second_org.id)]


async def test_member_batches_report_bad_rows_and_keep_good_ones(db: Database) -> None:
    cast = await build_cast(db)
    outsider = await create_party_member(db, cast.park, enterprise_id=cast.other_enterprise.id, id_card_number=ID_CARD)
    rows = [
        member(enterprise_id=cast.enterprise.id),
        member(id_card_number=None),
        member(id_card_number="123"),
        member(id_card_number=ID_CARD, enterprise_id=cast.enterprise.id),
        member(enterprise_id=(await create_enterprise(db, await create_park(db))).id),
    ]

    results = await run(db, cast.park, cast.staff, lambda s: registry.upsert_members(s, cast.staff.actor, rows))

    assert [type(r.error).__name__ if r.error else r.outcome for r in results] == [
        UpsertOutcome.CREATED,
        "Required",
        "InvalidIdCard",
        "DuplicateIdCard",
        "NotFound",
    ]
    assert outsider.id not in {r.member.id for r in results if r.member}


async def test_floating_members_are_counted_by_inflow_area_within_the_actor_scope(db: Database) -> None:
    cast = await build_cast(db)
    for area, enterprise in [
        ("岳麓区", cast.enterprise),
        ("岳麓区", cast.enterprise),
        ("雨花区", cast.other_enterprise),
    ]:
        await create_party_member(db, cast.park, enterprise_id=enterprise.id, is_floating=True, inflow_area=area)
    await create_party_member(db, cast.park, enterprise_id=cast.enterprise.id)  # settled: not counted
    gone = await create_party_member(
        db, cast.park, enterprise_id=cast.enterprise.id, is_floating=True, inflow_area="天心区"
    )
    await run(db, cast.park, cast.admin, lambda s: registry.archive_member(s, cast.admin.actor, gone.id))

    async with db.transaction(cast.park.id) as session:
        park_wide = await registry.floating_member_areas(session, cast.auditor.actor)
        one_chain = await registry.floating_member_areas(session, cast.auditor.actor, cast.other_chain.id)
        staff = await registry.floating_member_areas(session, cast.staff.actor)
        contact = await registry.floating_member_areas(session, cast.other_contact.actor)

    assert park_wide == [("岳麓区", 2), ("雨花区", 1)]
    assert one_chain == [("雨花区", 1)]
    assert staff == [("岳麓区", 2)]
    assert contact == [("雨花区", 1)]


async def test_members_are_filtered_by_inflow_area(db: Database) -> None:
    cast = await build_cast(db)
    here = await create_party_member(
        db, cast.park, enterprise_id=cast.enterprise.id, is_floating=True, inflow_area="岳麓区"
    )
    await create_party_member(db, cast.park, enterprise_id=cast.enterprise.id, is_floating=True, inflow_area="雨花区")

    async with db.transaction(cast.park.id) as session:
        found = await registry.list_members(
            session, cast.admin.actor, registry.MemberFilter(inflow_area="岳麓区"), PageRequest(first=10)
        )

    assert [m.id for m in found.rows] == [here.id]
