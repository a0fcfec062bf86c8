"""The per-park taxonomy of problems: categories and their aspects, seeded with the reference one
("4 categories / 8 aspects", seed 003) and extended by the park."""

import re
import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.models_base import new_id, utcnow
from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.errors import NotFound, TooLong
from redchain.services.tickets.errors import DuplicateCode, InvalidCategory, Required
from redchain.services.tickets.models import TicketCategory
from redchain.services.tickets.policies import require_configure
from redchain.services.tickets.repository import TicketRepository

CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,63}$")
CATEGORY_FIELDS = ("parent_id", "code", "name", "sort_order", "archived_at")


@dataclass(frozen=True)
class ReferenceCategory:
    code: str
    name: str
    aspects: tuple[tuple[str, str], ...]


REFERENCE_TAXONOMY: tuple[ReferenceCategory, ...] = (
    ReferenceCategory(
        "PRODUCTION_FACTORS",
        "生产要素保障",
        (
            ("SUPPLY_AND_UTILITIES", "原材料及水电气供应"),
            ("TALENT_AND_RECRUITMENT", "人才引进与招工用工"),
        ),
    ),
    ReferenceCategory(
        "EMERGENCY_AND_DISPUTES",
        "应急保障与矛盾化解",
        (
            ("EMERGENCY_SUPPLIES", "应急（防疫）物资保障"),
            ("DISPUTE_MEDIATION", "矛盾纠纷调解"),
        ),
    ),
    ReferenceCategory(
        "FINANCE_AND_MARKETS",
        "金融与市场",
        (
            ("FINANCING", "融资服务"),
            ("MARKET_ACCESS", "市场开拓"),
        ),
    ),
    ReferenceCategory(
        "POLICY_SERVICES",
        "政策服务",
        (
            ("POLICY_CONSULTATION", "政策咨询"),
            ("ABOVE_SCALE_REPORTING", "入规申报"),  # 规模以上企业 (“入规”) reporting
        ),
    ),
)


def _row(tenant_id: uuid.UUID, code: str, name: str, sort_order: int, parent_id: uuid.UUID | None) -> dict[str, object]:
    return {
        "tenant_id": tenant_id,
        "id": new_id(),
        "created_at": utcnow(),
        "parent_id": parent_id,
        "code": code,
        "name": name,
        "sort_order": sort_order,
        "archived_at": None,
    }


async def seed_reference_taxonomy(session: AsyncSession, tenant_id: uuid.UUID) -> None:
    """Idempotent: codes the park already has (even renamed or archived) are left alone."""
    repo = TicketRepository(session)
    await repo.insert_categories_once(
        [_row(tenant_id, c.code, c.name, i, None) for i, c in enumerate(REFERENCE_TAXONOMY)]
    )
    parents = await repo.category_ids_by_code(tenant_id, [c.code for c in REFERENCE_TAXONOMY])
    await repo.insert_categories_once(
        [
            _row(tenant_id, code, name, i, parents[c.code])
            for c in REFERENCE_TAXONOMY
            for i, (code, name) in enumerate(c.aspects)
        ]
    )


async def list_categories(session: AsyncSession, actor: Actor, include_archived: bool = False) -> list[TicketCategory]:
    """The whole tree in display order; any member of the park may read it (it is needed to raise a ticket)."""
    return await TicketRepository(session).categories(actor.tenant_id, include_archived)


async def categories_by_ids(session: AsyncSession, actor: Actor, ids: list[uuid.UUID]) -> list[TicketCategory]:
    return await TicketRepository(session).categories_by_ids(actor.tenant_id, ids)


async def require_aspect(
    session: AsyncSession, tenant_id: uuid.UUID, category_id: uuid.UUID, aspect_id: uuid.UUID
) -> None:
    """Both live, of this park, and the aspect under the category."""
    found = {c.id: c for c in await TicketRepository(session).categories_by_ids(tenant_id, [category_id, aspect_id])}
    category, aspect = found.get(category_id), found.get(aspect_id)
    if (
        category is None
        or aspect is None
        or category.parent_id is not None
        or aspect.parent_id != category.id
        or category.archived_at is not None
        or aspect.archived_at is not None
    ):
        raise InvalidCategory("aspectId")


async def create_category(
    session: AsyncSession, actor: Actor, code: str, name: str, parent_id: uuid.UUID | None, sort_order: int = 0
) -> TicketCategory:
    """A category (no parent) or an aspect of a live category."""
    require_configure(actor)
    repo = TicketRepository(session)
    code, name = code.strip().upper(), name.strip()
    if not name:
        raise Required("name")
    if len(name) > 100:
        raise TooLong("name", limit=100)
    if not CODE.match(code):
        raise InvalidCategory("code")
    if parent_id is not None:
        parent = await repo.category(actor.tenant_id, parent_id)
        if parent is None or parent.parent_id is not None or parent.archived_at is not None:
            raise InvalidCategory("parentId")
    if await repo.category_code_taken(actor.tenant_id, code):
        raise DuplicateCode("code")
    category = TicketCategory(
        tenant_id=actor.tenant_id, parent_id=parent_id, code=code, name=name, sort_order=sort_order
    )
    await repo.add(category)
    audit.record(
        session,
        actor,
        "ticket_category.create",
        "TicketCategory",
        category.id,
        after=audit.snapshot(category, *CATEGORY_FIELDS),
    )
    return category


async def archive_category(session: AsyncSession, actor: Actor, category_id: uuid.UUID) -> TicketCategory:
    """New tickets can no longer use it; existing tickets keep it."""
    require_configure(actor)
    category = await TicketRepository(session).category(actor.tenant_id, category_id, for_update=True)
    if category is None:
        raise NotFound("id")
    if category.archived_at is None:
        before = audit.snapshot(category, *CATEGORY_FIELDS)
        category.archived_at = utcnow()
        audit.record(
            session,
            actor,
            "ticket_category.archive",
            "TicketCategory",
            category.id,
            before=before,
            after=audit.snapshot(category, *CATEGORY_FIELDS),
        )
    return category
