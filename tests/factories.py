"""Plain factory functions for test data. Each call makes its own park or account, so tests never
share rows."""

import uuid
from typing import Any

from redchain.infra.db import Database
from redchain.infra.security import hash_password
from redchain.services.actor import Actor, ActorKind, Grant
from redchain.services.permissions import Role
from redchain.services.registry.credit_code import make_credit_code
from redchain.services.registry.models import Enterprise, IndustryChain
from redchain.services.tenancy.models import Membership, Tenant, User
from redchain.services.tenancy.repository import TenancyRepository

PASSWORD = "correct-horse-battery"
# Hashing with argon2 is slow on purpose; tests share one hash.
PASSWORD_HASH = hash_password(PASSWORD)


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


async def create_park(db: Database, **overrides: Any) -> Tenant:
    park = Tenant(code=overrides.pop("code", unique("park")), name=overrides.pop("name", "测试园区"), **overrides)
    async with db.transaction() as session:
        await TenancyRepository(session).add(park)
    return park


async def create_chain(db: Database, park: Tenant, **overrides: Any) -> IndustryChain:
    chain = IndustryChain(tenant_id=park.id, name=overrides.pop("name", unique("产业链")), **overrides)
    async with db.transaction(park.id) as session:
        session.add(chain)
    return chain


async def create_enterprise(db: Database, park: Tenant, **overrides: Any) -> Enterprise:
    enterprise = Enterprise(
        tenant_id=park.id,
        credit_code=overrides.pop("credit_code", make_credit_code(uuid.uuid4().int % 31**9)),
        name=overrides.pop("name", unique("企业")),
        **overrides,
    )
    async with db.transaction(park.id) as session:
        session.add(enterprise)
    return enterprise


async def create_user(db: Database, **overrides: Any) -> User:
    user = User(
        email=overrides.pop("email", f"{unique('user')}@example.cn"),
        password_hash=overrides.pop("password_hash", PASSWORD_HASH),
        display_name=overrides.pop("display_name", "张三"),
        **overrides,
    )
    async with db.transaction() as session:
        await TenancyRepository(session).add(user)
    return user


async def create_member(
    db: Database, park: Tenant, role: Role, user: User | None = None, **scope: uuid.UUID | None
) -> tuple[User, Membership]:
    user = user or await create_user(db)
    membership = Membership(tenant_id=park.id, user_id=user.id, role=role, **scope)
    async with db.transaction(park.id) as session:
        await TenancyRepository(session).add(membership)
    return user, membership


def actor_for(park: Tenant, user: User, *grants: Grant, platform_admin: bool = False) -> Actor:
    return Actor(
        kind=ActorKind.USER,
        tenant_id=park.id if park else None,
        user_id=user.id,
        grants=grants,
        is_platform_admin=platform_admin,
    )


async def create_platform_admin(db: Database) -> tuple[User, Actor]:
    user = await create_user(db, is_platform_admin=True)
    return user, Actor(kind=ActorKind.USER, tenant_id=None, user_id=user.id, is_platform_admin=True)
