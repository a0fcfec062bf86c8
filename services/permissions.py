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
    LIAISON_READ = "liaison:read"  # every assignment and visit of the park
    LIAISON_MANAGE = "liaison:manage"  # assign and end; CHAIN_STAFF only within its chain
    LIAISON_VISIT = "liaison:visit"  # log visits on one's own assignments (officers; never an API key)
    REGISTRY_IMPORT = "registry:import"  # spreadsheet imports of enterprises and members
    # Registry: what an actor reads or changes is narrowed further by its scope (chain, assignments,
    # own enterprise) in services/registry/policies.py.
    REGISTRY_READ = "registry:read"
    REGISTRY_MANAGE = "registry:manage"  # enterprises, organisations, members
    CHAINS_MANAGE = "chains:manage"  # create, rename, archive industry chains; set their secretary
    ENTERPRISE_CONTACT_UPDATE = "registry:enterprise_contact"  # an enterprise's contact person and phone
    # Funds: who sees which application is narrowed by scope in services/funds/policies.py.
    FUNDS_READ = "funds:read"
    FUNDS_PROGRAMS_MANAGE = "funds:programs"  # programs, budgets, amount rules
    FUNDS_APPLY = "funds:apply"  # draft, submit, cancel for an organisation in scope
    FUNDS_REVIEW = "funds:review"  # the chain committee's review
    FUNDS_APPROVE = "funds:approve"  # the park's approval (reserves budget)
    FUNDS_DISBURSE = "funds:disburse"  # payment batches, execution, clawback
    FUNDS_REPORT = "funds:report"  # ledger, reports, batch exports
    # Tickets: every ticket of the park, read-only (other roles see theirs by scope, services/tickets/policies.py).
    TICKETS_READ = "tickets:read"
    TICKETS_CONFIGURE = "tickets:configure"  # the problem taxonomy and the SLA targets
    # Works tickets: a chain's queue, the tickets of one's assigned enterprises, every queue for park
    # admins (which tickets, and which actions on each, policies.py and Ticket.viewerCan decide).
    TICKETS_HANDLE = "tickets:handle"


ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.PARK_ADMIN: frozenset(
        {
            Perm.MEMBERSHIPS_READ,
            Perm.MEMBERSHIPS_MANAGE,
            Perm.API_KEYS_MANAGE,
            Perm.AUDIT_READ,
            Perm.LIAISON_READ,
            Perm.LIAISON_MANAGE,
            Perm.REGISTRY_IMPORT,
            Perm.REGISTRY_READ,
            Perm.REGISTRY_MANAGE,
            Perm.CHAINS_MANAGE,
            Perm.ENTERPRISE_CONTACT_UPDATE,
            Perm.FUNDS_READ,
            Perm.FUNDS_PROGRAMS_MANAGE,
            Perm.FUNDS_APPLY,
            Perm.FUNDS_APPROVE,
            Perm.FUNDS_REPORT,
            Perm.TICKETS_READ,
            Perm.TICKETS_CONFIGURE,
            Perm.TICKETS_HANDLE,
        }
    ),
    Role.CHAIN_STAFF: frozenset(
        {
            Perm.TICKETS_HANDLE,
            Perm.LIAISON_MANAGE,
            Perm.REGISTRY_READ,
            Perm.REGISTRY_MANAGE,
            Perm.ENTERPRISE_CONTACT_UPDATE,
            Perm.FUNDS_READ,
            Perm.FUNDS_APPLY,
            Perm.FUNDS_REVIEW,
        }
    ),
    Role.LIAISON_OFFICER: frozenset({Perm.REGISTRY_READ, Perm.LIAISON_VISIT, Perm.TICKETS_HANDLE}),
    Role.ENTERPRISE_CONTACT: frozenset(
        {Perm.REGISTRY_READ, Perm.ENTERPRISE_CONTACT_UPDATE, Perm.FUNDS_READ, Perm.FUNDS_APPLY}
    ),
    Role.FINANCE_OFFICER: frozenset(  # funds go to organisations
        {Perm.REGISTRY_READ, Perm.FUNDS_READ, Perm.FUNDS_DISBURSE, Perm.FUNDS_REPORT}
    ),
    Role.AUDITOR: frozenset(
        {
            Perm.MEMBERSHIPS_READ,
            Perm.AUDIT_READ,
            Perm.LIAISON_READ,
            Perm.REGISTRY_READ,
            Perm.FUNDS_READ,
            Perm.FUNDS_REPORT,
            Perm.TICKETS_READ,
        }
    ),
}

# Scopes an integration's API key may carry (never membership or key management).
API_KEY_SCOPES: frozenset[Perm] = frozenset(
    {
        Perm.AUDIT_READ,
        Perm.MEMBERSHIPS_READ,
        Perm.LIAISON_READ,
        Perm.REGISTRY_READ,
        Perm.FUNDS_READ,
        Perm.FUNDS_REPORT,
        Perm.TICKETS_READ,
    }
)
