"""What every job shares: the worker context and the outcome it counts in Redis for /metrics."""

import functools
import logging
from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import Any, TypeVar

from arq import Retry
from redis.exceptions import RedisError

from redchain.infra.metrics import count_job

log = logging.getLogger("redchain.workers")
# arq's job context: "redis" (the arq pool) from arq, "db" (Database) from the worker's startup.
Ctx = dict[str, Any]
R = TypeVar("R")


def _outcome_of(result: object) -> str:
    return result.value if isinstance(result, StrEnum) else "ok"


async def _count(ctx: Ctx, function: str, outcome: str) -> None:
    try:
        await count_job(ctx["redis"], function, outcome)
    except RedisError:
        log.warning("could not count job %s:%s, Redis is unavailable", function, outcome)


def counted(job: Callable[..., Awaitable[R]]) -> Callable[..., Awaitable[R]]:
    """Counts each run of `job` by outcome: a returned StrEnum's value, "ok", "retried" or "failed"."""

    @functools.wraps(job)
    async def run(ctx: Ctx, *args: Any, **kwargs: Any) -> R:
        try:
            result = await job(ctx, *args, **kwargs)
        except Retry:
            await _count(ctx, job.__name__, "retried")
            raise
        except Exception:
            await _count(ctx, job.__name__, "failed")
            raise
        await _count(ctx, job.__name__, _outcome_of(result))
        return result

    return run
