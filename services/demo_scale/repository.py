"""The SQL of the reference-scale demo: counts to tell what is loaded, and set-based inserts of generated rows."""

import uuid
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel


class DemoScaleRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def count(self, model: type[SQLModel], tenant_id: uuid.UUID) -> int:
        table = model.__table__  # type: ignore[attr-defined]
        stmt = sa.select(sa.func.count()).select_from(table).where(table.c.tenant_id == tenant_id)
        return int(await self.session.scalar(stmt) or 0)

    async def insert(self, model: type[SQLModel], rows: Sequence[dict[str, Any]]) -> None:
        """One multi-row INSERT per thousand rows or so (SQLAlchemy's insertmanyvalues), not one per row."""
        if rows:
            await self.session.execute(sa.insert(model), list(rows))

    async def set_secretaries(self, tenant_id: uuid.UUID, secretaries: dict[uuid.UUID, uuid.UUID]) -> None:
        """Organisation -> member; set after both exist, as the two reference each other."""
        await self.session.execute(
            sa.text("""
                UPDATE party_organizations AS o SET secretary_member_id = s.member
                FROM unnest(CAST(:orgs AS uuid[]), CAST(:members AS uuid[])) AS s(org, member)
                WHERE o.tenant_id = CAST(:tenant_id AS uuid) AND o.id = s.org
            """),
            {"tenant_id": str(tenant_id), "orgs": list(secretaries), "members": list(secretaries.values())},
        )
