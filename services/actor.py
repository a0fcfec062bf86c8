"""Who is acting: a user, an API key or the worker, with the roles, permissions and reach it has in a park.

Two types. A `Principal` is whoever signed in, perhaps before choosing a park; only platform code takes
one (creating parks, inviting a park's first admin, listing one's parks). An `Actor` is bound to one
park (`tenant_id` is never None); every service that reads or writes a park's rows takes an Actor, built
at the API boundary (graphql/auth.py, graphql/context.py) or the worker boundary (`Actor.system`).

Reach. Each context's policies compute one `Scope` from the actor with `reach()`, and each repository
applies it in its one `scoped(actor)`. The rule for the system actor is the same in every context:
a SYSTEM actor (a worker acting on a stored event or a queued import) reaches the whole park and holds
every permission, because the event or the import was authorised when it was recorded. What it may not
do is act as a named person: steps that need a who (segregation of duties, logging a visit, raising a
ticket) still refuse it.
"""

import uuid
from dataclasses import dataclass, field, fields
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
class Principal:
    kind: ActorKind
    tenant_id: uuid.UUID | None
    user_id: uuid.UUID | None = None
    api_key_id: uuid.UUID | None = None
    grants: tuple[Grant, ...] = ()
    api_scopes: frozenset[Perm] = frozenset()
    is_platform_admin: bool = False
    permissions: frozenset[Perm] = field(init=False)

    def __post_init__(self) -> None:
        perms = set(Perm) if self.kind is ActorKind.SYSTEM else set(self.api_scopes)
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
    def is_system(self) -> bool:
        return self.kind is ActorKind.SYSTEM

    @property
    def is_api_key(self) -> bool:
        return self.kind is ActorKind.API_KEY

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(g.role for g in self.grants)

    def in_park(self) -> "Actor | None":
        """The same principal as a park-bound actor; None before a park is chosen."""
        if isinstance(self, Actor):
            return self
        if self.tenant_id is None:
            return None
        return Actor(**{f.name: getattr(self, f.name) for f in fields(self) if f.init})

    def acting_in(self, park_id: uuid.UUID) -> "Actor":
        """Platform code at work inside one park (a new park, its first admin): the same person, with no
        roles there."""
        return Actor(kind=self.kind, tenant_id=park_id, user_id=self.user_id, is_platform_admin=self.is_platform_admin)


@dataclass(frozen=True)
class Actor(Principal):
    tenant_id: uuid.UUID

    @classmethod
    def system(cls, tenant_id: uuid.UUID, on_behalf_of: uuid.UUID | None = None) -> "Actor":
        """The worker in `tenant_id`; `on_behalf_of` names the person the audit log credits (an import's
        uploader)."""
        return cls(kind=ActorKind.SYSTEM, tenant_id=tenant_id, user_id=on_behalf_of)


@dataclass(frozen=True)
class Scope:
    """What an actor reaches in one context: the whole park, or the union of the rest."""

    whole_park: bool = False
    chain_ids: frozenset[uuid.UUID] = frozenset()  # CHAIN_STAFF: its chains
    enterprise_ids: frozenset[uuid.UUID] = frozenset()  # ENTERPRISE_CONTACT: its enterprise
    officer_user_id: uuid.UUID | None = None  # LIAISON_OFFICER: where this officer is posted (and its own rows)
    user_id: uuid.UUID | None = None  # rows this person is party to (a ticket it works or watches, its application)

    @property
    def empty(self) -> bool:
        return not (self.whole_park or self.chain_ids or self.enterprise_ids or self.officer_user_id or self.user_id)


def reach(actor: Actor, *, whole_park: bool, needs: Perm | None = None, own_rows: bool = False) -> Scope:
    """The one way a context's policies compute a Scope. `whole_park`: the context's rule for who sees the
    whole park; `needs`: a permission without which the actor reaches nothing; `own_rows`: the context
    also shows a person the rows it is party to. The system actor always reaches the whole park."""
    if actor.is_system:
        return Scope(whole_park=True)
    if needs is not None and not actor.can(needs):
        return Scope()
    if whole_park:
        return Scope(whole_park=True)
    return Scope(
        chain_ids=actor.staff_chain_ids,
        enterprise_ids=actor.contact_enterprise_ids,
        officer_user_id=actor.user_id if actor.has_role(Role.LIAISON_OFFICER) else None,
        user_id=actor.user_id if own_rows else None,
    )
