"""Coverage (覆盖) of a park and of its chains: rates, organisations, members, pipeline, the 失联 list."""

from datetime import UTC, datetime

import pytest

from redchain.infra.db import Database
from redchain.services.errors import NotFound, PermissionDenied
from redchain.services.registry import service as registry
from redchain.services.registry.models import MemberStatus, OrganizationKind, OrganizationStatus
from tests.factories import (
    Cast,
    build_cast,
    create_chain,
    create_enterprise,
    create_organization,
    create_park,
    create_party_member,
)
from tests.services.registry.helpers import run

FORMED, PREPARING = OrganizationStatus.FORMED, OrganizationStatus.PREPARING


async def _park(db: Database) -> tuple[Cast, dict[str, object]]:
    cast = await build_cast(db)
    chain_a, park = cast.chain.id, cast.park
    e3 = await create_enterprise(db, park, chain_id=chain_a, employee_count=30, is_key=True, name="丙")
    e4 = await create_enterprise(db, park, chain_id=chain_a, employee_count=20, name="丁")
    e5 = await create_enterprise(db, park, chain_id=chain_a, employee_count=10, is_key=True, name="戊")
    e6 = await create_enterprise(db, park, chain_id=chain_a, employee_count=40, name="己")
    await create_enterprise(db, park, chain_id=chain_a, employee_count=999, is_key=True, archived_at=datetime.now(UTC))
    await create_organization(db, park, (e3, e4), chain_id=chain_a, status=FORMED)  # a joint branch
    await create_organization(db, park, (cast.enterprise,), chain_id=chain_a, status=PREPARING)
    await create_organization(db, park, (cast.other_enterprise,), chain_id=cast.other_chain.id, status=FORMED)
    await create_organization(db, park, (e5,), chain_id=chain_a, status=OrganizationStatus.DISSOLVED)
    for _ in range(3):
        await create_party_member(db, park, enterprise_id=cast.enterprise.id)
    for _ in range(4):
        await create_party_member(db, park, enterprise_id=e6.id)
    await create_party_member(
        db, park, enterprise_id=e5.id, status=MemberStatus.PROBATIONARY, is_floating=True, inflow_area="岳麓区"
    )
    await create_party_member(db, park, enterprise_id=e5.id, status=MemberStatus.DEVELOPMENT_TARGET)
    await create_party_member(db, park, enterprise_id=e6.id, archived_at=datetime.now(UTC))
    return cast, {"e5": e5.id, "e6": e6.id}


async def test_park_coverage_counts_every_measure(db: Database) -> None:
    cast, ids = await _park(db)

    data = await run(db, cast.park, cast.auditor, lambda s: registry.coverage(s, cast.auditor.actor))

    totals = data.enterprises
    assert (totals.enterprises, totals.covered, totals.employees, totals.covered_employees) == (6, 3, 250, 100)
    assert totals.key_enterprises == 3
    assert (data.coverage_rate, data.employee_coverage_rate) == (0.5, 0.4)
    kinds = {k.kind: (k.formed, k.preparing) for k in data.organizations}
    assert kinds[OrganizationKind.JOINT_BRANCH] == (1, 0) and kinds[OrganizationKind.BRANCH] == (1, 1)
    assert (data.members.members, data.members.floating) == (8, 1)
    assert data.members.by_status == {
        MemberStatus.FULL: 7,
        MemberStatus.PROBATIONARY: 1,
        MemberStatus.DEVELOPMENT_TARGET: 1,
        MemberStatus.ACTIVIST: 0,
    }
    assert data.pipeline_count == 2
    assert [(p.enterprise.id, p.full_members, p.preparing) for p in data.pipeline] == [
        (ids["e6"], 4, False),
        (cast.enterprise.id, 3, True),
    ]
    # The key enterprise with a liaison officer and the covered one are reached; 戊 is not.
    assert data.unreached_count == 1
    assert [e.id for e in data.unreached_key_enterprises] == [ids["e5"]]


async def test_chain_coverage_counts_that_chain_only(db: Database) -> None:
    cast, _ = await _park(db)

    chain_a = await run(db, cast.park, cast.staff, lambda s: registry.coverage(s, cast.staff.actor, cast.chain.id))
    chain_b = await run(
        db, cast.park, cast.admin, lambda s: registry.coverage(s, cast.admin.actor, cast.other_chain.id)
    )

    assert (chain_a.enterprises.enterprises, chain_a.enterprises.covered, chain_a.coverage_rate) == (5, 2, 0.4)
    assert (chain_a.members.members, chain_a.pipeline_count, chain_a.unreached_count) == (8, 2, 1)
    assert (chain_b.enterprises.enterprises, chain_b.coverage_rate, chain_b.members.members) == (1, 1.0, 0)
    assert sum(k.formed for k in chain_b.organizations) == 1


async def test_lists_are_limited_but_counts_are_not(db: Database) -> None:
    cast, _ = await _park(db)

    data = await run(db, cast.park, cast.admin, lambda s: registry.coverage(s, cast.admin.actor, limit=1))

    assert (data.pipeline_count, len(data.pipeline)) == (2, 1)


async def test_counts_without_lists(db: Database) -> None:
    # The dashboard asks for counts only (listLimit 0); they used to ride on the listed rows and read 0.
    cast, _ = await _park(db)

    full = await run(db, cast.park, cast.admin, lambda s: registry.coverage(s, cast.admin.actor, limit=20))
    bare = await run(db, cast.park, cast.admin, lambda s: registry.coverage(s, cast.admin.actor, limit=0))

    assert (bare.pipeline, bare.unreached_key_enterprises) == ([], [])
    assert (bare.pipeline_count, bare.unreached_count) == (full.pipeline_count, full.unreached_count)
    assert full.unreached_count > 0


async def test_an_empty_chain_has_zero_rates(db: Database) -> None:
    cast = await build_cast(db)
    empty = await create_chain(db, cast.park)

    data = await run(db, cast.park, cast.admin, lambda s: registry.coverage(s, cast.admin.actor, empty.id))

    assert (data.enterprises.enterprises, data.coverage_rate, data.employee_coverage_rate) == (0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("who", "chain", "error"),
    [
        ("staff", None, PermissionDenied),
        ("staff", "other", NotFound),
        ("officer", None, PermissionDenied),
        ("officer", "own", NotFound),
        ("contact", "own", NotFound),
        ("admin", "foreign", NotFound),
    ],
)
async def test_coverage_is_for_park_staff_and_a_chains_own_staff(
    db: Database, who: str, chain: str | None, error: type
) -> None:
    cast = await build_cast(db)
    foreign = await create_chain(db, await create_park(db))
    chain_id = {"own": cast.chain.id, "other": cast.other_chain.id, "foreign": foreign.id, None: None}[chain]
    person = getattr(cast, who)

    with pytest.raises(error):
        await run(db, cast.park, person, lambda s: registry.coverage(s, person.actor, chain_id))
