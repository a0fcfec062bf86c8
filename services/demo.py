"""Demo data for a local try-out, loaded through the services like any other change. Idempotent."""

import uuid
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.clock import park_today
from redchain.infra.db import Database
from redchain.infra.security import hash_password
from redchain.infra.settings import Settings
from redchain.services.actor import Actor, ActorKind, Grant, Principal
from redchain.services.demo_scale.loader import load_reference_scale
from redchain.services.funds import service as funds
from redchain.services.funds.models import ProgramKind
from redchain.services.liaison import service as liaison
from redchain.services.liaison.models import AssignmentKind
from redchain.services.permissions import Role
from redchain.services.registry import service as registry
from redchain.services.registry.credit_code import make_credit_code
from redchain.services.registry.id_card import make_id_card
from redchain.services.registry.models import FormationMode, MemberStatus, OrganizationKind
from redchain.services.tenancy import service as tenancy
from redchain.services.tenancy.models import User
from redchain.services.tenancy.repository import TenancyRepository
from redchain.services.tickets import service as tickets
from redchain.services.tickets import taxonomy as ticket_taxonomy
from redchain.services.tickets.workflow import TicketAction

DEMO_PASSWORD = "redchain-demo-2026"
DEMO_PARK_CODE = "changsha-hitech"
PLATFORM_ADMIN_EMAIL = "platform@redchain.dev"
DEMO_USERS: dict[str, tuple[str, Role]] = {
    "admin@changsha-hitech.dev": ("园区党工委管理员 王敏", Role.PARK_ADMIN),
    "auditor@changsha-hitech.dev": ("审计 李强", Role.AUDITOR),
    "finance@changsha-hitech.dev": ("财务 陈静", Role.FINANCE_OFFICER),
    "liaison@changsha-hitech.dev": ("驻企联络员 刘洋", Role.LIAISON_OFFICER),
}
CHAIN_STAFF_EMAIL = "newmaterials@changsha-hitech.dev"  # 新材料产业链党委书记
CONTACT_EMAIL = "contact@boxiang.dev"  # 博翔新材料's Party contact
DEMO_CHAIN = "新材料"
# (name, chain, area, employees, key enterprise)
DEMO_ENTERPRISES = [
    ("湖南博翔新材料科技有限公司", "新材料", "麓谷", 320, True),
    ("长沙远大锂电材料有限公司", "新材料", "麓谷", 860, True),
    ("长沙康瑞生物医药有限公司", "大健康", "岳麓", 140, False),
    ("湖南智造精工装备有限公司", "先进制造", "雷锋", 510, True),
    ("长沙云联移动科技有限公司", "移动互联网", "麓谷", 95, False),
]
# email -> what the login is for; all use DEMO_PASSWORD.
DEMO_LOGINS: dict[str, str] = (
    {PLATFORM_ADMIN_EMAIL: "PLATFORM_ADMIN"}
    | {email: role.value for email, (_, role) in DEMO_USERS.items()}
    | {CHAIN_STAFF_EMAIL: "CHAIN_STAFF (新材料, secretary)", CONTACT_EMAIL: "ENTERPRISE_CONTACT (博翔新材料)"}
)


async def _ensure_platform_admin(db: Database, email: str, password: str, name: str) -> User:
    async with db.transaction() as session:
        repo = TenancyRepository(session)
        user = await repo.user_by_email(tenancy.normalize_email(email))
        if user is None:
            tenancy.check_password_strength(password)
            user = User(
                email=tenancy.normalize_email(email),
                password_hash=hash_password(password),
                display_name=name,
                is_platform_admin=True,
            )
            await repo.add(user)
        else:
            user.is_platform_admin = True
        return user


async def create_platform_admin(settings: Settings, email: str, password: str, name: str) -> None:
    assert settings.database_url
    db = Database.connect(settings, settings.database_url)
    try:
        await _ensure_platform_admin(db, email, password, name)
    finally:
        await db.dispose()


async def _load_registry(session: AsyncSession, admin: Actor) -> None:
    """A chain with its secretary, a few enterprises, a formed branch with members, a liaison officer."""
    chains = await registry.chains_by_name(session, admin)
    chain = chains[DEMO_CHAIN]
    secretary = await tenancy.grant_membership(
        session,
        admin,
        CHAIN_STAFF_EMAIL,
        "新材料产业链党委书记 周建",
        Role.CHAIN_STAFF,
        chain.id,
        None,
        DEMO_PASSWORD,
        temporary=False,
    )
    await registry.set_chain_secretary(session, admin, chain.id, secretary.user.id)
    enterprises = [
        await registry.create_enterprise(
            session,
            admin,
            registry.EnterpriseData(
                # Another division than the reference-scale park's codes, so SCALE=park adds to these.
                credit_code=make_credit_code(serial + 1, division="430104"),
                name=name,
                chain_id=chains[chain_name].id,
                area=area,
                employee_count=employees,
                is_key=is_key,
                contact_name="企业党建联系人",
            ),
        )
        for serial, (name, chain_name, area, employees, is_key) in enumerate(DEMO_ENTERPRISES)
    ]
    boxiang = enterprises[0]
    contact_user = await tenancy.grant_membership(
        session,
        admin,
        CONTACT_EMAIL,
        "博翔新材料党建联系人 何芳",
        Role.ENTERPRISE_CONTACT,
        None,
        boxiang.id,
        DEMO_PASSWORD,
        temporary=False,
    )
    branch = await registry.create_organization(
        session,
        admin,
        registry.OrganizationData(
            name="湖南博翔新材料科技有限公司党支部",
            kind=OrganizationKind.BRANCH,
            formation_mode=FormationMode.STANDALONE,
            chain_id=chain.id,
            enterprise_ids=(boxiang.id,),
        ),
    )
    for serial, name in enumerate(["彭立新", "谭雅", "罗志强", "曾慧"]):
        await registry.create_member(
            session,
            admin,
            registry.MemberData(
                name=name,
                status=MemberStatus.FULL if serial < 3 else MemberStatus.PROBATIONARY,
                id_card_number=make_id_card(serial + 1),
                organization_id=branch.id,
                enterprise_id=boxiang.id,
                joined_on=date(2015 + serial, 7, 1),
            ),
        )
    await registry.form_organization(session, admin, branch.id, park_today())
    officer = await TenancyRepository(session).user_by_email("liaison@changsha-hitech.dev")
    assert officer is not None
    # 长沙远大锂电 is a key enterprise without a branch: the liaison officer keeps it in touch (不失联).
    await liaison.assign(session, admin, enterprises[1].id, officer.id, AssignmentKind.LIAISON_OFFICER)
    contact = Actor(
        kind=ActorKind.USER,
        tenant_id=admin.tenant_id,
        user_id=contact_user.user.id,
        grants=(Grant(Role.ENTERPRISE_CONTACT, enterprise_id=boxiang.id),),
    )
    chain_staff = Actor(
        kind=ActorKind.USER,
        tenant_id=admin.tenant_id,
        user_id=secretary.user.id,
        grants=(Grant(Role.CHAIN_STAFF, chain_id=chain.id),),
    )
    await _load_tickets(session, admin, contact, chain_staff, boxiang.id)
    await _load_funds(session, admin, contact, branch.id)


async def _load_funds(session: AsyncSession, admin: Actor, contact: Actor, branch_id: uuid.UUID) -> None:
    """This year's start-up fund (启动经费) and the new branch's application, submitted for review."""
    program = await funds.create_program(
        session, admin, ProgramKind.STARTUP_FUND, park_today().year, "新建党组织启动经费", 50_000_000, None
    )
    payee = funds.Payee(
        account_name="湖南博翔新材料科技有限公司", bank="长沙银行麓谷支行", account_number="800012345678901"
    )
    application = await funds.draft_application(session, contact, program.id, branch_id, None, payee, [])
    await funds.submit_application(session, contact, application.id)


async def _load_tickets(
    session: AsyncSession, admin: Actor, contact: Actor, chain_staff: Actor, enterprise_id: uuid.UUID
) -> None:
    """Two problems 博翔新材料 raised: one waiting to be accepted, one being worked on."""
    # The worker seeds the taxonomy when it sees the park created; the demo needs it right away.
    await ticket_taxonomy.seed_reference_taxonomy(session, admin.tenant_id)
    aspects = {c.code: c for c in await ticket_taxonomy.list_categories(session, admin)}
    for title, aspect, handled in [
        ("新厂区用电增容申请迟迟未批复", "SUPPLY_AND_UTILITIES", True),
        ("急需招聘 20 名锂电材料工艺工程师", "TALENT_AND_RECRUITMENT", False),
    ]:
        ticket = await tickets.create_ticket(
            session,
            contact,
            tickets.TicketDraft(
                enterprise_id=enterprise_id,
                title=title,
                description=title + "，请产业链党委协调。",
                category_id=aspects[aspect].parent_id or aspects[aspect].id,
                aspect_id=aspects[aspect].id,
            ),
        )
        if handled:
            for action in (TicketAction.ACCEPT, TicketAction.START):
                await tickets.transition(session, chain_staff, ticket.id, tickets.TransitionRequest(action))


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
        async with db.transaction(user_id=admin.id) as session:
            park = await tenancy.create_park(session, platform, DEMO_PARK_CODE, "长沙高新区党工委")
            emails = iter(DEMO_USERS.items())
            first_email, (first_name, _) = next(emails)
            park_admin = await tenancy.invite_park_admin(
                session, platform, park.id, first_email, first_name, DEMO_PASSWORD, temporary=False
            )
            acting_admin = Actor(
                kind=ActorKind.USER, tenant_id=park.id, user_id=park_admin.user.id, grants=(Grant(Role.PARK_ADMIN),)
            )
            for email, (name, role) in emails:
                await tenancy.grant_membership(
                    session, acting_admin, email, name, role, None, None, DEMO_PASSWORD, temporary=False
                )
            await _load_registry(session, acting_admin)
        return f"demo park {DEMO_PARK_CODE} loaded (scale {scale})" + await _load_scale(db, scale)
    finally:
        await db.dispose()
