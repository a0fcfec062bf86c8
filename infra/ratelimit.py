"""Fixed-window counters in Redis. If Redis is down we let requests through: it delays nothing
important, and PostgreSQL stays the source of truth."""

import logging

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger("redchain.ratelimit")

# Atomic, and works on Redis 6 (`EXPIRE ... NX` needs 7). A counter left without an expiry, whatever left
# it, gets one, so it can never block a caller for good.
_HIT = """
local count = redis.call('INCR', KEYS[1])
if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
"""


class RateLimiter:
    def __init__(self, redis: Redis, namespace: str = "rl") -> None:
        self.redis = redis
        self.namespace = namespace

    def _key(self, key: str) -> str:
        return f"{self.namespace}:{key}"

    async def hit(self, key: str, limit: int, window_seconds: int) -> bool:
        """Counts one request; False once `limit` requests were made in the current window."""
        try:
            count = await self.redis.eval(_HIT, 1, self._key(key), str(window_seconds))  # type: ignore[misc]
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
