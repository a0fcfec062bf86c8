"""Parks (tenants), users, memberships with role and scope, login sessions and API keys."""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from redchain.infra.models_base import TenantOwned, new_id, tenant_fk, utcnow
from redchain.services.permissions import Role

TZ = sa.DateTime(timezone=True)


class Tenant(SQLModel, table=True):
    """A park and its Party working committee (园区党工委): the unit of isolation."""

    __tablename__ = "tenants"
    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    code: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=200)
    is_active: bool = True
    created_at: datetime = Field(default_factory=utcnow, sa_type=TZ)  # type: ignore[call-overload]


class User(SQLModel, table=True):
    __tablename__ = "users"
    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    email: str = Field(max_length=254, unique=True)  # stored lower-case
    password_hash: str = Field(max_length=200)
    display_name: str = Field(max_length=100)
    phone: str | None = Field(default=None, max_length=32)
    is_platform_admin: bool = False
    is_active: bool = True
    created_at: datetime = Field(default_factory=utcnow, sa_type=TZ)  # type: ignore[call-overload]
    # Bumped by every change to what the user may do; access tokens carry it, so an older token stops
    # working on its next request (see infra/security.AuthVersions).
    auth_version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    # Set for a password someone else chose (an invitation, an admin): only changing it is allowed.
    must_change_password: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})
    # Argon2 hashes of the passwords before the current one, newest first (none may be reused).
    previous_password_hashes: list[str] = Field(
        default_factory=list,
        sa_type=sa.ARRAY(sa.String(200)),  # type: ignore[call-overload]
        sa_column_kwargs={"server_default": "{}"},
    )
    failed_logins: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    locked_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]


class UserSession(SQLModel, table=True):
    """A refresh token; rotated on every use, so a replayed old token revokes the session."""

    __tablename__ = "user_sessions"
    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    user_id: uuid.UUID = Field(foreign_key="users.id", index=True)
    tenant_id: uuid.UUID | None = Field(default=None, foreign_key="tenants.id")
    token_hash: str = Field(max_length=64)
    expires_at: datetime = Field(sa_type=TZ)  # type: ignore[call-overload]
    revoked_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]
    created_at: datetime = Field(default_factory=utcnow, sa_type=TZ)  # type: ignore[call-overload]


class Membership(TenantOwned, table=True):
    __tablename__ = "memberships"
    __table_args__ = (
        sa.UniqueConstraint(
            "tenant_id",
            "user_id",
            "role",
            "chain_id",
            "enterprise_id",
            postgresql_nulls_not_distinct=True,
        ),
        sa.Index("ix_memberships_user_id", "user_id"),
        tenant_fk(["chain_id"], "industry_chains"),
        tenant_fk(["enterprise_id"], "enterprises"),
    )
    user_id: uuid.UUID = Field(foreign_key="users.id")
    role: Role = Field(sa_type=sa.String(32))  # type: ignore[call-overload]
    chain_id: uuid.UUID | None = None
    enterprise_id: uuid.UUID | None = None
    revoked_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]


class ApiKey(TenantOwned, table=True):
    """An integration's key. Only a SHA-256 of the secret is stored; the key is shown once."""

    __tablename__ = "api_keys"
    name: str = Field(max_length=100)
    secret_hash: str = Field(max_length=64)
    scopes: list[str] = Field(sa_type=sa.ARRAY(sa.String(64)))  # type: ignore[call-overload]
    created_by: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    last_used_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]
    revoked_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]
