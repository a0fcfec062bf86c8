"""The reference park's plan has the reference figures, valid identifiers, and the same content every run."""

from collections import Counter
from datetime import date, timedelta

import pytest

from redchain.services.demo_scale import plan as reference
from redchain.services.registry import credit_code, id_card
from redchain.services.registry.models import MemberStatus, OrganizationKind, OrganizationStatus

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def park() -> reference.ParkPlan:
    return reference.plan_park(TODAY)


def test_the_reference_figures(park: reference.ParkPlan) -> None:
    assert len(park.enterprises) == 38_000
    assert sum(e.is_key for e in park.enterprises) == 100
    assert Counter(o.kind for o in park.organizations) == {kind: n for kind, n, _ in reference.ORGANIZATIONS}
    assert len(park.organizations) == 830
    formed = [o for o in park.organizations if o.status is OrganizationStatus.FORMED]
    assert sum(o.formed_on is not None and o.formed_on > TODAY - timedelta(days=731) for o in formed) == 531
    assert len(park.members) == 20_000
    assert sum(m.is_floating for m in park.members) > 1000


def test_identifiers_are_valid_and_unique(park: reference.ParkPlan) -> None:
    codes = [e.credit_code for e in park.enterprises]
    assert len(set(codes)) == len(codes)
    assert all(credit_code.broken_rule(code) is None for code in codes)
    cards = [m.id_card for m in park.members]
    assert len(set(cards)) == len(cards)
    assert all(id_card.broken_rule(card) is None for card in cards)
    assert len({o.name for o in park.organizations}) == 830


def test_the_registry_rules_hold(park: reference.ParkPlan) -> None:
    full = Counter(m.organization for m in park.members if m.status is MemberStatus.FULL)
    assert all(full[i] >= 3 for i, o in enumerate(park.organizations) if o.status is OrganizationStatus.FORMED)
    assert all(m.inflow_area for m in park.members if m.is_floating)
    assert all(m.joined_on is None or m.joined_on <= TODAY for m in park.members)
    covering = Counter(code for o in park.organizations for code in o.enterprise_codes)
    assert set(covering.values()) == {1}  # an enterprise belongs to one organisation at most
    joint = [o for o in park.organizations if o.kind is OrganizationKind.JOINT_BRANCH]
    assert all(len(o.enterprise_codes) >= 2 for o in joint)


def test_key_enterprises_are_reached_but_for_a_few(park: reference.ParkPlan) -> None:
    covered = {code for o in park.organizations if o.status is OrganizationStatus.FORMED for code in o.enterprise_codes}
    posted = {a.enterprise_code for a in park.assignments}
    keys = {e.credit_code for e in park.enterprises if e.is_key}
    assert len(keys - covered - posted) == reference.UNREACHED_KEYS
    assert all(visit[0] >= a.starts_on for a in park.assignments for visit in a.visits)


def test_the_plan_is_the_same_every_run(park: reference.ParkPlan) -> None:
    again = reference.plan_park(TODAY)
    assert again.enterprises[1234] == park.enterprises[1234]
    assert again.members[4321] == park.members[4321]
    assert again.assignments == park.assignments
