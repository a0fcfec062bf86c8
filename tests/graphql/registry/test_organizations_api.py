"""Party organisations through GraphQL: create, cover, secretary, the lifecycle and its refusals."""

from datetime import timedelta
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from redchain.infra.clock import park_today
from redchain.infra.db import Database
from redchain.services.registry.models import OrganizationStatus
from tests.factories import build_cast, create_enterprise, create_organization, create_park, create_party_member
from tests.graphql.client import error_codes, gql
from tests.graphql.registry.support import gid, token, user_errors, uuid_of
from tests.services.registry.helpers import audit_actions

ORG_FIELDS = """
partyOrganization {
  id name kind formationMode status formedOn dissolvedOn version memberCount
  chain { id } parent { id } secretary { id name } enterprises { id }
}
userErrors { field code message }
"""


def _mutation(name: str, input_type: str) -> str:
    return f"mutation($input: {input_type}!) {{ {name}(input: $input) {{ {ORG_FIELDS} }} }}"


CREATE = _mutation("createPartyOrganization", "CreatePartyOrganizationInput")
UPDATE = _mutation("updatePartyOrganization", "UpdatePartyOrganizationInput")
COVER = _mutation("setPartyOrganizationEnterprises", "SetPartyOrganizationEnterprisesInput")
SECRETARY = _mutation("setPartyOrganizationSecretary", "SetPartyOrganizationSecretaryInput")
FORM = _mutation("formPartyOrganization", "FormPartyOrganizationInput")
DISSOLVE = _mutation("dissolvePartyOrganization", "DissolvePartyOrganizationInput")
LIST = """
query($filter: PartyOrganizationFilter) {
  partyOrganizations(first: 20, filter: $filter) { totalCount nodes { id name status } }
}
"""
TODAY = park_today()


async def test_an_organisation_is_created_staffed_formed_and_dissolved(
    client: AsyncTestClient[Any], db: Database
) -> None:
    cast = await build_cast(db)
    second = await create_enterprise(db, cast.park, chain_id=cast.chain.id)
    staff = await token(client, db, cast, cast.staff)

    created = await gql(
        client,
        CREATE,
        {
            "input": {
                "name": "麓谷联合党支部",
                "kind": "JOINT_BRANCH",
                "formationMode": "JOINT",
                "chainId": gid("IndustryChain", cast.chain),
                "enterpriseIds": [gid("Enterprise", cast.enterprise), gid("Enterprise", second)],
            }
        },
        token=staff,
    )
    org = created["data"]["createPartyOrganization"]["partyOrganization"]
    assert (org["status"], org["kind"], org["version"]) == ("PREPARING", "JOINT_BRANCH", 1)
    assert {e["id"] for e in org["enterprises"]} == {gid("Enterprise", cast.enterprise), gid("Enterprise", second)}

    members = [
        await create_party_member(db, cast.park, organization_id=uuid_of(org["id"]), enterprise_id=second.id)
        for _ in range(3)
    ]
    staffed = await gql(
        client, SECRETARY, {"input": {"id": org["id"], "memberId": gid("PartyMember", members[0])}}, token=staff
    )
    assert staffed["data"]["setPartyOrganizationSecretary"]["partyOrganization"]["secretary"]["id"] == gid(
        "PartyMember", members[0]
    )

    formed = await gql(client, FORM, {"input": {"id": org["id"], "formedOn": TODAY.isoformat()}}, token=staff)
    org = formed["data"]["formPartyOrganization"]["partyOrganization"]
    assert (org["status"], org["formedOn"], org["memberCount"]) == ("FORMED", TODAY.isoformat(), 3)

    dissolved = await gql(
        client,
        DISSOLVE,
        {"input": {"id": org["id"], "dissolvedOn": TODAY.isoformat(), "reason": "企业迁出"}},
        token=staff,
    )
    assert dissolved["data"]["dissolvePartyOrganization"]["partyOrganization"]["status"] == "DISSOLVED"
    assert await audit_actions(db, cast.park, uuid_of(org["id"])) == [
        "party_organization.create",
        "party_organization.set_secretary",
        "party_organization.form",
        "party_organization.dissolve",
    ]


@pytest.mark.parametrize(
    ("status", "mutation", "field"),
    [
        (OrganizationStatus.FORMED, FORM, "formPartyOrganization"),
        (OrganizationStatus.DISSOLVED, FORM, "formPartyOrganization"),
        (OrganizationStatus.DISSOLVED, DISSOLVE, "dissolvePartyOrganization"),
    ],
)
async def test_illegal_transitions_are_user_errors(
    client: AsyncTestClient[Any], db: Database, status: OrganizationStatus, mutation: str, field: str
) -> None:
    cast = await build_cast(db)
    org = await create_organization(db, cast.park, (cast.enterprise,), chain_id=cast.chain.id, status=status)
    admin = await token(client, db, cast, cast.admin)
    day = {"formedOn": TODAY.isoformat()} if mutation is FORM else {"dissolvedOn": TODAY.isoformat()}

    body = await gql(client, mutation, {"input": {"id": gid("PartyOrganization", org), **day}}, token=admin)

    assert user_errors(body, field) == [("input.id", "INVALID_TRANSITION")]
    assert body["data"][field]["partyOrganization"] is None


async def test_rule_failures_are_user_errors(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    admin = await token(client, db, cast, cast.admin)
    preparing = await create_organization(db, cast.park, (cast.enterprise,), chain_id=cast.chain.id)
    outsider = await create_party_member(db, cast.park)

    too_few = await gql(
        client, FORM, {"input": {"id": gid("PartyOrganization", preparing), "formedOn": TODAY.isoformat()}}, token=admin
    )
    future = await gql(
        client,
        DISSOLVE,
        {"input": {"id": gid("PartyOrganization", preparing), "dissolvedOn": (TODAY + timedelta(days=2)).isoformat()}},
        token=admin,
    )
    joint_of_one = await gql(
        client,
        CREATE,
        {
            "input": {
                "name": "联合支部",
                "kind": "JOINT_BRANCH",
                "formationMode": "JOINT",
                "enterpriseIds": [gid("Enterprise", cast.enterprise)],
            }
        },
        token=admin,
    )
    not_member = await gql(
        client,
        SECRETARY,
        {"input": {"id": gid("PartyOrganization", preparing), "memberId": gid("PartyMember", outsider)}},
        token=admin,
    )
    parent_branch = await gql(
        client,
        UPDATE,
        {"input": {"id": gid("PartyOrganization", preparing), "parentId": gid("PartyOrganization", preparing)}},
        token=admin,
    )
    too_long = await gql(
        client, UPDATE, {"input": {"id": gid("PartyOrganization", preparing), "name": "名" * 201}}, token=admin
    )

    assert user_errors(too_few, "formPartyOrganization") == [("input.id", "TOO_FEW_MEMBERS")]
    assert user_errors(future, "dissolvePartyOrganization") == [("input.dissolvedOn", "INVALID_DATE")]
    assert user_errors(joint_of_one, "createPartyOrganization") == [("input.enterpriseIds", "INVALID_COVERAGE")]
    assert user_errors(not_member, "setPartyOrganizationSecretary") == [("input.memberId", "SECRETARY_NOT_MEMBER")]
    assert user_errors(parent_branch, "updatePartyOrganization") == [("input.parentId", "INVALID_PARENT")]
    assert user_errors(too_long, "updatePartyOrganization") == [("input.name", "TOO_LONG")]


@pytest.mark.parametrize("who", ["officer", "contact", "auditor", "finance", "api_key"])
async def test_readers_cannot_change_organisations(client: AsyncTestClient[Any], db: Database, who: str) -> None:
    cast = await build_cast(db)
    org = await create_organization(db, cast.park, (cast.enterprise,), chain_id=cast.chain.id)
    caller = await token(client, db, cast, getattr(cast, who))
    target = gid("PartyOrganization", org)

    bodies = [
        await gql(
            client, CREATE, {"input": {"name": "x", "kind": "BRANCH", "formationMode": "STANDALONE"}}, token=caller
        ),
        await gql(client, UPDATE, {"input": {"id": target, "name": "x"}}, token=caller),
        await gql(client, COVER, {"input": {"id": target, "enterpriseIds": []}}, token=caller),
        await gql(client, FORM, {"input": {"id": target, "formedOn": TODAY.isoformat()}}, token=caller),
        await gql(client, DISSOLVE, {"input": {"id": target, "dissolvedOn": TODAY.isoformat()}}, token=caller),
    ]

    assert [error_codes(b) for b in bodies] == [["FORBIDDEN"]] * 5


async def test_other_chains_and_parks_organisations_are_not_found(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    theirs = await create_organization(db, cast.park, (cast.other_enterprise,), chain_id=cast.other_chain.id)
    foreign = await create_organization(db, await create_park(db))
    staff, admin = await token(client, db, cast, cast.staff), await token(client, db, cast, cast.admin)

    other_chain = await gql(
        client, FORM, {"input": {"id": gid("PartyOrganization", theirs), "formedOn": TODAY.isoformat()}}, token=staff
    )
    other_park = await gql(
        client, UPDATE, {"input": {"id": gid("PartyOrganization", foreign), "name": "x"}}, token=admin
    )
    foreign_enterprise = await gql(
        client,
        COVER,
        {
            "input": {
                "id": gid("PartyOrganization", theirs),
                "enterpriseIds": [gid("Enterprise", await create_enterprise(db, await create_park(db)))],
            }
        },
        token=admin,
    )

    assert user_errors(other_chain, "formPartyOrganization") == [("input.id", "NOT_FOUND")]
    assert user_errors(other_park, "updatePartyOrganization") == [("input.id", "NOT_FOUND")]
    assert user_errors(foreign_enterprise, "setPartyOrganizationEnterprises") == [("input.enterpriseIds", "NOT_FOUND")]


async def test_organisations_are_filtered_and_searched(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    formed = await create_organization(
        db,
        cast.park,
        (cast.enterprise,),
        chain_id=cast.chain.id,
        status=OrganizationStatus.FORMED,
        name="博翔新材料党支部",
    )
    await create_organization(db, cast.park, (cast.other_enterprise,), chain_id=cast.other_chain.id, name="别的支部")
    auditor = await token(client, db, cast, cast.auditor)

    by_status = await gql(client, LIST, {"filter": {"status": "FORMED"}}, token=auditor)
    by_search = await gql(client, LIST, {"filter": {"search": "新材"}}, token=auditor)
    by_enterprise = await gql(
        client, LIST, {"filter": {"enterpriseId": gid("Enterprise", cast.enterprise)}}, token=auditor
    )

    for body in (by_status, by_search, by_enterprise):
        assert body["data"]["partyOrganizations"]["totalCount"] == 1
        assert body["data"]["partyOrganizations"]["nodes"][0]["id"] == gid("PartyOrganization", formed)
