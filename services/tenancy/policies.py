"""Who may do what in tenancy, and which scope each role needs."""

from redchain.services.actor import Actor, Principal
from redchain.services.errors import PermissionDenied
from redchain.services.permissions import Perm, Role
from redchain.services.tenancy.errors import ScopeNotAllowed, ScopeRequired


def require(actor: Actor, perm: Perm) -> None:
    if not actor.can(perm):
        raise PermissionDenied()


def require_platform_admin(principal: Principal) -> None:
    if not principal.is_platform_admin:
        raise PermissionDenied()


def check_scope(role: Role, chain_id: object | None, enterprise_id: object | None) -> None:
    """CHAIN_STAFF is scoped to a chain, ENTERPRISE_CONTACT to an enterprise; other roles to neither
    (a liaison officer's enterprises come from its assignments)."""
    if role is Role.CHAIN_STAFF and chain_id is None:
        raise ScopeRequired("chainId", role=role.value, scope="chainId")
    if role is Role.ENTERPRISE_CONTACT and enterprise_id is None:
        raise ScopeRequired("enterpriseId", role=role.value, scope="enterpriseId")
    if chain_id is not None and role is not Role.CHAIN_STAFF:
        raise ScopeNotAllowed("chainId", scope="chainId")
    if enterprise_id is not None and role is not Role.ENTERPRISE_CONTACT:
        raise ScopeNotAllowed("enterpriseId", scope="enterpriseId")
