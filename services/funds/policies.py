"""Who may do what with funds: permissions, the scope of each role, and segregation of duties."""

import uuid
from dataclasses import dataclass

from redchain.services.actor import Actor
from redchain.services.errors import NotFound, PermissionDenied
from redchain.services.funds.errors import SegregationOfDuties
from redchain.services.permissions import Perm, Role

# Roles that see every application of their park (finance and oversight need the whole picture).
WHOLE_PARK_ROLES = (Role.PARK_ADMIN, Role.FINANCE_OFFICER, Role.AUDITOR)


@dataclass(frozen=True)
class ApplicationScope:
    whole_park: bool
    chain_ids: frozenset[uuid.UUID] = frozenset()
    enterprise_ids: frozenset[uuid.UUID] = frozenset()


def application_scope(actor: Actor) -> ApplicationScope:
    if not actor.can(Perm.FUNDS_READ):
        return ApplicationScope(whole_park=False)
    if actor.has_role(*WHOLE_PARK_ROLES) or (actor.user_id is None and actor.api_key_id is not None):
        return ApplicationScope(whole_park=True)
    return ApplicationScope(
        whole_park=False,
        chain_ids=actor.staff_chain_ids,
        enterprise_ids=actor.contact_enterprise_ids,
    )


def require(actor: Actor, perm: Perm) -> None:
    if not actor.can(perm):
        raise PermissionDenied()


def require_person(actor: Actor, perm: Perm) -> uuid.UUID:
    """Workflow steps are taken by named people (segregation of duties needs a who), not API keys."""
    require(actor, perm)
    if actor.user_id is None:
        raise PermissionDenied()
    return actor.user_id


def check_may_apply_for(actor: Actor, chain_id: uuid.UUID | None, enterprise_ids: set[uuid.UUID]) -> None:
    """An enterprise contact applies for an organisation covering its enterprise; chain staff for their
    chain's organisations; the park admin for any. Otherwise the organisation is not found."""
    if actor.has_role(Role.PARK_ADMIN):
        return
    scope = application_scope(actor)
    if chain_id is not None and chain_id in scope.chain_ids:
        return
    if enterprise_ids & scope.enterprise_ids:
        return
    raise NotFound("organizationId")


def check_chain_reviewer(actor: Actor, chain_id: uuid.UUID) -> None:
    if not any(g.role is Role.CHAIN_STAFF and g.chain_id == chain_id for g in actor.grants):
        raise PermissionDenied()


def check_distinct(actor_user_id: uuid.UUID, *earlier: uuid.UUID | None) -> None:
    # 不相容岗位分离: nobody takes two of the steps applicant / reviewer / approver / payer.
    if actor_user_id in {person for person in earlier if person is not None}:
        raise SegregationOfDuties("id")
