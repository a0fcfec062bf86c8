"""Who may post officers, log visits and read them; when an assignment counts as active."""

import uuid
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from redchain.services.actor import Actor
from redchain.services.errors import PermissionDenied
from redchain.services.liaison.models import LiaisonAssignment
from redchain.services.permissions import Perm, Role


class AssignmentStatus(StrEnum):
    SCHEDULED = "SCHEDULED"  # starts after today
    ACTIVE = "ACTIVE"  # starts_on <= today <= ends_on (or open-ended)
    ENDED = "ENDED"  # ends_on before today


def status_on(assignment: LiaisonAssignment, today: date) -> AssignmentStatus:
    # The registry's LIAISON_OFFICER scope uses the same rule in SQL (active = starts_on <= today and
    # (ends_on is null or ends_on >= today)): keep both in step.
    if assignment.starts_on > today:
        return AssignmentStatus.SCHEDULED
    if assignment.ends_on is not None and assignment.ends_on < today:
        return AssignmentStatus.ENDED
    return AssignmentStatus.ACTIVE


@dataclass(frozen=True)
class ReadScope:
    """What an actor may read. `everything` wins; otherwise the union of the other parts."""

    everything: bool = False
    chain_ids: frozenset[uuid.UUID] = frozenset()
    enterprise_ids: frozenset[uuid.UUID] = frozenset()
    officer_user_id: uuid.UUID | None = None  # an officer reads its own assignments and visits


def read_scope(actor: Actor) -> ReadScope:
    if actor.can(Perm.LIAISON_READ):
        return ReadScope(everything=True)
    return ReadScope(
        chain_ids=actor.staff_chain_ids,
        enterprise_ids=actor.contact_enterprise_ids,
        officer_user_id=actor.user_id if actor.has_role(Role.LIAISON_OFFICER) else None,
    )


def require_manage(actor: Actor) -> None:
    if not actor.can(Perm.LIAISON_MANAGE):
        raise PermissionDenied()


def may_manage_chain(actor: Actor, chain_id: uuid.UUID | None) -> bool:
    """PARK_ADMIN posts officers anywhere; CHAIN_STAFF only to its own chain's enterprises."""
    if actor.has_role(Role.PARK_ADMIN):
        return True
    return chain_id is not None and any(g.role is Role.CHAIN_STAFF and g.chain_id == chain_id for g in actor.grants)


def require_officer(actor: Actor) -> uuid.UUID:
    """Only officers log visits, and only on their own assignments (checked by the lookup)."""
    if not actor.has_role(Role.LIAISON_OFFICER) or actor.user_id is None:
        raise PermissionDenied()
    return actor.user_id


def may_see_workload(actor: Actor) -> bool:
    return actor.can(Perm.LIAISON_READ) or actor.can(Perm.LIAISON_MANAGE) or actor.has_role(Role.LIAISON_OFFICER)


def workload_officer(actor: Actor) -> uuid.UUID | None:
    """None: every officer of the park; an officer without wider rights sees only itself."""
    if actor.can(Perm.LIAISON_READ) or actor.can(Perm.LIAISON_MANAGE):
        return None
    return actor.user_id
