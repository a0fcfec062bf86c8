"""Security events that other parts of the API leave: unmasked registry phones, API key use."""

from typing import Any

from litestar.testing import AsyncTestClient

from redchain.infra.db import Database
from redchain.services.permissions import Role
from tests.factories import create_enterprise, create_park
from tests.graphql.client import gql, member_token

EVENTS = """
query Events($kind: SecurityEventKind) { securityEvents(kind: $kind) { totalCount nodes { actorApiKeyId after } } }
"""
ENTERPRISES = "query { enterprises { nodes { contactPhone } } }"
CREATE_KEY = 'mutation { createApiKey(input: {name: "k", scopes: [AUDIT_READ]}) { secret } }'


async def test_enterprise_phones_read_whole_are_one_event_per_request(
    client: AsyncTestClient[Any], db: Database
) -> None:
    park = await create_park(db)
    _, token = await member_token(client, db, park, Role.PARK_ADMIN)
    for n in range(2):
        await create_enterprise(db, park, contact_phone=f"1390000000{n}")

    first = await gql(client, ENTERPRISES, token=token)
    await gql(client, ENTERPRISES, token=token)
    events = (await gql(client, EVENTS, {"kind": "PERSONAL_DATA_READ"}, token=token))["data"]["securityEvents"]

    assert {e["contactPhone"] for e in first["data"]["enterprises"]["nodes"]} == {"13900000000", "13900000001"}
    assert [e["after"] for e in events["nodes"]] == [{"kind": "enterprise_contact_phone", "count": 2}] * 2


async def test_masked_enterprise_phones_leave_no_event(client: AsyncTestClient[Any], db: Database) -> None:
    park = await create_park(db)
    _, token = await member_token(client, db, park, Role.AUDITOR)
    await create_enterprise(db, park, contact_phone="13900000009")

    shown = await gql(client, ENTERPRISES, token=token)
    events = (await gql(client, EVENTS, {"kind": "PERSONAL_DATA_READ"}, token=token))["data"]["securityEvents"]

    assert shown["data"]["enterprises"]["nodes"] == [{"contactPhone": "139****0009"}]
    assert events["totalCount"] == 0


async def test_api_key_use_is_recorded_once_an_hour(client: AsyncTestClient[Any], db: Database) -> None:
    _, token = await member_token(client, db, await create_park(db), Role.PARK_ADMIN)
    secret = (await gql(client, CREATE_KEY, token=token))["data"]["createApiKey"]["secret"]

    for _ in range(3):
        await gql(client, "{ me { permissions } }", token=secret)
    events = (await gql(client, EVENTS, {"kind": "API_KEY_USE"}, token=token))["data"]["securityEvents"]

    assert events["totalCount"] == 1 and events["nodes"][0]["actorApiKeyId"] is not None
