"""What other contexts may ask of the registry, as subqueries they embed. Depends on the registry's own
models only, so liaison and funds import it without an import cycle."""

import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped
from sqlmodel import col

from redchain.infra import text_match
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


# Search runs on views (migration 0003) where row-level security does not block the trigram indexes;
# each view repeats the policy's tenant condition itself.
ENTERPRISE_SEARCH = sa.table(
    "registry_enterprise_search", sa.column("tenant_id"), sa.column("id"), sa.column("name"), sa.column("credit_code")
)
ORGANIZATION_SEARCH = sa.table(
    "registry_organization_search", sa.column("tenant_id"), sa.column("id"), sa.column("name")
)
MEMBER_SEARCH = sa.table("registry_member_search", sa.column("tenant_id"), sa.column("id"), sa.column("name"))


def contains(column: sa.ColumnElement[Any] | Mapped[Any], text: str) -> sa.ColumnElement[bool]:
    """Substring match. pg_trgm's GIN indexes serve it once the text has 3+ characters; a shorter text
    has no trigram to look up (a 2-character Chinese word like "新材" included), so PostgreSQL reads the
    park's rows instead: still correct, and fast enough at a park's size (tens of thousands of rows)."""
    return text_match.contains(column, text)


def matching_ids(view: sa.TableClause, tenant_id: uuid.UUID | None, match: sa.ColumnElement[bool]) -> sa.Select[Any]:
    # MATERIALIZED keeps it a separate step: joined back onto the same table, PostgreSQL 18 would merge
    # the two scans into one (self-join elimination), under the policy again, and lose the index.
    hits = sa.select(view.c.id).where(view.c.tenant_id == tenant_id, match).cte(view.name).prefix_with("MATERIALIZED")
    return sa.select(hits.c.id)


def enterprise_ids_named(tenant_id: uuid.UUID, text: str) -> sa.Select[Any]:
    """Enterprises of the park whose name contains `text` (another context's search by enterprise)."""
    return matching_ids(ENTERPRISE_SEARCH, tenant_id, contains(ENTERPRISE_SEARCH.c.name, text))
