"""Who sees what: every role's scope over enterprises, organisations, members and nodes; masked personal data."""

from datetime import timedelta
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from redchain.infra.clock import park_today
from redchain.infra.db import Database
from redchain.services.permissions import Role
from redchain.services.registry.id_card import make_id_card
from redchain.services.registry.models import OrganizationStatus
from tests.factories import (
    Cast,
    build_cast,
    create_assignment,
    create_enterprise,
    create_organization,
    create_park,
    create_party_member,
    person,
)
from tests.graphql.client import error_codes, gql
from tests.graphql.registry.support import gid, token

LISTS = """
query Lists {
  enterprises(first: 50) { totalCount nodes { id contactPhone } }
  partyOrganizations(first: 50) { totalCount nodes { id } }
  members(first: 50) { totalCount nodes { id phone idCardMasked } }
}
"""
NODE = """
query Node($id: ID!) { node(id: $id) { id ... on Enterprise { name } ... on PartyMember { name } } }
"""
ID_CARD = make_id_card(42)


async def _registry(db: Database) -> tuple[Cast, dict[str, Any]]:
    """The cast plus an organisation and a member in each chain's enterprise."""
    cast = await build_cast(db)
    org = await create_organization(
        db, cast.park, (cast.enterprise,), chain_id=cast.chain.id, status=OrganizationStatus.FORMED
    )
    other_org = await create_organization(db, cast.park, (cast.other_enterprise,), chain_id=cast.other_chain.id)
    member = await create_party_member(
        db,
        cast.park,
        organization_id=org.id,
        enterprise_id=cast.enterprise.id,
        phone="13711112222",
        id_card_number=ID_CARD,
    )
    other_member = await create_party_member(
        db, cast.park, organization_id=other_org.id, enterprise_id=cast.other_enterprise.id, phone="13733334444"
    )
    return cast, {
        "enterprise": gid("Enterprise", cast.enterprise),
        "other_enterprise": gid("Enterprise", cast.other_enterprise),
        "org": gid("PartyOrganization", org),
        "other_org": gid("PartyOrganization", other_org),
        "member": gid("PartyMember", member),
        "other_member": gid("PartyMember", other_member),
    }


EVERYTHING = ("enterprise", "other_enterprise", "org", "other_org", "member", "other_member")
MINE = ("enterprise", "org", "member")
THEIRS = ("other_enterprise", "other_org", "other_member")


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("admin", EVERYTHING),
        ("auditor", EVERYTHING),
        ("finance", EVERYTHING),
        ("api_key", EVERYTHING),
        ("staff", MINE),
        ("other_staff", THEIRS),
        ("officer", MINE),
        ("other_officer", ()),
        ("contact", MINE),
        ("other_contact", THEIRS),
    ],
)
async def test_each_role_sees_its_scope_only(
    client: AsyncTestClient[Any], db: Database, who: str, sees: tuple[str, ...]
) -> None:
    cast, ids = await _registry(db)

    body = await gql(client, LISTS, token=await token(client, db, cast, getattr(cast, who)))

    assert "errors" not in body, body
    data = body["data"]
    seen = {n["id"] for key in ("enterprises", "partyOrganizations", "members") for n in data[key]["nodes"]}
    assert seen == {ids[name] for name in sees}
    assert sum(data[key]["totalCount"] for key in ("enterprises", "partyOrganizations", "members")) == len(sees)


@pytest.mark.parametrize(("starts", "ends"), [(-30, -1), (1, None)])
async def test_an_ended_or_future_assignment_shows_nothing(
    client: AsyncTestClient[Any], db: Database, starts: int, ends: int | None
) -> None:
    cast, _ = await _registry(db)
    officer = await person(db, cast.park, Role.LIAISON_OFFICER)
    assert officer.user is not None
    today = park_today()
    await create_assignment(
        db,
        cast.park,
        officer.user,
        cast.enterprise,
        starts_on=today + timedelta(days=starts),
        ends_on=today + timedelta(days=ends) if ends is not None else None,
    )

    body = await gql(client, LISTS, token=await token(client, db, cast, officer))

    assert body["data"]["enterprises"]["totalCount"] == 0


@pytest.mark.parametrize(
    ("who", "enterprise_phone", "member_phone"),
    [
        ("admin", True, True),
        ("staff", True, True),
        ("contact", True, True),
        ("officer", True, False),
        ("auditor", False, False),
        ("finance", False, False),
        ("api_key", False, False),
    ],
)
async def test_phones_are_masked_for_roles_that_do_not_need_them(
    client: AsyncTestClient[Any], db: Database, who: str, enterprise_phone: bool, member_phone: bool
) -> None:
    cast, ids = await _registry(db)

    body = await gql(client, LISTS, token=await token(client, db, cast, getattr(cast, who)))

    enterprise = next(n for n in body["data"]["enterprises"]["nodes"] if n["id"] == ids["enterprise"])
    member = next(n for n in body["data"]["members"]["nodes"] if n["id"] == ids["member"])
    assert enterprise["contactPhone"] == ("13800001111" if enterprise_phone else "138****1111")
    assert member["phone"] == ("13711112222" if member_phone else "137****2222")
    assert member["idCardMasked"] == "*" * 14 + ID_CARD[-4:]  # never whole, for anyone


async def test_nodes_outside_the_scope_or_park_are_not_found(client: AsyncTestClient[Any], db: Database) -> None:
    cast, ids = await _registry(db)
    foreign = await create_enterprise(db, await create_park(db))
    contact = await token(client, db, cast, cast.contact)
    admin = await token(client, db, cast, cast.admin)

    own = await gql(client, NODE, {"id": ids["member"]}, token=contact)
    hidden = await gql(client, NODE, {"id": ids["other_enterprise"]}, token=contact)
    other_park = await gql(client, NODE, {"id": gid("Enterprise", foreign)}, token=admin)

    assert own["data"]["node"]["id"] == ids["member"]
    assert error_codes(hidden) == ["NOT_FOUND"]
    assert error_codes(other_park) == ["NOT_FOUND"]


async def test_relations_outside_the_scope_are_null_not_leaked(client: AsyncTestClient[Any], db: Database) -> None:
    cast, _ = await _registry(db)
    # The contact's employee belongs to an area branch of the other chain that covers no enterprise of theirs.
    area_branch = await create_organization(db, cast.park, chain_id=cast.other_chain.id)
    await create_party_member(
        db, cast.park, organization_id=area_branch.id, enterprise_id=cast.enterprise.id, name="流动党员"
    )
    query = 'query { members(filter: {search: "流动"}) { nodes { name organization { id } enterprise { id } } } }'

    body = await gql(client, query, token=await token(client, db, cast, cast.contact))

    assert body["data"]["members"]["nodes"] == [
        {"name": "流动党员", "organization": None, "enterprise": {"id": gid("Enterprise", cast.enterprise)}}
    ]


async def test_reading_needs_authentication(client: AsyncTestClient[Any]) -> None:
    body = await gql(client, LISTS)

    assert error_codes(body) == ["UNAUTHENTICATED"]
    assert body["data"] is None
