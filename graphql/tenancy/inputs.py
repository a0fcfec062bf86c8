"""Input objects of the tenancy mutations."""

import strawberry

from redchain.graphql.tenancy.types import ApiScope, Role


@strawberry.input
class LoginInput:
    email: str
    password: str
    park_id: strawberry.ID | None = strawberry.field(default=None, description="Defaults to your first park.")


@strawberry.input
class RefreshTokenInput:
    refresh_token: str


@strawberry.input
class SwitchParkInput:
    park_id: strawberry.ID = strawberry.field(description="A park where you hold a role (see `me.parks`).")
    refresh_token: str = strawberry.field(description="The current session's refresh token: that session ends.")


@strawberry.input
class CreateParkInput:
    code: str = strawberry.field(description="2-64 lower-case letters, digits and hyphens, e.g. changsha-hitech.")
    name: str


@strawberry.input
class InviteParkAdminInput:
    park_id: strawberry.ID
    email: str
    display_name: str
    password: str | None = strawberry.field(
        default=None, description="Initial password for a new account; one is generated and returned if omitted."
    )


@strawberry.input
class GrantMembershipInput:
    email: str
    display_name: str
    role: Role  # type: ignore[valid-type]
    chain_id: strawberry.ID | None = strawberry.field(default=None, description="Required for CHAIN_STAFF.")
    enterprise_id: strawberry.ID | None = strawberry.field(default=None, description="Required for ENTERPRISE_CONTACT.")
    password: str | None = None


@strawberry.input
class RevokeMembershipInput:
    id: strawberry.ID


@strawberry.input
class CreateApiKeyInput:
    name: str
    scopes: list[ApiScope]  # type: ignore[valid-type]


@strawberry.input
class RevokeApiKeyInput:
    id: strawberry.ID


@strawberry.input
class ChangePasswordInput:
    current_password: str
    new_password: str = strawberry.field(
        description="8+ characters of 3 kinds (lower, upper, digit, symbol); not the email, not one of the last 5."
    )


@strawberry.input
class UserIdInput:
    user_id: strawberry.ID
