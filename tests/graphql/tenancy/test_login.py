"""Login, `me` and login rate limits through GraphQL."""

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis

from redchain.graphql.relay import encode_id
from redchain.infra.db import Database
from redchain.infra.settings import Settings
from redchain.services.permissions import Role
from tests.factories import PASSWORD, create_member, create_park, create_platform_admin, create_user, unique
from tests.graphql.client import LOGIN, error_codes, gql, login, user_errors

ME = """
query Me {
  me {
    isPlatformAdmin roles permissions
    user { id email displayName }
    park { id code name }
    parks { code }
  }
}
"""


async def _login(
    client: AsyncTestClient[Any], email: str, password: str = PASSWORD, park_id: str | None = None, **kwargs: Any
) -> dict[str, Any]:
    return await gql(client, LOGIN, {"input": {"email": email, "password": password, "parkId": park_id}}, **kwargs)


def _user_error_codes(body: dict[str, Any]) -> list[str]:
    return [e["code"] for e in body["data"]["login"]["userErrors"]]


async def test_login_then_me(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    user, _ = await create_member(db, park, Role.PARK_ADMIN)

    token = await login(client, user.email)
    body = await gql(client, ME, token=token)

    assert "errors" not in body
    me = body["data"]["me"]
    assert me["user"]["email"] == user.email
    assert me["park"]["code"] == park.code
    assert me["roles"] == ["PARK_ADMIN"]
    assert "AUDIT_READ" in me["permissions"]
    assert me["parks"] == [{"code": park.code}]


@pytest.mark.parametrize("case", ["wrong-password", "unknown-email", "inactive-user"])
async def test_refused_credentials_are_one_user_error(client: AsyncTestClient[Any], db: Database, case: str) -> None:
    user, _ = await create_member(
        db, await create_park(db), Role.AUDITOR, await create_user(db, is_active=case != "inactive-user")
    )
    email = f"{unique('nobody')}@example.cn" if case == "unknown-email" else user.email

    body = await _login(client, email, "wrong-password" if case == "wrong-password" else PASSWORD)

    payload = body["data"]["login"]
    assert (payload["accessToken"], payload["refreshToken"], payload["user"]) == (None, None, None)
    assert payload["userErrors"][0]["field"] == ["input", "password"]
    assert _user_error_codes(body) == ["INVALID_CREDENTIALS"]


async def test_member_of_two_parks_chooses_where_to_act(client: AsyncTestClient[Any], db: Database) -> None:
    first, second, elsewhere = await create_park(db), await create_park(db), await create_park(db)
    user, _ = await create_member(db, first, Role.AUDITOR)
    await create_member(db, second, Role.PARK_ADMIN, user)

    default = await _login(client, user.email)
    chosen = await _login(client, user.email, park_id=encode_id("Park", second.id))
    no_role = await _login(client, user.email, park_id=encode_id("Park", elsewhere.id))

    assert default["data"]["login"]["park"]["code"] == first.code
    assert chosen["data"]["login"]["park"]["code"] == second.code
    me = (await gql(client, ME, token=chosen["data"]["login"]["accessToken"]))["data"]["me"]
    assert (me["roles"], sorted(p["code"] for p in me["parks"])) == (["PARK_ADMIN"], sorted([first.code, second.code]))
    assert _user_error_codes(no_role) == ["NO_MEMBERSHIP"]
    assert no_role["data"]["login"]["accessToken"] is None


@pytest.mark.parametrize("park_id", ["%%%", "bm90LWEtZ2xvYmFsLWlk", encode_id("Membership", uuid.uuid4())])
async def test_malformed_park_id_is_a_user_error(client: AsyncTestClient[Any], db: Database, park_id: str) -> None:
    user, _ = await create_member(db, await create_park(db), Role.AUDITOR)

    body = await _login(client, user.email, park_id=park_id)

    assert user_errors(body["data"]["login"]) == [("input.parkId", "INVALID")]
    assert body["data"]["login"]["accessToken"] is None


async def test_platform_admin_without_roles_acts_in_no_park(client: AsyncTestClient[Any], db: Database) -> None:
    admin, _ = await create_platform_admin(db)

    body = await _login(client, admin.email)

    payload = body["data"]["login"]
    assert payload["park"] is None and payload["accessToken"]
    me = (await gql(client, ME, token=payload["accessToken"]))["data"]["me"]
    assert (me["isPlatformAdmin"], me["park"], me["roles"], me["parks"]) == (True, None, [], [])


async def test_me_without_token_is_unauthenticated(client: AsyncTestClient[Any]) -> None:
    body = await gql(client, ME)
    assert error_codes(body) == ["UNAUTHENTICATED"]
    assert body["data"] is None


async def test_english_messages_on_request(client: AsyncTestClient[Any]) -> None:
    email = f"{unique('nobody')}@example.cn"

    english = {"Accept-Language": "en-US,en;q=0.9"}

    zh, en = await _login(client, email), await _login(client, email, headers=english)
    zh_me, en_me = await gql(client, ME), await gql(client, ME, headers=english)

    assert _user_error_codes(zh) == _user_error_codes(en) == ["INVALID_CREDENTIALS"]
    assert zh["data"]["login"]["userErrors"][0]["message"] != en["data"]["login"]["userErrors"][0]["message"]
    assert error_codes(zh_me) == error_codes(en_me) == ["UNAUTHENTICATED"]
    assert zh_me["errors"][0]["message"] != en_me["errors"][0]["message"]


# Rate limits --------------------------------------------------------------------------------------


async def test_account_is_locked_after_too_many_failures(
    client: AsyncTestClient[Any], db: Database, settings: Settings
) -> None:
    user, _ = await create_member(db, await create_park(db), Role.AUDITOR)
    other, _ = await create_member(db, await create_park(db), Role.AUDITOR)

    for _ in range(settings.login_attempts_per_account):
        assert _user_error_codes(await _login(client, user.email.upper(), "wrong-password")) == ["INVALID_CREDENTIALS"]
    locked = await _login(client, user.email)

    assert error_codes(locked) == ["RATE_LIMITED"] and locked["data"] is None
    assert _user_error_codes(await _login(client, other.email)) == []


async def test_a_successful_login_clears_the_account_count(
    client: AsyncTestClient[Any], db: Database, settings: Settings
) -> None:
    user, _ = await create_member(db, await create_park(db), Role.AUDITOR)

    for _ in range(2):
        for _ in range(settings.login_attempts_per_account - 1):
            await _login(client, user.email, "wrong-password")
        assert _user_error_codes(await _login(client, user.email)) == []


@pytest_asyncio.fixture
async def strict_client(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[AsyncTestClient[Any]]:
    """An app of its own that allows 3 logins per address, counting in a Redis database of its own."""
    assert settings.redis_url
    redis_url = settings.redis_url.rsplit("/", 1)[0] + "/1"
    async with Redis.from_url(redis_url) as redis:
        await redis.flushdb()
    strict = settings.model_copy(update={"login_attempts_per_ip": 3, "redis_url": redis_url})
    monkeypatch.setattr("redchain.graphql.app.get_settings", lambda: strict)
    from redchain.graphql.app import create_app

    async with AsyncTestClient(app=create_app()) as strict_client:
        yield strict_client


async def test_address_is_limited_across_accounts(strict_client: AsyncTestClient[Any], db: Database) -> None:
    user, _ = await create_member(db, await create_park(db), Role.AUDITOR)

    attempts = [await _login(strict_client, f"{unique('spray')}@example.cn", "guess") for _ in range(3)]
    limited = await _login(strict_client, user.email)

    assert [_user_error_codes(a) for a in attempts] == [["INVALID_CREDENTIALS"]] * 3
    assert error_codes(limited) == ["RATE_LIMITED"]
