"""Who may read and change which part of the registry.

Reading: PARK_ADMIN, AUDITOR, FINANCE_OFFICER, API keys with registry:read and the worker see the whole
park; otherwise the union of the actor's grants: CHAIN_STAFF its chain, LIAISON_OFFICER the enterprises
it is currently assigned to, ENTERPRISE_CONTACT its own enterprise. Changing: PARK_ADMIN anywhere,
CHAIN_STAFF inside its chain; an ENTERPRISE_CONTACT edits only its enterprise's contact fields.
"""

import uuid
from dataclasses import dataclass

from redchain.services.actor import Actor, ActorKind
from redchain.services.errors import PermissionDenied
from redchain.services.permissions import Perm, Role


@dataclass(frozen=True)
class ReadScope:
    """`everything`, or the union of the rest."""

    everything: bool = False
    chain_ids: frozenset[uuid.UUID] = frozenset()
    enterprise_ids: frozenset[uuid.UUID] = frozenset()
    officer_user_id: uuid.UUID | None = None  # enterprises with an active assignment of this officer

    @property
    def empty(self) -> bool:
        return not (self.everything or self.chain_ids or self.enterprise_ids or self.officer_user_id)


def _park_wide(actor: Actor) -> bool:
    # A worker acts on an event that was authorised when it was recorded.
    return actor.kind is ActorKind.SYSTEM or actor.has_role(Role.PARK_ADMIN)


def read_scope(actor: Actor) -> ReadScope:
    if not (actor.can(Perm.REGISTRY_READ) or actor.kind is ActorKind.SYSTEM):
        return ReadScope()
    if _park_wide(actor) or actor.has_role(Role.AUDITOR, Role.FINANCE_OFFICER) or actor.kind is ActorKind.API_KEY:
        return ReadScope(everything=True)
    return ReadScope(
        chain_ids=actor.staff_chain_ids,
        enterprise_ids=actor.contact_enterprise_ids,
        officer_user_id=actor.user_id if actor.has_role(Role.LIAISON_OFFICER) else None,
    )


def require(actor: Actor, perm: Perm) -> None:
    if not (actor.can(perm) or actor.kind is ActorKind.SYSTEM):
        raise PermissionDenied()


def may_manage_chain(actor: Actor, chain_id: uuid.UUID | None) -> bool:
    """Enterprises and organisations of `chain_id` (None: not in a chain, which only park-wide staff manage)."""
    if _park_wide(actor):
        return True
    return actor.can(Perm.REGISTRY_MANAGE) and chain_id is not None and chain_id in actor.staff_chain_ids


def require_manage_chain(actor: Actor, chain_id: uuid.UUID | None) -> None:
    if not may_manage_chain(actor, chain_id):
        raise PermissionDenied()


def require_chains_manage(actor: Actor) -> None:
    if not _park_wide(actor) or not (actor.can(Perm.CHAINS_MANAGE) or actor.kind is ActorKind.SYSTEM):
        raise PermissionDenied()


def may_edit_contact(actor: Actor, enterprise_id: uuid.UUID, chain_id: uuid.UUID | None) -> bool:
    return may_manage_chain(actor, chain_id) or (
        actor.can(Perm.ENTERPRISE_CONTACT_UPDATE) and enterprise_id in actor.contact_enterprise_ids
    )


def sees_enterprise_phone(actor: Actor, enterprise_id: uuid.UUID, chain_id: uuid.UUID | None) -> bool:
    """Staff who call the enterprise see its contact's number; auditors, finance and integrations a mask."""
    return may_edit_contact(actor, enterprise_id, chain_id) or actor.has_role(Role.LIAISON_OFFICER)


def sees_member_phone(actor: Actor, member_enterprise_id: uuid.UUID | None) -> bool:
    """Members' numbers: staff who manage members, and the member's own enterprise contact. Liaison officers,
    auditors, finance and integrations see a mask (they reach members through the enterprise contact)."""
    if _park_wide(actor) or (actor.can(Perm.REGISTRY_MANAGE) and actor.staff_chain_ids):
        return True
    return member_enterprise_id is not None and member_enterprise_id in actor.contact_enterprise_ids
