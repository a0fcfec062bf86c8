"""Password hashing (argon2), signed access tokens (JWT), high-entropy secrets and the cache of each user's
authorization version."""

import hashlib
import hmac
import logging
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy.ext.asyncio import AsyncSession

log = logging.getLogger("redchain.security")

_hasher = PasswordHasher()
# Verified when the email is unknown, so a wrong email costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    # Secrets are 256 random bits, so a fast hash is enough (unlike passwords).
    return hashlib.sha256(secret.encode()).hexdigest()


def secrets_match(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(secret), stored_hash)


class InvalidToken(Exception):
    def __init__(self, expired: bool = False) -> None:
        super().__init__("token expired" if expired else "token invalid")
        self.expired = expired


def encode_access_token(claims: dict[str, Any], secret: str, minutes: int) -> tuple[str, datetime]:
    now = datetime.now(UTC)
    expires = now + timedelta(minutes=minutes)
    token = jwt.encode({**claims, "iat": now, "exp": expires, "jti": uuid.uuid4().hex}, secret, "HS256")
    return token, expires


def decode_access_token(token: str, secret: str) -> dict[str, Any]:
    try:
        return jwt.decode(token, secret, algorithms=["HS256"], options={"require": ["exp", "sub"]})
    except jwt.ExpiredSignatureError as exc:
        raise InvalidToken(expired=True) from exc
    except jwt.PyJWTError as exc:
        raise InvalidToken() from exc


# Authorization versions -------------------------------------------------------------------------

# Only ever raises the cached value: a reader that read PostgreSQL before a change committed cannot
# put the older version back over the one the change published.
_RAISE_TO = """
local current = tonumber(redis.call('GET', KEYS[1]) or '-1')
if current < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) end
return 0
"""
_CHANGED = "redchain.auth_versions_changed"


def auth_version_key(user_id: uuid.UUID) -> str:
    return f"authv:{user_id}"


def note_auth_version(session: AsyncSession, user_id: uuid.UUID, version: int) -> None:
    """Remembers a version written in this transaction, to publish once it has committed."""
    session.info.setdefault(_CHANGED, {})[user_id] = version


class AuthVersions:
    """The Redis copy of each user's authorization version (`users.auth_version`)."""

    def __init__(self, redis: Redis, ttl_seconds: int) -> None:
        self.redis, self.ttl = redis, ttl_seconds

    async def cache(self, user_id: uuid.UUID, version: int) -> None:
        try:
            await self.redis.eval(_RAISE_TO, 1, auth_version_key(user_id), str(version), str(self.ttl))  # type: ignore[misc]
        except RedisError as exc:
            log.warning("authorization version cache unavailable: %s", exc)

    async def publish(self, session: AsyncSession) -> None:
        """After commit: the versions the transaction raised, so older tokens fail from the next request.
        Should Redis miss this, the old copy it holds lives out its TTL (auth_version_cache_seconds)."""
        for user_id, version in session.info.pop(_CHANGED, {}).items():
            await self.cache(user_id, version)
