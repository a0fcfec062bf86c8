"""Roles and the permissions they carry. API keys are granted permissions directly, as scopes."""

from enum import StrEnum


class Role(StrEnum):
    PARK_ADMIN = "PARK_ADMIN"
    CHAIN_STAFF = "CHAIN_STAFF"  # scoped to one industry chain
    LIAISON_OFFICER = "LIAISON_OFFICER"  # scoped to assigned enterprises (驻企联络员 / 党建指导员)
    ENTERPRISE_CONTACT = "ENTERPRISE_CONTACT"  # scoped to one enterprise (企业党组织联系人)
    FINANCE_OFFICER = "FINANCE_OFFICER"
    AUDITOR = "AUDITOR"  # read-only


class Perm(StrEnum):
    MEMBERSHIPS_READ = "memberships:read"
    MEMBERSHIPS_MANAGE = "memberships:manage"
    API_KEYS_MANAGE = "api_keys:manage"
    AUDIT_READ = "audit:read"


ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.PARK_ADMIN: frozenset(
        {Perm.MEMBERSHIPS_READ, Perm.MEMBERSHIPS_MANAGE, Perm.API_KEYS_MANAGE, Perm.AUDIT_READ}
    ),
    Role.CHAIN_STAFF: frozenset(),
    Role.LIAISON_OFFICER: frozenset(),
    Role.ENTERPRISE_CONTACT: frozenset(),
    Role.FINANCE_OFFICER: frozenset(),
    Role.AUDITOR: frozenset({Perm.MEMBERSHIPS_READ, Perm.AUDIT_READ}),
}

# Scopes an integration's API key may carry (never membership or key management).
API_KEY_SCOPES: frozenset[Perm] = frozenset({Perm.AUDIT_READ, Perm.MEMBERSHIPS_READ})
