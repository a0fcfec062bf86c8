"""Party members (党员, and development targets and activists): their organisation, employer, floating
status, and transfers between organisations (组织关系转接) with their history. The ID-card number is
kept only as a keyed hash (to match imports) and its last four characters."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra import outbox
from redchain.infra.clock import park_today
from redchain.infra.pagination import Page, PageRequest
from redchain.infra.settings import get_settings
from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.errors import DomainError, NotFound
from redchain.services.permissions import Perm
from redchain.services.registry import events, id_card
from redchain.services.registry.enterprises import UpsertOutcome
from redchain.services.registry.errors import (
    Archived,
    DuplicateIdCard,
    InflowAreaRequired,
    InvalidDate,
    InvalidIdCard,
    OrganizationDissolved,
    Required,
    SameOrganization,
)
from redchain.services.registry.models import (
    Enterprise,
    MemberStatus,
    MemberTransfer,
    OrganizationStatus,
    PartyMember,
    PartyOrganization,
)
from redchain.services.registry.policies import may_manage_chain, require, require_manage_chain
from redchain.services.registry.repository import (
    EnterpriseRepository,
    MemberFilter,
    MemberRepository,
    OrganizationRepository,
)
from redchain.services.registry.validation import changed_fields, optional_text, required_text
from redchain.services.updates import UNSET, Unset, given

# What the audit log keeps of a member: never the ID-card hash.
MEMBER_FIELDS = (
    "name",
    "status",
    "organization_id",
    "enterprise_id",
    "joined_on",
    "is_floating",
    "inflow_area",
    "id_card_last4",
    "phone",
    "archived_at",
)


@dataclass(frozen=True)
class MemberData:
    name: str
    status: MemberStatus
    id_card_number: str | None = None  # required to upsert: it is the key
    organization_id: uuid.UUID | None = None
    enterprise_id: uuid.UUID | None = None  # employer
    joined_on: date | None = None
    is_floating: bool = False  # 流动党员
    inflow_area: str | None = None  # 流入地, required when floating
    phone: str | None = None


@dataclass(frozen=True)
class MemberChanges:
    """A partial update. The organisation changes only by `transfer_member`, which keeps the history."""

    name: str | Unset = UNSET
    status: MemberStatus | Unset = UNSET
    id_card_number: str | Unset | None = UNSET
    enterprise_id: uuid.UUID | Unset | None = UNSET
    joined_on: date | Unset | None = UNSET
    is_floating: bool | Unset = UNSET
    inflow_area: str | Unset | None = UNSET
    phone: str | Unset | None = UNSET


@dataclass
class MemberUpsertResult:
    member: PartyMember | None = None
    outcome: UpsertOutcome | None = None
    error: DomainError | None = None


def id_card_fields(number: str | None) -> dict[str, str | None]:
    """The stored form of an ID-card number: its keyed hash and last four characters."""
    if number is None or not number.strip():
        return {"id_card_hash": None, "id_card_last4": None}
    number = id_card.normalize(number)
    rule = id_card.broken_rule(number)
    if rule is not None:
        raise InvalidIdCard("idCardNumber", rule)
    pepper = get_settings().id_card_pepper.get_secret_value()
    return {"id_card_hash": id_card.keyed_hash(number, pepper), "id_card_last4": number[-4:]}


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    """Validated, normalised column values of whichever fields are present (ID number → hash + last 4)."""
    cleaned = dict(values)
    if "id_card_number" in cleaned:
        cleaned.update(id_card_fields(cleaned.pop("id_card_number")))
    if "name" in cleaned:
        cleaned["name"] = required_text("name", cleaned["name"], 100)
    for name, field, limit in (("inflow_area", "inflowArea", 100), ("phone", "phone", 32)):
        if name in cleaned:
            cleaned[name] = optional_text(field, cleaned[name], limit)
    if cleaned.get("joined_on") and cleaned["joined_on"] > park_today():
        raise InvalidDate("joinedOn", "FUTURE")
    return cleaned


def _check_floating(member: PartyMember) -> None:
    if member.is_floating and not member.inflow_area:
        raise InflowAreaRequired("inflowArea")
    if not member.is_floating:
        member.inflow_area = None


@dataclass
class _Places:
    """The enterprises and organisations a batch refers to, as `actor` sees them."""

    enterprises: dict[uuid.UUID, Enterprise]
    organizations: dict[uuid.UUID, PartyOrganization]

    @classmethod
    async def load(
        cls, session: AsyncSession, actor: Actor, enterprise_ids: set[uuid.UUID], org_ids: set[uuid.UUID]
    ) -> "_Places":
        enterprises = (
            await EnterpriseRepository(session).enterprises(actor, list(enterprise_ids)) if enterprise_ids else []
        )
        orgs = await OrganizationRepository(session).organizations(actor, list(org_ids)) if org_ids else []
        return cls({e.id: e for e in enterprises}, {o.id: o for o in orgs})

    def enterprise(self, enterprise_id: uuid.UUID) -> Enterprise:
        enterprise = self.enterprises.get(enterprise_id)
        if enterprise is None:
            raise NotFound("enterpriseId")
        if enterprise.archived_at is not None:
            raise Archived("enterpriseId")
        return enterprise

    def organization(self, org_id: uuid.UUID, field: str = "organizationId") -> PartyOrganization:
        org = self.organizations.get(org_id)
        if org is None:
            raise NotFound(field)
        if org.status == OrganizationStatus.DISSOLVED:
            raise OrganizationDissolved(field)
        return org

    def home_chain(self, enterprise_id: uuid.UUID | None, org_id: uuid.UUID | None) -> uuid.UUID | None:
        """A member belongs to its employer's chain; one without an employer to its organisation's (as
        coverage and the chain filter count it, repository.member_in_chain)."""
        if enterprise_id is not None:
            enterprise = self.enterprises.get(enterprise_id)
            return enterprise.chain_id if enterprise else None
        if org_id is not None and org_id in self.organizations:
            return self.organizations[org_id].chain_id
        return None


def _record(
    session: AsyncSession, actor: Actor, action: str, member: PartyMember, before: dict[str, Any] | None
) -> None:
    audit.record(
        session,
        actor,
        f"party_member.{action}",
        "PartyMember",
        member.id,
        before=before,
        after=audit.snapshot(member, *MEMBER_FIELDS),
    )


async def create_member(session: AsyncSession, actor: Actor, data: MemberData) -> PartyMember:
    result = (await upsert_members(session, actor, [data], create_only=True))[0]
    if result.error is not None:
        raise result.error
    assert result.member is not None
    return result.member


async def upsert_member(session: AsyncSession, actor: Actor, data: MemberData) -> tuple[PartyMember, UpsertOutcome]:
    """Creates the member of `data.id_card_number`, or brings it to `data`. Raises the row's error."""
    result = (await upsert_members(session, actor, [data]))[0]
    if result.error is not None:
        raise result.error
    assert result.member is not None and result.outcome is not None
    return result.member, result.outcome


async def upsert_members(
    session: AsyncSession, actor: Actor, rows: Sequence[MemberData], create_only: bool = False
) -> list[MemberUpsertResult]:
    """Upserts by ID-card number, one result per row in order; bad rows are reported, not raised. A
    changed organisation is recorded as a transfer, so imports keep the history too."""
    require(actor, Perm.REGISTRY_MANAGE)
    repo = MemberRepository(session)
    results: list[MemberUpsertResult] = []
    cleaned: list[dict[str, Any] | None] = []
    for data in rows:
        try:
            if not create_only and not (data.id_card_number or "").strip():
                raise Required("idCardNumber")
            cleaned.append(_clean(dict(vars(data))))
            results.append(MemberUpsertResult())
        except DomainError as exc:
            cleaned.append(None)
            results.append(MemberUpsertResult(error=exc))
    valid = [values for values in cleaned if values is not None]
    hashes = [v["id_card_hash"] for v in valid if v["id_card_hash"]]
    existing = {
        m.id_card_hash: m
        for m in await repo.members_by_id_card_hash(actor.tenant_id, hashes, True)
        if m.id_card_hash  # matched by hash, so never None
    }
    places = await _Places.load(
        repo.session,
        actor,
        {v["enterprise_id"] for v in valid if v["enterprise_id"]}
        | {m.enterprise_id for m in existing.values() if m.enterprise_id},
        {v["organization_id"] for v in valid if v["organization_id"]}
        | {m.organization_id for m in existing.values() if m.organization_id},
    )
    for values, result in zip(cleaned, results, strict=True):
        if values is None:
            continue
        try:
            result.member, result.outcome = await _upsert_one(
                session, actor, repo, places, existing, values, create_only
            )
        except DomainError as exc:
            result.error = exc
    await session.flush()
    return results


async def _upsert_one(
    session: AsyncSession,
    actor: Actor,
    repo: MemberRepository,
    places: _Places,
    existing: dict[str, PartyMember],
    values: dict[str, Any],
    create_only: bool,
) -> tuple[PartyMember, UpsertOutcome]:
    if values["enterprise_id"] is not None:
        places.enterprise(values["enterprise_id"])
    if values["organization_id"] is not None:
        places.organization(values["organization_id"])
    require_manage_chain(actor, places.home_chain(values["enterprise_id"], values["organization_id"]))
    member = existing.get(values["id_card_hash"]) if values["id_card_hash"] else None
    if member is None:
        member = PartyMember(tenant_id=actor.tenant_id, **values)
        _check_floating(member)
        session.add(member)
        if member.id_card_hash:
            existing[member.id_card_hash] = member
        _record(session, actor, "create", member, None)
        return member, UpsertOutcome.CREATED
    if create_only or not may_manage_chain(actor, places.home_chain(member.enterprise_id, member.organization_id)):
        raise DuplicateIdCard("idCardNumber")
    if member.archived_at is not None:
        raise Archived("idCardNumber")
    changes = changed_fields(member, values)
    if not changes:
        return member, UpsertOutcome.UNCHANGED
    before = audit.snapshot(member, *MEMBER_FIELDS)
    new_org = changes.pop("organization_id", member.organization_id)
    for name, value in changes.items():
        setattr(member, name, value)
    _check_floating(member)
    await _after_status_change(session, actor, repo, member)
    if new_org != member.organization_id:
        await _move(session, actor, repo, member, new_org, park_today(), None)
    _record(session, actor, "update", member, before)
    return member, UpsertOutcome.UPDATED


async def _after_status_change(
    session: AsyncSession, actor: Actor, repo: MemberRepository, member: PartyMember
) -> None:
    """A secretary must be a full, live member of its organisation: otherwise the post falls vacant."""
    if member.status != MemberStatus.FULL or member.archived_at is not None:
        await _vacate_secretary(session, actor, repo, member)


async def _vacate_secretary(session: AsyncSession, actor: Actor, repo: MemberRepository, member: PartyMember) -> None:
    for org_id in await OrganizationRepository(repo.session).clear_secretary(member.tenant_id, member.id):
        audit.record(
            session,
            actor,
            "party_organization.set_secretary",
            "PartyOrganization",
            org_id,
            before={"secretary_member_id": str(member.id)},
            after={"secretary_member_id": None},
        )


async def _move(
    session: AsyncSession,
    actor: Actor,
    repo: MemberRepository,
    member: PartyMember,
    to_org_id: uuid.UUID | None,
    on: date,
    reason: str | None,
) -> MemberTransfer:
    await _vacate_secretary(session, actor, repo, member)
    transfer = MemberTransfer(
        tenant_id=member.tenant_id,
        member_id=member.id,
        from_organization_id=member.organization_id,
        to_organization_id=to_org_id,
        transferred_on=on,
        reason=reason,
        actor_user_id=actor.user_id,
    )
    member.organization_id = to_org_id
    session.add(transfer)
    outbox.emit(
        session,
        member.tenant_id,
        events.MemberTransferred(
            member_id=member.id,
            transfer_id=transfer.id,
            from_organization_id=transfer.from_organization_id,
            to_organization_id=to_org_id,
            on=on,
        ),
    )
    return transfer


async def _for_change(
    repo: MemberRepository, actor: Actor, member_id: uuid.UUID, field: str = "id"
) -> tuple[PartyMember, _Places]:
    """The member under a row lock, once `actor` is known to manage it."""
    require(actor, Perm.REGISTRY_MANAGE)
    member = await repo.member(actor, member_id, for_update=True)
    if member is None:
        raise NotFound(field)
    if member.archived_at is not None:
        raise Archived(field)
    places = await _Places.load(
        repo.session,
        actor,
        {member.enterprise_id} if member.enterprise_id else set(),
        {member.organization_id} if member.organization_id else set(),
    )
    require_manage_chain(actor, places.home_chain(member.enterprise_id, member.organization_id))
    return member, places


async def update_member(
    session: AsyncSession, actor: Actor, member_id: uuid.UUID, changes: MemberChanges
) -> PartyMember:
    repo = MemberRepository(session)
    member, _ = await _for_change(repo, actor, member_id)
    values = changed_fields(member, _clean(given(changes)))
    if values.get("enterprise_id") is not None:
        places = await _Places.load(repo.session, actor, {values["enterprise_id"]}, set())
        require_manage_chain(actor, places.enterprise(values["enterprise_id"]).chain_id)
    if values.get("id_card_hash") and await repo.members_by_id_card_hash(actor.tenant_id, [values["id_card_hash"]]):
        raise DuplicateIdCard("idCardNumber")
    if not values:
        return member
    before = audit.snapshot(member, *MEMBER_FIELDS)
    for name, value in values.items():
        setattr(member, name, value)
    _check_floating(member)
    await _after_status_change(session, actor, repo, member)
    _record(session, actor, "update", member, before)
    return member


async def transfer_member(
    session: AsyncSession,
    actor: Actor,
    member_id: uuid.UUID,
    to_organization_id: uuid.UUID,
    transferred_on: date,
    reason: str | None = None,
) -> PartyMember:
    """Moves a member to another organisation; the transfer is kept as history."""
    repo = MemberRepository(session)
    member, _ = await _for_change(repo, actor, member_id, field="memberId")
    target = (await _Places.load(repo.session, actor, set(), {to_organization_id})).organization(
        to_organization_id, "toOrganizationId"
    )
    if target.id == member.organization_id:
        raise SameOrganization("toOrganizationId")
    if transferred_on > park_today():
        raise InvalidDate("transferredOn", "FUTURE")
    reason = optional_text("reason", reason, 500)
    before = audit.snapshot(member, *MEMBER_FIELDS)
    transfer = await _move(session, actor, repo, member, target.id, transferred_on, reason)
    audit.record(
        session,
        actor,
        "party_member.transfer",
        "PartyMember",
        member.id,
        before=before,
        after={**audit.snapshot(member, *MEMBER_FIELDS), "transfer_id": str(transfer.id), "reason": reason},
    )
    await session.flush()
    return member


async def archive_member(session: AsyncSession, actor: Actor, member_id: uuid.UUID) -> PartyMember:
    """A member who leaves the park's registry is archived; the history stays."""
    repo = MemberRepository(session)
    member, _ = await _for_change(repo, actor, member_id)
    before = audit.snapshot(member, *MEMBER_FIELDS)
    member.archived_at = datetime.now(UTC)
    await _after_status_change(session, actor, repo, member)
    _record(session, actor, "archive", member, before)
    return member


async def get_member(session: AsyncSession, actor: Actor, member_id: uuid.UUID) -> PartyMember | None:
    return await MemberRepository(session).member(actor, member_id)


async def members_by_ids(session: AsyncSession, actor: Actor, ids: Sequence[uuid.UUID]) -> list[PartyMember]:
    return await MemberRepository(session).members(actor, ids)


async def list_members(
    session: AsyncSession, actor: Actor, where: MemberFilter, page: PageRequest
) -> Page[PartyMember]:
    return await MemberRepository(session).page_members(actor, where, page)


async def count_members(session: AsyncSession, actor: Actor, where: MemberFilter) -> int:
    return await MemberRepository(session).count_members(actor, where)


async def floating_member_areas(
    session: AsyncSession, actor: Actor, chain_id: uuid.UUID | None = None
) -> list[tuple[str | None, int]]:
    return await MemberRepository(session).floating_member_areas(actor, chain_id)


async def transfers_of_members(
    session: AsyncSession, actor: Actor, member_ids: Sequence[uuid.UUID]
) -> list[MemberTransfer]:
    return await MemberRepository(session).transfers_of_members(actor, member_ids)


async def transfers_by_ids(session: AsyncSession, actor: Actor, ids: Sequence[uuid.UUID]) -> list[MemberTransfer]:
    return await MemberRepository(session).transfers(actor, ids)


async def member_counts_by_organization(
    session: AsyncSession, actor: Actor, org_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, int]:
    """Live party members (full and probationary) per organisation."""
    return await MemberRepository(session).member_counts(actor, "organization_id", org_ids)


async def member_counts_by_enterprise(
    session: AsyncSession, actor: Actor, enterprise_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, int]:
    """Live party members (full and probationary) per employer."""
    return await MemberRepository(session).member_counts(actor, "enterprise_id", enterprise_ids)
