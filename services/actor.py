"""Who is acting: a user or an API key, in one park, with the roles and scopes of its memberships."""

import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from redchain.services.permissions import ROLE_PERMISSIONS, Perm, Role


@dataclass(frozen=True)
class Grant:
    role: Role
    chain_id: uuid.UUID | None = None  # CHAIN_STAFF
    enterprise_id: uuid.UUID | None = None  # ENTERPRISE_CONTACT


class ActorKind(StrEnum):
    USER = "USER"
    API_KEY = "API_KEY"
    SYSTEM = "SYSTEM"  # a worker acting on a stored event


@dataclass(frozen=True)
class Actor:
    kind: ActorKind
    tenant_id: uuid.UUID | None
    user_id: uuid.UUID | None = None
    api_key_id: uuid.UUID | None = None
    grants: tuple[Grant, ...] = ()
    api_scopes: frozenset[Perm] = frozenset()
    is_platform_admin: bool = False
    permissions: frozenset[Perm] = field(init=False)

    def __post_init__(self) -> None:
        perms = set(self.api_scopes)
        for grant in self.grants:
            perms |= ROLE_PERMISSIONS[grant.role]
        object.__setattr__(self, "permissions", frozenset(perms))

    def can(self, perm: Perm) -> bool:
        return perm in self.permissions

    def has_role(self, *roles: Role) -> bool:
        return any(g.role in roles for g in self.grants)

    @property
    def staff_chain_ids(self) -> frozenset[uuid.UUID]:
        """The chains this actor works for as CHAIN_STAFF."""
        return frozenset(g.chain_id for g in self.grants if g.role is Role.CHAIN_STAFF and g.chain_id)

    @property
    def contact_enterprise_ids(self) -> frozenset[uuid.UUID]:
        """The enterprises this actor speaks for as ENTERPRISE_CONTACT."""
        return frozenset(g.enterprise_id for g in self.grants if g.role is Role.ENTERPRISE_CONTACT and g.enterprise_id)

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(g.role for g in self.grants)

    @classmethod
    def system(cls, tenant_id: uuid.UUID) -> "Actor":
        return cls(kind=ActorKind.SYSTEM, tenant_id=tenant_id)
