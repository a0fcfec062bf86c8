"""Parks, accounts, memberships, login sessions and API keys."""

import logging
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra import outbox
from redchain.infra.db import set_context
from redchain.infra.metrics import LOGIN_FAILURES
from redchain.infra.pagination import Page, PageRequest
from redchain.infra.security import (
    InvalidToken,
    decode_access_token,
    encode_access_token,
    hash_password,
    hash_secret,
    new_secret,
    note_auth_version,
    secrets_match,
    verify_password,
)
from redchain.infra.settings import Settings
from redchain.services.actor import Actor, ActorKind, Grant, Principal
from redchain.services.audit import service as audit
from redchain.services.audit.service import SecurityEvent
from redchain.services.errors import DomainError, NotFound, PermissionDenied, TooLong
from redchain.services.permissions import API_KEY_SCOPES, Perm, Role
from redchain.services.registry import service as registry
from redchain.services.tenancy import events
from redchain.services.tenancy.errors import (
    AccountLocked,
    AlreadyDisabled,
    AlreadyLocked,
    AlreadyRevoked,
    CannotLockYourself,
    DuplicateMembership,
    InvalidCredentials,
    InvalidEmail,
    InvalidParkCode,
    InvalidRefreshToken,
    LastParkAdmin,
    NoMembership,
    NotLocked,
    ParkCodeTaken,
    PasswordContainsEmail,
    PasswordReused,
    PasswordTooShort,
    PasswordTooSimple,
    Required,
    ScopeNotAllowed,
)
from redchain.services.tenancy.models import ApiKey, Membership, Tenant, User, UserSession
from redchain.services.tenancy.policies import check_scope, require, require_platform_admin
from redchain.services.tenancy.repository import TenancyRepository

log = logging.getLogger("redchain.tenancy")

MIN_PASSWORD_LENGTH = 8
# Of lower-case, upper-case, digits and symbols.
MIN_PASSWORD_CLASSES = 3
# The current password and the ones before it that a new password must differ from.
PASSWORD_HISTORY = 5
MAX_PASSWORD_LENGTH = 200
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PARK_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{1,63}$")
API_KEY_PREFIX = "rck"
# What the audit log keeps of each object: never a password or a key's secret.
MEMBERSHIP_FIELDS = ("user_id", "role", "chain_id", "enterprise_id", "revoked_at")
API_KEY_FIELDS = ("name", "scopes", "revoked_at")
PARK_FIELDS = ("code", "name")


@dataclass
class Tokens:
    access_token: str
    refresh_token: str
    expires_at: datetime
    user: User
    tenant: Tenant | None
    grants: tuple[Grant, ...]
    # The tokens allow only `me`, `changePassword` and `logout` until the password is changed.
    must_change_password: bool = False


@dataclass(frozen=True)
class AccessToken:
    actor: Principal
    auth_version: int
    password_change_only: bool


@dataclass(frozen=True)
class PasswordPolicy:
    min_length: int
    max_length: int
    min_character_classes: int
    history: int


# What `check_password_strength` enforces, published so a form can say it before the API refuses.
PASSWORD_POLICY = PasswordPolicy(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_CLASSES, PASSWORD_HISTORY)


# Accounts -------------------------------------------------------------------------------------


def normalize_email(email: str) -> str:
    email = email.strip().lower()
    if len(email) > 254:
        raise TooLong("email", limit=254)
    if not EMAIL.match(email):
        raise InvalidEmail("email")
    return email


def _required_text(field: str, value: str, limit: int) -> str:
    value = value.strip()
    if not value:
        raise Required(field)
    if len(value) > limit:
        raise TooLong(field, limit=limit)
    return value


def _character_classes(password: str) -> int:
    return sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )


def check_password_strength(
    password: str, email: str | None = None, field: str = "password", previous_hashes: tuple[str, ...] = ()
) -> None:
    """The password policy (等保 2.0): length, three character classes, not the email, not a recent one."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordTooShort(field, min_length=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise TooLong(field, limit=MAX_PASSWORD_LENGTH)
    if _character_classes(password) < MIN_PASSWORD_CLASSES:
        raise PasswordTooSimple(field, classes=MIN_PASSWORD_CLASSES)
    if email:
        local_part, lowered = email.split("@", 1)[0].lower(), password.lower()
        if email.lower() in lowered or (len(local_part) >= 3 and local_part in lowered):
            raise PasswordContainsEmail(field)
    if any(verify_password(previous, password) for previous in previous_hashes):
        raise PasswordReused(field, count=PASSWORD_HISTORY)


def _generated_password() -> str:
    while True:
        password = secrets.token_urlsafe(12)
        if _character_classes(password) >= MIN_PASSWORD_CLASSES:
            return password


def _set_password(user: User, password: str, temporary: bool) -> None:
    user.previous_password_hashes = [user.password_hash, *user.previous_password_hashes][: PASSWORD_HISTORY - 1]
    user.password_hash = hash_password(password)
    user.must_change_password = temporary


async def _user_for_invite(
    repo: TenancyRepository, email: str, display_name: str, password: str | None, temporary: bool
) -> tuple[User, str | None]:
    """The existing account for `email`, or a new one; a generated password is returned once. A password
    someone else chose is temporary: its owner must change it at first login."""
    user = await repo.user_by_email(email)
    if user is not None:
        return user, None
    generated = None
    if password is None:
        generated = password = _generated_password()
    check_password_strength(password, email)
    if len(display_name) > 100:
        raise TooLong("displayName", limit=100)
    user = User(
        email=email,
        password_hash=hash_password(password),
        display_name=display_name.strip() or email,
        must_change_password=temporary,
    )
    await repo.add(user)
    return user, generated


# Login ----------------------------------------------------------------------------------------


def _grants(memberships: list[Membership]) -> tuple[Grant, ...]:
    return tuple(Grant(Role(m.role), m.chain_id, m.enterprise_id) for m in memberships)


def _claims(user: User, tenant_id: uuid.UUID | None, grants: tuple[Grant, ...]) -> dict[str, object]:
    if user.must_change_password:
        # Neither roles nor platform rights until the temporary password is changed.
        return {"sub": str(user.id), "tid": str(tenant_id) if tenant_id else None, "av": user.auth_version, "pwc": True}
    return {
        "sub": str(user.id),
        "tid": str(tenant_id) if tenant_id else None,
        "pa": user.is_platform_admin,
        "g": [[g.role.value, str(g.chain_id or ""), str(g.enterprise_id or "")] for g in grants],
        "av": user.auth_version,
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
    # Cached once the sign-in commits, so the token's first request needs no fallback to PostgreSQL.
    note_auth_version(repo.session, user.id, user.auth_version)
    access, expires = encode_access_token(
        _claims(user, user_session.tenant_id, grants),
        settings.jwt_secret.get_secret_value(),
        settings.access_token_minutes,
    )
    return Tokens(access, f"{user_session.id}.{secret}", expires, user, tenant, grants, user.must_change_password)


async def _session_scope(
    repo: TenancyRepository, user: User, park_id: uuid.UUID | None, memberships: list[Membership]
) -> tuple[Tenant | None, tuple[Grant, ...]]:
    """The park a session acts in and the user's roles there. Only a platform admin acts in no park."""
    if park_id is None:
        if not user.is_platform_admin:
            raise NoMembership("parkId")
        return None, ()
    grants = _grants([m for m in memberships if m.tenant_id == park_id])
    tenant = await repo.tenant(park_id) if grants else None
    if tenant is None or not tenant.is_active:
        raise NoMembership("parkId")
    return tenant, grants


def _parks_of(memberships: list[Membership]) -> list[uuid.UUID]:
    return list(dict.fromkeys(m.tenant_id for m in memberships))


async def _record_in_parks(
    session: AsyncSession,
    parks: list[uuid.UUID],
    user: User,
    event: SecurityEvent,
    by: uuid.UUID | None,
    **details: object,
) -> None:
    """A security event about `user` in each park `user` belongs to, so every park's IT office sees it.
    `by` is the acting user; None for a login attempt, where no one has proved who they are."""
    for park_id in parks:
        await set_context(session, park_id, by or user.id)
        actor = Actor(kind=ActorKind.USER, tenant_id=park_id, user_id=by) if by else Actor.system(park_id)
        audit.record(session, actor, event, "User", user.id, after={"email": user.email, **details})
        # Row-level security checks each entry against the park set now, so write it now.
        await session.flush()


async def _refuse_login(
    session: AsyncSession, settings: Settings, repo: TenancyRepository, user: User, memberships: list[Membership]
) -> DomainError:
    parks = _parks_of(memberships)
    # Locked and read again: guesses sent in parallel each count.
    user = await repo.locked_user(user.id) or user
    if user.locked_at is not None:
        LOGIN_FAILURES.labels("locked").inc()
        await _record_in_parks(session, parks, user, SecurityEvent.LOGIN_FAILED, None, reason="locked")
        return AccountLocked("email")
    LOGIN_FAILURES.labels("wrong_password").inc()
    user.failed_logins += 1
    await _record_in_parks(session, parks, user, SecurityEvent.LOGIN_FAILED, None, reason="wrong_password")
    if user.failed_logins < settings.account_lock_failures:
        return InvalidCredentials("password")
    user.locked_at = datetime.now(UTC)
    await repo.bump_auth_version(user.id)
    await repo.revoke_all_user_sessions(user.id)
    await _record_in_parks(session, parks, user, SecurityEvent.LOCKOUT, None, failed_logins=user.failed_logins)
    return AccountLocked("email")


async def login(
    session: AsyncSession, settings: Settings, email: str, password: str, park_id: uuid.UUID | None
) -> Tokens | DomainError:
    """Returns (rather than raises) a refusal, so that the caller commits what it recorded: the failed
    attempt, the security events and, after too many in a row, the account's lock."""
    repo = TenancyRepository(session)
    user = await repo.user_by_email(email.strip().lower())
    password_matches = verify_password(user.password_hash if user else None, password)
    if user is None:
        # No park to record it in; the metric and the log show a run of guesses at addresses.
        LOGIN_FAILURES.labels("unknown_email").inc()
        log.info("login refused: unknown email")
        return InvalidCredentials("password")
    await set_context(session, None, user.id)
    memberships = await repo.memberships_of_user(user.id)
    if not password_matches or not user.is_active or user.locked_at is not None:
        return await _refuse_login(session, settings, repo, user, memberships)
    user.failed_logins = 0
    if park_id is None and memberships:
        park_id = memberships[0].tenant_id  # the park of the oldest role
    tenant, grants = await _session_scope(repo, user, park_id, memberships)
    if tenant is not None:
        await _record_in_parks(session, [tenant.id], user, SecurityEvent.LOGIN, user.id)
    return await _issue_tokens(repo, settings, user, tenant, grants)


async def _presented_session(repo: TenancyRepository, refresh_token: str) -> UserSession:
    try:
        session_id, secret = refresh_token.split(".", 1)
        user_session = await repo.user_session(uuid.UUID(session_id))
    except ValueError as exc:
        raise InvalidRefreshToken("refreshToken") from exc
    if user_session is None or not secrets_match(secret, user_session.token_hash):
        raise InvalidRefreshToken("refreshToken")
    return user_session


async def refresh(session: AsyncSession, settings: Settings, refresh_token: str) -> Tokens | None:
    """Rotates the refresh token. Presenting an ended token means a copy is in other hands: every
    session of that user in that park ends (the caller commits that), and the answer is None. A token
    left unused for `session_idle_minutes` ends its session, also answered None."""
    repo = TenancyRepository(session)
    user_session = await _presented_session(repo, refresh_token)
    if user_session.revoked_at is not None:
        await repo.revoke_user_sessions(user_session.user_id, user_session.tenant_id)
        return None
    user_session.revoked_at = now = datetime.now(UTC)
    # Each use rotates the token, so a session's creation is the last time its chain was used.
    if user_session.created_at <= now - timedelta(minutes=settings.session_idle_minutes):
        return None
    user = await repo.user(user_session.user_id)
    if user_session.expires_at <= now or user is None or not user.is_active or user.locked_at is not None:
        raise InvalidRefreshToken("refreshToken")
    await set_context(session, user_session.tenant_id, user.id)
    try:
        tenant, grants = await _session_scope(
            repo, user, user_session.tenant_id, await repo.memberships_of_user(user.id)
        )
    except NoMembership as exc:
        raise InvalidRefreshToken("refreshToken") from exc
    return await _issue_tokens(repo, settings, user, tenant, grants)


async def switch_park(
    session: AsyncSession, settings: Settings, principal: Principal, park_id: uuid.UUID, refresh_token: str
) -> Tokens:
    """Moves the caller's session to another park where they hold a role, with no new sign-in: the presented
    session ends and tokens for the same user in `park_id` are issued. Recorded as a login in that park."""
    repo = TenancyRepository(session)
    user_id = _require_user(principal)
    user_session = await _presented_session(repo, refresh_token)
    if user_session.user_id != user_id or user_session.revoked_at is not None:
        raise InvalidRefreshToken("refreshToken")
    user = await repo.user(user_id)
    if user is None or not user.is_active or user.locked_at is not None:
        raise InvalidRefreshToken("refreshToken")
    await set_context(session, principal.tenant_id, user.id)
    tenant, grants = await _session_scope(repo, user, park_id, await repo.memberships_of_user(user.id))
    user_session.revoked_at = datetime.now(UTC)
    assert tenant is not None  # a park was named
    from_park = str(principal.tenant_id) if principal.tenant_id else None
    await _record_in_parks(
        session, [tenant.id], user, SecurityEvent.LOGIN, user.id, via="park_switch", from_park=from_park
    )
    return await _issue_tokens(repo, settings, user, tenant, grants)


async def logout(session: AsyncSession, refresh_token: str) -> None:
    user_session = await _presented_session(TenancyRepository(session), refresh_token)
    user_session.revoked_at = user_session.revoked_at or datetime.now(UTC)


def read_access_token(token: str, settings: Settings) -> AccessToken:
    """Raises InvalidToken. No database read: roles travel in the short-lived token, and the caller
    checks its authorization version (`current_auth_version`) against the user's. A token for a park
    gives a park-bound Actor; a platform admin's park-less token a bare Principal."""
    claims = decode_access_token(token, settings.jwt_secret.get_secret_value())
    try:
        grants = tuple(
            Grant(Role(role), uuid.UUID(chain) if chain else None, uuid.UUID(ent) if ent else None)
            for role, chain, ent in claims.get("g", [])
        )
        principal = Principal(
            kind=ActorKind.USER,
            tenant_id=uuid.UUID(claims["tid"]) if claims.get("tid") else None,
            user_id=uuid.UUID(claims["sub"]),
            grants=grants,
            is_platform_admin=bool(claims.get("pa")),
        )
        return AccessToken(principal.in_park() or principal, int(claims["av"]), bool(claims.get("pwc")))
    except (ValueError, TypeError, KeyError) as exc:
        raise InvalidToken() from exc


async def current_auth_version(session: AsyncSession, user_id: uuid.UUID) -> int | None:
    """The user's authorization version in PostgreSQL; None for no such user."""
    return await TenancyRepository(session).auth_version(user_id)


# Passwords and accounts -----------------------------------------------------------------------


def _require_user(actor: Principal) -> uuid.UUID:
    if actor.user_id is None or actor.kind is not ActorKind.USER:
        raise PermissionDenied()
    return actor.user_id


async def change_password(
    session: AsyncSession, settings: Settings, actor: Principal, current_password: str, new_password: str
) -> Tokens:
    """Every session of the user ends (other devices sign in again); the caller gets new tokens."""
    repo = TenancyRepository(session)
    user = await repo.locked_user(_require_user(actor))
    if user is None or not verify_password(user.password_hash, current_password):
        raise InvalidCredentials("currentPassword")
    history = (user.password_hash, *user.previous_password_hashes)[:PASSWORD_HISTORY]
    check_password_strength(new_password, user.email, "newPassword", history)
    was_temporary = user.must_change_password
    _set_password(user, new_password, temporary=False)
    await repo.bump_auth_version(user.id)
    await repo.revoke_all_user_sessions(user.id)
    memberships = await repo.memberships_of_user(user.id)
    parks = _parks_of(memberships)
    await _record_in_parks(session, parks, user, SecurityEvent.PASSWORD_CHANGE, user.id, forced=was_temporary)
    await set_context(session, actor.tenant_id, user.id)
    tenant, grants = await _session_scope(repo, user, actor.tenant_id, memberships)
    return await _issue_tokens(repo, settings, user, tenant, grants)


async def _member_of_actor_park(repo: TenancyRepository, actor: Actor, user_id: uuid.UUID) -> User:
    """A user of the actor's park, locked for update; another park's user is not found."""
    user = await repo.locked_user(user_id) if await repo.has_membership_in(actor.tenant_id, user_id) else None
    if user is None:
        raise NotFound("userId")
    return user


async def unlock_user(session: AsyncSession, actor: Actor, user_id: uuid.UUID) -> User:
    require(actor, Perm.MEMBERSHIPS_MANAGE)
    repo = TenancyRepository(session)
    user = await _member_of_actor_park(repo, actor, user_id)
    if user.locked_at is None:
        raise NotLocked("userId")
    before = audit.snapshot(user, "locked_at", "failed_logins")
    user.locked_at, user.failed_logins = None, 0
    audit.record(
        session,
        actor,
        SecurityEvent.UNLOCK,
        "User",
        user.id,
        before=before,
        after={"email": user.email, **audit.snapshot(user, "locked_at", "failed_logins")},
    )
    return user


async def lock_user(session: AsyncSession, actor: Actor, user_id: uuid.UUID) -> User:
    """A park admin locks an account at once (a lost laptop, a leaver): it cannot sign in until unlocked,
    and its tokens stop working on their next request. The lock holds in every park of the account, so
    each of them records it."""
    require(actor, Perm.MEMBERSHIPS_MANAGE)
    if user_id == actor.user_id:
        raise CannotLockYourself("userId")
    repo = TenancyRepository(session)
    user = await _member_of_actor_park(repo, actor, user_id)
    if user.locked_at is not None:
        raise AlreadyLocked("userId")
    user.locked_at = datetime.now(UTC)
    await repo.bump_auth_version(user.id)
    await repo.revoke_all_user_sessions(user.id)
    parks = _parks_of(await repo.memberships_of_user(user.id))
    await _record_in_parks(session, parks, user, SecurityEvent.LOCKOUT, actor.user_id, by_admin=True)
    await set_context(session, actor.tenant_id, actor.user_id)
    return user


async def disable_user(session: AsyncSession, principal: Principal, user_id: uuid.UUID) -> User:
    """An account that may no longer sign in anywhere; its tokens stop working on their next request."""
    require_platform_admin(principal)
    repo = TenancyRepository(session)
    user = await repo.locked_user(user_id)
    if user is None:
        raise NotFound("userId")
    if not user.is_active:
        raise AlreadyDisabled("userId")
    user.is_active = False
    await repo.bump_auth_version(user.id)
    await repo.revoke_all_user_sessions(user.id)
    await set_context(session, None, user.id)
    parks = _parks_of(await repo.memberships_of_user(user.id))
    await _record_in_parks(session, parks, user, SecurityEvent.USER_DISABLE, principal.user_id)
    return user


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
        # A scope later taken off the allowed list stops working at once.
        api_scopes=frozenset(Perm(s) for s in key.scopes if s in API_KEY_SCOPES),
    )


def record_api_key_use(session: AsyncSession, actor: Actor) -> None:
    """Called at most once an hour per key (the caller keeps the count): a trail, not a write per request."""
    audit.record(session, actor, SecurityEvent.API_KEY_USE, "ApiKey", actor.api_key_id)


async def create_api_key(session: AsyncSession, actor: Actor, name: str, scopes: list[Perm]) -> tuple[ApiKey, str]:
    require(actor, Perm.API_KEYS_MANAGE)
    name = _required_text("name", name, 100)
    if not scopes:
        raise Required("scopes")
    for scope in scopes:
        if scope not in API_KEY_SCOPES:
            raise ScopeNotAllowed("scopes", scope=scope.value)
    secret = new_secret()
    key = ApiKey(
        tenant_id=actor.tenant_id,
        name=name,
        secret_hash=hash_secret(secret),
        scopes=sorted({s.value for s in scopes}),
        created_by=actor.user_id,
    )
    await TenancyRepository(session).add(key)
    audit.record(
        session, actor, SecurityEvent.API_KEY_CREATE, "ApiKey", key.id, after=audit.snapshot(key, *API_KEY_FIELDS)
    )
    return key, _format_api_key(key, secret)


async def revoke_api_key(session: AsyncSession, actor: Actor, key_id: uuid.UUID) -> ApiKey:
    require(actor, Perm.API_KEYS_MANAGE)
    key = await TenancyRepository(session).api_key(actor.tenant_id, key_id, lock=True)
    if key is None:
        raise NotFound("id")
    if key.revoked_at is not None:
        raise AlreadyRevoked("id")
    before = audit.snapshot(key, *API_KEY_FIELDS)
    key.revoked_at = datetime.now(UTC)
    audit.record(
        session,
        actor,
        SecurityEvent.API_KEY_REVOKE,
        "ApiKey",
        key.id,
        before=before,
        after=audit.snapshot(key, *API_KEY_FIELDS),
    )
    return key


async def list_api_keys(session: AsyncSession, actor: Actor) -> list[ApiKey]:
    require(actor, Perm.API_KEYS_MANAGE)
    return await TenancyRepository(session).api_keys(actor.tenant_id)


# Parks and memberships ------------------------------------------------------------------------


async def create_park(session: AsyncSession, principal: Principal, code: str, name: str) -> Tenant:
    require_platform_admin(principal)
    repo = TenancyRepository(session)
    code = code.strip().lower()
    if not PARK_CODE.match(code):
        raise InvalidParkCode("code")
    name = _required_text("name", name, 200)
    if await repo.tenant_by_code(code) is not None:
        raise ParkCodeTaken("code")
    tenant = Tenant(code=code, name=name)
    await repo.add(tenant)
    actor = principal.acting_in(tenant.id)
    await set_context(session, tenant.id, actor.user_id)
    # Every park starts with the reference park's six industry chains (产业链党委).
    await registry.seed_reference_chains(session, tenant.id)
    audit.record(
        session,
        actor,
        "park.create",
        "Park",
        tenant.id,
        after=audit.snapshot(tenant, *PARK_FIELDS),
    )
    outbox.emit(session, tenant.id, events.ParkCreated(park_id=tenant.id))
    return tenant


@dataclass
class GrantResult:
    membership: Membership
    user: User
    temporary_password: str | None


async def _check_scope_target(
    session: AsyncSession, actor: Actor, chain_id: uuid.UUID | None, enterprise_id: uuid.UUID | None
) -> None:
    """A scope names a live chain or enterprise of the park, one the granting actor can see."""
    if chain_id is not None:
        chain = await registry.get_chain(session, actor, chain_id)
        if chain is None or chain.archived_at is not None:
            raise NotFound("chainId")
    if enterprise_id is not None:
        enterprise = await registry.get_enterprise(session, actor, enterprise_id)
        if enterprise is None or enterprise.archived_at is not None:
            raise NotFound("enterpriseId")


async def _grant(
    session: AsyncSession,
    actor: Actor,
    email: str,
    display_name: str,
    role: Role,
    chain_id: uuid.UUID | None,
    enterprise_id: uuid.UUID | None,
    password: str | None,
    temporary: bool,
) -> GrantResult:
    """`chain_id` and `enterprise_id` are checked by the caller."""
    repo = TenancyRepository(session)
    tenant_id = actor.tenant_id
    user, generated = await _user_for_invite(repo, normalize_email(email), display_name, password, temporary)
    existing = await repo.find_membership(tenant_id, user.id, role, chain_id, enterprise_id)
    if existing is not None and existing.revoked_at is None:
        raise DuplicateMembership("email")
    if existing is not None:
        before = audit.snapshot(existing, *MEMBERSHIP_FIELDS)
        existing.revoked_at = None
        membership = existing
    else:
        before = None
        membership = Membership(
            tenant_id=tenant_id, user_id=user.id, role=role, chain_id=chain_id, enterprise_id=enterprise_id
        )
        await repo.add(membership)
    # Tokens the person holds lack the new role: their next request asks them to refresh.
    await repo.bump_auth_version(user.id)
    audit.record(
        session,
        actor,
        SecurityEvent.ROLE_GRANT,
        "Membership",
        membership.id,
        before=before,
        after=audit.snapshot(membership, *MEMBERSHIP_FIELDS),
    )
    outbox.emit(
        session,
        tenant_id,
        events.MembershipGranted(membership_id=membership.id, user_id=user.id, role=role, granted_by=actor.user_id),
    )
    return GrantResult(membership, user, generated)


async def invite_park_admin(
    session: AsyncSession,
    principal: Principal,
    park_id: uuid.UUID,
    email: str,
    display_name: str,
    password: str | None,
    temporary: bool = True,
) -> GrantResult:
    """`temporary=False` only for accounts whose password is published anyway (the demo data)."""
    require_platform_admin(principal)
    if await TenancyRepository(session).tenant(park_id) is None:
        raise NotFound("parkId")
    await set_context(session, park_id, principal.user_id)
    return await _grant(
        session, principal.acting_in(park_id), email, display_name, Role.PARK_ADMIN, None, None, password, temporary
    )


async def grant_membership(
    session: AsyncSession,
    actor: Actor,
    email: str,
    display_name: str,
    role: Role,
    chain_id: uuid.UUID | None,
    enterprise_id: uuid.UUID | None,
    password: str | None,
    temporary: bool = True,
) -> GrantResult:
    require(actor, Perm.MEMBERSHIPS_MANAGE)
    check_scope(role, chain_id, enterprise_id)
    await _check_scope_target(session, actor, chain_id, enterprise_id)
    return await _grant(session, actor, email, display_name, role, chain_id, enterprise_id, password, temporary)


async def revoke_membership(session: AsyncSession, actor: Actor, membership_id: uuid.UUID) -> Membership:
    require(actor, Perm.MEMBERSHIPS_MANAGE)
    repo = TenancyRepository(session)
    await repo.lock_park_admins(actor.tenant_id)
    membership = await repo.membership(actor, membership_id, lock=True)
    if membership is None:
        raise NotFound("id")
    if membership.revoked_at is not None:
        raise AlreadyRevoked("id")
    if membership.role == Role.PARK_ADMIN and await repo.count_active_park_admins(actor.tenant_id) <= 1:
        raise LastParkAdmin("id")
    before = audit.snapshot(membership, *MEMBERSHIP_FIELDS)
    membership.revoked_at = datetime.now(UTC)
    # Refresh tokens die now, and access tokens already issued on their next request.
    await repo.revoke_user_sessions(membership.user_id, actor.tenant_id)
    await repo.bump_auth_version(membership.user_id)
    audit.record(
        session,
        actor,
        SecurityEvent.ROLE_REVOKE,
        "Membership",
        membership.id,
        before=before,
        after=audit.snapshot(membership, *MEMBERSHIP_FIELDS),
    )
    outbox.emit(
        session,
        actor.tenant_id,
        events.MembershipRevoked(membership_id=membership.id, user_id=membership.user_id),
    )
    return membership


async def list_memberships(
    session: AsyncSession,
    actor: Actor,
    page: PageRequest,
    role: Role | None,
    include_revoked: bool,
    search: str | None = None,
) -> Page[Membership]:
    return await TenancyRepository(session).page_memberships(actor, page, role, include_revoked, _search(search))


async def count_memberships(
    session: AsyncSession, actor: Actor, role: Role | None, include_revoked: bool, search: str | None = None
) -> int:
    return await TenancyRepository(session).count_memberships(actor, role, include_revoked, _search(search))


def _search(text: str | None) -> str | None:
    text = (text or "").strip()
    if len(text) > 100:
        raise TooLong("search", limit=100)
    return text or None


async def list_parks(session: AsyncSession, principal: Principal, page: PageRequest) -> Page[Tenant]:
    """Every active park, newest first: the platform's own list, for platform admins only."""
    require_platform_admin(principal)
    return await TenancyRepository(session).page_tenants(page)


async def count_parks(session: AsyncSession, principal: Principal) -> int:
    require_platform_admin(principal)
    return await TenancyRepository(session).count_tenants()


async def my_parks(session: AsyncSession, principal: Principal) -> list[Tenant]:
    """The parks in which the principal's user holds an active membership."""
    if principal.user_id is None:
        return []
    repo = TenancyRepository(session)
    await set_context(session, principal.tenant_id, principal.user_id)
    tenant_ids = list(dict.fromkeys(m.tenant_id for m in await repo.memberships_of_user(principal.user_id)))
    return await repo.tenants(tenant_ids)


async def get_user(session: AsyncSession, user_id: uuid.UUID) -> User | None:
    return await TenancyRepository(session).user(user_id)


async def users_by_ids(session: AsyncSession, ids: list[uuid.UUID]) -> list[User]:
    return await TenancyRepository(session).users(ids)


async def parks_by_ids(session: AsyncSession, ids: list[uuid.UUID]) -> list[Tenant]:
    return await TenancyRepository(session).tenants(ids)


async def get_membership(session: AsyncSession, actor: Actor, membership_id: uuid.UUID) -> Membership | None:
    return await TenancyRepository(session).membership(actor, membership_id)


async def platform_admins_by_park(session: AsyncSession) -> dict[uuid.UUID, list[uuid.UUID]]:
    """The active platform admins holding a role in each active park. Needs the owner session (it reads
    every park's memberships): for platform jobs, never for a request."""
    return await TenancyRepository(session).platform_admins_by_park()
