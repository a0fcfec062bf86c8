"""Mutations of the tenancy context: login sessions, parks, memberships, API keys."""

from datetime import datetime

import strawberry
from strawberry.types import Info

from redchain.graphql.errors import ApiError, ErrorCode, failed, mutate
from redchain.graphql.permissions import HasPerm, IsAuthenticated, IsPlatformAdmin
from redchain.graphql.relay import decode_id, decode_optional_id
from redchain.graphql.tenancy.inputs import (
    ChangePasswordInput,
    CreateApiKeyInput,
    CreateParkInput,
    GrantMembershipInput,
    InviteParkAdminInput,
    LoginInput,
    RefreshTokenInput,
    RevokeApiKeyInput,
    RevokeMembershipInput,
    SwitchParkInput,
    UserIdInput,
)
from redchain.graphql.tenancy.types import ApiKey, Membership, Park, TenancyUserError, User
from redchain.infra.ratelimit import RateLimiter
from redchain.services.errors import DomainError
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
    must_change_password: bool = strawberry.field(
        default=False,
        description="The password is temporary: until `changePassword`, only `me`, `changePassword` and "
        "`logout` are allowed.",
    )
    user_errors: list[TenancyUserError] = strawberry.field(default_factory=list)

    @classmethod
    def from_tokens(cls, tokens: tenancy.Tokens) -> "AuthPayload":
        return cls(
            access_token=tokens.access_token,
            refresh_token=tokens.refresh_token,
            expires_at=tokens.expires_at,
            user=User.from_row(tokens.user),
            park=Park.from_row(tokens.tenant) if tokens.tenant else None,
            must_change_password=tokens.must_change_password,
        )


@strawberry.type
class LogoutPayload:
    ok: bool = False
    user_errors: list[TenancyUserError] = strawberry.field(default_factory=list)


@strawberry.type
class UserPayload:
    user: User | None = None
    user_errors: list[TenancyUserError] = strawberry.field(default_factory=list)


@strawberry.type
class CreateParkPayload:
    park: Park | None = None
    user_errors: list[TenancyUserError] = strawberry.field(default_factory=list)


@strawberry.type
class MembershipPayload:
    membership: Membership | None = None
    temporary_password: str | None = strawberry.field(
        default=None, description="Set only when a new account was created without a password. Shown once."
    )
    user_errors: list[TenancyUserError] = strawberry.field(default_factory=list)

    @classmethod
    def from_grant(cls, result: tenancy.GrantResult) -> "MembershipPayload":
        return cls(membership=Membership.from_row(result.membership), temporary_password=result.temporary_password)


@strawberry.type
class CreateApiKeyPayload:
    api_key: ApiKey | None = None
    secret: str | None = strawberry.field(default=None, description="The full key. Shown once; store it now.")
    user_errors: list[TenancyUserError] = strawberry.field(default_factory=list)


@strawberry.type
class RevokeApiKeyPayload:
    api_key: ApiKey | None = None
    user_errors: list[TenancyUserError] = strawberry.field(default_factory=list)


@strawberry.type
class TenancyMutation:
    @strawberry.mutation(description="Exchange email and password for an access token and a refresh token.")
    async def login(self, info: Info, input: LoginInput) -> AuthPayload:
        context = info.context
        settings = context.state.settings
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
        locale = context.locale
        payload = await mutate(
            info,
            AuthPayload,
            lambda s: tenancy.login(
                s, settings, input.email, input.password, decode_optional_id(input.park_id, "Park", field="parkId")
            ),
            # A refusal comes back as a value, so the failed attempt it recorded is committed.
            lambda result: (
                failed(AuthPayload, result, locale)
                if isinstance(result, DomainError)
                else AuthPayload.from_tokens(result)
            ),
        )
        if not payload.user_errors:
            await limiter.reset(account_key)
        return payload

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Change your password (required after a temporary one). Every session of yours ends; "
        "the new tokens are in the payload.",
    )
    async def change_password(self, info: Info, input: ChangePasswordInput) -> AuthPayload:
        principal, settings = info.context.require_principal(), info.context.state.settings
        return await mutate(
            info,
            AuthPayload,
            lambda s: tenancy.change_password(s, settings, principal, input.current_password, input.new_password),
            AuthPayload.from_tokens,
        )

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.MEMBERSHIPS_MANAGE)],
        description="Unlock an account of this park that repeated failed logins locked.",
    )
    async def unlock_user(self, info: Info, input: UserIdInput) -> UserPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            UserPayload,
            lambda s: tenancy.unlock_user(s, actor, decode_id(input.user_id, "User", field="userId")),
            lambda row: UserPayload(user=User.from_row(row)),
        )

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.MEMBERSHIPS_MANAGE)],
        description="Lock an account of this park at once: it cannot sign in until unlocked, and its tokens stop "
        "working.",
    )
    async def lock_user(self, info: Info, input: UserIdInput) -> UserPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            UserPayload,
            lambda s: tenancy.lock_user(s, actor, decode_id(input.user_id, "User", field="userId")),
            lambda row: UserPayload(user=User.from_row(row)),
        )

    @strawberry.mutation(
        permission_classes=[IsPlatformAdmin],
        description="Disable an account everywhere: it cannot sign in, and its tokens stop working at once.",
    )
    async def disable_user(self, info: Info, input: UserIdInput) -> UserPayload:
        principal = info.context.require_principal()
        return await mutate(
            info,
            UserPayload,
            lambda s: tenancy.disable_user(s, principal, decode_id(input.user_id, "User", field="userId")),
            lambda row: UserPayload(user=User.from_row(row)),
        )

    @strawberry.mutation(description="Rotate a refresh token: the old one stops working.")
    async def refresh_token(self, info: Info, input: RefreshTokenInput) -> AuthPayload:
        settings, locale = info.context.state.settings, info.context.locale
        return await mutate(
            info,
            AuthPayload,
            lambda s: tenancy.refresh(s, settings, input.refresh_token),
            # A replayed token: its sessions were ended (and committed); the caller learns only "invalid".
            lambda tokens: (
                AuthPayload.from_tokens(tokens)
                if tokens
                else failed(AuthPayload, InvalidRefreshToken("refreshToken"), locale)
            ),
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Work in another park where you hold a role, without signing in again: the current session "
        "ends and the new tokens are in the payload.",
    )
    async def switch_park(self, info: Info, input: SwitchParkInput) -> AuthPayload:
        principal, settings = info.context.require_principal(), info.context.state.settings
        return await mutate(
            info,
            AuthPayload,
            lambda s: tenancy.switch_park(
                s, settings, principal, decode_id(input.park_id, "Park", field="parkId"), input.refresh_token
            ),
            AuthPayload.from_tokens,
        )

    @strawberry.mutation(description="End the session of a refresh token.")
    async def logout(self, info: Info, input: RefreshTokenInput) -> LogoutPayload:
        return await mutate(
            info, LogoutPayload, lambda s: tenancy.logout(s, input.refresh_token), lambda _: LogoutPayload(ok=True)
        )

    @strawberry.mutation(permission_classes=[IsPlatformAdmin], description="Create a park (tenant).")
    async def create_park(self, info: Info, input: CreateParkInput) -> CreateParkPayload:
        principal = info.context.require_principal()
        return await mutate(
            info,
            CreateParkPayload,
            lambda s: tenancy.create_park(s, principal, input.code, input.name),
            lambda park: CreateParkPayload(park=Park.from_row(park)),
        )

    @strawberry.mutation(permission_classes=[IsPlatformAdmin], description="Give a park its PARK_ADMIN.")
    async def invite_park_admin(self, info: Info, input: InviteParkAdminInput) -> MembershipPayload:
        principal = info.context.require_principal()
        return await mutate(
            info,
            MembershipPayload,
            lambda s: tenancy.invite_park_admin(
                s,
                principal,
                decode_id(input.park_id, "Park", field="parkId"),
                input.email,
                input.display_name,
                input.password,
            ),
            MembershipPayload.from_grant,
        )

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.MEMBERSHIPS_MANAGE)],
        description="Give a person (new or existing account) a role in this park.",
    )
    async def grant_membership(self, info: Info, input: GrantMembershipInput) -> MembershipPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            MembershipPayload,
            lambda s: tenancy.grant_membership(
                s,
                actor,
                input.email,
                input.display_name,
                RoleEnum(input.role),
                decode_optional_id(input.chain_id, "IndustryChain", field="chainId"),
                decode_optional_id(input.enterprise_id, "Enterprise", field="enterpriseId"),
                input.password,
            ),
            MembershipPayload.from_grant,
        )

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.MEMBERSHIPS_MANAGE)],
        description="End a role; the person's tokens stop working (refresh tokens in this park for good).",
    )
    async def revoke_membership(self, info: Info, input: RevokeMembershipInput) -> MembershipPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            MembershipPayload,
            lambda s: tenancy.revoke_membership(s, actor, decode_id(input.id, "Membership")),
            lambda row: MembershipPayload(membership=Membership.from_row(row)),
        )

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.API_KEYS_MANAGE)],
        description="Create a key for an integration, with the scopes it needs.",
    )
    async def create_api_key(self, info: Info, input: CreateApiKeyInput) -> CreateApiKeyPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            CreateApiKeyPayload,
            lambda s: tenancy.create_api_key(s, actor, input.name, [Perm(scope) for scope in input.scopes]),
            lambda created: CreateApiKeyPayload(api_key=ApiKey.from_row(created[0]), secret=created[1]),
        )

    @strawberry.mutation(permission_classes=[HasPerm(Perm.API_KEYS_MANAGE)])
    async def revoke_api_key(self, info: Info, input: RevokeApiKeyInput) -> RevokeApiKeyPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            RevokeApiKeyPayload,
            lambda s: tenancy.revoke_api_key(s, actor, decode_id(input.id, "ApiKey")),
            lambda key: RevokeApiKeyPayload(api_key=ApiKey.from_row(key)),
        )
