"""Party organisations: coverage rules, parents, secretaries, and the PREPARING → FORMED → DISSOLVED lifecycle."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from redchain.infra.db import Database
from redchain.services.errors import NotFound, PermissionDenied
from redchain.services.registry import events
from redchain.services.registry import service as registry
from redchain.services.registry.errors import (
    Archived,
    InvalidCoverage,
    InvalidDate,
    InvalidParent,
    InvalidTransition,
    OrganizationDissolved,
    SecretaryNotFullMember,
    SecretaryNotMember,
    TooFewMembers,
)
from redchain.services.registry.models import (
    FormationMode,
    MemberStatus,
    OrganizationKind,
    OrganizationStatus,
    PartyOrganization,
)
from redchain.services.registry.service import OrganizationChanges, OrganizationData
from tests.factories import Cast, build_cast, create_enterprise, create_organization, create_park, create_party_member
from tests.services.registry.helpers import audit_actions, outbox_events, run

Kind, Status = OrganizationKind, OrganizationStatus
TODAY = registry.park_today()


def branch(cast: Cast, *enterprise_ids, kind=Kind.BRANCH, **overrides) -> OrganizationData:  # type: ignore[no-untyped-def]
    return OrganizationData(
        **{
            "name": "博翔新材料党支部",
            "kind": kind,
            "formation_mode": FormationMode.STANDALONE,
            "chain_id": cast.chain.id,
            "enterprise_ids": tuple(enterprise_ids),
            **overrides,
        }
    )


async def formable(db: Database, cast: Cast, **overrides) -> PartyOrganization:  # type: ignore[no-untyped-def]
    """A preparing branch of `cast.enterprise` with three full members."""
    org = await create_organization(db, cast.park, (cast.enterprise,), chain_id=cast.chain.id, **overrides)
    for _ in range(3):
        await create_party_member(db, cast.park, organization_id=org.id, enterprise_id=cast.enterprise.id)
    return org


async def test_a_new_organisation_is_preparing_covers_its_enterprise_and_is_published(db: Database) -> None:
    cast = await build_cast(db)

    org = await run(
        db,
        cast.park,
        cast.staff,
        lambda s: registry.create_organization(s, cast.staff.actor, branch(cast, cast.enterprise.id)),
    )

    assert org.status == Status.PREPARING
    covered = await run(
        db, cast.park, cast.admin, lambda s: registry.enterprises_of_organizations(s, cast.admin.actor, [org.id])
    )
    assert [e.id for _, e in covered] == [cast.enterprise.id]
    assert await audit_actions(db, cast.park, org.id) == ["party_organization.create"]
    assert [e["organization_id"] for e in await outbox_events(db, cast.park, events.OrganizationCreated.name)] == [
        str(org.id)
    ]


@pytest.mark.parametrize(
    ("kind", "count", "ok"),
    [
        (Kind.BRANCH, 2, False),
        (Kind.PARTY_COMMITTEE, 2, False),
        (Kind.JOINT_BRANCH, 1, False),
        (Kind.JOINT_BRANCH, 0, False),
        (Kind.JOINT_BRANCH, 2, True),
        (Kind.AREA_BRANCH, 0, True),
        (Kind.BRANCH, 1, True),
    ],
)
async def test_joint_branches_cover_two_or_more_others_at_most_one(db: Database, kind, count, ok) -> None:  # type: ignore[no-untyped-def]
    cast = await build_cast(db)
    second = await create_enterprise(db, cast.park, chain_id=cast.chain.id)
    ids = [cast.enterprise.id, second.id][:count]

    async def create(s):  # type: ignore[no-untyped-def]
        return await registry.create_organization(s, cast.admin.actor, branch(cast, *ids, kind=kind))

    if ok:
        assert (await run(db, cast.park, cast.admin, create)).kind == kind
    else:
        with pytest.raises(InvalidCoverage):
            await run(db, cast.park, cast.admin, create)


async def test_covered_enterprises_must_be_visible_live_and_the_actors_to_manage(db: Database) -> None:
    cast = await build_cast(db)
    foreign = await create_enterprise(db, await create_park(db))
    archived = await create_enterprise(db, cast.park, chain_id=cast.chain.id, archived_at=datetime.now(UTC))

    with pytest.raises(NotFound):
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.create_organization(s, cast.admin.actor, branch(cast, foreign.id)),
        )
    with pytest.raises(Archived):
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.create_organization(s, cast.admin.actor, branch(cast, archived.id)),
        )
    # A joint branch across chains is for park-wide staff: another chain's enterprise is out of sight.
    with pytest.raises(NotFound):
        await run(
            db,
            cast.park,
            cast.staff,
            lambda s: registry.create_organization(
                s, cast.staff.actor, branch(cast, cast.enterprise.id, cast.other_enterprise.id, kind=Kind.JOINT_BRANCH)
            ),
        )
    with pytest.raises(PermissionDenied):
        await run(
            db,
            cast.park,
            cast.staff,
            lambda s: registry.create_organization(s, cast.staff.actor, branch(cast, chain_id=cast.other_chain.id)),
        )


@pytest.mark.parametrize("who", ["officer", "contact", "auditor", "finance", "api_key"])
async def test_roles_without_registry_manage_change_no_organisation(db: Database, who: str) -> None:
    cast = await build_cast(db)
    org = await formable(db, cast)
    person = getattr(cast, who)

    calls = [
        lambda s: registry.create_organization(s, person.actor, branch(cast)),
        lambda s: registry.update_organization(s, person.actor, org.id, OrganizationChanges(name="x")),
        lambda s: registry.form_organization(s, person.actor, org.id, TODAY),
        lambda s: registry.dissolve_organization(s, person.actor, org.id, TODAY),
        lambda s: registry.set_organization_enterprises(s, person.actor, org.id, []),
        lambda s: registry.set_organization_secretary(s, person.actor, org.id, None),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            await run(db, cast.park, person, call)


async def test_another_chains_staff_and_another_park_see_no_organisation(db: Database) -> None:
    cast = await build_cast(db)
    org = await formable(db, cast)
    outsider_park_org = await create_organization(db, await create_park(db))

    with pytest.raises(NotFound):
        await run(
            db,
            cast.park,
            cast.other_staff,
            lambda s: registry.form_organization(s, cast.other_staff.actor, org.id, TODAY),
        )
    with pytest.raises(NotFound):
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.form_organization(s, cast.admin.actor, outsider_park_org.id, TODAY),
        )


async def test_forming_needs_three_full_members(db: Database) -> None:
    cast = await build_cast(db)
    org = await create_organization(db, cast.park, (cast.enterprise,), chain_id=cast.chain.id)
    for status in (MemberStatus.FULL, MemberStatus.FULL, MemberStatus.PROBATIONARY):
        await create_party_member(db, cast.park, organization_id=org.id, status=status)

    with pytest.raises(TooFewMembers) as caught:
        await run(db, cast.park, cast.admin, lambda s: registry.form_organization(s, cast.admin.actor, org.id, TODAY))
    assert caught.value.params == {"minimum": 3, "count": 2}


async def test_forming_is_dated_audited_and_published_for_the_funds(db: Database) -> None:
    cast = await build_cast(db)
    org = await formable(db, cast)
    formed_on = TODAY - timedelta(days=3)

    formed = await run(
        db, cast.park, cast.staff, lambda s: registry.form_organization(s, cast.staff.actor, org.id, formed_on)
    )

    assert (formed.status, formed.formed_on, formed.version) == (Status.FORMED, formed_on, 2)
    assert await audit_actions(db, cast.park, org.id) == ["party_organization.form"]
    [event] = await outbox_events(db, cast.park, events.OrganizationFormed.name)
    assert event == {
        "organization_id": str(org.id),
        "status": "FORMED",
        "on": formed_on.isoformat(),
        "kind": "BRANCH",
        "chain_id": str(cast.chain.id),
        "enterprise_ids": [str(cast.enterprise.id)],
    }


ALL_PAIRS = [(a, b) for a in Status for b in (Status.FORMED, Status.DISSOLVED)]


@pytest.mark.parametrize(("start", "to"), [p for p in ALL_PAIRS if p not in registry.TRANSITIONS])
async def test_every_transition_outside_the_table_is_refused(db: Database, start, to) -> None:  # type: ignore[no-untyped-def]
    cast = await build_cast(db)
    org = await formable(db, cast, status=start, dissolved_on=TODAY if start is Status.DISSOLVED else None)

    async def go(s):  # type: ignore[no-untyped-def]
        if to is Status.FORMED:
            return await registry.form_organization(s, cast.admin.actor, org.id, TODAY)
        return await registry.dissolve_organization(s, cast.admin.actor, org.id, TODAY)

    with pytest.raises(InvalidTransition) as caught:
        await run(db, cast.park, cast.admin, go)
    assert caught.value.params == {"from_status": start.value, "to_status": to.value}


async def test_preparation_can_be_abandoned_and_formed_ones_dissolved(db: Database) -> None:
    cast = await build_cast(db)
    preparing, formed = await formable(db, cast), await formable(db, cast, status=Status.FORMED)

    for org in (preparing, formed):
        done = await run(
            db,
            cast.park,
            cast.admin,
            lambda s, o=org: registry.dissolve_organization(s, cast.admin.actor, o.id, TODAY, reason="企业迁出园区"),
        )
        assert (done.status, done.dissolved_on) == (Status.DISSOLVED, TODAY)
    assert len(await outbox_events(db, cast.park, events.OrganizationDissolved.name)) == 2


async def test_transition_dates_cannot_be_in_the_future_or_before_formation(db: Database) -> None:
    cast = await build_cast(db)
    org = await formable(db, cast, status=Status.FORMED, formed_on=TODAY - timedelta(days=10))

    with pytest.raises(InvalidDate) as future:
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.dissolve_organization(s, cast.admin.actor, org.id, TODAY + timedelta(days=1)),
        )
    with pytest.raises(InvalidDate) as early:
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.dissolve_organization(s, cast.admin.actor, org.id, TODAY - timedelta(days=11)),
        )
    assert (future.value.field, future.value.params["reason"]) == ("dissolvedOn", "FUTURE")
    assert early.value.params["reason"] == "BEFORE_FORMED"


async def test_concurrent_formations_apply_once_under_the_row_lock(db: Database) -> None:
    cast = await build_cast(db)
    org = await formable(db, cast)

    async def form() -> object:
        try:
            return await run(
                db, cast.park, cast.admin, lambda s: registry.form_organization(s, cast.admin.actor, org.id, TODAY)
            )
        except InvalidTransition as exc:
            return exc

    results = await asyncio.gather(form(), form())

    assert sorted(type(r).__name__ for r in results) == ["InvalidTransition", "PartyOrganization"]
    assert len(await outbox_events(db, cast.park, events.OrganizationFormed.name)) == 1


async def test_a_dissolved_organisation_is_frozen(db: Database) -> None:
    cast = await build_cast(db)
    org = await formable(db, cast, status=Status.DISSOLVED)

    for call in (
        lambda s: registry.update_organization(s, cast.admin.actor, org.id, OrganizationChanges(name="x")),
        lambda s: registry.set_organization_enterprises(s, cast.admin.actor, org.id, [cast.enterprise.id]),
        lambda s: registry.set_organization_secretary(s, cast.admin.actor, org.id, None),
    ):
        with pytest.raises(OrganizationDissolved):
            await run(db, cast.park, cast.admin, call)


async def test_parents_are_live_committees_without_cycles(db: Database) -> None:
    cast = await build_cast(db)
    committee = await create_organization(db, cast.park, kind=Kind.PARTY_COMMITTEE)
    general = await create_organization(db, cast.park, kind=Kind.GENERAL_BRANCH, parent_id=committee.id)
    plain = await create_organization(db, cast.park)
    dissolved = await create_organization(db, cast.park, kind=Kind.PARTY_COMMITTEE, status=Status.DISSOLVED)
    foreign = await create_organization(db, await create_park(db), kind=Kind.PARTY_COMMITTEE)

    child = await run(
        db,
        cast.park,
        cast.admin,
        lambda s: registry.create_organization(s, cast.admin.actor, branch(cast, parent_id=general.id)),
    )
    assert child.parent_id == general.id
    for parent, error in ((plain, InvalidParent), (dissolved, InvalidParent), (foreign, NotFound)):
        with pytest.raises(error):
            await run(
                db,
                cast.park,
                cast.admin,
                lambda s, p=parent: registry.create_organization(s, cast.admin.actor, branch(cast, parent_id=p.id)),
            )
    with pytest.raises(InvalidParent):  # committee under its own grandchild
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.update_organization(
                s, cast.admin.actor, committee.id, OrganizationChanges(parent_id=general.id)
            ),
        )


async def test_the_secretary_is_a_full_member_of_the_organisation(db: Database) -> None:
    cast = await build_cast(db)
    org = await formable(db, cast)
    full = await create_party_member(db, cast.park, organization_id=org.id)
    probationary = await create_party_member(db, cast.park, organization_id=org.id, status=MemberStatus.PROBATIONARY)
    elsewhere = await create_party_member(db, cast.park, enterprise_id=cast.enterprise.id)

    done = await run(
        db, cast.park, cast.staff, lambda s: registry.set_organization_secretary(s, cast.staff.actor, org.id, full.id)
    )
    assert done.secretary_member_id == full.id
    for member, error in ((probationary, SecretaryNotFullMember), (elsewhere, SecretaryNotMember)):
        with pytest.raises(error):
            await run(
                db,
                cast.park,
                cast.staff,
                lambda s, m=member: registry.set_organization_secretary(s, cast.staff.actor, org.id, m.id),
            )
    cleared = await run(
        db, cast.park, cast.staff, lambda s: registry.set_organization_secretary(s, cast.staff.actor, org.id, None)
    )
    assert cleared.secretary_member_id is None
    assert await audit_actions(db, cast.park, org.id) == ["party_organization.set_secretary"] * 2


async def test_coverage_is_replaced_and_checked_against_the_kind(db: Database) -> None:
    cast = await build_cast(db)
    second = await create_enterprise(db, cast.park, chain_id=cast.chain.id)
    joint = await create_organization(db, cast.park, (cast.enterprise, second), chain_id=cast.chain.id)

    with pytest.raises(InvalidCoverage):
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.update_organization(
                s, cast.admin.actor, joint.id, OrganizationChanges(kind=Kind.BRANCH)
            ),
        )
    with pytest.raises(InvalidCoverage):
        await run(
            db,
            cast.park,
            cast.admin,
            lambda s: registry.set_organization_enterprises(s, cast.admin.actor, joint.id, [second.id]),
        )
    third = await create_enterprise(db, cast.park, chain_id=cast.chain.id)
    await run(
        db,
        cast.park,
        cast.admin,
        lambda s: registry.set_organization_enterprises(s, cast.admin.actor, joint.id, [second.id, third.id]),
    )
    covered = await run(
        db, cast.park, cast.admin, lambda s: registry.enterprises_of_organizations(s, cast.admin.actor, [joint.id])
    )
    assert {e.id for _, e in covered} == {second.id, third.id}
    assert await audit_actions(db, cast.park, joint.id) == ["party_organization.set_enterprises"]
