"""Issue #3 on the reference-scale park (38,000 enterprises): `coverage` latency for the park and for one chain,
and the hot list (first 50 enterprises with chain, organisations and liaison officers) through GraphQL against
one hand-written asyncpg query reading the same data, in the same run."""

import asyncio
import statistics
import time
import uuid
from datetime import date

import asyncpg
import sqlalchemy as sa

from redchain.infra.clock import park_today
from redchain.infra.db import app_role_url
from redchain.services.actor import Actor, ActorKind, Grant
from redchain.services.demo_scale.loader import load_reference_scale
from redchain.services.permissions import Role
from redchain.services.registry.service import REFERENCE_CHAINS
from tests.bench.framework import Account, Bench, Result, at_least, at_most, benchmark
from tests.bench.load import Request
from tests.factories import create_chain

CLIENTS, SECONDS, ROUNDS = 4, 3.0, 4
PAGE = 50
HOT_LIST = """
query HotList($first: Int!) {
  enterprises(first: $first) {
    edges {
      node {
        id name creditCode isKey
        chain { id name }
        organizations { id name kind status }
        liaisonOfficers { id displayName }
      }
    }
  }
}
"""
COVERAGE = """
query Coverage($chainId: ID) {
  coverage(chainId: $chainId) {
    enterpriseCount coveredEnterpriseCount coverageRate keyEnterpriseCount employeeCount coveredEmployeeCount
    employeeCoverageRate organizationsByKind { kind formed preparing } formedOrganizationCount
    preparingOrganizationCount memberCount floatingMemberCount membersByStatus { status count }
    formationPipelineCount formationPipeline { enterprise { id name } fullMemberCount preparing }
    unreachedKeyEnterpriseCount unreachedKeyEnterprises { id name }
  }
}
"""
CHAINS = "query Chains { industryChains(first: 10) { edges { node { id name } } } }"
# The hot list as one statement: the page by (name, id), its chain joined, organisations and active officers
# aggregated per row; what RLS lets the app role see with the park set, as the API's PARK_ADMIN does.
HOT_LIST_SQL = """
SELECT e.id, e.name, e.credit_code, e.is_key, c.id AS chain_id, c.name AS chain_name,
  (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'status', o.status)
                            ORDER BY o.name), '[]')
     FROM party_organization_enterprises oe
     JOIN party_organizations o ON o.tenant_id = oe.tenant_id AND o.id = oe.organization_id
    WHERE oe.tenant_id = e.tenant_id AND oe.enterprise_id = e.id) AS organizations,
  (SELECT coalesce(json_agg(DISTINCT jsonb_build_object('id', u.id, 'displayName', u.display_name)), '[]')
     FROM liaison_assignments a JOIN users u ON u.id = a.officer_user_id
    WHERE a.tenant_id = e.tenant_id AND a.enterprise_id = e.id
      AND a.starts_on <= $2 AND (a.ends_on IS NULL OR a.ends_on >= $2)) AS officers
FROM enterprises e
LEFT JOIN industry_chains c ON c.tenant_id = e.tenant_id AND c.id = e.chain_id
WHERE e.tenant_id = $1 AND e.archived_at IS NULL
ORDER BY e.name, e.id
LIMIT $3
"""


async def _reference_park(bench: Bench) -> Account:
    """A new park with the six reference chains, filled by the demo's reference-scale loader."""
    account = await bench.signed_in()
    for name in REFERENCE_CHAINS:
        await create_chain(bench.db, account.park, name=name)
    admin = Actor(
        kind=ActorKind.USER, tenant_id=account.park.id, user_id=account.user.id, grants=(Grant(Role.PARK_ADMIN),)
    )
    started = time.monotonic()
    done = await load_reference_scale(bench.db, admin, "Bench-officer-password")
    print(f"  {done} in {time.monotonic() - started:.0f} s", flush=True)
    # Planner statistics for the freshly loaded tables, as autovacuum would gather them given time.
    async with bench.db.owner_transaction() as session:
        await session.execute(sa.text("ANALYZE"))
    return account


async def _asyncpg_round(bench: Bench, park_id: uuid.UUID, today: date) -> float:
    """The hot list by one statement per request, each in its own transaction with the park set (as the API
    reads), by as many clients on their own connections for as long as a GraphQL round."""
    url = app_role_url(bench.settings, bench.settings.database_url or "").set(drivername="postgresql")
    dsn = url.render_as_string(hide_password=False)
    deadline = time.perf_counter() + SECONDS
    done = 0

    async def client() -> None:
        nonlocal done
        conn = await asyncpg.connect(dsn, server_settings={"jit": "off"})  # as the app connects
        try:
            while time.perf_counter() < deadline:
                async with conn.transaction(readonly=True):
                    await conn.execute("SELECT set_config('app.tenant_id', $1, true)", str(park_id))
                    rows = await conn.fetch(HOT_LIST_SQL, park_id, today, PAGE)
                if len(rows) != PAGE:
                    raise AssertionError(f"the hot list read {len(rows)} rows")
                done += 1
        finally:
            await conn.close()

    await asyncio.gather(*(client() for _ in range(CLIENTS)))
    return done / SECONDS


@benchmark("registry")
async def registry_reference_park(bench: Bench) -> list[Result]:
    account = await _reference_park(bench)
    chains = (await bench.gql(CHAINS, token=account.token))["data"]["industryChains"]["edges"]
    chain_id = chains[0]["node"]["id"]
    park = await bench.load(Request.graphql(COVERAGE, token=account.token), clients=1, duration=SECONDS)
    chain = await bench.load(
        Request.graphql(COVERAGE, {"chainId": chain_id}, token=account.token), clients=1, duration=SECONDS
    )

    listed = (await bench.gql(HOT_LIST, {"first": PAGE}, token=account.token))["data"]["enterprises"]["edges"]
    with_orgs = sum(1 for e in listed if e["node"]["organizations"])
    with_officers = sum(1 for e in listed if e["node"]["liaisonOfficers"])
    print(f"  hot list: {len(listed)} enterprises, {with_orgs} with organisations, {with_officers} with officers")
    request = Request.graphql(HOT_LIST, {"first": PAGE}, token=account.token, operation_name="HotList")
    today = park_today()
    graphql, plain = [], []
    for round_number in range(ROUNDS):  # alternating, so drift falls on both
        for variant in ("graphql", "asyncpg") if round_number % 2 == 0 else ("asyncpg", "graphql"):
            if variant == "graphql":
                rps = (await bench.load(request, clients=CLIENTS, duration=SECONDS)).requests_per_second
                graphql.append(rps)
            else:
                rps = await _asyncpg_round(bench, account.park.id, today)
                plain.append(rps)
            print(f"  round {round_number + 1}/{ROUNDS} {variant:>8}: {rps:8.1f} req/s", flush=True)
    graphql_rps, plain_rps = statistics.median(graphql), statistics.median(plain)
    return [
        Result("registry.coverage.park.p50", park.percentile_ms(50), "ms", target=at_most(100)),
        Result("registry.coverage.chain.p50", chain.percentile_ms(50), "ms", target=at_most(100)),
        Result("registry.hot_list.asyncpg.rps", plain_rps, "req/s"),
        Result("registry.hot_list.graphql.rps", graphql_rps, "req/s", plain_rps, target=at_least(0.25)),
    ]
