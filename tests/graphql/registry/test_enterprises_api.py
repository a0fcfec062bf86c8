"""Enterprises through GraphQL: create, update, contact edits, archive; errors, roles, other parks."""

import uuid
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from redchain.infra.db import Database
from redchain.services.registry.credit_code import CreditCodeRule, make_credit_code
from tests.factories import build_cast, create_enterprise, create_park
from tests.graphql.client import error_codes, gql
from tests.graphql.registry.support import gid, token, user_errors
from tests.services.registry.helpers import audit_actions

CREATE = """
mutation Create($input: CreateEnterpriseInput!) {
  createEnterprise(input: $input) {
    enterprise { id creditCode name employeeCount isKey area contactPhone chain { id name } }
    userErrors { field code message }
  }
}
"""
UPDATE = """
mutation Update($input: UpdateEnterpriseInput!) {
  updateEnterprise(input: $input) {
    enterprise { id name address employeeCount contactName chain { id } updatedAt }
    userErrors { field code message }
  }
}
"""
UPDATE_CONTACT = """
mutation Contact($input: UpdateEnterpriseContactInput!) {
  updateEnterpriseContact(input: $input) {
    enterprise { id contactName contactPhone }
    userErrors { field code message }
  }
}
"""
ARCHIVE = """
mutation Archive($input: ArchiveInput!) {
  archiveEnterprise(input: $input) { enterprise { id archivedAt } userErrors { field code message } }
}
"""
VALID = make_credit_code(777)


def new_code() -> str:
    return make_credit_code(uuid.uuid4().int % 31**9)


async def test_park_admin_creates_an_enterprise(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    admin = await token(client, db, cast, cast.admin)

    body = await gql(
        client,
        CREATE,
        {
            "input": {
                "creditCode": VALID.lower(),
                "name": "博翔新材料有限公司",
                "chainId": gid("IndustryChain", cast.chain),
                "employeeCount": 230,
                "isKey": True,
                "area": "麓谷",
                "contactPhone": "13812345678",
            }
        },
        token=admin,
    )

    payload = body["data"]["createEnterprise"]
    assert payload["userErrors"] == []
    enterprise = payload["enterprise"]
    assert (enterprise["creditCode"], enterprise["employeeCount"], enterprise["isKey"]) == (VALID, 230, True)
    assert enterprise["chain"] == {"id": gid("IndustryChain", cast.chain), "name": cast.chain.name}
    assert enterprise["contactPhone"] == "13812345678"


@pytest.mark.parametrize(
    ("code", "rule"),
    [
        ("9143010", CreditCodeRule.LENGTH),
        (VALID[:9] + "O" + VALID[10:], CreditCodeRule.CHARSET),
        ("91AB0100" + VALID[8:], CreditCodeRule.DIVISION),
        (VALID[:17] + ("0" if VALID[17] != "0" else "1"), CreditCodeRule.CHECK_CHARACTER),
    ],
)
async def test_a_bad_credit_code_is_a_user_error_naming_the_rule(
    client: AsyncTestClient[Any], db: Database, code: str, rule: CreditCodeRule
) -> None:
    cast = await build_cast(db)
    admin = await token(client, db, cast, cast.admin)

    body = await gql(
        client,
        CREATE,
        {"input": {"creditCode": code, "name": "某企业"}},
        token=admin,
        headers={"Accept-Language": "en"},
    )

    [error] = body["data"]["createEnterprise"]["userErrors"]
    assert (error["field"], error["code"]) == (["input", "creditCode"], "INVALID_CREDIT_CODE")
    assert rule.value in error["message"] and "credit code" in error["message"]
    assert body["data"]["createEnterprise"]["enterprise"] is None


async def test_duplicates_and_oversize_input_are_user_errors(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    admin = await token(client, db, cast, cast.admin)

    duplicate = await gql(
        client, CREATE, {"input": {"creditCode": cast.enterprise.credit_code, "name": "x"}}, token=admin
    )
    too_long = await gql(client, CREATE, {"input": {"creditCode": new_code(), "name": "名" * 201}}, token=admin)
    negative = await gql(
        client, CREATE, {"input": {"creditCode": new_code(), "name": "x", "employeeCount": -5}}, token=admin
    )

    assert user_errors(duplicate, "createEnterprise") == [("input.creditCode", "DUPLICATE_CREDIT_CODE")]
    assert user_errors(too_long, "createEnterprise") == [("input.name", "TOO_LONG")]
    assert user_errors(negative, "createEnterprise") == [("input.employeeCount", "NEGATIVE")]


@pytest.mark.parametrize("who", ["officer", "contact", "auditor", "finance", "api_key"])
async def test_roles_without_registry_manage_are_forbidden(
    client: AsyncTestClient[Any], db: Database, who: str
) -> None:
    cast = await build_cast(db)
    caller = await token(client, db, cast, getattr(cast, who))

    created = await gql(client, CREATE, {"input": {"creditCode": new_code(), "name": "x"}}, token=caller)
    updated = await gql(
        client, UPDATE, {"input": {"id": gid("Enterprise", cast.enterprise), "name": "x"}}, token=caller
    )
    archived = await gql(client, ARCHIVE, {"input": {"id": gid("Enterprise", cast.enterprise)}}, token=caller)

    assert [error_codes(b) for b in (created, updated, archived)] == [["FORBIDDEN"]] * 3


async def test_chain_staff_works_in_its_chain_only(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    staff = await token(client, db, cast, cast.staff)

    own = await gql(
        client,
        CREATE,
        {"input": {"creditCode": new_code(), "name": "甲", "chainId": gid("IndustryChain", cast.chain)}},
        token=staff,
    )
    elsewhere = await gql(
        client,
        CREATE,
        {"input": {"creditCode": new_code(), "name": "乙", "chainId": gid("IndustryChain", cast.other_chain)}},
        token=staff,
    )
    other_chains = await gql(
        client, UPDATE, {"input": {"id": gid("Enterprise", cast.other_enterprise), "name": "丙"}}, token=staff
    )

    assert user_errors(own, "createEnterprise") == []
    assert error_codes(elsewhere) == ["FORBIDDEN"]
    assert user_errors(other_chains, "updateEnterprise") == [("input.id", "NOT_FOUND")]


async def test_update_changes_given_fields_and_null_clears_optional_ones(
    client: AsyncTestClient[Any], db: Database
) -> None:
    cast = await build_cast(db)
    admin = await token(client, db, cast, cast.admin)

    changes = {"name": "新名称", "address": "麓谷大道 1 号", "contactName": None}
    body = await gql(client, UPDATE, {"input": {"id": gid("Enterprise", cast.enterprise), **changes}}, token=admin)

    enterprise = body["data"]["updateEnterprise"]["enterprise"]
    assert (enterprise["name"], enterprise["address"], enterprise["contactName"]) == ("新名称", "麓谷大道 1 号", None)
    assert enterprise["employeeCount"] == 100  # left out, kept (null for it: tests/graphql/test_updates.py)
    assert enterprise["updatedAt"] is not None
    assert await audit_actions(db, cast.park, cast.enterprise.id) == ["enterprise.update"]


async def test_ids_of_another_park_or_type_are_refused(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    foreign = await create_enterprise(db, await create_park(db))
    admin = await token(client, db, cast, cast.admin)

    other_park = await gql(client, UPDATE, {"input": {"id": gid("Enterprise", foreign), "name": "x"}}, token=admin)
    wrong_type = await gql(
        client, UPDATE, {"input": {"id": gid("IndustryChain", cast.chain), "name": "x"}}, token=admin
    )
    malformed = await gql(client, ARCHIVE, {"input": {"id": "not-an-id"}}, token=admin)

    assert user_errors(other_park, "updateEnterprise") == [("input.id", "NOT_FOUND")]
    # A bad ID in an input is the input's fault: a userError at its path, not a request error.
    assert user_errors(wrong_type, "updateEnterprise") == [("input.id", "INVALID")]
    assert user_errors(malformed, "archiveEnterprise") == [("input.id", "INVALID")]


async def test_the_enterprise_contact_keeps_its_contact_details(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    contact, other_contact = (
        await token(client, db, cast, cast.contact),
        await token(client, db, cast, cast.other_contact),
    )
    officer = await token(client, db, cast, cast.officer)
    variables = {
        "input": {"id": gid("Enterprise", cast.enterprise), "contactName": "王芳", "contactPhone": "13900001234"}
    }

    own = await gql(client, UPDATE_CONTACT, variables, token=contact)
    others = await gql(client, UPDATE_CONTACT, variables, token=other_contact)
    not_theirs = await gql(client, UPDATE_CONTACT, variables, token=officer)

    assert own["data"]["updateEnterpriseContact"]["enterprise"] == {
        "id": gid("Enterprise", cast.enterprise),
        "contactName": "王芳",
        "contactPhone": "13900001234",
    }
    assert user_errors(others, "updateEnterpriseContact") == [("input.id", "NOT_FOUND")]
    assert error_codes(not_theirs) == ["FORBIDDEN"]


async def test_archive_then_every_change_is_refused(client: AsyncTestClient[Any], db: Database) -> None:
    cast = await build_cast(db)
    admin = await token(client, db, cast, cast.admin)
    target = {"input": {"id": gid("Enterprise", cast.enterprise)}}

    first = await gql(client, ARCHIVE, target, token=admin)
    second = await gql(client, ARCHIVE, target, token=admin)
    update = await gql(client, UPDATE, {"input": {**target["input"], "name": "x"}}, token=admin)

    assert first["data"]["archiveEnterprise"]["enterprise"]["archivedAt"] is not None
    assert user_errors(second, "archiveEnterprise") == [("input.id", "ARCHIVED")]
    assert user_errors(update, "updateEnterprise") == [("input.id", "ARCHIVED")]
