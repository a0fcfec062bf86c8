"""Demo data for a local try-out, loaded through the services like any other change. Idempotent."""

from redchain.infra.db import Database
from redchain.infra.security import hash_password
from redchain.infra.settings import Settings
from redchain.services.actor import Actor, ActorKind, Grant
from redchain.services.demo_scale.loader import load_reference_scale
from redchain.services.permissions import Role
from redchain.services.tenancy import service as tenancy
from redchain.services.tenancy.models import User
from redchain.services.tenancy.repository import TenancyRepository

DEMO_PASSWORD = "redchain-demo-2026"
DEMO_PARK_CODE = "changsha-hitech"
PLATFORM_ADMIN_EMAIL = "platform@redchain.dev"
DEMO_USERS: dict[str, tuple[str, Role]] = {
    "admin@changsha-hitech.dev": ("园区党工委管理员 王敏", Role.PARK_ADMIN),
    "auditor@changsha-hitech.dev": ("审计 李强", Role.AUDITOR),
    "finance@changsha-hitech.dev": ("财务 陈静", Role.FINANCE_OFFICER),
    "liaison@changsha-hitech.dev": ("驻企联络员 刘洋", Role.LIAISON_OFFICER),
}
# email -> what the login is for; all use DEMO_PASSWORD.
DEMO_LOGINS: dict[str, str] = {PLATFORM_ADMIN_EMAIL: "PLATFORM_ADMIN"} | {
    email: role.value for email, (_, role) in DEMO_USERS.items()
}


async def _ensure_platform_admin(db: Database, email: str, password: str, name: str) -> User:
    async with db.transaction() as session:
        repo = TenancyRepository(session)
        user = await repo.user_by_email(tenancy.normalize_email(email))
        if user is None:
            tenancy.check_password_strength(password)
            user = User(email=tenancy.normalize_email(email), password_hash=hash_password(password),
                        display_name=name, is_platform_admin=True)
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
        platform = Actor(kind=ActorKind.USER, tenant_id=None, user_id=admin.id, is_platform_admin=True)
        async with db.transaction() as session:
            if await TenancyRepository(session).tenant_by_code(DEMO_PARK_CODE) is not None:
                return "demo data already loaded" + await _load_scale(db, scale)
        async with db.transaction(user_id=admin.id) as session:
            park = await tenancy.create_park(session, platform, DEMO_PARK_CODE, "长沙高新区党工委")
            emails = iter(DEMO_USERS.items())
            first_email, (first_name, _) = next(emails)
            park_admin = await tenancy.invite_park_admin(session, platform, park.id, first_email, first_name,
                                                         DEMO_PASSWORD)
            acting_admin = Actor(kind=ActorKind.USER, tenant_id=park.id, user_id=park_admin.user.id,
                                 grants=(Grant(Role.PARK_ADMIN),))
            for email, (name, role) in emails:
                await tenancy.grant_membership(session, acting_admin, email, name, role, None, None, DEMO_PASSWORD)
        return f"demo park {DEMO_PARK_CODE} loaded (scale {scale})" + await _load_scale(db, scale)
    finally:
        await db.dispose()
