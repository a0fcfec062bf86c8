"""GraphQL types of the tenancy context."""

from datetime import datetime
from enum import StrEnum

import strawberry
from strawberry.types import Info

from redchain.graphql.auth import PASSWORD_CHANGE_ONLY
from redchain.graphql.errors import UserError, error_code_enum
from redchain.graphql.relay import Node, encode_id
from redchain.graphql.tenancy.dataloaders import ParkByIdLoader, UserByIdLoader
from redchain.services.actor import Principal
from redchain.services.permissions import Perm as PermEnum
from redchain.services.permissions import Role as RoleEnum
from redchain.services.personal_data import mask_phone
from redchain.services.tenancy import service as tenancy
from redchain.services.tenancy.errors import TenancyErrorCode as TenancyErrorCodeEnum
from redchain.services.tenancy.models import ApiKey as ApiKeyRow
from redchain.services.tenancy.models import Membership as MembershipRow
from redchain.services.tenancy.models import Tenant
from redchain.services.tenancy.models import User as UserRow

Role = strawberry.enum(RoleEnum, description="A role in one park.")
ApiScope = strawberry.enum(PermEnum, name="ApiScope", description="A permission an API key can carry.")
TenancyErrorCode = error_code_enum("TenancyErrorCode", TenancyErrorCodeEnum)


@strawberry.type(description="A rule or validation failure of a tenancy mutation.")
class TenancyUserError(UserError):
    code: TenancyErrorCode  # type: ignore[valid-type]


def shown_phone(info: Info, phone: str | None, unmasked: bool, kind: str) -> str | None:
    """`phone` whole if `unmasked` (noted for the request's security event of `kind`), else masked."""
    if not unmasked:
        return mask_phone(phone)
    if phone:
        info.context.note_personal_data_read(kind)
    return phone


@strawberry.type(description="A park (园区) and its Party working committee: one tenant.")
class Park(Node):
    code: str
    name: str
    created_at: datetime

    @classmethod
    def from_row(cls, row: Tenant) -> "Park":
        return cls(id=encode_id("Park", row.id), code=row.code, name=row.name, created_at=row.created_at)


@strawberry.enum(description="Whether an account may sign in: ACTIVE, LOCKED (until unlocked) or DISABLED (for good).")
class AccountStatus(StrEnum):
    ACTIVE = "ACTIVE"
    LOCKED = "LOCKED"
    DISABLED = "DISABLED"


@strawberry.type(description="A person with an account.")
class User(Node):
    email: str
    display_name: str
    phone_raw: strawberry.Private[str | None]
    user_id: strawberry.Private[object]
    status_raw: strawberry.Private[AccountStatus]

    @strawberry.field(description="Null unless you read memberships or it is your own account.")
    def account_status(self, info: Info) -> AccountStatus | None:
        actor = info.context.actor
        if actor and (actor.user_id == self.user_id or actor.can(PermEnum.MEMBERSHIPS_READ)):
            return self.status_raw
        return None

    @strawberry.field(description="Masked unless you manage memberships or it is your own number.")
    def phone(self, info: Info) -> str | None:
        actor = info.context.actor
        if actor and actor.user_id == self.user_id:
            return self.phone_raw
        return shown_phone(info, self.phone_raw, bool(actor and actor.can(PermEnum.MEMBERSHIPS_MANAGE)), "user_phone")

    @classmethod
    def from_row(cls, row: UserRow) -> "User":
        return cls(
            id=encode_id("User", row.id),
            email=row.email,
            display_name=row.display_name,
            phone_raw=row.phone,
            user_id=row.id,
            status_raw=(
                AccountStatus.DISABLED
                if not row.is_active
                else AccountStatus.LOCKED
                if row.locked_at is not None
                else AccountStatus.ACTIVE
            ),
        )


@strawberry.type(description="A user's role in a park, with its scope.")
class Membership(Node):
    role: Role  # type: ignore[valid-type]
    created_at: datetime
    revoked_at: datetime | None
    row: strawberry.Private[MembershipRow]

    @strawberry.field
    async def user(self, info: Info) -> User:
        return User.from_row(await info.context.loader(UserByIdLoader).load(self.row.user_id))

    @strawberry.field(description="The industry chain a CHAIN_STAFF membership is scoped to.")
    def chain_id(self) -> strawberry.ID | None:
        return encode_id("IndustryChain", self.row.chain_id) if self.row.chain_id else None

    @strawberry.field(description="The enterprise an ENTERPRISE_CONTACT membership is scoped to.")
    def enterprise_id(self) -> strawberry.ID | None:
        return encode_id("Enterprise", self.row.enterprise_id) if self.row.enterprise_id else None

    @classmethod
    def from_row(cls, row: MembershipRow) -> "Membership":
        return cls(
            id=encode_id("Membership", row.id),
            role=RoleEnum(row.role),
            created_at=row.created_at,
            revoked_at=row.revoked_at,
            row=row,
        )


@strawberry.type(description="An integration's key. The secret is shown once, when it is created.")
class ApiKey(Node):
    name: str
    scopes: list[ApiScope]  # type: ignore[valid-type]
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def from_row(cls, row: ApiKeyRow) -> "ApiKey":
        return cls(
            id=encode_id("ApiKey", row.id),
            name=row.name,
            scopes=[PermEnum(s) for s in row.scopes],
            created_at=row.created_at,
            last_used_at=row.last_used_at,
            revoked_at=row.revoked_at,
        )


@strawberry.type(description="What the API's password policy asks of a new password.")
class PasswordPolicy:
    min_length: int
    max_length: int
    min_character_classes: int = strawberry.field(
        description="Of lower-case letters, upper-case letters, digits and symbols."
    )
    history: int = strawberry.field(description="A new password differs from this many recent ones.")

    @classmethod
    def from_policy(cls, policy: tenancy.PasswordPolicy) -> "PasswordPolicy":
        return cls(
            min_length=policy.min_length,
            max_length=policy.max_length,
            min_character_classes=policy.min_character_classes,
            history=policy.history,
        )


@strawberry.type(description="Who is calling: a user or an API key, in which park, with which roles.")
class Viewer:
    principal: strawberry.Private[Principal]

    @strawberry.field(
        description="The password is temporary: until `changePassword`, only `me`, `passwordPolicy`, "
        "`changePassword` and `logout` are allowed."
    )
    def must_change_password(self, info: Info) -> bool:
        return bool(info.context.request.state.get(PASSWORD_CHANGE_ONLY))

    @strawberry.field
    def is_platform_admin(self) -> bool:
        return self.principal.is_platform_admin

    @strawberry.field
    def roles(self) -> list[Role]:  # type: ignore[valid-type]
        return sorted(self.principal.roles)

    @strawberry.field
    def permissions(self) -> list[ApiScope]:  # type: ignore[valid-type]
        return sorted(self.principal.permissions)

    @strawberry.field(description="The user, or null for an API key.")
    async def user(self, info: Info) -> User | None:
        if self.principal.user_id is None:
            return None
        return User.from_row(await info.context.loader(UserByIdLoader).load(self.principal.user_id))

    @strawberry.field(description="The park this session acts in.")
    async def park(self, info: Info) -> Park | None:
        if self.principal.tenant_id is None:
            return None
        return Park.from_row(await info.context.loader(ParkByIdLoader).load(self.principal.tenant_id))

    @strawberry.field(description="Every park in which the user holds a role (`switchPark` moves between them).")
    async def parks(self, info: Info) -> list[Park]:
        async with info.context.read() as session:
            return [Park.from_row(p) for p in await tenancy.my_parks(session, self.principal)]
