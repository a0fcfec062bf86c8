"""Fixed-window counters in Redis. If Redis is down we let requests through: it delays nothing
important, and PostgreSQL stays the source of truth."""

import logging

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger("redchain.ratelimit")


class RateLimiter:
    def __init__(self, redis: Redis, namespace: str = "rl") -> None:
        self.redis = redis
        self.namespace = namespace

    def _key(self, key: str) -> str:
        return f"{self.namespace}:{key}"

    async def hit(self, key: str, limit: int, window_seconds: int) -> bool:
        """Counts one request; False once `limit` requests were made in the current window."""
        try:
            pipe = self.redis.pipeline(transaction=False)
            pipe.incr(self._key(key))
            pipe.expire(self._key(key), window_seconds, nx=True)
            count, _ = await pipe.execute()
        except RedisError as exc:
            log.warning("rate limiter unavailable: %s", exc)
            return True
        return int(count) <= limit

    async def exhausted(self, key: str, limit: int) -> bool:
        try:
            value = await self.redis.get(self._key(key))
        except RedisError as exc:
            log.warning("rate limiter unavailable: %s", exc)
            return False
        return value is not None and int(value) >= limit

    async def reset(self, key: str) -> None:
        try:
            await self.redis.delete(self._key(key))
        except RedisError as exc:
            log.warning("rate limiter unavailable: %s", exc)
