"""Who may read and change which part of the registry.

Reading: PARK_ADMIN, AUDITOR, FINANCE_OFFICER, API keys with registry:read and the worker (services/actor.py)
see the whole park; otherwise the union of the actor's grants: CHAIN_STAFF its chain, LIAISON_OFFICER the enterprises
it is currently assigned to, ENTERPRISE_CONTACT its own enterprise. Changing: PARK_ADMIN anywhere,
CHAIN_STAFF inside its chain; an ENTERPRISE_CONTACT edits only its enterprise's contact fields.
"""

import uuid

from redchain.services.actor import Actor, Scope, reach
from redchain.services.errors import PermissionDenied
from redchain.services.permissions import Perm, Role


def _park_wide(actor: Actor) -> bool:
    return actor.is_system or actor.has_role(Role.PARK_ADMIN)


def read_scope(actor: Actor) -> Scope:
    return reach(
        actor,
        needs=Perm.REGISTRY_READ,
        whole_park=actor.has_role(Role.PARK_ADMIN, Role.AUDITOR, Role.FINANCE_OFFICER) or actor.is_api_key,
    )


def require(actor: Actor, perm: Perm) -> None:
    if not actor.can(perm):
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
    if not (_park_wide(actor) and actor.can(Perm.CHAINS_MANAGE)):
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
