"""What a benchmark module uses: `@benchmark("name")`, the `Bench` context it receives, and `Result` rows.

A module named `bench_<something>.py` in this folder is found by the runner; each function it decorates
takes a `Bench` and returns the rows it measured:

    @benchmark("coverage")
    async def coverage(bench: Bench) -> list[Result]:
        account = await bench.signed_in()
        run = await bench.load(Request.graphql(COVERAGE, token=account.token))
        return [Result("coverage.p50", run.percentile_ms(50), "ms", target=at_most(100))]

`python -m tests.bench coverage` runs just that one. `bench.compare({...})` alternates variants on the same
server; `bench.stack.start_worker()` starts the arq worker for work done in jobs; `bench.settings.database_url`
is the owner URL for a hand-written asyncpg baseline. A row with a baseline gets ratio = value / baseline,
and its target applies to the ratio; without one, to the value.
"""

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from redchain.infra.db import Database
from redchain.infra.settings import Settings
from redchain.services.permissions import Role
from redchain.services.tenancy.models import Tenant, User
from tests.bench import load
from tests.bench.load import LoadResult, Request, Summary
from tests.bench.stack import Stack
from tests.factories import create_member, create_park
from tests.graphql.client import gql, login


@dataclass(frozen=True)
class Target:
    """A goal on the ratio when the row has a baseline, else on the value."""

    bound: float
    higher_is_better: bool

    def met(self, figure: float) -> bool:
        return figure >= self.bound if self.higher_is_better else figure <= self.bound

    def __str__(self) -> str:
        return f"{'>=' if self.higher_is_better else '<='} {self.bound:g}"


def at_least(bound: float) -> Target:
    return Target(bound, higher_is_better=True)


def at_most(bound: float) -> Target:
    return Target(bound, higher_is_better=False)


@dataclass(frozen=True)
class Result:
    name: str
    value: float
    unit: str
    baseline: float | None = None
    target: Target | None = None

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    @property
    def target_met(self) -> bool | None:
        if self.target is None:
            return None
        return self.target.met(self.value if self.ratio is None else self.ratio)

    def as_json(self) -> dict[str, Any]:
        def rounded(figure: float | None) -> float | None:
            return None if figure is None else round(figure, 4)

        return {
            "name": self.name,
            "value": rounded(self.value),
            "unit": self.unit,
            "baseline": rounded(self.baseline),
            "ratio": rounded(self.ratio),
        }


@dataclass(frozen=True)
class Account:
    park: Tenant
    user: User
    token: str


@dataclass
class Bench:
    """What a benchmark gets: the running server, the database, and ways to set up data through the
    real services."""

    stack: Stack
    base_url: str
    db: Database
    settings: Settings
    http: httpx.AsyncClient

    async def signed_in(
        self, role: Role = Role.PARK_ADMIN, park: Tenant | None = None, **scope: uuid.UUID | None
    ) -> Account:
        """A park (new unless given), a user with `role` in it, and an access token from `login`."""
        park = park or await create_park(self.db)
        user, _ = await create_member(self.db, park, role, **scope)
        token = await login(self.http, user.email, park_id=None)  # type: ignore[arg-type]
        return Account(park, user, token)

    async def gql(
        self, query: str, variables: dict[str, Any] | None = None, token: str | None = None
    ) -> dict[str, Any]:
        """One GraphQL call; a benchmark that sets up data through the API should not ignore errors."""
        body = await gql(self.http, query, variables, token)  # type: ignore[arg-type]
        if body.get("errors"):
            raise AssertionError(f"GraphQL errors: {body['errors']}")
        return body

    async def load(self, request: Request, **options: Any) -> LoadResult:
        """Closed-loop load on one request (options: clients, duration, warmup)."""
        return await load.closed_loop(self.base_url, request, **options)

    async def compare(self, variants: dict[str, Request], **options: Any) -> dict[str, Summary]:
        """Alternating rounds of each variant, summarised by medians (options: rounds, clients, ...)."""
        return await load.compare(self.base_url, variants, **options)


BenchmarkFn = Callable[[Bench], Awaitable[list[Result]]]
REGISTRY: dict[str, BenchmarkFn] = {}


def benchmark(name: str) -> Callable[[BenchmarkFn], BenchmarkFn]:
    def register(fn: BenchmarkFn) -> BenchmarkFn:
        if name in REGISTRY:
            raise ValueError(f"benchmark {name!r} is registered twice")
        REGISTRY[name] = fn
        return fn

    return register
