"""Parks, accounts, memberships, login sessions and API keys."""

import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra import outbox
from redchain.infra.db import set_context
from redchain.infra.pagination import Page, PageRequest
from redchain.infra.security import (
    InvalidToken,
    decode_access_token,
    encode_access_token,
    hash_password,
    hash_secret,
    new_secret,
    secrets_match,
    verify_password,
)
from redchain.infra.settings import Settings
from redchain.services.actor import Actor, ActorKind, Grant
from redchain.services.audit import service as audit
from redchain.services.errors import NotFound, TooLong
from redchain.services.permissions import API_KEY_SCOPES, Perm, Role
from redchain.services.tenancy import events
from redchain.services.tenancy.errors import (
    AlreadyRevoked,
    DuplicateMembership,
    InvalidCredentials,
    InvalidEmail,
    InvalidParkCode,
    InvalidRefreshToken,
    LastParkAdmin,
    NoMembership,
    ParkCodeTaken,
    ScopeNotAllowed,
    WeakPassword,
)
from redchain.services.tenancy.models import ApiKey, Membership, Tenant, User, UserSession
from redchain.services.tenancy.policies import check_scope, require, require_platform_admin
from redchain.services.tenancy.repository import TenancyRepository

MIN_PASSWORD_LENGTH = 10
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PARK_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{1,63}$")
API_KEY_PREFIX = "rck"
MEMBERSHIP_FIELDS = ("user_id", "role", "chain_id", "enterprise_id", "revoked_at")


@dataclass
class Tokens:
    access_token: str
    refresh_token: str
    expires_at: datetime
    user: User
    tenant: Tenant | None
    grants: tuple[Grant, ...]


# Accounts -------------------------------------------------------------------------------------


def normalize_email(email: str) -> str:
    email = email.strip().lower()
    if len(email) > 254:
        raise TooLong("email", limit=254)
    if not EMAIL.match(email):
        raise InvalidEmail("email")
    return email


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword("password", min_length=MIN_PASSWORD_LENGTH)
    if len(password) > 200:
        raise TooLong("password", limit=200)


async def _user_for_invite(
    repo: TenancyRepository, email: str, display_name: str, password: str | None
) -> tuple[User, str | None]:
    """The existing account for `email`, or a new one; a generated password is returned once."""
    user = await repo.user_by_email(email)
    if user is not None:
        return user, None
    generated = None
    if password is None:
        generated = password = secrets.token_urlsafe(12)
    check_password_strength(password)
    if len(display_name) > 100:
        raise TooLong("displayName", limit=100)
    user = User(email=email, password_hash=hash_password(password), display_name=display_name.strip() or email)
    await repo.add(user)
    return user, generated


# Login ----------------------------------------------------------------------------------------


def _grants(memberships: list[Membership]) -> tuple[Grant, ...]:
    return tuple(Grant(Role(m.role), m.chain_id, m.enterprise_id) for m in memberships)


def _claims(user: User, tenant_id: uuid.UUID | None, grants: tuple[Grant, ...]) -> dict[str, object]:
    return {
        "sub": str(user.id),
        "tid": str(tenant_id) if tenant_id else None,
        "pa": user.is_platform_admin,
        "g": [[g.role.value, str(g.chain_id or ""), str(g.enterprise_id or "")] for g in grants],
    }


async def _issue_tokens(
    repo: TenancyRepository, settings: Settings, user: User, tenant: Tenant | None, grants: tuple[Grant, ...]
) -> Tokens:
    secret = new_secret()
    user_session = UserSession(
        user_id=user.id,
        tenant_id=tenant.id if tenant else None,
        token_hash=hash_secret(secret),
        expires_at=datetime.now(UTC) + timedelta(days=settings.refresh_token_days),
    )
    await repo.add(user_session)
    access, expires = encode_access_token(
        _claims(user, user_session.tenant_id, grants),
        settings.jwt_secret.get_secret_value(),
        settings.access_token_minutes,
    )
    return Tokens(access, f"{user_session.id}.{secret}", expires, user, tenant, grants)


async def login(
    session: AsyncSession, settings: Settings, email: str, password: str, park_id: uuid.UUID | None
) -> Tokens:
    repo = TenancyRepository(session)
    user = await repo.user_by_email(email.strip().lower())
    if not verify_password(user.password_hash if user else None, password) or user is None or not user.is_active:
        raise InvalidCredentials("password")
    await set_context(session, None, user.id)
    memberships = await repo.memberships_of_user(user.id)
    tenant_ids = list(dict.fromkeys(m.tenant_id for m in memberships))
    if park_id is not None and park_id not in tenant_ids:
        raise NoMembership("parkId")
    if park_id is None and not tenant_ids:
        if not user.is_platform_admin:
            raise NoMembership("parkId")
        return await _issue_tokens(repo, settings, user, None, ())
    tenant_id = park_id or tenant_ids[0]
    tenant = await repo.tenant(tenant_id)
    if tenant is None or not tenant.is_active:
        raise NoMembership("parkId")
    grants = _grants([m for m in memberships if m.tenant_id == tenant_id])
    return await _issue_tokens(repo, settings, user, tenant, grants)


def _parse_refresh_token(token: str) -> tuple[uuid.UUID, str]:
    try:
        session_id, secret = token.split(".", 1)
        return uuid.UUID(session_id), secret
    except ValueError as exc:
        raise InvalidRefreshToken("refreshToken") from exc


async def refresh(session: AsyncSession, settings: Settings, refresh_token: str) -> Tokens | None:
    """Rotates the refresh token. Presenting an already-rotated token means it was copied: every
    session of that user in that park ends (committed), and the answer is None."""
    repo = TenancyRepository(session)
    session_id, secret = _parse_refresh_token(refresh_token)
    user_session = await repo.user_session(session_id)
    if user_session is None or not secrets_match(secret, user_session.token_hash):
        raise InvalidRefreshToken("refreshToken")
    if user_session.revoked_at is not None:
        if user_session.tenant_id:
            await repo.revoke_user_sessions(user_session.user_id, user_session.tenant_id)
        return None
    if user_session.expires_at <= datetime.now(UTC):
        raise InvalidRefreshToken("refreshToken")
    user_session.revoked_at = datetime.now(UTC)
    user = await repo.user(user_session.user_id)
    if user is None or not user.is_active:
        raise InvalidRefreshToken("refreshToken")
    await set_context(session, user_session.tenant_id, user.id)
    tenant = await repo.tenant(user_session.tenant_id) if user_session.tenant_id else None
    memberships = [m for m in await repo.memberships_of_user(user.id) if m.tenant_id == user_session.tenant_id]
    if tenant is not None and not memberships:
        raise InvalidRefreshToken("refreshToken")
    return await _issue_tokens(repo, settings, user, tenant, _grants(memberships))


async def logout(session: AsyncSession, refresh_token: str) -> None:
    repo = TenancyRepository(session)
    session_id, secret = _parse_refresh_token(refresh_token)
    user_session = await repo.user_session(session_id)
    if user_session is None or not secrets_match(secret, user_session.token_hash):
        raise InvalidRefreshToken("refreshToken")
    user_session.revoked_at = user_session.revoked_at or datetime.now(UTC)


def actor_from_access_token(token: str, settings: Settings) -> Actor:
    """Raises InvalidToken. No database read: roles travel in the short-lived token."""
    claims = decode_access_token(token, settings.jwt_secret.get_secret_value())
    try:
        grants = tuple(
            Grant(Role(role), uuid.UUID(chain) if chain else None, uuid.UUID(ent) if ent else None)
            for role, chain, ent in claims.get("g", [])
        )
        return Actor(
            kind=ActorKind.USER,
            tenant_id=uuid.UUID(claims["tid"]) if claims.get("tid") else None,
            user_id=uuid.UUID(claims["sub"]),
            grants=grants,
            is_platform_admin=bool(claims.get("pa")),
        )
    except (ValueError, TypeError, KeyError) as exc:
        raise InvalidToken() from exc


# API keys -------------------------------------------------------------------------------------


def _format_api_key(key: ApiKey, secret: str) -> str:
    # The park travels in the key, so looking a key up never needs to read across parks.
    return f"{API_KEY_PREFIX}_{key.tenant_id.hex}_{key.id.hex}_{secret}"


def parse_api_key(raw: str) -> tuple[uuid.UUID, uuid.UUID, str]:
    """Raises InvalidToken for anything that is not shaped like one of our keys."""
    try:
        prefix, tenant_hex, key_hex, secret = raw.split("_", 3)
        if prefix != API_KEY_PREFIX or not secret:
            raise ValueError(raw)
        return uuid.UUID(hex=tenant_hex), uuid.UUID(hex=key_hex), secret
    except ValueError as exc:
        raise InvalidToken() from exc


async def actor_from_api_key(session: AsyncSession, raw: str) -> Actor:
    """Runs in a transaction whose park is the key's park. Raises InvalidToken."""
    tenant_id, key_id, secret = parse_api_key(raw)
    repo = TenancyRepository(session)
    key = await repo.api_key(tenant_id, key_id)
    if key is None or key.revoked_at is not None or not secrets_match(secret, key.secret_hash):
        raise InvalidToken()
    await repo.touch_api_key(tenant_id, key_id, every=timedelta(minutes=1))
    return Actor(
        kind=ActorKind.API_KEY,
        tenant_id=tenant_id,
        api_key_id=key.id,
        api_scopes=frozenset(Perm(s) for s in key.scopes if s in Perm._value2member_map_),
    )


async def create_api_key(
    session: AsyncSession, actor: Actor, name: str, scopes: list[Perm]
) -> tuple[ApiKey, str]:
    require(actor, Perm.API_KEYS_MANAGE)
    assert actor.tenant_id is not None
    for scope in scopes:
        if scope not in API_KEY_SCOPES:
            raise ScopeNotAllowed("scopes", scope=scope.value)
    if len(name) > 100:
        raise TooLong("name", limit=100)
    secret = new_secret()
    key = ApiKey(
        tenant_id=actor.tenant_id,
        name=name.strip(),
        secret_hash=hash_secret(secret),
        scopes=sorted({s.value for s in scopes}),
        created_by=actor.user_id,
    )
    await TenancyRepository(session).add(key)
    audit.record(session, actor, "api_key.create", "ApiKey", key.id, after={"name": key.name, "scopes": key.scopes})
    return key, _format_api_key(key, secret)


async def revoke_api_key(session: AsyncSession, actor: Actor, key_id: uuid.UUID) -> ApiKey:
    require(actor, Perm.API_KEYS_MANAGE)
    assert actor.tenant_id is not None
    key = await TenancyRepository(session).api_key(actor.tenant_id, key_id)
    if key is None:
        raise NotFound("id")
    if key.revoked_at is not None:
        raise AlreadyRevoked("id")
    key.revoked_at = datetime.now(UTC)
    audit.record(session, actor, "api_key.revoke", "ApiKey", key.id, after={"revoked_at": key.revoked_at.isoformat()})
    return key


async def list_api_keys(session: AsyncSession, actor: Actor) -> list[ApiKey]:
    require(actor, Perm.API_KEYS_MANAGE)
    assert actor.tenant_id is not None
    return await TenancyRepository(session).api_keys(actor.tenant_id)


# Parks and memberships ------------------------------------------------------------------------


async def create_park(session: AsyncSession, actor: Actor, code: str, name: str) -> Tenant:
    require_platform_admin(actor)
    repo = TenancyRepository(session)
    code = code.strip().lower()
    if not PARK_CODE.match(code):
        raise InvalidParkCode("code")
    if not name.strip() or len(name) > 200:
        raise TooLong("name", limit=200)
    if await repo.tenant_by_code(code) is not None:
        raise ParkCodeTaken("code")
    tenant = Tenant(code=code, name=name.strip())
    await repo.add(tenant)
    await set_context(session, tenant.id, actor.user_id)
    audit.record(session, actor, "park.create", "Park", tenant.id, after={"code": code, "name": tenant.name},
                 tenant_id=tenant.id)
    outbox.emit(session, tenant.id, events.PARK_CREATED, {"park_id": str(tenant.id)})
    return tenant


@dataclass
class GrantResult:
    membership: Membership
    user: User
    temporary_password: str | None


async def _grant(
    session: AsyncSession, actor: Actor, tenant_id: uuid.UUID, email: str, display_name: str,
    role: Role, chain_id: uuid.UUID | None, enterprise_id: uuid.UUID | None, password: str | None,
) -> GrantResult:
    repo = TenancyRepository(session)
    check_scope(role, chain_id, enterprise_id)
    user, generated = await _user_for_invite(repo, normalize_email(email), display_name, password)
    existing = await repo.find_membership(tenant_id, user.id, role, chain_id, enterprise_id)
    if existing is not None and existing.revoked_at is None:
        raise DuplicateMembership("email")
    if existing is not None:
        before = audit.snapshot(existing, *MEMBERSHIP_FIELDS)
        existing.revoked_at = None
        membership = existing
    else:
        before = None
        membership = Membership(tenant_id=tenant_id, user_id=user.id, role=role, chain_id=chain_id,
                                enterprise_id=enterprise_id)
        await repo.add(membership)
    audit.record(session, actor, "membership.grant", "Membership", membership.id, before=before,
                 after=audit.snapshot(membership, *MEMBERSHIP_FIELDS), tenant_id=tenant_id)
    outbox.emit(session, tenant_id, events.MEMBERSHIP_GRANTED, {
        "membership_id": str(membership.id), "user_id": str(user.id), "role": role.value,
        "granted_by": str(actor.user_id) if actor.user_id else None,
    })
    return GrantResult(membership, user, generated)


async def invite_park_admin(
    session: AsyncSession, actor: Actor, park_id: uuid.UUID, email: str, display_name: str,
    password: str | None,
) -> GrantResult:
    require_platform_admin(actor)
    if await TenancyRepository(session).tenant(park_id) is None:
        raise NotFound("parkId")
    await set_context(session, park_id, actor.user_id)
    return await _grant(session, actor, park_id, email, display_name, Role.PARK_ADMIN, None, None, password)


async def grant_membership(
    session: AsyncSession, actor: Actor, email: str, display_name: str, role: Role,
    chain_id: uuid.UUID | None, enterprise_id: uuid.UUID | None, password: str | None,
) -> GrantResult:
    require(actor, Perm.MEMBERSHIPS_MANAGE)
    assert actor.tenant_id is not None
    return await _grant(session, actor, actor.tenant_id, email, display_name, role, chain_id, enterprise_id,
                        password)


async def revoke_membership(session: AsyncSession, actor: Actor, membership_id: uuid.UUID) -> Membership:
    require(actor, Perm.MEMBERSHIPS_MANAGE)
    assert actor.tenant_id is not None
    repo = TenancyRepository(session)
    membership = await repo.membership(actor, membership_id)
    if membership is None:
        raise NotFound("id")
    if membership.revoked_at is not None:
        raise AlreadyRevoked("id")
    if membership.role == Role.PARK_ADMIN and await repo.count_active_park_admins(actor.tenant_id) <= 1:
        raise LastParkAdmin("id")
    before = audit.snapshot(membership, *MEMBERSHIP_FIELDS)
    membership.revoked_at = datetime.now(UTC)
    # Refresh tokens die now; an access token already issued lives out its few minutes.
    await repo.revoke_user_sessions(membership.user_id, actor.tenant_id)
    audit.record(session, actor, "membership.revoke", "Membership", membership.id, before=before,
                 after=audit.snapshot(membership, *MEMBERSHIP_FIELDS))
    outbox.emit(session, actor.tenant_id, events.MEMBERSHIP_REVOKED,
                {"membership_id": str(membership.id), "user_id": str(membership.user_id)})
    return membership


async def list_memberships(
    session: AsyncSession, actor: Actor, page: PageRequest, role: Role | None, include_revoked: bool
) -> Page[Membership]:
    return await TenancyRepository(session).page_memberships(actor, page, role, include_revoked)


async def count_memberships(session: AsyncSession, actor: Actor, role: Role | None, include_revoked: bool) -> int:
    return await TenancyRepository(session).count_memberships(actor, role, include_revoked)


async def my_parks(session: AsyncSession, actor: Actor) -> list[Tenant]:
    """The parks in which the actor's user holds an active membership."""
    if actor.user_id is None:
        return []
    repo = TenancyRepository(session)
    await set_context(session, actor.tenant_id, actor.user_id)
    tenant_ids = list(dict.fromkeys(m.tenant_id for m in await repo.memberships_of_user(actor.user_id)))
    return await repo.tenants(tenant_ids)


async def get_user(session: AsyncSession, user_id: uuid.UUID) -> User | None:
    return await TenancyRepository(session).user(user_id)


async def users_by_ids(session: AsyncSession, ids: list[uuid.UUID]) -> list[User]:
    return await TenancyRepository(session).users(ids)


async def parks_by_ids(session: AsyncSession, ids: list[uuid.UUID]) -> list[Tenant]:
    return await TenancyRepository(session).tenants(ids)


async def get_membership(session: AsyncSession, actor: Actor, membership_id: uuid.UUID) -> Membership | None:
    return await TenancyRepository(session).membership(actor, membership_id)

