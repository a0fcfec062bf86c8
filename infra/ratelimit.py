"""Fixed-window counters in Redis. If Redis is down we let requests through: it delays nothing
important, and PostgreSQL stays the source of truth."""

import logging

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger("redchain.ratelimit")

# Atomic, and works on Redis 6 (`EXPIRE ... NX` needs 7). A counter left without an expiry, whatever left
# it, gets one, so it can never block a caller for good.
_COUNT = """
local count = redis.call('INCR', KEYS[1])
if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
"""
_HIT = _COUNT + "return count"
# Also answering another key's value: the per-request check of a caller rides on its count.
_HIT_AND_GET = _COUNT + "return {count, redis.call('GET', KEYS[2])}"


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

    async def hit_and_get(self, key: str, limit: int, window_seconds: int, other_key: str) -> tuple[bool, bytes | None]:
        """`hit`, and the value at `other_key`, in one command; (True, None) while Redis is away."""
        try:
            count, value = await self.redis.eval(_HIT_AND_GET, 2, self._key(key), other_key, str(window_seconds))  # type: ignore[misc]
        except RedisError as exc:
            log.warning("rate limiter unavailable: %s", exc)
            return True, None
        return int(count) <= limit, value

    async def first_in(self, key: str, window_seconds: int) -> bool:
        """True for the first call per `key` in a window (SET NX): a once-an-hour record, not one per
        request. False while Redis is away, so an outage cannot turn it into a write per request."""
        try:
            return bool(await self.redis.set(self._key(key), b"1", nx=True, ex=window_seconds))
        except RedisError as exc:
            log.warning("rate limiter unavailable: %s", exc)
            return False

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
