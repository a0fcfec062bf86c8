"""Fixed-window rate limits in Redis (the embedded one is Redis 6, so nothing here may need Redis 7)."""

import uuid

from redis.asyncio import Redis

from redchain.infra.devservers import free_port
from redchain.infra.ratelimit import RateLimiter


def fresh_key() -> str:
    return f"test:{uuid.uuid4().hex}"


async def test_the_limit_applies_within_the_window(redis: Redis) -> None:
    limiter, key = RateLimiter(redis), fresh_key()

    allowed = [await limiter.hit(key, 3, 60) for _ in range(5)]

    assert allowed == [True, True, True, False, False]
    assert 0 < await redis.ttl(f"rl:{key}") <= 60


async def test_the_window_does_not_slide_with_each_hit(redis: Redis) -> None:
    limiter, key = RateLimiter(redis), fresh_key()
    await limiter.hit(key, 10, 60)
    await redis.expire(f"rl:{key}", 5)

    await limiter.hit(key, 10, 60)

    assert await redis.ttl(f"rl:{key}") <= 5


async def test_a_counter_without_expiry_gets_one(redis: Redis) -> None:
    limiter, key = RateLimiter(redis), fresh_key()
    await redis.set(f"rl:{key}", 100)  # e.g. left by a crash between INCR and EXPIRE

    assert await limiter.hit(key, 3, 60) is False
    assert 0 < await redis.ttl(f"rl:{key}") <= 60


async def test_exhausted_and_reset(redis: Redis) -> None:
    limiter, key = RateLimiter(redis), fresh_key()
    for _ in range(3):
        await limiter.hit(key, 3, 60)
    assert await limiter.exhausted(key, 3) is True

    await limiter.reset(key)

    assert await limiter.exhausted(key, 3) is False
    assert await limiter.hit(key, 3, 60) is True


async def test_redis_down_lets_requests_through() -> None:
    nowhere = Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=0.5)
    limiter = RateLimiter(nowhere)
    try:
        assert await limiter.hit(fresh_key(), 1, 60) is True
        assert await limiter.exhausted(fresh_key(), 1) is False
        await limiter.reset(fresh_key())
        assert await limiter.hit_and_get(fresh_key(), 1, 60, fresh_key()) == (True, None)
        # Down, a once-an-hour record is skipped rather than written on every request.
        assert await limiter.first_in(fresh_key(), 60) is False
    finally:
        await nowhere.aclose()


async def test_hit_and_get_counts_and_reads_in_one_round_trip(redis: Redis) -> None:
    limiter, key, other = RateLimiter(redis), fresh_key(), fresh_key()
    await redis.set(other, b"7")

    results = [await limiter.hit_and_get(key, 2, 60, other) for _ in range(3)]

    assert results == [(True, b"7"), (True, b"7"), (False, b"7")]
    assert (await limiter.hit_and_get(fresh_key(), 2, 60, fresh_key()))[1] is None


async def test_first_in_a_window_is_true_once(redis: Redis) -> None:
    limiter, key = RateLimiter(redis), fresh_key()

    firsts = [await limiter.first_in(key, 60) for _ in range(3)]

    assert firsts == [True, False, False]
    assert 0 < await redis.ttl(f"rl:{key}") <= 60
