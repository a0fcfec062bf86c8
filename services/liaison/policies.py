"""Who may post officers, log visits and read them; when an assignment counts as active."""

import uuid
from datetime import date
from enum import StrEnum

from redchain.services.actor import Actor, Scope, reach
from redchain.services.errors import PermissionDenied
from redchain.services.liaison.models import LiaisonAssignment
from redchain.services.permissions import Perm, Role


class AssignmentStatus(StrEnum):
    SCHEDULED = "SCHEDULED"  # starts after today
    ACTIVE = "ACTIVE"  # starts_on <= today <= ends_on (or open-ended)
    ENDED = "ENDED"  # ends_on before today


def status_on(assignment: LiaisonAssignment, today: date) -> AssignmentStatus:
    # models.active_on is the same rule in SQL (starts_on <= today and (ends_on is null or ends_on >= today)),
    # which other contexts' scopes reach through queries.py: keep both in step.
    if assignment.starts_on > today:
        return AssignmentStatus.SCHEDULED
    if assignment.ends_on is not None and assignment.ends_on < today:
        return AssignmentStatus.ENDED
    return AssignmentStatus.ACTIVE


def read_scope(actor: Actor) -> Scope:
    """liaison:read (PARK_ADMIN, AUDITOR, keys) reads the whole park; chain staff their chain's enterprises,
    contacts their enterprise, an officer its own assignments and visits."""
    return reach(actor, whole_park=actor.can(Perm.LIAISON_READ))


def require_manage(actor: Actor) -> None:
    if not actor.can(Perm.LIAISON_MANAGE):
        raise PermissionDenied()


def may_manage_chain(actor: Actor, chain_id: uuid.UUID | None) -> bool:
    """PARK_ADMIN (and the worker) posts officers anywhere; CHAIN_STAFF only to its own chain's enterprises."""
    if actor.is_system or actor.has_role(Role.PARK_ADMIN):
        return True
    return chain_id is not None and any(g.role is Role.CHAIN_STAFF and g.chain_id == chain_id for g in actor.grants)


def require_officer(actor: Actor) -> uuid.UUID:
    """Only officers log visits, and only on their own assignments (checked by the lookup)."""
    if not actor.can(Perm.LIAISON_VISIT) or actor.user_id is None:
        raise PermissionDenied()
    return actor.user_id


def may_see_workload(actor: Actor) -> bool:
    return actor.can(Perm.LIAISON_READ) or actor.can(Perm.LIAISON_MANAGE) or actor.has_role(Role.LIAISON_OFFICER)


def workload_officer(actor: Actor) -> uuid.UUID | None:
    """None: every officer of the park; an officer without wider rights sees only itself."""
    if actor.can(Perm.LIAISON_READ) or actor.can(Perm.LIAISON_MANAGE):
        return None
    return actor.user_id
