"""Authenticates a request: a Bearer access token (JWT) or an API key, and rate-limits the caller. An access
token stops working on the next request once its user's authorization version moved on (a role revoked,
the account disabled or locked, the password changed)."""

from collections.abc import Iterator
from typing import Any

from graphql import FieldNode, OperationDefinitionNode
from litestar import Request
from litestar.exceptions import NotAuthorizedException, TooManyRequestsException
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionResult

from redchain.graphql.context import AppState
from redchain.graphql.errors import ApiError, ErrorCode
from redchain.infra.ratelimit import RateLimiter
from redchain.infra.security import AuthVersions, InvalidToken, auth_version_key
from redchain.services.actor import Actor, Principal
from redchain.services.tenancy import service as tenancy

# Request state: the access token is only good for changing a temporary password.
PASSWORD_CHANGE_ONLY = "redchain_password_change_only"
# Signing in and refreshing need no token, but a client may send its restricted one along.
PASSWORD_CHANGE_FIELDS = frozenset(
    {"me", "passwordPolicy", "changePassword", "logout", "login", "refreshToken", "__typename"}
)
API_KEY_USE_RECORD_SECONDS = 3600


def client_ip(request: Request[Any, Any, Any]) -> str:
    return request.client.host if request.client else "unknown"


async def authenticate(request: Request[Any, Any, Any], state: AppState) -> Principal | None:
    """None for an anonymous request; 401 for a credential that is expired, tampered or revoked."""
    header = request.headers.get("authorization", "")
    api_key = request.headers.get("x-api-key")
    token = header[7:].strip() if header[:7].lower() == "bearer " else None
    if token and token.startswith(f"{tenancy.API_KEY_PREFIX}_"):
        api_key, token = token, None
    try:
        if api_key:
            return await _api_key_actor(state, api_key)
        if token:
            return await _token_actor(request, state, token)
    except InvalidToken as exc:
        reason = "TOKEN_EXPIRED" if exc.expired else "INVALID_CREDENTIALS"
        raise NotAuthorizedException(detail=reason) from exc
    return None


async def _token_actor(request: Request[Any, Any, Any], state: AppState, token: str) -> Principal:
    access = tenancy.read_access_token(token, state.settings)
    user_id = access.actor.user_id
    assert user_id is not None
    # The version rides in the rate limiter's command: no extra round trip on the hot path.
    within_limit, cached = await RateLimiter(state.redis).hit_and_get(
        f"req:{user_id}", state.settings.requests_per_minute, 60, auth_version_key(user_id)
    )
    if cached is not None:
        current: int | None = int(cached)
    else:
        async with state.db.transaction(None, user_id) as session:
            current = await tenancy.current_auth_version(session, user_id)
        if current is not None:
            await AuthVersions(state.redis, state.settings.auth_version_cache_seconds).cache(user_id, current)
    # Older only: a newer token than the cache knows was issued after a change whose publication was lost.
    if current is None or access.auth_version < current:
        raise NotAuthorizedException(detail="TOKEN_REVOKED")
    if not within_limit:
        raise TooManyRequestsException(headers={"Retry-After": "60"})
    if access.password_change_only:
        request.state[PASSWORD_CHANGE_ONLY] = True
    return access.actor


async def _api_key_actor(state: AppState, api_key: str) -> Actor:
    # Looked up on every request, so a revoked key fails on its next one.
    tenant_id = tenancy.parse_api_key(api_key)[0]
    limiter = RateLimiter(state.redis)
    async with state.db.transaction(tenant_id) as session:
        actor = await tenancy.actor_from_api_key(session, api_key)
        if await limiter.first_in(f"apikey-use:{actor.api_key_id}", API_KEY_USE_RECORD_SECONDS):
            tenancy.record_api_key_use(session, actor)
    if not await limiter.hit(f"req:{actor.api_key_id}", state.settings.requests_per_minute, 60):
        raise TooManyRequestsException(headers={"Retry-After": "60"})
    return actor


def _root_fields(operation: OperationDefinitionNode) -> set[str] | None:
    """The names of the operation's root fields; None when fragments hide some of them."""
    names = set()
    for selection in operation.selection_set.selections:
        if not isinstance(selection, FieldNode):
            return None
        names.add(selection.name.value)
    return names


class PasswordChangeGate(SchemaExtension):
    """With a temporary password, only `me`, `passwordPolicy`, `changePassword` and `logout` run (FORBIDDEN, reason
    PASSWORD_CHANGE_REQUIRED). The token carries no roles either, so this is the second wall."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        request = getattr(context.context, "request", None)
        if request is not None and request.state.get(PASSWORD_CHANGE_ONLY):
            operation = next(
                (
                    d
                    for d in context.graphql_document.definitions  # type: ignore[union-attr]
                    if isinstance(d, OperationDefinitionNode)
                    and (context.operation_name is None or (d.name and d.name.value == context.operation_name))
                ),
                None,
            )
            fields = _root_fields(operation) if operation else None
            if fields is None or not fields <= PASSWORD_CHANGE_FIELDS:
                locale = getattr(context.context, "locale", "zh")
                error = ApiError(ErrorCode.FORBIDDEN, locale, reason="PASSWORD_CHANGE_REQUIRED")
                context.result = ExecutionResult(data=None, errors=[error])
        yield
