"""Issue #2: the GraphQL path against a plain Litestar JSON route doing the same authentication and SQL
(`GET /api/v1/me`), on the same server in the same run. Target: GraphQL throughput within 2x."""

from tests.bench.framework import Bench, Result, at_least, benchmark
from tests.bench.load import Request

ME = "query Me { me { user { id email displayName } } }"


@benchmark("foundation")
async def me_graphql_vs_plain(bench: Bench) -> list[Result]:
    account = await bench.signed_in()
    runs = await bench.compare(
        {
            "plain": Request.get("/api/v1/me", token=account.token),
            "graphql": Request.graphql(ME, token=account.token, operation_name="Me"),
        }
    )
    plain, graphql = runs["plain"], runs["graphql"]
    return [
        Result("me.plain.rps", plain.requests_per_second, "req/s"),
        Result("me.graphql.rps", graphql.requests_per_second, "req/s", plain.requests_per_second, target=at_least(0.5)),
        Result("me.plain.p50", plain.percentile_ms(50), "ms"),
        Result("me.graphql.p50", graphql.percentile_ms(50), "ms", plain.percentile_ms(50)),
        Result("me.plain.p99", plain.percentile_ms(99), "ms"),
        Result("me.graphql.p99", graphql.percentile_ms(99), "ms", plain.percentile_ms(99)),
    ]
