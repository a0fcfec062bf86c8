"""The reviewers' inboxes and each application's steps through GraphQL."""

from typing import Any

from litestar.testing import AsyncTestClient

from redchain.infra.db import Database
from tests.graphql.client import error_codes, gql
from tests.graphql.funds.test_funds_api import REVIEW, gid, token
from tests.services.funds.support import advance, draft, funds_park

INBOX = """
query Inbox($inbox: FundReviewInbox) {
  fundApplications(first: 20, inbox: $inbox) {
    totalCount
    nodes { id status steps { action status reason actor { displayName } } }
  }
}
"""


async def test_a_review_moves_the_application_from_pending_to_done(client: AsyncTestClient[Any], db: Database) -> None:
    fp = await funds_park(db)
    application = await advance(db, fp, await draft(db, fp), "SUBMITTED")
    staff = await token(client, fp, fp.staff)
    pending = await gql(client, INBOX, {"inbox": "PENDING"}, token=staff)
    assert [n["id"] for n in pending["data"]["fundApplications"]["nodes"]] == [gid(application)]

    returned = await gql(
        client,
        REVIEW,
        {"input": {"id": gid(application), "stage": "CHAIN", "decision": "RETURN", "reason": "请补充成立批复"}},
        token=staff,
    )
    assert returned["data"]["reviewFundApplication"]["userErrors"] == []

    assert (await gql(client, INBOX, {"inbox": "PENDING"}, token=staff))["data"]["fundApplications"]["totalCount"] == 0
    done = (await gql(client, INBOX, {"inbox": "DONE"}, token=staff))["data"]["fundApplications"]
    assert done["totalCount"] == 1
    steps = done["nodes"][0]["steps"]
    assert [(s["action"], s["status"]) for s in steps] == [
        ("DRAFT", "DRAFT"),
        ("SUBMIT", "SUBMITTED"),
        ("RETURN", "RETURNED_FOR_CHANGES"),
    ]
    assert steps[2]["reason"] == "请补充成立批复"
    assert steps[2]["actor"]["displayName"] == fp.staff.user.display_name


async def test_a_return_without_reason_is_a_user_error_on_the_reason(
    client: AsyncTestClient[Any], db: Database
) -> None:
    fp = await funds_park(db)
    application = await advance(db, fp, await draft(db, fp), "SUBMITTED")
    staff = await token(client, fp, fp.staff)

    body = await gql(
        client, REVIEW, {"input": {"id": gid(application), "stage": "CHAIN", "decision": "REJECT"}}, token=staff
    )

    errors = body["data"]["reviewFundApplication"]["userErrors"]
    assert [(e["field"], e["code"]) for e in errors] == [(["input", "reason"], "REASON_REQUIRED")]


async def test_the_inbox_refuses_who_may_not_read_funds_and_ignores_other_parks(
    client: AsyncTestClient[Any], db: Database
) -> None:
    fp, other = await funds_park(db), await funds_park(db)
    await advance(db, other, await draft(db, other), "CHAIN_APPROVED")
    officer, admin = await token(client, fp, fp.other_officer), await token(client, fp, fp.admin)

    assert error_codes(await gql(client, INBOX, {"inbox": "PENDING"}, token=officer)) == ["FORBIDDEN"]
    assert error_codes(await gql(client, INBOX, {"inbox": "PENDING"})) == ["UNAUTHENTICATED"]
    mine = await gql(client, INBOX, {"inbox": "PENDING"}, token=admin)
    assert mine["data"]["fundApplications"]["totalCount"] == 0
    bad = await gql(client, INBOX, {"inbox": "LATER"}, token=admin)
    assert error_codes(bad) == ["BAD_USER_INPUT"]
