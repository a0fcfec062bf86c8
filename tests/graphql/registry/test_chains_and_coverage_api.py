"""Industry chains and coverage through GraphQL."""

from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from redchain.graphql.relay import encode_id
from redchain.infra.db import Database
from redchain.services.registry.models import OrganizationStatus
from tests.factories import (
    build_cast,
    create_chain,
    create_organization,
    create_park,
    create_party_member,
    create_user,
)
from tests.graphql.client import error_codes, first_login, gql, login
from tests.graphql.registry.support import gid, token, user_errors

CHAIN_FIELDS = "industryChain { id name description sortOrder archivedAt secretary { id } } userErrors { field code }"
CREATE = f"mutation($input: CreateIndustryChainInput!) {{ createIndustryChain(input: $input) {{ {CHAIN_FIELDS} }} }}"
UPDATE = f"mutation($input: UpdateIndustryChainInput!) {{ updateIndustryChain(input: $input) {{ {CHAIN_FIELDS} }} }}"
ARCHIVE = f"mutation($input: ArchiveInput!) {{ archiveIndustryChain(input: $input) {{ {CHAIN_FIELDS} }} }}"
SECRETARY = (
    "mutation($input: SetIndustryChainSecretaryInput!) "
    f"{{ setIndustryChainSecretary(input: $input) {{ {CHAIN_FIELDS} }} }}"
)
CHAINS = "query { industryChains(first: 50) { totalCount nodes { id name } } }"
CREATE_PARK = "mutation($input: CreateParkInput!) { createPark(input: $input) { park { id } userErrors { code } } }"
INVITE = "mutation($input: InviteParkAdminInput!) { inviteParkAdmin(input: $input) { membership { id } } }"
COVERAGE = """
query($chainId: ID, $limit: Int! = 20) {
  coverage(chainId: $chainId, listLimit: $limit) {
    chain { id }
    enterpriseCount coveredEnterpriseCount coverageRate keyEnterpriseCount
    employeeCount coveredEmployeeCount employeeCoverageRate
    organizationsByKind { kind formed preparing } formedOrganizationCount preparingOrganizationCount
    memberCount floatingMemberCount membersByStatus { status count }
    formationPipelineCount formationPipeline { enterprise { id name } fullMemberCount preparing }
    unreachedKeyEnterpriseCount unreachedKeyEnterprises { id }
  }
}
"""


async def test_park_admin_manages_chains(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    admin = await token(client, db, cast, cast.admin)

    created = await gql(client, CREATE, {"input": {"name": "生物医药", "description": "新增"}}, token=admin)
    chain = created["data"]["createIndustryChain"]["industryChain"]
    renamed = await gql(client, UPDATE, {"input": {"id": chain["id"], "name": "生物医药与大健康"}}, token=admin)
    assert cast.staff.user is not None
    staff_user = encode_id("User", cast.staff.user.id)
    secretary = await gql(
        client, SECRETARY, {"input": {"id": gid("IndustryChain", cast.chain), "userId": staff_user}}, token=admin
    )
    archived = await gql(client, ARCHIVE, {"input": {"id": chain["id"]}}, token=admin)
    not_empty = await gql(client, ARCHIVE, {"input": {"id": gid("IndustryChain", cast.chain)}}, token=admin)
    duplicate = await gql(client, CREATE, {"input": {"name": cast.other_chain.name}}, token=admin)

    assert renamed["data"]["updateIndustryChain"]["industryChain"]["name"] == "生物医药与大健康"
    assert secretary["data"]["setIndustryChainSecretary"]["industryChain"]["secretary"] == {"id": staff_user}
    assert archived["data"]["archiveIndustryChain"]["industryChain"]["archivedAt"] is not None
    assert user_errors(not_empty, "archiveIndustryChain") == [("input.id", "CHAIN_NOT_EMPTY")]
    assert user_errors(duplicate, "createIndustryChain") == [("input.name", "DUPLICATE_CHAIN_NAME")]


@pytest.mark.parametrize("who", ["staff", "officer", "contact", "auditor", "finance", "api_key"])
async def test_only_park_admins_manage_chains(client: AsyncTestClient[Any], db: Database, who: str) -> None:
    cast = await build_cast(db)
    caller = await token(client, db, cast, getattr(cast, who))

    created = await gql(client, CREATE, {"input": {"name": "新链"}}, token=caller)
    archived = await gql(client, ARCHIVE, {"input": {"id": gid("IndustryChain", cast.chain)}}, token=caller)
    chains = await gql(client, CHAINS, token=caller)

    assert error_codes(created) == error_codes(archived) == ["FORBIDDEN"]
    assert chains["data"]["industryChains"]["totalCount"] == 2  # every registry reader sees the park's chains


async def test_a_park_created_through_the_api_has_the_reference_chains(
    client: AsyncTestClient[Any], db: Database
) -> None:
    platform = await create_user(db, is_platform_admin=True)
    platform_token = await login(client, platform.email)
    created = await gql(
        client, CREATE_PARK, {"input": {"code": f"p-{platform.id.hex[:10]}", "name": "新园区"}}, token=platform_token
    )
    park_id = created["data"]["createPark"]["park"]["id"]
    admin_email = f"admin-{platform.id.hex[:10]}@example.cn"
    await gql(
        client,
        INVITE,
        {"input": {"parkId": park_id, "email": admin_email, "displayName": "管理员", "password": "Temporary-pass-1"}},
        token=platform_token,
    )

    # An invited admin's password is temporary: it is changed at first login.
    chains = await gql(client, CHAINS, token=await first_login(client, admin_email, "Temporary-pass-1"))

    assert [n["name"] for n in chains["data"]["industryChains"]["nodes"]] == [
        "新材料",
        "大健康",
        "先进制造",
        "移动互联网",
        "电子信息",
        "新能源与节能环保",
    ]


async def test_coverage_reports_rates_lists_and_breakdowns(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    await create_organization(
        db, cast.park, (cast.other_enterprise,), chain_id=cast.other_chain.id, status=OrganizationStatus.FORMED
    )
    for _ in range(3):
        await create_party_member(db, cast.park, enterprise_id=cast.enterprise.id)
    auditor = await token(client, db, cast, cast.auditor)

    body = await gql(client, COVERAGE, token=auditor)

    data = body["data"]["coverage"]
    assert (data["chain"], data["enterpriseCount"], data["coveredEnterpriseCount"], data["coverageRate"]) == (
        None,
        2,
        1,
        0.5,
    )
    assert (data["employeeCount"], data["coveredEmployeeCount"]) == (150, 50)
    assert (data["formedOrganizationCount"], data["preparingOrganizationCount"], data["memberCount"]) == (1, 0, 3)
    assert {"kind": "BRANCH", "formed": 1, "preparing": 0} in data["organizationsByKind"]
    assert data["formationPipeline"] == [
        {
            "enterprise": {"id": gid("Enterprise", cast.enterprise), "name": cast.enterprise.name},
            "fullMemberCount": 3,
            "preparing": False,
        }
    ]
    # The key enterprise has a liaison officer, so nothing is at risk.
    assert (data["unreachedKeyEnterpriseCount"], data["unreachedKeyEnterprises"]) == (0, [])


@pytest.mark.parametrize(
    ("who", "chain", "code"),
    [
        ("staff", None, "FORBIDDEN"),
        ("staff", "other", "NOT_FOUND"),
        ("officer", None, "FORBIDDEN"),
        ("contact", "own", "NOT_FOUND"),
        ("admin", "foreign", "NOT_FOUND"),
    ],
)
async def test_coverage_refusals(
    client: AsyncTestClient[Any], db: Database, who: str, chain: str | None, code: str
) -> None:
    cast = await build_cast(db)
    foreign = await create_chain(db, await create_park(db))
    chain_id = {
        "own": gid("IndustryChain", cast.chain),
        "other": gid("IndustryChain", cast.other_chain),
        "foreign": gid("IndustryChain", foreign),
        None: None,
    }[chain]

    body = await gql(client, COVERAGE, {"chainId": chain_id}, token=await token(client, db, cast, getattr(cast, who)))

    assert error_codes(body) == [code]


async def test_a_chains_staff_sees_its_chains_coverage(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    staff = await token(client, db, cast, cast.staff)

    body = await gql(client, COVERAGE, {"chainId": gid("IndustryChain", cast.chain), "limit": 5}, token=staff)
    too_long = await gql(client, COVERAGE, {"limit": 101}, token=staff)

    assert body["data"]["coverage"]["chain"] == {"id": gid("IndustryChain", cast.chain)}
    assert body["data"]["coverage"]["enterpriseCount"] == 1
    assert error_codes(too_long) == ["BAD_USER_INPUT"]


async def test_chains_are_nodes_and_searches_are_bounded(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    officer = await token(client, db, cast, cast.officer)

    node = await gql(
        client,
        "query($id: ID!) { node(id: $id) { ... on IndustryChain { name } } }",
        {"id": gid("IndustryChain", cast.chain)},
        token=officer,
    )
    long_search = await gql(
        client,
        "query($q: String) { enterprises(filter: {search: $q}) { totalCount } }",
        {"q": "新" * 101},
        token=officer,
    )

    assert node["data"]["node"] == {"name": cast.chain.name}
    assert error_codes(long_search) == ["BAD_USER_INPUT"]
