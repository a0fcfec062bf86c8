"""All SQL of the tenancy context."""

import uuid
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key
from sqlmodel import col

from redchain.infra.pagination import Page, PageRequest, count, paginate
from redchain.infra.security import note_auth_version
from redchain.infra.text_match import contains
from redchain.services.actor import Actor
from redchain.services.permissions import Perm, Role
from redchain.services.tenancy.models import ApiKey, Membership, Tenant, User, UserSession


class TenancyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, *objects: object) -> None:
        self.session.add_all(objects)
        await self.session.flush()

    # Parks and users (global tables).
    async def tenant(self, tenant_id: uuid.UUID) -> Tenant | None:
        return await self.session.get(Tenant, tenant_id)

    async def tenant_by_code(self, code: str) -> Tenant | None:
        return await self.session.scalar(sa.select(Tenant).where(col(Tenant.code) == code))

    async def tenants(self, ids: list[uuid.UUID]) -> list[Tenant]:
        return list(await self.session.scalars(sa.select(Tenant).where(col(Tenant.id).in_(ids))))

    def _parks(self) -> sa.Select[Tenant]:
        return sa.select(Tenant).where(col(Tenant.is_active))

    async def page_tenants(self, page: PageRequest) -> Page[Tenant]:
        keys = [col(Tenant.created_at), col(Tenant.id)]
        return await paginate(self.session, self._parks().add_columns(*keys), keys, page)

    async def count_tenants(self) -> int:
        return await count(self.session, self._parks())

    async def user(self, user_id: uuid.UUID) -> User | None:
        return await self.session.get(User, user_id)

    async def users(self, ids: list[uuid.UUID]) -> list[User]:
        return list(await self.session.scalars(sa.select(User).where(col(User.id).in_(ids))))

    async def user_by_email(self, email: str) -> User | None:
        return await self.session.scalar(sa.select(User).where(col(User.email) == email))

    async def locked_user(self, user_id: uuid.UUID) -> User | None:
        """The user row locked until commit, re-read even if loaded: counters change under concurrency."""
        stmt = sa.select(User).where(col(User.id) == user_id).with_for_update()
        return await self.session.scalar(stmt.execution_options(populate_existing=True))

    async def auth_version(self, user_id: uuid.UUID) -> int | None:
        return await self.session.scalar(sa.select(col(User.auth_version)).where(col(User.id) == user_id))

    async def bump_auth_version(self, user_id: uuid.UUID) -> int:
        """Tokens issued before this stop working once the transaction commits (and is published)."""
        stmt = (
            sa.update(User)
            .where(col(User.id) == user_id)
            .values(auth_version=col(User.auth_version) + 1)
            .returning(col(User.auth_version))
        )
        version = int((await self.session.execute(stmt, execution_options={"synchronize_session": False})).scalar_one())
        loaded = self.session.identity_map.get(identity_key(User, user_id))
        if loaded is not None:
            # Tokens issued later in this transaction (a password change's) carry the new version.
            set_committed_value(loaded, "auth_version", version)
        note_auth_version(self.session, user_id, version)
        return version

    # Memberships.
    def _active_memberships(self) -> sa.Select[Membership]:
        return sa.select(Membership).where(col(Membership.revoked_at).is_(None))

    async def memberships_of_user(self, user_id: uuid.UUID) -> list[Membership]:
        """Across parks: readable because the transaction's app.user_id is this user (RLS)."""
        stmt = self._active_memberships().where(col(Membership.user_id) == user_id)
        return list(await self.session.scalars(stmt.order_by(col(Membership.created_at))))

    async def membership(self, actor: Actor, membership_id: uuid.UUID, lock: bool = False) -> Membership | None:
        stmt = self.scoped(actor).where(col(Membership.id) == membership_id)
        return await self.session.scalar(stmt.with_for_update() if lock else stmt)

    def scoped(self, actor: Actor) -> sa.Select[Membership]:
        """The memberships `actor` may see: all of its park's with MEMBERSHIPS_READ, else its own."""
        stmt = sa.select(Membership).where(col(Membership.tenant_id) == actor.tenant_id)
        if not actor.can(Perm.MEMBERSHIPS_READ):
            stmt = stmt.where(col(Membership.user_id) == actor.user_id)
        return stmt

    async def page_memberships(
        self, actor: Actor, page: PageRequest, role: Role | None, include_revoked: bool, search: str | None = None
    ) -> Page[Membership]:
        return await paginate(
            self.session,
            self._membership_filter(actor, role, include_revoked, search).add_columns(
                col(Membership.created_at), col(Membership.id)
            ),
            [col(Membership.created_at), col(Membership.id)],
            page,
        )

    async def count_memberships(
        self, actor: Actor, role: Role | None, include_revoked: bool, search: str | None = None
    ) -> int:
        return await count(self.session, self._membership_filter(actor, role, include_revoked, search))

    def _membership_filter(
        self, actor: Actor, role: Role | None, include_revoked: bool, search: str | None = None
    ) -> sa.Select[Membership]:
        stmt = self.scoped(actor)
        if role is not None:
            stmt = stmt.where(col(Membership.role) == role)
        if not include_revoked:
            stmt = stmt.where(col(Membership.revoked_at).is_(None))
        if search:
            people = sa.select(col(User.id)).where(
                sa.or_(contains(col(User.display_name), search), contains(col(User.email), search))
            )
            stmt = stmt.where(col(Membership.user_id).in_(people))
        return stmt

    async def find_membership(
        self,
        tenant_id: uuid.UUID,
        user_id: uuid.UUID,
        role: Role,
        chain_id: uuid.UUID | None,
        enterprise_id: uuid.UUID | None,
    ) -> Membership | None:
        stmt = sa.select(Membership).where(
            col(Membership.tenant_id) == tenant_id,
            col(Membership.user_id) == user_id,
            col(Membership.role) == role,
            col(Membership.chain_id).is_not_distinct_from(chain_id),
            col(Membership.enterprise_id).is_not_distinct_from(enterprise_id),
        )
        return await self.session.scalar(stmt.with_for_update())

    async def lock_park_admins(self, tenant_id: uuid.UUID) -> None:
        """Until commit, one transaction at a time may take a park's admins away: two admins revoking
        each other at once must not leave the park with none."""
        key = sa.func.hashtextextended(f"park_admins:{tenant_id}", 0)
        await self.session.execute(sa.select(sa.func.pg_advisory_xact_lock(key)))

    async def count_active_park_admins(self, tenant_id: uuid.UUID) -> int:
        stmt = self._active_memberships().where(
            col(Membership.tenant_id) == tenant_id, col(Membership.role) == Role.PARK_ADMIN
        )
        return await count(self.session, stmt)

    async def platform_admins_by_park(self) -> dict[uuid.UUID, list[uuid.UUID]]:
        """Across parks, so only with the owner connection (row-level security hides other parks' rows)."""
        stmt = (
            sa.select(col(Membership.tenant_id), col(Membership.user_id))
            .distinct()
            .join(User, col(User.id) == col(Membership.user_id))
            .join(Tenant, col(Tenant.id) == col(Membership.tenant_id))
            .where(col(Membership.revoked_at).is_(None), col(User.is_platform_admin), col(User.is_active))
            .where(col(Tenant.is_active))
            .order_by(col(Membership.tenant_id), col(Membership.user_id))
        )
        found: dict[uuid.UUID, list[uuid.UUID]] = {}
        for row in await self.session.execute(stmt):
            found.setdefault(row.tenant_id, []).append(row.user_id)
        return found

    # Login sessions.
    async def user_session(self, session_id: uuid.UUID) -> UserSession | None:
        stmt = sa.select(UserSession).where(col(UserSession.id) == session_id).with_for_update()
        return await self.session.scalar(stmt)

    async def revoke_all_user_sessions(self, user_id: uuid.UUID) -> None:
        await self.session.execute(
            sa.update(UserSession)
            .where(col(UserSession.user_id) == user_id, col(UserSession.revoked_at).is_(None))
            .values(revoked_at=datetime.now(UTC))
        )

    async def has_membership_in(self, tenant_id: uuid.UUID, user_id: uuid.UUID) -> bool:
        stmt = self._active_memberships().where(
            col(Membership.tenant_id) == tenant_id, col(Membership.user_id) == user_id
        )
        return await count(self.session, stmt) > 0

    async def revoke_user_sessions(self, user_id: uuid.UUID, tenant_id: uuid.UUID | None) -> None:
        """Ends the user's sessions in one park (tenant_id None: the park-less platform admin sessions)."""
        await self.session.execute(
            sa.update(UserSession)
            .where(
                col(UserSession.user_id) == user_id,
                col(UserSession.tenant_id).is_not_distinct_from(tenant_id),
                col(UserSession.revoked_at).is_(None),
            )
            .values(revoked_at=datetime.now(UTC))
        )

    # API keys.
    async def api_key(self, tenant_id: uuid.UUID, key_id: uuid.UUID, lock: bool = False) -> ApiKey | None:
        stmt = sa.select(ApiKey).where(col(ApiKey.tenant_id) == tenant_id, col(ApiKey.id) == key_id)
        return await self.session.scalar(stmt.with_for_update() if lock else stmt)

    async def api_keys(self, tenant_id: uuid.UUID) -> list[ApiKey]:
        stmt = sa.select(ApiKey).where(col(ApiKey.tenant_id) == tenant_id).order_by(col(ApiKey.created_at))
        return list(await self.session.scalars(stmt))

    async def touch_api_key(self, tenant_id: uuid.UUID, key_id: uuid.UUID, every: timedelta) -> None:
        # At most one write per key per `every`: last-used time without a write on every request.
        now = datetime.now(UTC)
        await self.session.execute(
            sa.update(ApiKey)
            .where(
                col(ApiKey.tenant_id) == tenant_id,
                col(ApiKey.id) == key_id,
                sa.or_(col(ApiKey.last_used_at).is_(None), col(ApiKey.last_used_at) < now - every),
            )
            .values(last_used_at=now)
        )
