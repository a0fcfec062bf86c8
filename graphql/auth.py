"""Authenticates a request: a Bearer access token (JWT) or an API key, and rate-limits the caller."""

from typing import Any

from litestar import Request
from litestar.exceptions import NotAuthorizedException, TooManyRequestsException

from redchain.graphql.context import AppState
from redchain.infra.ratelimit import RateLimiter
from redchain.infra.security import InvalidToken
from redchain.services.actor import Principal
from redchain.services.tenancy import service as tenancy


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
            tenant_id = tenancy.parse_api_key(api_key)[0]
            async with state.db.transaction(tenant_id) as session:
                actor: Principal = await tenancy.actor_from_api_key(session, api_key)
        elif token:
            actor = tenancy.actor_from_access_token(token, state.settings)
        else:
            return None
    except InvalidToken as exc:
        reason = "TOKEN_EXPIRED" if exc.expired else "INVALID_CREDENTIALS"
        raise NotAuthorizedException(detail=reason) from exc
    limit_key = f"req:{actor.api_key_id or actor.user_id}"
    if not await RateLimiter(state.redis).hit(limit_key, state.settings.requests_per_minute, 60):
        raise TooManyRequestsException(headers={"Retry-After": "60"})
    return actor
