"""Queries of the tenancy context."""

import uuid
from typing import Annotated

import strawberry
from strawberry.types import Info

from redchain.graphql.permissions import HasPerm, IsAuthenticated, IsPlatformAdmin
from redchain.graphql.relay import Connection, node_resolver, paged
from redchain.graphql.tenancy.dataloaders import ParkByIdLoader, UserByIdLoader
from redchain.graphql.tenancy.types import ApiKey, Membership, Park, PasswordPolicy, Role, User, Viewer
from redchain.services.permissions import Perm
from redchain.services.permissions import Role as RoleEnum
from redchain.services.tenancy import service as tenancy


@node_resolver("Membership")
async def _membership_node(info: Info, membership_id: uuid.UUID) -> Membership | None:
    actor = info.context.actor
    if actor is None:
        return None
    async with info.context.read() as session:
        row = await tenancy.get_membership(session, actor, membership_id)
    return Membership.from_row(row) if row else None


@node_resolver("Park")
async def _park_node(info: Info, park_id: uuid.UUID) -> Park | None:
    principal = info.context.require_principal()
    if park_id != principal.tenant_id and not principal.is_platform_admin:
        return None
    row = await info.context.loader(ParkByIdLoader).load(park_id)
    return Park.from_row(row) if row else None


@node_resolver("User")
async def _user_node(info: Info, user_id: uuid.UUID) -> User | None:
    # Only yourself by ID; other people are reached through memberships in your park.
    if user_id != info.context.require_principal().user_id:
        return None
    row = await info.context.loader(UserByIdLoader).load(user_id)
    return User.from_row(row) if row else None


@strawberry.type
class TenancyQuery:
    @strawberry.field(permission_classes=[IsAuthenticated], description="Who is calling.")
    def me(self, info: Info) -> Viewer:
        return Viewer(principal=info.context.require_principal())

    @strawberry.field(description="What a new password must meet; public, so forms can say it up front.")
    def password_policy(self) -> PasswordPolicy:
        return PasswordPolicy.from_policy(tenancy.PASSWORD_POLICY)

    @strawberry.field(
        description="The park's memberships; without memberships:read, only your own.",
        permission_classes=[IsAuthenticated],
    )
    async def memberships(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        role: Role | None = None,  # type: ignore[valid-type]
        include_revoked: bool = False,
        search: Annotated[str | None, strawberry.argument(description="A part of the person's name or email.")] = None,
    ) -> Connection[Membership]:
        actor = info.context.require_actor()
        role_filter = RoleEnum(role) if role else None
        return await paged(
            info,
            first,
            after,
            Membership.from_row,
            fetch=lambda s, page: tenancy.list_memberships(s, actor, page, role_filter, include_revoked, search),
            count=lambda s: tenancy.count_memberships(s, actor, role_filter, include_revoked, search),
        )

    @strawberry.field(permission_classes=[IsPlatformAdmin], description="Every park of the platform, newest first.")
    async def parks(self, info: Info, first: int | None = None, after: str | None = None) -> Connection[Park]:
        principal = info.context.require_principal()
        return await paged(
            info,
            first,
            after,
            Park.from_row,
            fetch=lambda s, page: tenancy.list_parks(s, principal, page),
            count=lambda s: tenancy.count_parks(s, principal),
        )

    @strawberry.field(permission_classes=[HasPerm(Perm.API_KEYS_MANAGE)], description="The park's API keys.")
    async def api_keys(self, info: Info) -> list[ApiKey]:
        async with info.context.read() as session:
            return [ApiKey.from_row(k) for k in await tenancy.list_api_keys(session, info.context.require_actor())]
