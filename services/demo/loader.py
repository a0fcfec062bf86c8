"""Loads the demo park in one transaction (all or nothing, so a second run finds it whole or absent):
the park and its people, the registry, liaison posts and visits, tickets and funds; SCALE=park then adds
the reference park's registry (services/demo_scale)."""

import random

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.clock import park_date
from redchain.infra.db import Database
from redchain.infra.models_base import utcnow
from redchain.infra.security import hash_password
from redchain.infra.settings import Settings
from redchain.services.actor import Actor, ActorKind, Grant, Principal
from redchain.services.demo import cast as people
from redchain.services.demo.cast import CONTACT_EMAIL, DEMO_PARK_CODE, DEMO_PASSWORD, DEMO_USERS, PLATFORM_ADMIN_EMAIL
from redchain.services.demo.funds import Applicant, load_funds
from redchain.services.demo.park_registry import StoredRegistry, formed_recently, store_registry
from redchain.services.demo.plan import BOXIANG, DemoPark, plan_demo_park
from redchain.services.demo.tickets import Raiser, load_boxiang_tickets, load_tickets
from redchain.services.demo_scale import names
from redchain.services.demo_scale.loader import load_reference_scale
from redchain.services.permissions import Role
from redchain.services.tenancy import service as tenancy
from redchain.services.tenancy.models import User
from redchain.services.tenancy.repository import TenancyRepository


async def _ensure_platform_admin(db: Database, email: str, password: str, name: str) -> User:
    tenancy.check_password_strength(password)
    async with db.transaction() as session:
        user = await people.ensure_account(session, email, name, hash_password(password))
        user.is_platform_admin = True
        return user


async def create_platform_admin(settings: Settings, email: str, password: str, name: str) -> None:
    assert settings.database_url
    db = Database.connect(settings, settings.database_url)
    try:
        await _ensure_platform_admin(db, email, password, name)
    finally:
        await db.dispose()


async def _contacts(
    session: AsyncSession, cast: people.Cast, park: DemoPark, stored: StoredRegistry
) -> list[Applicant]:
    """博翔's contact (a published login) and one for each enterprise of an organisation formed this year."""
    rng = random.Random(5)
    boxiang = park.enterprises[BOXIANG]
    boxiang_id = stored.enterprise_ids[boxiang.credit_code]
    await people.enrol_contact(session, cast, CONTACT_EMAIL, "博翔新材料党建联系人 何芳", boxiang_id)
    names_by_id = {stored.enterprise_ids[e.credit_code]: e.name for e in park.enterprises}
    applicants = []
    for number, org in enumerate(formed_recently(stored), start=1):
        enterprise_id = org.enterprise_ids[0]
        contact = await people.enrol_contact(
            session,
            cast,
            f"contact{number:02d}@enterprise.changsha-hitech.dev",
            f"党建联系人 {names.person_name(rng)}",
            enterprise_id,
        )
        applicants.append(Applicant(org, contact, names_by_id[enterprise_id]))
    boxiang_branch = next(o for o in stored.organizations if boxiang_id in o.enterprise_ids)
    return [*applicants, Applicant(boxiang_branch, cast.contacts[boxiang_id], boxiang.name)]


def _raisers(cast: people.Cast, park: DemoPark, stored: StoredRegistry) -> list[Raiser]:
    """Who raises the generated problems: the contacts, and officers for the enterprises they are posted to.
    博翔 keeps only its own two, which the portal's walkthrough shows."""
    chains = {stored.enterprise_ids[e.credit_code]: cast.chain_ids[e.chain] for e in park.enterprises if e.chain}
    boxiang_id = stored.enterprise_ids[park.enterprises[BOXIANG].credit_code]
    raisers = [Raiser(e, chains[e], c) for e, c in cast.contacts.items() if e != boxiang_id]
    for assignment in park.assignments:
        enterprise_id = stored.enterprise_ids[assignment.enterprise_code]
        if enterprise_id not in cast.contacts:
            raisers.append(Raiser(enterprise_id, chains[enterprise_id], cast.officers[assignment.officer]))
    return raisers


async def _load_park(session: AsyncSession, admin: Actor, password_hash: str) -> None:
    today = park_date(utcnow())
    cast = await people.enrol_staff(session, admin, password_hash)
    park = plan_demo_park(today)
    stored = await store_registry(session, cast, park)
    applicants = await _contacts(session, cast, park, stored)
    boxiang_id = stored.enterprise_ids[park.enterprises[BOXIANG].credit_code]
    await load_boxiang_tickets(session, cast, boxiang_id)
    await load_tickets(session, cast, _raisers(cast, park, stored), today, stored.visits)
    await load_funds(session, cast, applicants, today.year)


async def _load_scale(db: Database, scale: str) -> str:
    """SCALE=park fills the demo park with the reference park's registry (services/demo_scale)."""
    if scale != "park":
        return ""
    async with db.transaction() as session:
        repo = TenancyRepository(session)
        park = await repo.tenant_by_code(DEMO_PARK_CODE)
        by_role = {role: await repo.user_by_email(email) for email, (_, role) in DEMO_USERS.items()}
    admin, officer = by_role[Role.PARK_ADMIN], by_role[Role.LIAISON_OFFICER]
    assert park is not None and admin is not None
    acting_admin = Actor(kind=ActorKind.USER, tenant_id=park.id, user_id=admin.id, grants=(Grant(Role.PARK_ADMIN),))
    return "; " + await load_reference_scale(db, acting_admin, DEMO_PASSWORD, officer.id if officer else None)


async def load_demo_data(settings: Settings, scale: str) -> str:
    assert settings.database_url
    db = Database.connect(settings, settings.database_url)
    try:
        admin = await _ensure_platform_admin(db, PLATFORM_ADMIN_EMAIL, DEMO_PASSWORD, "平台管理员")
        platform = Principal(kind=ActorKind.USER, tenant_id=None, user_id=admin.id, is_platform_admin=True)
        async with db.transaction() as session:
            if await TenancyRepository(session).tenant_by_code(DEMO_PARK_CODE) is not None:
                return "demo data already loaded" + await _load_scale(db, scale)
        password_hash = hash_password(DEMO_PASSWORD)
        async with db.transaction(user_id=admin.id) as session:
            park = await tenancy.create_park(session, platform, DEMO_PARK_CODE, "长沙高新区党工委")
            first_email, (first_name, _) = next(iter(DEMO_USERS.items()))
            await people.ensure_account(session, first_email, first_name, password_hash)
            park_admin = await tenancy.invite_park_admin(
                session, platform, park.id, first_email, first_name, DEMO_PASSWORD, temporary=False
            )
            acting_admin = people.acting(park.id, park_admin.user.id, Grant(Role.PARK_ADMIN))
            await _load_park(session, acting_admin, password_hash)
        return f"demo park {DEMO_PARK_CODE} loaded (scale {scale})" + await _load_scale(db, scale)
    finally:
        await db.dispose()
