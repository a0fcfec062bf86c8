"""Secrets stay secret: not in repr() or str() of the settings, not in what the app logs while it runs."""

import io
import logging
import os
from collections.abc import Iterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from pydantic import SecretStr
from sqlalchemy.engine import make_url

from redchain.infra.logging import JsonFormatter
from redchain.infra.settings import DEV_ID_CARD_PEPPER, DEV_JWT_SECRET, Settings, get_settings, insecure_defaults

SECRETS = {
    "JWT_SECRET": "jwt-5ecret-never-shown-anywhere-at-all",
    "APP_DB_PASSWORD": "app-5ecret-never-shown",
    "ID_CARD_PEPPER": "pepper-5ecret-never-shown",
}
OWNER_PASSWORD = "owner-5ecret-never-shown"
REDIS_PASSWORD = "redis-5ecret-never-shown"


def with_passwords(settings: Settings) -> dict[str, str]:
    """The suite's servers, addressed with passwords (our PostgreSQL trusts any; Redis gets none)."""
    assert settings.database_url and settings.redis_url
    database_url = make_url(settings.database_url).set(password=OWNER_PASSWORD)
    return {**SECRETS, "DATABASE_URL": database_url.render_as_string(hide_password=False)}


@pytest.fixture
def secret_settings(settings: Settings) -> Iterator[Settings]:
    saved = dict(os.environ)
    os.environ.update(with_passwords(settings))
    get_settings.cache_clear()
    try:
        yield get_settings()
    finally:
        os.environ.clear()
        os.environ.update(saved)
        get_settings.cache_clear()


def assert_no_secret(text: str) -> None:
    for secret in [*SECRETS.values(), OWNER_PASSWORD, REDIS_PASSWORD]:
        assert secret not in text


def test_repr_and_str_hide_secrets(secret_settings: Settings) -> None:
    with_redis_password = secret_settings.model_copy(
        update={"redis_url": f"redis://:{REDIS_PASSWORD}@127.0.0.1:6390/0"}
    )
    for text in (repr(with_redis_password), str(with_redis_password), f"{with_redis_password!r}"):
        assert_no_secret(text)
        assert "***" in text  # the URLs are still there, minus their passwords
    assert secret_settings.jwt_secret.get_secret_value() == SECRETS["JWT_SECRET"]


async def test_the_app_logs_no_secret(secret_settings: Settings) -> None:
    from redchain.graphql.app import create_app

    app = create_app()
    stream, root = io.StringIO(), logging.getLogger()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        async with AsyncTestClient(app=app) as client:
            responses: list[Any] = [
                await client.get("/readyz"),
                await client.post("/graphql", json={"query": "{ me { roles } }"}),
                await client.post("/graphql", json={"query": "{ me "}),
                await client.post(
                    "/graphql", json={"query": "{ me { roles } }"}, headers={"Authorization": "Bearer not-a-token"}
                ),
            ]
    finally:
        root.removeHandler(handler)
        root.setLevel(level)

    assert responses[0].status_code == 200  # the passwords were used, so the test saw them
    assert stream.getvalue()
    assert_no_secret(stream.getvalue())
    for response in responses:
        assert_no_secret(response.text)


def test_development_secrets_are_named_so_the_api_refuses_them(settings: Settings) -> None:
    assert insecure_defaults(settings) == []
    dev = settings.model_copy(
        update={"jwt_secret": SecretStr(DEV_JWT_SECRET), "id_card_pepper": SecretStr(DEV_ID_CARD_PEPPER)}
    )
    assert insecure_defaults(dev) == ["JWT_SECRET", "ID_CARD_PEPPER"]
