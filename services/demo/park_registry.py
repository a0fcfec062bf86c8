"""Stores the planned registry and liaison posts through the registry and liaison services, as a park's
staff would enter them: enterprises, organisations formed (and a few dissolved) on their dates with their
members and secretaries, officers posted with their visits."""

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.services.demo.cast import Cast
from redchain.services.demo.plan import DemoOrganization, DemoPark
from redchain.services.errors import DomainError
from redchain.services.liaison import service as liaison
from redchain.services.registry import service as registry
from redchain.services.registry.models import MemberStatus, OrganizationStatus


@dataclass(frozen=True)
class StoredOrganization:
    id: uuid.UUID
    plan: DemoOrganization
    enterprise_ids: tuple[uuid.UUID, ...]
    chain_id: uuid.UUID | None


@dataclass(frozen=True)
class StoredRegistry:
    enterprise_ids: dict[str, uuid.UUID]  # by credit code
    organizations: list[StoredOrganization]
    visits: dict[uuid.UUID, list[uuid.UUID]]  # enterprise -> its visits, oldest first


def _raise_first(errors: list[DomainError | None]) -> None:
    # The plan obeys the rules; a refused row is a bug in it, not something to skip quietly.
    for error in errors:
        if error is not None:
            raise error


async def _store_enterprises(session: AsyncSession, cast: Cast, park: DemoPark) -> dict[str, uuid.UUID]:
    results = await registry.upsert_enterprises(
        session,
        cast.admin,
        [
            registry.EnterpriseData(
                credit_code=e.credit_code,
                name=e.name,
                chain_id=cast.chain_ids[e.chain] if e.chain else None,
                address=e.address,
                area=e.area,
                employee_count=e.employee_count,
                is_key=e.is_key,
                contact_name=e.contact_name,
                contact_phone=e.contact_phone,
            )
            for e in park.enterprises
        ],
        create_only=True,
    )
    _raise_first([r.error for r in results])
    return {r.enterprise.credit_code: r.enterprise.id for r in results if r.enterprise}


async def _store_members(
    session: AsyncSession, cast: Cast, park: DemoPark, enterprises: dict[str, uuid.UUID], org_ids: list[uuid.UUID]
) -> dict[uuid.UUID, uuid.UUID]:
    """Returns each organisation's first full member: its secretary (书记)."""
    results = await registry.upsert_members(
        session,
        cast.admin,
        [
            registry.MemberData(
                name=m.name,
                status=m.status,
                id_card_number=m.id_card,
                organization_id=org_ids[m.organization] if m.organization is not None else None,
                enterprise_id=enterprises[m.enterprise_code] if m.enterprise_code else None,
                joined_on=m.joined_on,
                is_floating=m.is_floating,
                inflow_area=m.inflow_area,
                phone=m.phone,
            )
            for m in park.members
        ],
        create_only=True,
    )
    _raise_first([r.error for r in results])
    secretaries: dict[uuid.UUID, uuid.UUID] = {}
    for result in results:
        member = result.member
        if member and member.organization_id and member.status == MemberStatus.FULL:
            secretaries.setdefault(member.organization_id, member.id)
    return secretaries


async def store_registry(session: AsyncSession, cast: Cast, park: DemoPark) -> StoredRegistry:
    admin = cast.admin
    enterprises = await _store_enterprises(session, cast, park)
    stored: list[StoredOrganization] = []
    for org in park.organizations:
        chain_id = cast.chain_ids[org.chain] if org.chain else None
        covered = tuple(enterprises[code] for code in org.enterprise_codes)
        created = await registry.create_organization(
            session,
            admin,
            registry.OrganizationData(
                name=org.name, kind=org.kind, formation_mode=org.mode, chain_id=chain_id, enterprise_ids=covered
            ),
        )
        stored.append(StoredOrganization(created.id, org, covered, chain_id))
    secretaries = await _store_members(session, cast, park, enterprises, [o.id for o in stored])
    for done in stored:
        if done.plan.formed_on is None:
            continue  # 组建中
        await registry.form_organization(session, admin, done.id, done.plan.formed_on)
        if done.plan.dissolved_on is not None:
            reason = "企业规模缩减，党员转出"
            await registry.dissolve_organization(session, admin, done.id, done.plan.dissolved_on, reason)
        else:
            await registry.set_organization_secretary(session, admin, done.id, secretaries[done.id])
    return StoredRegistry(enterprises, stored, await _post_officers(session, cast, park, enterprises))


async def _post_officers(
    session: AsyncSession, cast: Cast, park: DemoPark, enterprises: dict[str, uuid.UUID]
) -> dict[uuid.UUID, list[uuid.UUID]]:
    visits: dict[uuid.UUID, list[uuid.UUID]] = {}
    for planned in park.assignments:
        officer = cast.officers[planned.officer]
        assert officer.user_id is not None
        enterprise_id = enterprises[planned.enterprise_code]
        assignment = await liaison.assign(
            session, cast.admin, enterprise_id, officer.user_id, planned.kind, planned.starts_on
        )
        for visited_on, notes, follow_ups in sorted(planned.visits):
            visit = await liaison.log_visit(session, officer, assignment.id, visited_on, notes, follow_ups)
            visits.setdefault(enterprise_id, []).append(visit.id)
    return visits


def formed_recently(stored: StoredRegistry) -> list[StoredOrganization]:
    """Organisations whose enterprise's contact applies for this year's start-up fund."""
    return [o for o in stored.organizations if o.plan.applies_for_funds and o.plan.status is OrganizationStatus.FORMED]


def officer_posts(park: DemoPark, stored: StoredRegistry) -> dict[uuid.UUID, int]:
    """Enterprise -> the officer (index) posted to it, for problems raised on the enterprise's behalf."""
    return {stored.enterprise_ids[a.enterprise_code]: a.officer for a in park.assignments}
