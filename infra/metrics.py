"""Prometheus metrics. Job counts and queue depth live in Redis, so the API can report the workers'."""

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest
from redis.asyncio import Redis
from redis.exceptions import RedisError

JOB_COUNTS_KEY = "redchain:metrics:jobs"
CALENDAR_KEY = "redchain:metrics:holiday_calendar_next_year_missing"
ARQ_QUEUE = "arq:queue"

HTTP_LATENCY = Histogram("redchain_http_request_seconds", "HTTP request latency", ["method", "path", "status"])
GRAPHQL_LATENCY = Histogram(
    "redchain_graphql_operation_seconds",
    "GraphQL operation latency",
    ["operation", "type"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
LOGIN_FAILURES = Counter("redchain_login_failures_total", "Refused logins by reason", ["reason"])
GRAPHQL_ERRORS = Counter("redchain_graphql_errors_total", "GraphQL errors by code", ["code"])
JOBS = Gauge("redchain_jobs_total", "Jobs run by the workers, by function and outcome", ["function", "outcome"])
QUEUE_DEPTH = Gauge("redchain_queue_depth", "Jobs waiting in the arq queue")
OUTBOX_PENDING = Gauge("redchain_outbox_pending", "Outbox events not yet relayed")
CALENDAR_NEXT_YEAR_MISSING = Gauge(
    "redchain_holiday_calendar_next_year_missing",
    "1 from December 1 while next year's holiday schedule is missing or provisional (SLA clocks would count "
    "Monday-Friday or the statute alone), else 0; set by the worker's calendar check",
)


async def count_job(redis: Redis, function: str, outcome: str) -> None:
    await redis.hincrby(JOB_COUNTS_KEY, f"{function}:{outcome}", 1)  # type: ignore[misc]


async def report_next_year_missing(redis: Redis, missing: bool) -> None:
    await redis.set(CALENDAR_KEY, int(missing))


async def render(redis: Redis, outbox_pending: int | None) -> tuple[bytes, str]:
    try:
        QUEUE_DEPTH.set(await redis.zcard(ARQ_QUEUE))  # type: ignore[misc]
        for key, value in (await redis.hgetall(JOB_COUNTS_KEY)).items():  # type: ignore[misc]
            function, outcome = key.decode().rsplit(":", 1)
            JOBS.labels(function, outcome).set(int(value))
        calendar = await redis.get(CALENDAR_KEY)
        if calendar is not None:
            CALENDAR_NEXT_YEAR_MISSING.set(int(calendar))
    except RedisError:
        pass  # metrics stay at their last values while Redis is away
    if outbox_pending is not None:
        OUTBOX_PENDING.set(outbox_pending)
    return generate_latest(), CONTENT_TYPE_LATEST
