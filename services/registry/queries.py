"""What other contexts may ask of the registry, as subqueries they embed. Depends on the registry's own
models only, so liaison and funds import it without an import cycle."""

import uuid
from typing import Any

import sqlalchemy as sa
from sqlmodel import col

from redchain.services.registry.models import Enterprise, OrganizationEnterprise


def enterprise_ids_in_chains(tenant_id: uuid.UUID, chain_ids: frozenset[uuid.UUID]) -> sa.Select[Any]:
    return sa.select(col(Enterprise.id)).where(
        col(Enterprise.tenant_id) == tenant_id, col(Enterprise.chain_id).in_(chain_ids)
    )


def key_enterprise_ids(tenant_id: uuid.UUID) -> sa.Select[Any]:
    """Key enterprises (重点企业) of the park."""
    return sa.select(col(Enterprise.id)).where(col(Enterprise.tenant_id) == tenant_id, col(Enterprise.is_key))


def organizations_covering(tenant_id: uuid.UUID, enterprise_ids: frozenset[uuid.UUID]) -> sa.Select[Any]:
    """Organisations covering any of `enterprise_ids`: their own, or a joint branch (联合党支部)."""
    return sa.select(col(OrganizationEnterprise.organization_id)).where(
        col(OrganizationEnterprise.tenant_id) == tenant_id,
        col(OrganizationEnterprise.enterprise_id).in_(enterprise_ids),
    )
