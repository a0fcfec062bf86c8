"""Members through GraphQL: ID cards never whole, floating members, transfers with history, refusals."""

from datetime import timedelta
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from redchain.infra.clock import park_today
from redchain.infra.db import Database
from redchain.services.registry.id_card import make_id_card
from redchain.services.registry.models import OrganizationStatus
from tests.factories import build_cast, create_organization, create_park, create_party_member
from tests.graphql.client import error_codes, gql
from tests.graphql.registry.support import gid, token, user_errors

MEMBER_FIELDS = """
member {
  id name status joinedOn isFloating inflowArea idCardMasked phone archivedAt
  organization { id } enterprise { id }
  transfers { id transferredOn reason fromOrganization { id } toOrganization { id } member { id } }
}
userErrors { field code message }
"""
CREATE = f"mutation($input: CreateMemberInput!) {{ createMember(input: $input) {{ {MEMBER_FIELDS} }} }}"
UPDATE = f"mutation($input: UpdateMemberInput!) {{ updateMember(input: $input) {{ {MEMBER_FIELDS} }} }}"
TRANSFER = f"mutation($input: TransferMemberInput!) {{ transferMember(input: $input) {{ {MEMBER_FIELDS} }} }}"
ARCHIVE = f"mutation($input: ArchiveInput!) {{ archiveMember(input: $input) {{ {MEMBER_FIELDS} }} }}"
LIST = """
query($filter: MemberFilter) { members(first: 20, filter: $filter) { totalCount nodes { id name } } }
"""
NODE = "query($id: ID!) { node(id: $id) { id ... on MemberTransfer { reason toOrganization { id } } } }"
TODAY = park_today()
ID_CARD = make_id_card(518, division="430105")


async def test_a_member_is_created_with_its_id_card_masked(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    org = await create_organization(db, cast.park, (cast.enterprise,), chain_id=cast.chain.id)
    staff = await token(client, db, cast, cast.staff)

    body = await gql(
        client,
        CREATE,
        {
            "input": {
                "name": "张伟",
                "status": "PROBATIONARY",
                "idCardNumber": ID_CARD,
                "organizationId": gid("PartyOrganization", org),
                "enterpriseId": gid("Enterprise", cast.enterprise),
                "joinedOn": (TODAY - timedelta(days=30)).isoformat(),
                "phone": "13912345678",
            }
        },
        token=staff,
    )

    member = body["data"]["createMember"]["member"]
    assert member["idCardMasked"] == "**************" + ID_CARD[-4:]
    assert ID_CARD not in str(body)
    assert (member["status"], member["phone"]) == ("PROBATIONARY", "13912345678")
    assert member["organization"] == {"id": gid("PartyOrganization", org)}


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"idCardNumber": "430105198507015181"[:17] + "Z"}, "idCardNumber", "INVALID_ID_CARD"),
        ({"idCardNumber": "430105198513015180"}, "idCardNumber", "INVALID_ID_CARD"),
        ({"isFloating": True}, "inflowArea", "INFLOW_AREA_REQUIRED"),
        ({"name": "名" * 101}, "name", "TOO_LONG"),
        ({"joinedOn": (TODAY + timedelta(days=1)).isoformat()}, "joinedOn", "INVALID_DATE"),
    ],
)
async def test_bad_member_input_is_a_user_error(
    client: AsyncTestClient[Any], db: Database, changes: dict[str, Any], field: str, code: str
) -> None:
    cast = await build_cast(db)
    admin = await token(client, db, cast, cast.admin)

    body = await gql(client, CREATE, {"input": {"name": "李娜", "status": "FULL", **changes}}, token=admin)

    assert user_errors(body, "createMember") == [(f"input.{field}", code)]


async def test_a_duplicate_id_card_is_refused(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    await create_party_member(db, cast.park, id_card_number=ID_CARD)
    admin = await token(client, db, cast, cast.admin)

    body = await gql(
        client, CREATE, {"input": {"name": "王五", "status": "FULL", "idCardNumber": ID_CARD}}, token=admin
    )

    assert user_errors(body, "createMember") == [("input.idCardNumber", "DUPLICATE_ID_CARD")]


async def test_a_transfer_is_kept_as_history_and_readable_as_a_node(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    old = await create_organization(db, cast.park, (cast.enterprise,), chain_id=cast.chain.id)
    new = await create_organization(db, cast.park, chain_id=cast.chain.id, status=OrganizationStatus.FORMED)
    member = await create_party_member(db, cast.park, organization_id=old.id, enterprise_id=cast.enterprise.id)
    staff, contact = await token(client, db, cast, cast.staff), await token(client, db, cast, cast.contact)

    body = await gql(
        client,
        TRANSFER,
        {
            "input": {
                "memberId": gid("PartyMember", member),
                "toOrganizationId": gid("PartyOrganization", new),
                "transferredOn": TODAY.isoformat(),
                "reason": "岗位调整",
            }
        },
        token=staff,
    )

    moved = body["data"]["transferMember"]["member"]
    assert moved["organization"] == {"id": gid("PartyOrganization", new)}
    [transfer] = moved["transfers"]
    assert (transfer["fromOrganization"], transfer["toOrganization"]) == (
        {"id": gid("PartyOrganization", old)},
        {"id": gid("PartyOrganization", new)},
    )
    node = await gql(client, NODE, {"id": transfer["id"]}, token=staff)
    assert node["data"]["node"]["reason"] == "岗位调整"
    # The contact still sees its employee's history, but not an organisation that covers nothing of theirs.
    seen = await gql(client, NODE, {"id": transfer["id"]}, token=contact)
    assert seen["data"]["node"]["toOrganization"] is None


async def test_transfer_refusals_are_user_errors(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    org = await create_organization(db, cast.park, (cast.enterprise,), chain_id=cast.chain.id)
    dissolved = await create_organization(db, cast.park, chain_id=cast.chain.id, status=OrganizationStatus.DISSOLVED)
    foreign = await create_organization(db, await create_park(db))
    member = await create_party_member(db, cast.park, organization_id=org.id, enterprise_id=cast.enterprise.id)
    admin = await token(client, db, cast, cast.admin)

    def move(to: Any) -> dict[str, Any]:
        return {
            "input": {
                "memberId": gid("PartyMember", member),
                "toOrganizationId": gid("PartyOrganization", to),
                "transferredOn": TODAY.isoformat(),
            }
        }

    same = await gql(client, TRANSFER, move(org), token=admin)
    gone = await gql(client, TRANSFER, move(dissolved), token=admin)
    elsewhere = await gql(client, TRANSFER, move(foreign), token=admin)

    assert user_errors(same, "transferMember") == [("input.toOrganizationId", "SAME_ORGANIZATION")]
    assert user_errors(gone, "transferMember") == [("input.toOrganizationId", "ORGANIZATION_DISSOLVED")]
    assert user_errors(elsewhere, "transferMember") == [("input.toOrganizationId", "NOT_FOUND")]


@pytest.mark.parametrize("who", ["officer", "contact", "auditor", "finance", "api_key"])
async def test_readers_cannot_change_members(client: AsyncTestClient[Any], db: Database, who: str) -> None:
    cast = await build_cast(db)
    member = await create_party_member(db, cast.park, enterprise_id=cast.enterprise.id)
    caller = await token(client, db, cast, getattr(cast, who))
    target = gid("PartyMember", member)

    bodies = [
        await gql(client, CREATE, {"input": {"name": "x", "status": "FULL"}}, token=caller),
        await gql(client, UPDATE, {"input": {"id": target, "name": "x"}}, token=caller),
        await gql(client, ARCHIVE, {"input": {"id": target}}, token=caller),
    ]

    assert [error_codes(b) for b in bodies] == [["FORBIDDEN"]] * 3


async def test_another_chains_member_is_not_found(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    theirs = await create_party_member(db, cast.park, enterprise_id=cast.other_enterprise.id)
    staff = await token(client, db, cast, cast.staff)

    body = await gql(client, UPDATE, {"input": {"id": gid("PartyMember", theirs), "name": "x"}}, token=staff)

    assert user_errors(body, "updateMember") == [("input.id", "NOT_FOUND")]


async def test_members_are_filtered_by_floating_status_and_organisation(
    client: AsyncTestClient[Any], db: Database
) -> None:
    cast = await build_cast(db)
    org = await create_organization(db, cast.park, (cast.enterprise,), chain_id=cast.chain.id)
    floating = await create_party_member(
        db, cast.park, enterprise_id=cast.enterprise.id, is_floating=True, inflow_area="雨花区", name="流动者"
    )
    await create_party_member(db, cast.park, organization_id=org.id, name="组织内")
    auditor = await token(client, db, cast, cast.auditor)

    by_floating = await gql(client, LIST, {"filter": {"isFloating": True}}, token=auditor)
    by_org = await gql(client, LIST, {"filter": {"organizationId": gid("PartyOrganization", org)}}, token=auditor)
    by_chain = await gql(client, LIST, {"filter": {"chainId": gid("IndustryChain", cast.chain)}}, token=auditor)

    assert [n["id"] for n in by_floating["data"]["members"]["nodes"]] == [gid("PartyMember", floating)]
    assert [n["name"] for n in by_org["data"]["members"]["nodes"]] == ["组织内"]
    assert {n["name"] for n in by_chain["data"]["members"]["nodes"]} == {"流动者", "组织内"}


FLOATING_AREAS = "query($chainId: ID) { floatingMemberAreas(chainId: $chainId) { inflowArea memberCount } }"


async def test_floating_members_by_inflow_area_follow_the_caller_scope(
    client: AsyncTestClient[Any], db: Database
) -> None:
    cast, elsewhere = await build_cast(db), await build_cast(db)
    for area, enterprise in [
        ("岳麓区", cast.enterprise),
        ("岳麓区", cast.enterprise),
        ("雨花区", cast.other_enterprise),
    ]:
        await create_party_member(db, cast.park, enterprise_id=enterprise.id, is_floating=True, inflow_area=area)
    await create_party_member(
        db, elsewhere.park, enterprise_id=elsewhere.enterprise.id, is_floating=True, inflow_area="外园区"
    )
    auditor, staff = await token(client, db, cast, cast.auditor), await token(client, db, cast, cast.staff)

    park_wide = await gql(client, FLOATING_AREAS, token=auditor)
    mine = await gql(client, FLOATING_AREAS, token=staff)
    other_park = await gql(client, FLOATING_AREAS, {"chainId": gid("IndustryChain", elsewhere.chain)}, token=auditor)
    by_area = await gql(client, LIST, {"filter": {"inflowArea": "岳麓区"}}, token=auditor)

    assert park_wide["data"]["floatingMemberAreas"] == [
        {"inflowArea": "岳麓区", "memberCount": 2},
        {"inflowArea": "雨花区", "memberCount": 1},
    ]
    assert mine["data"]["floatingMemberAreas"] == [{"inflowArea": "岳麓区", "memberCount": 2}]
    assert other_park["data"]["floatingMemberAreas"] == []
    assert by_area["data"]["members"]["totalCount"] == 2


async def test_floating_member_areas_refuse_bad_ids_and_the_anonymous(
    client: AsyncTestClient[Any], db: Database
) -> None:
    cast = await build_cast(db)
    auditor = await token(client, db, cast, cast.auditor)

    assert error_codes(await gql(client, FLOATING_AREAS, {"chainId": "not-an-id"}, token=auditor)) == ["BAD_USER_INPUT"]
    assert error_codes(await gql(client, FLOATING_AREAS)) == ["UNAUTHENTICATED"]
