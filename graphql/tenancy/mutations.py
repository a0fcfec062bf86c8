"""Mutations of the tenancy context: login sessions, parks, memberships, API keys."""

from datetime import datetime

import strawberry
from strawberry.types import Info

from redchain.graphql.errors import ApiError, ErrorCode, UserError, mutate, user_error
from redchain.graphql.permissions import HasPerm, IsPlatformAdmin
from redchain.graphql.relay import decode_id, decode_optional_id
from redchain.graphql.tenancy.inputs import (
    CreateApiKeyInput,
    CreateParkInput,
    GrantMembershipInput,
    InviteParkAdminInput,
    LoginInput,
    RefreshTokenInput,
    RevokeApiKeyInput,
    RevokeMembershipInput,
)
from redchain.graphql.tenancy.types import ApiKey, Membership, Park, User
from redchain.infra.ratelimit import RateLimiter
from redchain.services.permissions import Perm
from redchain.services.permissions import Role as RoleEnum
from redchain.services.tenancy import service as tenancy
from redchain.services.tenancy.errors import InvalidRefreshToken


@strawberry.type
class AuthPayload:
    access_token: str | None = None
    refresh_token: str | None = None
    expires_at: datetime | None = None
    user: User | None = None
    park: Park | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)

    @classmethod
    def from_tokens(cls, tokens: tenancy.Tokens) -> "AuthPayload":
        return cls(
            access_token=tokens.access_token,
            refresh_token=tokens.refresh_token,
            expires_at=tokens.expires_at,
            user=User.from_row(tokens.user),
            park=Park.from_row(tokens.tenant) if tokens.tenant else None,
        )


@strawberry.type
class LogoutPayload:
    ok: bool
    user_errors: list[UserError]


@strawberry.type
class CreateParkPayload:
    park: Park | None
    user_errors: list[UserError]


@strawberry.type
class MembershipPayload:
    membership: Membership | None
    temporary_password: str | None = strawberry.field(
        default=None, description="Set only when a new account was created without a password. Shown once."
    )
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class CreateApiKeyPayload:
    api_key: ApiKey | None
    secret: str | None = strawberry.field(description="The full key. Shown once; store it now.")
    user_errors: list[UserError]


@strawberry.type
class RevokeApiKeyPayload:
    api_key: ApiKey | None
    user_errors: list[UserError]


@strawberry.type
class TenancyMutation:
    @strawberry.mutation(description="Exchange email and password for an access token and a refresh token.")
    async def login(self, info: Info, input: LoginInput) -> AuthPayload:
        context = info.context
        settings = context.state.settings
        park_id = decode_optional_id(input.park_id, "Park", context.locale)
        limiter, window = RateLimiter(context.state.redis), settings.login_window_seconds
        account_key = f"login:acct:{input.email.strip().lower()}"
        # Counted before the password is checked, so guesses sent in parallel cannot slip past the limit;
        # a successful login clears its account's count.
        within_limits = [
            await limiter.hit(account_key, settings.login_attempts_per_account, window),
            await limiter.hit(f"login:ip:{context.client_ip}", settings.login_attempts_per_ip, window),
        ]
        if not all(within_limits):
            raise ApiError(ErrorCode.RATE_LIMITED, context.locale)
        tokens, errors = await mutate(info, lambda s: tenancy.login(s, settings, input.email, input.password, park_id))
        if tokens is None:
            return AuthPayload(user_errors=errors)
        await limiter.reset(account_key)
        return AuthPayload.from_tokens(tokens)

    @strawberry.mutation(description="Rotate a refresh token: the old one stops working.")
    async def refresh_token(self, info: Info, input: RefreshTokenInput) -> AuthPayload:
        settings = info.context.state.settings
        tokens, errors = await mutate(info, lambda s: tenancy.refresh(s, settings, input.refresh_token))
        if tokens is None:
            # A replayed token: its sessions were ended (and committed); the caller learns only "invalid".
            errors = errors or [user_error(InvalidRefreshToken("refreshToken"), info.context.locale)]
            return AuthPayload(user_errors=errors)
        return AuthPayload.from_tokens(tokens)

    @strawberry.mutation(description="End the session of a refresh token.")
    async def logout(self, info: Info, input: RefreshTokenInput) -> LogoutPayload:
        _, errors = await mutate(info, lambda s: tenancy.logout(s, input.refresh_token))
        return LogoutPayload(ok=not errors, user_errors=errors)

    @strawberry.mutation(permission_classes=[IsPlatformAdmin], description="Create a park (tenant).")
    async def create_park(self, info: Info, input: CreateParkInput) -> CreateParkPayload:
        actor = info.context.require_actor()
        park, errors = await mutate(info, lambda s: tenancy.create_park(s, actor, input.code, input.name))
        return CreateParkPayload(park=Park.from_row(park) if park else None, user_errors=errors)

    @strawberry.mutation(permission_classes=[IsPlatformAdmin], description="Give a park its PARK_ADMIN.")
    async def invite_park_admin(self, info: Info, input: InviteParkAdminInput) -> MembershipPayload:
        actor = info.context.require_actor()
        park_id = decode_id(input.park_id, "Park", info.context.locale)
        result, errors = await mutate(
            info,
            lambda s: tenancy.invite_park_admin(s, actor, park_id, input.email, input.display_name, input.password),
        )
        return _membership_payload(result, errors)

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.MEMBERSHIPS_MANAGE)],
        description="Give a person (new or existing account) a role in this park.",
    )
    async def grant_membership(self, info: Info, input: GrantMembershipInput) -> MembershipPayload:
        actor, locale = info.context.require_actor(), info.context.locale
        chain_id = decode_optional_id(input.chain_id, "IndustryChain", locale)
        enterprise_id = decode_optional_id(input.enterprise_id, "Enterprise", locale)
        result, errors = await mutate(
            info,
            lambda s: tenancy.grant_membership(
                s, actor, input.email, input.display_name, RoleEnum(input.role), chain_id, enterprise_id, input.password
            ),
        )
        return _membership_payload(result, errors)

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.MEMBERSHIPS_MANAGE)],
        description="End a role; the person's refresh tokens in this park stop working.",
    )
    async def revoke_membership(self, info: Info, input: RevokeMembershipInput) -> MembershipPayload:
        actor = info.context.require_actor()
        membership_id = decode_id(input.id, "Membership", info.context.locale)
        row, errors = await mutate(info, lambda s: tenancy.revoke_membership(s, actor, membership_id))
        return MembershipPayload(membership=Membership.from_row(row) if row else None, user_errors=errors)

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.API_KEYS_MANAGE)],
        description="Create a key for an integration, with the scopes it needs.",
    )
    async def create_api_key(self, info: Info, input: CreateApiKeyInput) -> CreateApiKeyPayload:
        actor = info.context.require_actor()
        scopes = [Perm(s) for s in input.scopes]
        result, errors = await mutate(info, lambda s: tenancy.create_api_key(s, actor, input.name, scopes))
        if result is None:
            return CreateApiKeyPayload(api_key=None, secret=None, user_errors=errors)
        key, secret = result
        return CreateApiKeyPayload(api_key=ApiKey.from_row(key), secret=secret, user_errors=[])

    @strawberry.mutation(permission_classes=[HasPerm(Perm.API_KEYS_MANAGE)])
    async def revoke_api_key(self, info: Info, input: RevokeApiKeyInput) -> RevokeApiKeyPayload:
        actor = info.context.require_actor()
        key_id = decode_id(input.id, "ApiKey", info.context.locale)
        key, errors = await mutate(info, lambda s: tenancy.revoke_api_key(s, actor, key_id))
        return RevokeApiKeyPayload(api_key=ApiKey.from_row(key) if key else None, user_errors=errors)


def _membership_payload(result: tenancy.GrantResult | None, errors: list[UserError]) -> MembershipPayload:
    if result is None:
        return MembershipPayload(membership=None, user_errors=errors)
    return MembershipPayload(
        membership=Membership.from_row(result.membership), temporary_password=result.temporary_password
    )
