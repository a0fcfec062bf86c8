"""From a GraphQL mutation to the grantee's notification: API → outbox → relay → arq → worker → API."""

from typing import Any

from arq import ArqRedis
from litestar.testing import AsyncTestClient

from redchain.graphql.relay import decode_id, encode_id
from redchain.infra.db import Database
from redchain.infra.metrics import JOB_COUNTS_KEY
from redchain.infra.settings import Settings
from redchain.services.permissions import Role
from redchain.workers.outbox import relay
from tests.factories import create_member, create_park, unique
from tests.graphql.client import first_login, gql, login
from tests.workers.conftest import run_worker_burst
from tests.workers.helpers import outbox_rows

GRANT = """
mutation Grant($input: GrantMembershipInput!) {
  grantMembership(input: $input) { membership { id role } userErrors { code } }
}
"""
NOTIFICATIONS = """
query { notifications(first: 10) { totalCount nodes { kind data readAt } } unreadNotificationCount }
"""
PASSWORD = "grantee-password-1"


async def job_count(queue: ArqRedis, key: str) -> int:
    return int(await queue.hget(JOB_COUNTS_KEY, key) or 0)


async def test_granted_membership_reaches_the_grantee_as_a_notification(
    client: AsyncTestClient[Any], db: Database, settings: Settings, arq_pool: ArqRedis
) -> None:
    assert settings.redis_url
    park = await create_park(db)
    park_id = encode_id("Park", park.id)
    admin, _ = await create_member(db, park, Role.PARK_ADMIN)
    admin_token = await login(client, admin.email, park_id=park_id)
    email = f"{unique('grantee')}@example.cn"
    handled_before = await job_count(arq_pool, "handle_event:handled")

    granted = await gql(
        client,
        GRANT,
        {"input": {"email": email, "displayName": "王五", "role": "AUDITOR", "password": PASSWORD}},
        token=admin_token,
    )
    assert granted["data"]["grantMembership"]["userErrors"] == []
    membership_id = decode_id(granted["data"]["grantMembership"]["membership"]["id"], "Membership")
    grantee_token = await first_login(client, email, PASSWORD)
    before_relay = await gql(client, NOTIFICATIONS, token=grantee_token)

    await relay(db, arq_pool)
    # The API and this test share the suite's database, where other parks' events wait too: this park's
    # one event is what it asserts.
    [event] = await outbox_rows(db, park)
    assert event.sent_at is not None
    await run_worker_burst(settings.redis_url)
    after = await gql(client, NOTIFICATIONS, token=grantee_token)

    assert before_relay["data"]["notifications"]["totalCount"] == 0
    assert after["data"]["notifications"] == {
        "totalCount": 1,
        "nodes": [
            {
                "kind": "MEMBERSHIP_GRANTED",
                "data": {"role": "AUDITOR", "membership_id": str(membership_id)},
                "readAt": None,
            }
        ],
    }
    assert after["data"]["unreadNotificationCount"] == 1
    # The job counts the worker wrote are what the API's /metrics reports.
    assert await job_count(arq_pool, "handle_event:handled") > handled_before
    [done] = await outbox_rows(db, park)
    assert done.done_at is not None
    metrics = (await client.get("/metrics")).text
    assert 'redchain_jobs_total{function="handle_event",outcome="handled"}' in metrics
