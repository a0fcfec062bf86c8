"""Calling the registry API as the cast's people, and counting the SQL a request runs."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from litestar.testing import AsyncTestClient

from redchain.graphql.relay import decode_any_id, encode_id
from redchain.infra.db import Database
from redchain.services.permissions import Perm
from redchain.services.tenancy import service as tenancy
from tests.factories import Cast, Person
from tests.graphql.client import login
from tests.graphql.client import user_errors as payload_user_errors


async def token(client: AsyncTestClient[Any], db: Database, cast: Cast, who: Person) -> str:
    """An access token for a person, or the key itself for the cast's integration."""
    if who.user is None:
        async with db.transaction(cast.park.id, cast.admin.actor.user_id) as session:
            _, raw = await tenancy.create_api_key(session, cast.admin.actor, "数据平台", [Perm.REGISTRY_READ])
        return raw
    return await login(client, who.user.email, park_id=encode_id("Park", cast.park.id))


def user_errors(body: dict[str, Any], field: str) -> list[tuple[str | None, str]]:
    assert "errors" not in body, body
    return payload_user_errors(body["data"][field])


@contextmanager
def counted_statements() -> Iterator[list[str]]:
    """Every SQL statement any engine sends while the block runs."""
    statements: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    sa.event.listen(sa.Engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(sa.Engine, "before_cursor_execute", count)


def gid(type_name: str, row: Any) -> str:
    return str(encode_id(type_name, row.id))


def uuid_of(global_id: str) -> uuid.UUID:
    return decode_any_id(global_id)[1]
