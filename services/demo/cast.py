"""The demo park's people: the published logins, a secretary per chain, liaison officers and the enterprise
contacts who raise problems and apply for funds. `Cast` holds them as the actors the other steps act as."""

import uuid
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.services.actor import Actor, ActorKind, Grant
from redchain.services.permissions import Role
from redchain.services.registry import service as registry
from redchain.services.tenancy import service as tenancy
from redchain.services.tenancy.models import User
from redchain.services.tenancy.repository import TenancyRepository

DEMO_PASSWORD = "redchain-demo-2026"
DEMO_PARK_CODE = "changsha-hitech"
PLATFORM_ADMIN_EMAIL = "platform@redchain.dev"
# email -> (name, role): the park-wide staff. The first is the park admin the platform invites.
DEMO_USERS: dict[str, tuple[str, Role]] = {
    "admin@changsha-hitech.dev": ("园区党工委管理员 王敏", Role.PARK_ADMIN),
    "auditor@changsha-hitech.dev": ("审计 李强", Role.AUDITOR),
    "finance@changsha-hitech.dev": ("财务 陈静", Role.FINANCE_OFFICER),
    "liaison@changsha-hitech.dev": ("驻企联络员 刘洋", Role.LIAISON_OFFICER),
}
CHAIN_STAFF_EMAIL = "newmaterials@changsha-hitech.dev"  # 新材料产业链党委书记
CONTACT_EMAIL = "contact@boxiang.dev"  # 博翔新材料's Party contact
# chain -> (email, name) of its committee's secretary (产业链党委书记), who works its ticket queue.
CHAIN_SECRETARIES: dict[str, tuple[str, str]] = {
    "新材料": (CHAIN_STAFF_EMAIL, "新材料产业链党委书记 周建"),
    "大健康": ("health@changsha-hitech.dev", "大健康产业链党委书记 李娜"),
    "先进制造": ("manufacturing@changsha-hitech.dev", "先进制造产业链党委书记 张伟"),
    "移动互联网": ("mobile@changsha-hitech.dev", "移动互联网产业链党委书记 陈晨"),
    "电子信息": ("electronics@changsha-hitech.dev", "电子信息产业链党委书记 杨帆"),
    "新能源与节能环保": ("energy@changsha-hitech.dev", "新能源与节能环保产业链党委书记 黄磊"),
}
# More officers beside 刘洋: not officer02.. (SCALE=park adds those).
OFFICERS: dict[str, str] = {
    "liaison@changsha-hitech.dev": "驻企联络员 刘洋",
    "liaison2@changsha-hitech.dev": "驻企联络员 赵磊",
    "instructor@changsha-hitech.dev": "党建指导员 孙婷",
}
# email -> what the login is for; all use DEMO_PASSWORD.
DEMO_LOGINS: dict[str, str] = (
    {PLATFORM_ADMIN_EMAIL: "PLATFORM_ADMIN"}
    | {email: role.value for email, (_, role) in DEMO_USERS.items()}
    | {email: f"CHAIN_STAFF ({chain}, secretary)" for chain, (email, _) in CHAIN_SECRETARIES.items()}
    | {email: "LIAISON_OFFICER" for email in OFFICERS if email not in DEMO_USERS}
    | {CONTACT_EMAIL: "ENTERPRISE_CONTACT (博翔新材料)"}
)


def acting(tenant_id: uuid.UUID, user_id: uuid.UUID, grant: Grant) -> Actor:
    return Actor(kind=ActorKind.USER, tenant_id=tenant_id, user_id=user_id, grants=(grant,))


@dataclass
class Cast:
    admin: Actor
    password_hash: str
    finance: Actor
    chain_ids: dict[str, uuid.UUID]  # chain name -> id
    secretaries: dict[uuid.UUID, Actor] = field(default_factory=dict)  # chain id -> its secretary
    officers: list[Actor] = field(default_factory=list)  # 刘洋, 赵磊 (liaison officers), 孙婷 (instructor)
    contacts: dict[uuid.UUID, Actor] = field(default_factory=dict)  # enterprise id -> its Party contact

    @property
    def tenant_id(self) -> uuid.UUID:
        return self.admin.tenant_id


async def ensure_account(session: AsyncSession, email: str, name: str, password_hash: str) -> User:
    """A demo account with the published password, as an invitation with a chosen, not temporary, password
    makes it. The accounts share one argon2 hash: hashing each costs up to a second on a busy machine."""
    repo = TenancyRepository(session)
    user = await repo.user_by_email(tenancy.normalize_email(email))
    if user is None:
        user = User(email=tenancy.normalize_email(email), password_hash=password_hash, display_name=name)
        await repo.add(user)
    return user


async def _grant(session: AsyncSession, cast: Cast, email: str, name: str, grant: Grant) -> Actor:
    await ensure_account(session, email, name, cast.password_hash)
    granted = await tenancy.grant_membership(
        session,
        cast.admin,
        email,
        name,
        grant.role,
        grant.chain_id,
        grant.enterprise_id,
        DEMO_PASSWORD,
        temporary=False,  # the demo's published password
    )
    return acting(cast.tenant_id, granted.user.id, grant)


async def enrol_staff(session: AsyncSession, admin: Actor, password_hash: str) -> Cast:
    """Park-wide staff but the admin (who exists already), the chain secretaries and the officers."""
    chains = {name: chain.id for name, chain in (await registry.chains_by_name(session, admin)).items()}
    cast = Cast(admin=admin, password_hash=password_hash, finance=admin, chain_ids=chains)
    staff: dict[Role, Actor] = {}
    for email, (name, role) in list(DEMO_USERS.items())[1:]:
        staff[role] = await _grant(session, cast, email, name, Grant(role))
    cast.finance = staff[Role.FINANCE_OFFICER]
    for chain, (email, name) in CHAIN_SECRETARIES.items():
        secretary = await _grant(session, cast, email, name, Grant(Role.CHAIN_STAFF, chain_id=chains[chain]))
        assert secretary.user_id is not None
        await registry.set_chain_secretary(session, admin, chains[chain], secretary.user_id)
        cast.secretaries[chains[chain]] = secretary
    for email, name in OFFICERS.items():
        cast.officers.append(
            staff[Role.LIAISON_OFFICER]
            if email in DEMO_USERS
            else await _grant(session, cast, email, name, Grant(Role.LIAISON_OFFICER))
        )
    return cast


async def enrol_contact(session: AsyncSession, cast: Cast, email: str, name: str, enterprise_id: uuid.UUID) -> Actor:
    contact = await _grant(session, cast, email, name, Grant(Role.ENTERPRISE_CONTACT, enterprise_id=enterprise_id))
    cast.contacts[enterprise_id] = contact
    return contact
