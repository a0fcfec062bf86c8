"""Non-public enterprises (非公企业): one per unified social credit code in a park; archived, never deleted."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra import outbox
from redchain.infra.pagination import Page, PageRequest
from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.errors import DomainError, NotFound, PermissionDenied
from redchain.services.permissions import Perm
from redchain.services.registry import credit_code, events
from redchain.services.registry.chains import check_chain, park_chains
from redchain.services.registry.errors import Archived, DuplicateCreditCode, InvalidCreditCode
from redchain.services.registry.models import Enterprise, IndustryChain, PartyOrganization
from redchain.services.registry.policies import may_edit_contact, may_manage_chain, require, require_manage_chain
from redchain.services.registry.repository import EnterpriseFilter, EnterpriseRepository, OrganizationRepository
from redchain.services.registry.validation import changed_fields, non_negative, optional_text, required_text
from redchain.services.updates import UNSET, Unset, given

ENTERPRISE_FIELDS = (
    "credit_code",
    "name",
    "chain_id",
    "address",
    "area",
    "employee_count",
    "is_key",
    "contact_name",
    "contact_phone",
    "archived_at",
)
# Input field names as the API spells them, for userErrors.
API_FIELDS = {
    "credit_code": "creditCode",
    "chain_id": "chainId",
    "employee_count": "employeeCount",
    "is_key": "isKey",
    "contact_name": "contactName",
    "contact_phone": "contactPhone",
}


class UpsertOutcome(StrEnum):
    CREATED = "CREATED"
    UPDATED = "UPDATED"
    UNCHANGED = "UNCHANGED"


@dataclass(frozen=True)
class EnterpriseData:
    credit_code: str
    name: str
    chain_id: uuid.UUID | None = None
    address: str | None = None
    area: str | None = None
    employee_count: int = 0
    is_key: bool = False
    contact_name: str | None = None
    contact_phone: str | None = None


@dataclass(frozen=True)
class EnterpriseChanges:
    """A partial update: fields left UNSET keep their value; None clears an optional field."""

    credit_code: str | Unset = UNSET
    name: str | Unset = UNSET
    chain_id: uuid.UUID | Unset | None = UNSET
    address: str | Unset | None = UNSET
    area: str | Unset | None = UNSET
    employee_count: int | Unset = UNSET
    is_key: bool | Unset = UNSET
    contact_name: str | Unset | None = UNSET
    contact_phone: str | Unset | None = UNSET


@dataclass
class UpsertResult:
    """One input row's result: the enterprise and what happened to it, or why the row was refused."""

    enterprise: Enterprise | None = None
    outcome: UpsertOutcome | None = None
    error: DomainError | None = None


def clean_credit_code(field: str, code: str) -> str:
    code = credit_code.normalize(code)
    rule = credit_code.broken_rule(code)
    if rule is not None:
        raise InvalidCreditCode(field, rule)
    return code


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    """Validated, normalised values of whichever enterprise fields are present."""
    checks = {
        "credit_code": lambda v: clean_credit_code("creditCode", v),
        "name": lambda v: required_text("name", v, 200),
        "address": lambda v: optional_text("address", v, 300),
        "area": lambda v: optional_text("area", v, 100),
        "employee_count": lambda v: non_negative("employeeCount", v),
        "contact_name": lambda v: optional_text("contactName", v, 100),
        "contact_phone": lambda v: optional_text("contactPhone", v, 32),
    }
    return {name: checks[name](value) if name in checks else value for name, value in values.items()}


def _record(
    session: AsyncSession, actor: Actor, action: str, enterprise: Enterprise, before: dict[str, Any] | None
) -> None:
    audit.record(
        session,
        actor,
        f"enterprise.{action}",
        "Enterprise",
        enterprise.id,
        before=before,
        after=audit.snapshot(enterprise, *ENTERPRISE_FIELDS),
    )


async def create_enterprise(session: AsyncSession, actor: Actor, data: EnterpriseData) -> Enterprise:
    result = (await upsert_enterprises(session, actor, [data], create_only=True))[0]
    if result.error is not None:
        raise result.error
    assert result.enterprise is not None
    return result.enterprise


async def upsert_enterprise(
    session: AsyncSession, actor: Actor, data: EnterpriseData
) -> tuple[Enterprise, UpsertOutcome]:
    """Creates the enterprise of `data.credit_code`, or brings it to `data`. Raises the row's error."""
    result = (await upsert_enterprises(session, actor, [data]))[0]
    if result.error is not None:
        raise result.error
    assert result.enterprise is not None and result.outcome is not None
    return result.enterprise, result.outcome


async def upsert_enterprises(
    session: AsyncSession, actor: Actor, rows: Sequence[EnterpriseData], create_only: bool = False
) -> list[UpsertResult]:
    """Upserts by credit code, one result per row in order; a bad row is reported, never raised, so it
    cannot stop the good ones. A batch costs a constant number of statements (imports call it per chunk).
    Every row field is written: a blank optional field clears it."""
    require(actor, Perm.REGISTRY_MANAGE)
    repo = EnterpriseRepository(session)
    results: list[UpsertResult] = []
    cleaned: list[dict[str, Any] | None] = []
    for data in rows:
        try:
            cleaned.append(_clean(dict(vars(data))))
            results.append(UpsertResult())
        except DomainError as exc:
            cleaned.append(None)
            results.append(UpsertResult(error=exc))
    codes = [values["credit_code"] for values in cleaned if values is not None]
    existing = {e.credit_code: e for e in await repo.enterprises_by_credit_code(actor.tenant_id, codes, True)}
    chains = await park_chains(session, actor)
    now = datetime.now(UTC)
    for values, result in zip(cleaned, results, strict=True):
        if values is None:
            continue
        try:
            result.enterprise, result.outcome = _upsert_one(session, actor, chains, existing, values, now, create_only)
        except DomainError as exc:
            result.error = exc
    await session.flush()
    return results


def _upsert_one(
    session: AsyncSession,
    actor: Actor,
    chains: dict[uuid.UUID, IndustryChain],
    existing: dict[str, Enterprise],
    values: dict[str, Any],
    now: datetime,
    create_only: bool,
) -> tuple[Enterprise, UpsertOutcome]:
    check_chain(actor, chains, values["chain_id"])
    enterprise = existing.get(values["credit_code"])
    if enterprise is None:
        enterprise = Enterprise(tenant_id=actor.tenant_id, updated_at=now, **values)
        session.add(enterprise)
        existing[enterprise.credit_code] = enterprise
        _record(session, actor, "create", enterprise, None)
        return enterprise, UpsertOutcome.CREATED
    # Another chain's enterprise is not the caller's to change; it learns only that the code is taken.
    if create_only or not may_manage_chain(actor, enterprise.chain_id):
        raise DuplicateCreditCode("creditCode")
    if enterprise.archived_at is not None:
        raise Archived("creditCode")
    changes = changed_fields(enterprise, values)
    if not changes:
        return enterprise, UpsertOutcome.UNCHANGED
    before = audit.snapshot(enterprise, *ENTERPRISE_FIELDS)
    for name, value in changes.items():
        setattr(enterprise, name, value)
    enterprise.updated_at = now
    _record(session, actor, "update", enterprise, before)
    return enterprise, UpsertOutcome.UPDATED


async def _for_change(repo: EnterpriseRepository, actor: Actor, enterprise_id: uuid.UUID) -> Enterprise:
    """The enterprise, locked for this transaction: concurrent edits apply one after the other."""
    enterprise = await repo.enterprise(actor, enterprise_id, for_update=True)
    if enterprise is None:
        raise NotFound("id")
    if enterprise.archived_at is not None:
        raise Archived("id")
    return enterprise


async def update_enterprise(
    session: AsyncSession, actor: Actor, enterprise_id: uuid.UUID, changes: EnterpriseChanges
) -> Enterprise:
    require(actor, Perm.REGISTRY_MANAGE)
    repo = EnterpriseRepository(session)
    enterprise = await _for_change(repo, actor, enterprise_id)
    require_manage_chain(actor, enterprise.chain_id)
    values = changed_fields(enterprise, _clean(given(changes)))
    if "chain_id" in values:
        check_chain(actor, await park_chains(session, actor), values["chain_id"])
    if "credit_code" in values and await repo.enterprises_by_credit_code(actor.tenant_id, [values["credit_code"]]):
        raise DuplicateCreditCode("creditCode")
    return _apply(session, actor, "update", enterprise, values)


async def update_enterprise_contact(
    session: AsyncSession,
    actor: Actor,
    enterprise_id: uuid.UUID,
    contact_name: str | Unset | None = UNSET,
    contact_phone: str | Unset | None = UNSET,
) -> Enterprise:
    """The enterprise's own contact (企业党组织联系人) keeps its contact person and phone up to date."""
    require(actor, Perm.ENTERPRISE_CONTACT_UPDATE)
    enterprise = await _for_change(EnterpriseRepository(session), actor, enterprise_id)
    if not may_edit_contact(actor, enterprise.id, enterprise.chain_id):
        raise PermissionDenied()
    values = _clean(given(EnterpriseChanges(contact_name=contact_name, contact_phone=contact_phone)))
    return _apply(session, actor, "update_contact", enterprise, changed_fields(enterprise, values))


def _apply(
    session: AsyncSession, actor: Actor, action: str, enterprise: Enterprise, values: dict[str, Any]
) -> Enterprise:
    if not values:
        return enterprise
    before = audit.snapshot(enterprise, *ENTERPRISE_FIELDS)
    for name, value in values.items():
        setattr(enterprise, name, value)
    enterprise.updated_at = datetime.now(UTC)
    _record(session, actor, action, enterprise, before)
    return enterprise


async def archive_enterprise(session: AsyncSession, actor: Actor, enterprise_id: uuid.UUID) -> Enterprise:
    """Enterprises are archived (e.g. moved out of the park), never deleted: history points at them."""
    require(actor, Perm.REGISTRY_MANAGE)
    enterprise = await _for_change(EnterpriseRepository(session), actor, enterprise_id)
    require_manage_chain(actor, enterprise.chain_id)
    _apply(session, actor, "archive", enterprise, {"archived_at": datetime.now(UTC)})
    outbox.emit(session, actor.tenant_id, events.EnterpriseArchived(enterprise_id=enterprise.id))
    return enterprise


async def restore_enterprise(session: AsyncSession, actor: Actor, enterprise_id: uuid.UUID) -> Enterprise:
    """Brings an archived enterprise back (it returned to the park, or was archived by mistake), into a
    live chain of the caller's; restoring a live one changes nothing."""
    require(actor, Perm.REGISTRY_MANAGE)
    enterprise = await EnterpriseRepository(session).enterprise(actor, enterprise_id, for_update=True)
    if enterprise is None:
        raise NotFound("id")
    check_chain(actor, await park_chains(session, actor), enterprise.chain_id)
    if enterprise.archived_at is None:
        return enterprise
    return _apply(session, actor, "restore", enterprise, {"archived_at": None})


async def require_enterprise(
    session: AsyncSession, actor: Actor, enterprise_id: uuid.UUID, for_update: bool = False, field: str = "id"
) -> Enterprise:
    """The enterprise if `actor` may see it, else NotFound (never a hint that it exists)."""
    enterprise = await EnterpriseRepository(session).enterprise(actor, enterprise_id, for_update)
    if enterprise is None:
        raise NotFound(field)
    return enterprise


async def get_enterprise(session: AsyncSession, actor: Actor, enterprise_id: uuid.UUID) -> Enterprise | None:
    return await EnterpriseRepository(session).enterprise(actor, enterprise_id)


async def enterprises_by_ids(session: AsyncSession, actor: Actor, ids: Sequence[uuid.UUID]) -> list[Enterprise]:
    return await EnterpriseRepository(session).enterprises(actor, ids)


async def enterprise_ids_by_credit_code(
    session: AsyncSession, actor: Actor, codes: Sequence[str]
) -> dict[str, uuid.UUID]:
    """Visible enterprises by normalised credit code, e.g. to resolve a member spreadsheet's employer."""
    rows = await EnterpriseRepository(session).enterprises_by_credit_code(
        actor.tenant_id, [credit_code.normalize(c) for c in codes]
    )
    visible = {e.id for e in await enterprises_by_ids(session, actor, [e.id for e in rows])}
    return {e.credit_code: e.id for e in rows if e.id in visible}


async def list_enterprises(
    session: AsyncSession, actor: Actor, where: EnterpriseFilter, page: PageRequest
) -> Page[Enterprise]:
    return await EnterpriseRepository(session).page_enterprises(actor, where, page)


async def count_enterprises(session: AsyncSession, actor: Actor, where: EnterpriseFilter) -> int:
    return await EnterpriseRepository(session).count_enterprises(actor, where)


async def organizations_of_enterprises(
    session: AsyncSession, actor: Actor, enterprise_ids: Sequence[uuid.UUID]
) -> list[tuple[uuid.UUID, PartyOrganization]]:
    return await OrganizationRepository(session).organizations_of_enterprises(actor, enterprise_ids)


async def liaison_officers_of_enterprises(
    session: AsyncSession, actor: Actor, enterprise_ids: Sequence[uuid.UUID]
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(enterprise, officer's user ID) pairs; tenancy knows the people."""
    return await EnterpriseRepository(session).officer_ids_of_enterprises(actor, enterprise_ids)
