"""The notifications contract through GraphQL: your own, in this park; marking read; errors."""

import uuid
from typing import Any

from litestar.testing import AsyncTestClient

from redchain.graphql.relay import encode_id
from redchain.infra.db import Database
from redchain.services.actor import Grant
from redchain.services.permissions import Perm, Role
from redchain.services.tenancy import service as tenancy
from redchain.services.tenancy.models import Tenant, User
from tests.factories import actor_for, create_member, create_park
from tests.graphql.client import error_codes, gql, login, user_errors
from tests.services.notifications.factories import create_notification

NOTIFICATIONS = """
query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount
    edges { cursor node { id kind data readAt createdAt } }
    pageInfo { hasNextPage endCursor }
  }
  unreadNotificationCount
}
"""
UNREAD = "query { unreadNotificationCount }"
MARK_READ = """
mutation Mark($input: MarkNotificationsReadInput!) {
  markNotificationsRead(input: $input) {
    notifications { id readAt }
    markedCount
    userErrors { field code message }
  }
}
"""
NODE = "query Node($id: ID!) { node(id: $id) { id ... on Notification { kind readAt } } }"


def gid(notification_id: uuid.UUID) -> str:
    return encode_id("Notification", notification_id)


async def signed_in(
    client: AsyncTestClient[Any], db: Database, park: Tenant, user: User | None = None
) -> tuple[User, str]:
    user, _ = await create_member(db, park, Role.AUDITOR, user=user)
    return user, await login(client, user.email, park_id=encode_id("Park", park.id))


async def unread_count(client: AsyncTestClient[Any], token: str) -> int:
    body = await gql(client, UNREAD, token=token)
    return int(body["data"]["unreadNotificationCount"])


async def test_notifications_are_your_own_newest_first_with_pages(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    user, token = await signed_in(client, db, park)
    colleague, _ = await signed_in(client, db, park)
    ids = [await create_notification(db, park, user, role=f"R{i}") for i in range(3)]
    await create_notification(db, park, colleague)

    first_page = await gql(client, NOTIFICATIONS, {"first": 2}, token=token)
    connection = first_page["data"]["notifications"]
    second_page = await gql(
        client, NOTIFICATIONS, {"first": 2, "after": connection["pageInfo"]["endCursor"]}, token=token
    )

    assert "errors" not in first_page
    assert connection["totalCount"] == 3
    assert first_page["data"]["unreadNotificationCount"] == 3
    assert [e["node"]["id"] for e in connection["edges"]] == [gid(ids[2]), gid(ids[1])]
    assert connection["edges"][0]["node"]["kind"] == "MEMBERSHIP_GRANTED"
    assert connection["edges"][0]["node"]["data"] == {"role": "R2"}
    assert connection["pageInfo"]["hasNextPage"] is True
    assert [e["node"]["id"] for e in second_page["data"]["notifications"]["edges"]] == [gid(ids[0])]
    assert second_page["data"]["notifications"]["pageInfo"]["hasNextPage"] is False


async def test_notifications_of_another_park_stay_there(client: AsyncTestClient[Any], db: Database) -> None:
    park, other_park = await create_park(db), await create_park(db)
    user, token = await signed_in(client, db, park)
    await create_member(db, other_park, Role.AUDITOR, user=user)
    await create_notification(db, other_park, user)

    body = await gql(client, NOTIFICATIONS, token=token)

    assert body["data"]["notifications"]["totalCount"] == 0
    assert body["data"]["unreadNotificationCount"] == 0


async def test_mark_read_by_ids_then_unread_only_is_empty(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    user, token = await signed_in(client, db, park)
    first, second = await create_notification(db, park, user), await create_notification(db, park, user)

    body = await gql(client, MARK_READ, {"input": {"ids": [gid(first), gid(second)]}}, token=token)

    payload = body["data"]["markNotificationsRead"]
    assert payload["userErrors"] == []
    assert payload["markedCount"] == 2
    assert [n["id"] for n in payload["notifications"]] == [gid(first), gid(second)]
    assert all(n["readAt"] for n in payload["notifications"])
    unread = await gql(client, NOTIFICATIONS, {"unreadOnly": True}, token=token)
    assert unread["data"]["notifications"]["totalCount"] == 0
    assert unread["data"]["unreadNotificationCount"] == 0


async def test_mark_all_read(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    user, token = await signed_in(client, db, park)
    for _ in range(3):
        await create_notification(db, park, user)

    body = await gql(client, MARK_READ, {"input": {"all": True}}, token=token)

    assert body["data"]["markNotificationsRead"]["markedCount"] == 3
    assert body["data"]["markNotificationsRead"]["notifications"] == []
    assert await unread_count(client, token) == 0


async def test_marking_someone_elses_notification_is_not_found_and_changes_nothing(
    client: AsyncTestClient[Any], db: Database
) -> None:
    park, other_park = await create_park(db), await create_park(db)
    user, token = await signed_in(client, db, park)
    colleague, _ = await signed_in(client, db, park)
    await create_member(db, other_park, Role.AUDITOR, user=user)
    mine = await create_notification(db, park, user)
    colleagues = await create_notification(db, park, colleague)
    mine_elsewhere = await create_notification(db, other_park, user)

    for foreign in (colleagues, mine_elsewhere, uuid.uuid4()):
        body = await gql(client, MARK_READ, {"input": {"ids": [gid(mine), gid(foreign)]}}, token=token)
        payload = body["data"]["markNotificationsRead"]
        assert user_errors(payload) == [("input.ids", "NOT_FOUND")]
        assert payload["markedCount"] == 0

    assert await unread_count(client, token) == 1


async def test_mark_read_needs_ids_or_all_but_not_both(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    user, token = await signed_in(client, db, park)
    notification_id = await create_notification(db, park, user)

    selections: list[dict[str, Any]] = [{}, {"ids": []}, {"ids": [gid(notification_id)], "all": True}]
    for given in selections:
        body = await gql(client, MARK_READ, {"input": given}, token=token)
        assert [e["code"] for e in body["data"]["markNotificationsRead"]["userErrors"]] == ["INVALID_SELECTION"]

    assert await unread_count(client, token) == 1


async def test_malformed_or_wrong_type_ids_are_user_errors_at_their_index(
    client: AsyncTestClient[Any], db: Database
) -> None:
    park = await create_park(db)
    user, token = await signed_in(client, db, park)
    mine = await create_notification(db, park, user)

    for bad in ("not-an-id", encode_id("User", user.id)):
        body = await gql(client, MARK_READ, {"input": {"ids": [gid(mine), bad]}}, token=token)
        assert user_errors(body["data"]["markNotificationsRead"]) == [("input.ids.1", "INVALID")]

    assert await unread_count(client, token) == 1


async def test_node_finds_only_your_own_notification(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    user, token = await signed_in(client, db, park)
    colleague, _ = await signed_in(client, db, park)
    mine = await create_notification(db, park, user)
    theirs = await create_notification(db, park, colleague)

    found = await gql(client, NODE, {"id": gid(mine)}, token=token)
    hidden = await gql(client, NODE, {"id": gid(theirs)}, token=token)

    assert found["data"]["node"] == {"id": gid(mine), "kind": "MEMBERSHIP_GRANTED", "readAt": None}
    assert error_codes(hidden) == ["NOT_FOUND"]


async def test_anonymous_callers_are_unauthenticated(client: AsyncTestClient[Any]) -> None:
    assert error_codes(await gql(client, UNREAD)) == ["UNAUTHENTICATED"]
    assert error_codes(await gql(client, MARK_READ, {"input": {"all": True}})) == ["UNAUTHENTICATED"]


async def test_api_keys_have_no_notifications(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    admin, _ = await create_member(db, park, Role.PARK_ADMIN)
    async with db.transaction(park.id, admin.id) as session:
        _, secret = await tenancy.create_api_key(
            session, actor_for(park, admin, Grant(Role.PARK_ADMIN)), "erp", [Perm.AUDIT_READ]
        )
    headers = {"X-Api-Key": secret}

    assert error_codes(await gql(client, NOTIFICATIONS, headers=headers)) == ["FORBIDDEN"]
    assert error_codes(await gql(client, MARK_READ, {"input": {"all": True}}, headers=headers)) == ["FORBIDDEN"]


async def test_page_size_is_capped(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    _, token = await signed_in(client, db, park)

    body = await gql(client, NOTIFICATIONS, {"first": 101}, token=token)

    assert error_codes(body) == ["BAD_USER_INPUT"]


SUBJECTS = "query { notifications { nodes { kind subject { type id } } } }"


async def test_each_notification_names_what_it_is_about(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    user, token = await signed_in(client, db, park)
    ticket_id, application_id, batch_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    await create_notification(db, park, user, ticket_id=str(ticket_id), title="停电")
    await create_notification(db, park, user, application_id=str(application_id), status="APPROVED")
    await create_notification(db, park, user, batch_id=str(batch_id))
    await create_notification(db, park, user, year=2027, provisional=False)
    await create_notification(db, park, user, ticket_id="not-a-uuid")

    body = await gql(client, SUBJECTS, token=token)

    assert "errors" not in body
    assert [n["subject"] for n in body["data"]["notifications"]["nodes"]] == [
        None,
        None,
        {"type": "PAYMENT_BATCH", "id": encode_id("PaymentBatch", batch_id)},
        {"type": "FUND_APPLICATION", "id": encode_id("FundApplication", application_id)},
        {"type": "TICKET", "id": encode_id("Ticket", ticket_id)},
    ]
