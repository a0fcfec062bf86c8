"""Party organisations (党组织): kinds, the enterprises they cover, secretary, and the lifecycle
PREPARING (组建中) → FORMED (成立) → DISSOLVED, one transitions table, each step locked, dated,
audited and published (the funds context pays a start-up fund on `registry.organization_formed`)."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra import outbox
from redchain.infra.clock import park_today
from redchain.infra.pagination import Page, PageRequest
from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.errors import NotFound
from redchain.services.permissions import Perm
from redchain.services.registry import events
from redchain.services.registry.chains import check_chain, park_chains
from redchain.services.registry.errors import (
    Archived,
    InvalidCoverage,
    InvalidDate,
    InvalidParent,
    InvalidTransition,
    OrganizationDissolved,
    SecretaryNotFullMember,
    SecretaryNotMember,
    TooFewMembers,
)
from redchain.services.registry.models import (
    Enterprise,
    FormationMode,
    MemberStatus,
    OrganizationKind,
    OrganizationStatus,
    PartyOrganization,
)
from redchain.services.registry.policies import require, require_manage_chain
from redchain.services.registry.repository import (
    EnterpriseRepository,
    MemberRepository,
    OrganizationFilter,
    OrganizationRepository,
)
from redchain.services.registry.validation import optional_text, required_text
from redchain.services.updates import UNSET, Unset, given

Status = OrganizationStatus
# The only status changes there are, and the event each one publishes.
TRANSITIONS: dict[
    tuple[OrganizationStatus, OrganizationStatus], type[events.OrganizationFormed | events.OrganizationDissolved]
] = {
    (Status.PREPARING, Status.FORMED): events.OrganizationFormed,
    (Status.PREPARING, Status.DISSOLVED): events.OrganizationDissolved,  # preparation abandoned
    (Status.FORMED, Status.DISSOLVED): events.OrganizationDissolved,
}
# 党章: a basic-level organisation is formed where there are three or more full members.
MIN_FULL_MEMBERS = 3
PARENT_KINDS = (OrganizationKind.PARTY_COMMITTEE, OrganizationKind.GENERAL_BRANCH)
ORGANIZATION_FIELDS = (
    "name",
    "kind",
    "formation_mode",
    "status",
    "chain_id",
    "parent_id",
    "secretary_member_id",
    "formed_on",
    "dissolved_on",
    "version",
)


@dataclass(frozen=True)
class OrganizationData:
    name: str
    kind: OrganizationKind
    formation_mode: FormationMode
    chain_id: uuid.UUID | None = None
    parent_id: uuid.UUID | None = None
    enterprise_ids: tuple[uuid.UUID, ...] = ()  # covered enterprises: one, or 2+ for a joint branch


@dataclass(frozen=True)
class OrganizationChanges:
    name: str | Unset = UNSET
    kind: OrganizationKind | Unset = UNSET
    formation_mode: FormationMode | Unset = UNSET
    chain_id: uuid.UUID | Unset | None = UNSET
    parent_id: uuid.UUID | Unset | None = UNSET


def _snapshot(org: PartyOrganization, enterprise_ids: Sequence[uuid.UUID] | None = None) -> dict[str, Any]:
    state = audit.snapshot(org, *ORGANIZATION_FIELDS)
    if enterprise_ids is not None:
        state["enterprise_ids"] = sorted(str(e) for e in enterprise_ids)
    return state


def check_coverage(kind: OrganizationKind, enterprise_ids: Sequence[uuid.UUID]) -> None:
    """A joint branch (联合党支部) covers two or more enterprises; any other organisation at most one."""
    count = len(enterprise_ids)
    joint = kind == OrganizationKind.JOINT_BRANCH
    if (joint and count < 2) or (not joint and count > 1):
        raise InvalidCoverage("enterpriseIds")


async def _covered_enterprises(
    session: AsyncSession, actor: Actor, enterprise_ids: Sequence[uuid.UUID]
) -> list[Enterprise]:
    found = {e.id: e for e in await EnterpriseRepository(session).enterprises(actor, enterprise_ids)}
    for enterprise_id in enterprise_ids:
        enterprise = found.get(enterprise_id)
        if enterprise is None:
            raise NotFound("enterpriseIds")
        if enterprise.archived_at is not None:
            raise Archived("enterpriseIds")
        require_manage_chain(actor, enterprise.chain_id)
    return list(found.values())


async def _check_parent(
    repo: OrganizationRepository, actor: Actor, parent_id: uuid.UUID | None, org_id: uuid.UUID | None = None
) -> None:
    if parent_id is None:
        return
    parent = await repo.organization(actor, parent_id)
    if parent is None:
        raise NotFound("parentId")
    if parent.kind not in PARENT_KINDS or parent.status == Status.DISSOLVED:
        raise InvalidParent("parentId")
    if org_id is not None and org_id in await repo.ancestor_ids(parent.tenant_id, parent_id):
        raise InvalidParent("parentId")


async def create_organization(session: AsyncSession, actor: Actor, data: OrganizationData) -> PartyOrganization:
    """A new organisation starts PREPARING (组建中)."""
    require(actor, Perm.REGISTRY_MANAGE)
    repo = OrganizationRepository(session)
    name = required_text("name", data.name, 200)
    enterprise_ids = list(dict.fromkeys(data.enterprise_ids))
    check_coverage(data.kind, enterprise_ids)
    check_chain(actor, await park_chains(repo.session, actor), data.chain_id)
    await _check_parent(repo, actor, data.parent_id)
    await _covered_enterprises(session, actor, enterprise_ids)
    org = PartyOrganization(
        tenant_id=actor.tenant_id,
        name=name,
        kind=data.kind,
        formation_mode=data.formation_mode,
        chain_id=data.chain_id,
        parent_id=data.parent_id,
    )
    await repo.add(org)
    await repo.replace_coverage(actor.tenant_id, org.id, enterprise_ids)
    audit.record(
        session, actor, "party_organization.create", "PartyOrganization", org.id, after=_snapshot(org, enterprise_ids)
    )
    outbox.emit(session, actor.tenant_id, events.OrganizationCreated(organization_id=org.id))
    return org


async def _for_change(repo: OrganizationRepository, actor: Actor, org_id: uuid.UUID) -> PartyOrganization:
    """The organisation under a row lock (SELECT … FOR UPDATE), so checks and change are one step."""
    require(actor, Perm.REGISTRY_MANAGE)
    org = await repo.organization(actor, org_id, for_update=True)
    if org is None:
        raise NotFound("id")
    require_manage_chain(actor, org.chain_id)
    return org


def _require_live(org: PartyOrganization) -> None:
    if org.status == Status.DISSOLVED:
        raise OrganizationDissolved("id")


async def update_organization(
    session: AsyncSession, actor: Actor, org_id: uuid.UUID, changes: OrganizationChanges
) -> PartyOrganization:
    repo = OrganizationRepository(session)
    org = await _for_change(repo, actor, org_id)
    _require_live(org)
    values = given(changes)
    if "name" in values:
        values["name"] = required_text("name", values["name"], 200)
    if "kind" in values:
        check_coverage(values["kind"], await repo.covered_enterprise_ids(org.tenant_id, org.id))
    if "chain_id" in values and values["chain_id"] != org.chain_id:
        check_chain(actor, await park_chains(repo.session, actor), values["chain_id"])
    if "parent_id" in values and values["parent_id"] != org.parent_id:
        await _check_parent(repo, actor, values["parent_id"], org.id)
    return _apply(session, actor, "update", org, values)


def _apply(
    session: AsyncSession,
    actor: Actor,
    action: str,
    org: PartyOrganization,
    values: dict[str, Any],
    before: dict[str, Any] | None = None,
    after_extra: dict[str, Any] | None = None,
) -> PartyOrganization:
    changed = {name: value for name, value in values.items() if getattr(org, name) != value}
    if not changed and not after_extra:
        return org
    before = before or _snapshot(org)
    for name, value in changed.items():
        setattr(org, name, value)
    org.version += 1
    audit.record(
        session,
        actor,
        f"party_organization.{action}",
        "PartyOrganization",
        org.id,
        before=before,
        after={**_snapshot(org), **(after_extra or {})},
    )
    return org


async def set_organization_enterprises(
    session: AsyncSession, actor: Actor, org_id: uuid.UUID, enterprise_ids: Sequence[uuid.UUID]
) -> PartyOrganization:
    """Replaces the enterprises the organisation covers."""
    repo = OrganizationRepository(session)
    org = await _for_change(repo, actor, org_id)
    _require_live(org)
    enterprise_ids = list(dict.fromkeys(enterprise_ids))
    check_coverage(org.kind, enterprise_ids)
    await _covered_enterprises(session, actor, enterprise_ids)
    current = await repo.covered_enterprise_ids(org.tenant_id, org.id)
    if set(current) == set(enterprise_ids):
        return org
    before = _snapshot(org, current)
    await repo.replace_coverage(org.tenant_id, org.id, enterprise_ids)
    return _apply(
        session, actor, "set_enterprises", org, {}, before, {"enterprise_ids": sorted(str(e) for e in enterprise_ids)}
    )


async def set_organization_secretary(
    session: AsyncSession, actor: Actor, org_id: uuid.UUID, member_id: uuid.UUID | None
) -> PartyOrganization:
    """The secretary (书记) is a full member of this organisation; None leaves the post vacant."""
    repo = OrganizationRepository(session)
    org = await _for_change(repo, actor, org_id)
    _require_live(org)
    if member_id is not None:
        member = await MemberRepository(session).member(actor, member_id)
        if member is None:
            raise NotFound("memberId")
        if member.organization_id != org.id or member.archived_at is not None:
            raise SecretaryNotMember("memberId")
        if member.status != MemberStatus.FULL:
            raise SecretaryNotFullMember("memberId")
    return _apply(session, actor, "set_secretary", org, {"secretary_member_id": member_id})


async def _transition(
    session: AsyncSession,
    actor: Actor,
    org_id: uuid.UUID,
    to: OrganizationStatus,
    on: date,
    field: str,
    reason: str | None = None,
) -> PartyOrganization:
    repo = OrganizationRepository(session)
    org = await _for_change(repo, actor, org_id)
    current = OrganizationStatus(org.status)
    event = TRANSITIONS.get((current, to))
    if event is None:
        raise InvalidTransition("id", from_status=current.value, to_status=to.value)
    if on > park_today():
        raise InvalidDate(field, "FUTURE")
    values: dict[str, Any] = {"status": to}
    if to is Status.FORMED:
        full = await MemberRepository(session).count_full_members(org.tenant_id, org.id)
        if full < MIN_FULL_MEMBERS:
            raise TooFewMembers("id", minimum=MIN_FULL_MEMBERS, count=full)
        values["formed_on"] = on
    else:
        if org.formed_on is not None and on < org.formed_on:
            raise InvalidDate(field, "BEFORE_FORMED")
        values["dissolved_on"] = on
    enterprise_ids = await repo.covered_enterprise_ids(org.tenant_id, org.id)
    action = "form" if to is Status.FORMED else "dissolve"
    _apply(session, actor, action, org, values, after_extra={"reason": reason} if reason else None)
    outbox.emit(
        session,
        actor.tenant_id,
        event(
            organization_id=org.id,
            status=to,
            on=on,
            kind=OrganizationKind(org.kind),
            chain_id=org.chain_id,
            enterprise_ids=enterprise_ids,
        ),
    )
    return org


async def form_organization(
    session: AsyncSession, actor: Actor, org_id: uuid.UUID, formed_on: date
) -> PartyOrganization:
    return await _transition(session, actor, org_id, Status.FORMED, formed_on, "formedOn")


async def dissolve_organization(
    session: AsyncSession, actor: Actor, org_id: uuid.UUID, dissolved_on: date, reason: str | None = None
) -> PartyOrganization:
    reason = optional_text("reason", reason, 500)
    return await _transition(session, actor, org_id, Status.DISSOLVED, dissolved_on, "dissolvedOn", reason)


async def get_organization(session: AsyncSession, actor: Actor, org_id: uuid.UUID) -> PartyOrganization | None:
    return await OrganizationRepository(session).organization(actor, org_id)


async def organizations_by_ids(
    session: AsyncSession, actor: Actor, ids: Sequence[uuid.UUID]
) -> list[PartyOrganization]:
    return await OrganizationRepository(session).organizations(actor, ids)


async def list_organizations(
    session: AsyncSession, actor: Actor, where: OrganizationFilter, page: PageRequest
) -> Page[PartyOrganization]:
    return await OrganizationRepository(session).page_organizations(actor, where, page)


async def count_organizations(session: AsyncSession, actor: Actor, where: OrganizationFilter) -> int:
    return await OrganizationRepository(session).count_organizations(actor, where)


async def enterprises_of_organizations(
    session: AsyncSession, actor: Actor, org_ids: Sequence[uuid.UUID]
) -> list[tuple[uuid.UUID, Enterprise]]:
    return await EnterpriseRepository(session).enterprises_of_organizations(actor, org_ids)
