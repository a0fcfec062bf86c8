"""An application's steps through GraphQL: the applicant follows each review and its reason."""

from typing import Any

from litestar.testing import AsyncTestClient

from redchain.infra.db import Database
from tests.graphql.client import error_codes, gql
from tests.graphql.funds.test_funds_api import REVIEW, gid, token
from tests.services.funds.support import advance, draft, funds_park

STEPS = """
query Steps($id: ID!) {
  node(id: $id) {
    ... on FundApplication { status steps { action status reason at actor { displayName } } }
  }
}
"""


async def test_the_applicant_sees_each_step_and_its_reason(client: AsyncTestClient[Any], db: Database) -> None:
    fp = await funds_park(db)
    application = await advance(db, fp, await draft(db, fp), "SUBMITTED")
    contact, staff = await token(client, fp, fp.contact), await token(client, fp, fp.staff)
    review = {"id": gid(application), "stage": "CHAIN", "decision": "RETURN", "reason": "请补充成立批复"}
    returned = await gql(client, REVIEW, {"input": review}, token=staff)
    assert returned["data"]["reviewFundApplication"]["userErrors"] == []

    body = await gql(client, STEPS, {"id": gid(application)}, token=contact)

    node = body["data"]["node"]
    assert node["status"] == "RETURNED_FOR_CHANGES"
    assert [(s["action"], s["status"], s["reason"]) for s in node["steps"]] == [
        ("DRAFT", "DRAFT", None),
        ("SUBMIT", "SUBMITTED", None),
        ("RETURN", "RETURNED_FOR_CHANGES", "请补充成立批复"),
    ]
    assert node["steps"][2]["actor"]["displayName"] == fp.staff.user.display_name


async def test_another_enterprise_or_park_cannot_read_the_steps(client: AsyncTestClient[Any], db: Database) -> None:
    fp, other = await funds_park(db), await funds_park(db)
    application = await draft(db, fp)

    for reader in (await token(client, fp, fp.other_contact), await token(client, other, other.admin)):
        body = await gql(client, STEPS, {"id": gid(application)}, token=reader)
        assert error_codes(body) == ["NOT_FOUND"]
