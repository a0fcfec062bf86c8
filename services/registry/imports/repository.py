"""All SQL of spreadsheet imports: the import rows and their progress, lookups by name and code, and the
enterprises' batch upsert (one statement per batch, whatever its size)."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import defer
from sqlmodel import col

from redchain.infra.pagination import Page, PageRequest, count, paginate
from redchain.services.registry.models import (
    Enterprise,
    ImportStatus,
    IndustryChain,
    OrganizationStatus,
    PartyMember,
    PartyOrganization,
    RegistryImport,
)

# Enterprise columns an import may write, with their array types for unnest(). credit_code is the key.
ENTERPRISE_COLUMNS: dict[str, str] = {
    "name": "varchar[]",
    "chain_id": "uuid[]",
    "address": "varchar[]",
    "area": "varchar[]",
    "employee_count": "integer[]",
    "is_key": "boolean[]",
    "contact_name": "varchar[]",
    "contact_phone": "varchar[]",
}
# What a new enterprise gets for a column the file leaves out.
ENTERPRISE_DEFAULTS: dict[str, Any] = {"employee_count": 0, "is_key": False}
MEMBER_KEPT_COLUMNS = ("status", "organization_id", "enterprise_id", "joined_on", "is_floating", "inflow_area", "phone")


@dataclass(frozen=True)
class ImportProgress:
    """An import's row, locked, without its file."""

    id: uuid.UUID
    status: ImportStatus
    total_rows: int
    done_rows: int
    reported_errors: int
    created_by: uuid.UUID | None


@dataclass(frozen=True)
class UpsertCounts:
    created: int
    updated: int


def _upsert_enterprises_sql(written: Sequence[str]) -> sa.TextClause:
    """INSERT ... ON CONFLICT over unnest()ed arrays. Only `written` columns are compared and updated, so
    a row equal to the stored one is not touched at all (and not returned: that is how it counts as
    unchanged); `xmax = 0` tells an inserted row from an updated one. Archived enterprises are left alone."""
    columns = ["credit_code", *ENTERPRISE_COLUMNS]
    arrays = ", ".join(f"CAST(:{name} AS {ENTERPRISE_COLUMNS.get(name, 'varchar[]')})" for name in columns)
    updated = ", ".join(f"{name} = excluded.{name}" for name in written)
    stored = ", ".join(f"e.{name}" for name in written)
    incoming = ", ".join(f"excluded.{name}" for name in written)
    return sa.text(f"""
        INSERT INTO enterprises AS e (tenant_id, id, created_at, updated_at, {", ".join(columns)})
        SELECT CAST(:tenant_id AS uuid), gen_random_uuid(), now(), now(), r.*
        FROM unnest({arrays}) AS r({", ".join(columns)})
        ON CONFLICT (tenant_id, credit_code) DO UPDATE SET {updated}, updated_at = excluded.updated_at
        WHERE e.archived_at IS NULL AND ROW({stored}) IS DISTINCT FROM ROW({incoming})
        RETURNING (xmax = 0) AS created
    """)


class ImportRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, registry_import: RegistryImport) -> None:
        self.session.add(registry_import)
        await self.session.flush()

    # The import rows.
    def _imports(self, tenant_id: uuid.UUID) -> sa.Select[RegistryImport]:
        # The file can be 20 MB: only the worker reads it, through content().
        return (
            sa.select(RegistryImport)
            .where(col(RegistryImport.tenant_id) == tenant_id)
            .options(defer(RegistryImport.content, raiseload=True))  # type: ignore[arg-type]
        )

    async def imports(self, tenant_id: uuid.UUID, ids: Sequence[uuid.UUID]) -> list[RegistryImport]:
        return list(await self.session.scalars(self._imports(tenant_id).where(col(RegistryImport.id).in_(ids))))

    async def page_imports(self, tenant_id: uuid.UUID, page: PageRequest) -> Page[RegistryImport]:
        keys = [col(RegistryImport.created_at), col(RegistryImport.id)]
        return await paginate(self.session, self._imports(tenant_id).add_columns(*keys), keys, page)

    async def count_imports(self, tenant_id: uuid.UUID) -> int:
        return await count(self.session, self._imports(tenant_id))

    async def content(self, tenant_id: uuid.UUID, import_id: uuid.UUID) -> tuple[str, str, bytes]:
        stmt = sa.select(col(RegistryImport.kind), col(RegistryImport.filename), col(RegistryImport.content)).where(
            col(RegistryImport.tenant_id) == tenant_id, col(RegistryImport.id) == import_id
        )
        kind, filename, content = (await self.session.execute(stmt)).one()
        return kind, filename, content

    async def progress_for_update(self, tenant_id: uuid.UUID, import_id: uuid.UUID) -> ImportProgress | None:
        """Locked: two workers on one import take turns, and each sees where the other got to."""
        stmt = (
            sa.select(
                col(RegistryImport.id),
                col(RegistryImport.status),
                col(RegistryImport.total_rows),
                col(RegistryImport.done_rows),
                sa.func.jsonb_array_length(col(RegistryImport.errors)),
                col(RegistryImport.created_by),
            )
            .where(col(RegistryImport.tenant_id) == tenant_id, col(RegistryImport.id) == import_id)
            .with_for_update()
        )
        row = (await self.session.execute(stmt)).one_or_none()
        return ImportProgress(row[0], ImportStatus(row[1]), *row[2:]) if row else None

    async def update_import(self, tenant_id: uuid.UUID, import_id: uuid.UUID, **values: Any) -> None:
        await self.session.execute(
            sa.update(RegistryImport)
            .where(col(RegistryImport.tenant_id) == tenant_id, col(RegistryImport.id) == import_id)
            .values(**values)
            .execution_options(synchronize_session=False)
        )

    async def summary(self, tenant_id: uuid.UUID, import_id: uuid.UUID) -> dict[str, Any]:
        counted = ("status", "total_rows", "created_rows", "updated_rows", "unchanged_rows", "error_rows")
        stmt = sa.select(*(col(getattr(RegistryImport, name)) for name in counted)).where(
            col(RegistryImport.tenant_id) == tenant_id, col(RegistryImport.id) == import_id
        )
        return dict(zip(counted, (await self.session.execute(stmt)).one(), strict=True))

    async def record_batch(
        self,
        tenant_id: uuid.UUID,
        import_id: uuid.UUID,
        done_rows: int,
        created: int,
        updated: int,
        unchanged: int,
        error_rows: int,
        errors: list[dict[str, Any]],
    ) -> None:
        await self.update_import(
            tenant_id,
            import_id,
            done_rows=done_rows,
            created_rows=col(RegistryImport.created_rows) + created,
            updated_rows=col(RegistryImport.updated_rows) + updated,
            unchanged_rows=col(RegistryImport.unchanged_rows) + unchanged,
            error_rows=col(RegistryImport.error_rows) + error_rows,
            errors=col(RegistryImport.errors).op("||")(sa.bindparam("new_errors", errors, type_=JSONB)),
        )

    # Lookups.
    async def live_chain_ids_by_name(self, tenant_id: uuid.UUID) -> dict[str, uuid.UUID]:
        stmt = sa.select(col(IndustryChain.name), col(IndustryChain.id)).where(
            col(IndustryChain.tenant_id) == tenant_id, col(IndustryChain.archived_at).is_(None)
        )
        return {name: chain_id for name, chain_id in (await self.session.execute(stmt)).all()}

    async def organization_ids_by_name(self, tenant_id: uuid.UUID) -> dict[str, list[uuid.UUID]]:
        stmt = sa.select(col(PartyOrganization.name), col(PartyOrganization.id)).where(
            col(PartyOrganization.tenant_id) == tenant_id, col(PartyOrganization.status) != OrganizationStatus.DISSOLVED
        )
        found: dict[str, list[uuid.UUID]] = {}
        for name, org_id in (await self.session.execute(stmt)).all():
            found.setdefault(name, []).append(org_id)
        return found

    async def enterprise_ids_by_code(self, tenant_id: uuid.UUID, codes: Sequence[str]) -> dict[str, uuid.UUID]:
        stmt = sa.select(col(Enterprise.credit_code), col(Enterprise.id)).where(
            col(Enterprise.tenant_id) == tenant_id, col(Enterprise.credit_code) == sa.func.any(list(codes))
        )
        return {code: enterprise_id for code, enterprise_id in (await self.session.execute(stmt)).all()}

    async def archived_credit_codes(self, tenant_id: uuid.UUID, codes: Sequence[str]) -> set[str]:
        stmt = sa.select(col(Enterprise.credit_code)).where(
            col(Enterprise.tenant_id) == tenant_id,
            col(Enterprise.credit_code) == sa.func.any(list(codes)),
            col(Enterprise.archived_at).is_not(None),
        )
        return set(await self.session.scalars(stmt))

    async def member_values_by_hash(self, tenant_id: uuid.UUID, hashes: Sequence[str]) -> dict[str, dict[str, Any]]:
        """What a member sheet leaves out is kept: the stored values of the columns it may lack."""
        stmt = sa.select(
            col(PartyMember.id_card_hash), *(col(getattr(PartyMember, c)) for c in MEMBER_KEPT_COLUMNS)
        ).where(col(PartyMember.tenant_id) == tenant_id, col(PartyMember.id_card_hash) == sa.func.any(list(hashes)))
        return {
            row[0]: dict(zip(MEMBER_KEPT_COLUMNS, row[1:], strict=True))
            for row in (await self.session.execute(stmt)).all()
        }

    # The enterprises' batch upsert.
    async def upsert_enterprises(
        self, tenant_id: uuid.UUID, rows: Sequence[dict[str, Any]], written: Sequence[str]
    ) -> UpsertCounts:
        params: dict[str, Any] = {"tenant_id": str(tenant_id), "credit_code": [r["credit_code"] for r in rows]}
        for name in ENTERPRISE_COLUMNS:
            default = ENTERPRISE_DEFAULTS.get(name)
            params[name] = [row.get(name, default) for row in rows]
        result = await self.session.execute(_upsert_enterprises_sql(written), params)
        created = [inserted for (inserted,) in result.all()]
        return UpsertCounts(created=sum(created), updated=len(created) - sum(created))
