"""Who may do what with funds: permissions, the scope of each role, and segregation of duties."""

import uuid

from redchain.services.actor import Actor, Scope, reach
from redchain.services.errors import NotFound, PermissionDenied
from redchain.services.funds.errors import SegregationOfDuties
from redchain.services.permissions import Perm, Role

# Roles that see every application of their park (finance and oversight need the whole picture).
WHOLE_PARK_ROLES = (Role.PARK_ADMIN, Role.FINANCE_OFFICER, Role.AUDITOR)


def read_scope(actor: Actor) -> Scope:
    """funds:read first; then the whole park for finance, oversight, keys and the worker; otherwise the
    chain's applications, those of organisations covering the contact's enterprise, and one's own. An
    officer's postings reach no application (funds go to organisations, not to visits)."""
    return reach(
        actor,
        needs=Perm.FUNDS_READ,
        whole_park=actor.has_role(*WHOLE_PARK_ROLES) or actor.is_api_key,
        own_rows=True,
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
    scope = read_scope(actor)
    if chain_id is not None and chain_id in scope.chain_ids:
        return
    if enterprise_ids & scope.enterprise_ids:
        return
    raise NotFound("organizationId")


def chains_reviewed_by(actor: Actor) -> set[uuid.UUID]:
    """The chains whose applications the actor reviews at the CHAIN stage (as their chain staff)."""
    return {g.chain_id for g in actor.grants if g.role is Role.CHAIN_STAFF and g.chain_id is not None}


def check_chain_reviewer(actor: Actor, chain_id: uuid.UUID) -> None:
    if chain_id not in chains_reviewed_by(actor):
        raise PermissionDenied()


def check_distinct(actor_user_id: uuid.UUID, *earlier: uuid.UUID | None) -> None:
    # 不相容岗位分离: nobody takes two of the steps applicant / reviewer / approver / payer.
    if actor_user_id in {person for person in earlier if person is not None}:
        raise SegregationOfDuties("id")
