"""Industry chains, non-public enterprises, Party organisations and members (the registry)."""

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from redchain.infra.models_base import TenantOwned, tenant_fk

TZ = sa.DateTime(timezone=True)


class OrganizationKind(StrEnum):
    PARTY_COMMITTEE = "PARTY_COMMITTEE"  # 党委
    GENERAL_BRANCH = "GENERAL_BRANCH"  # 党总支
    BRANCH = "BRANCH"  # 党支部
    JOINT_BRANCH = "JOINT_BRANCH"  # 联合党支部: covers several enterprises
    TEMPORARY_BRANCH = "TEMPORARY_BRANCH"  # 临时党支部, e.g. on a project site
    AREA_BRANCH = "AREA_BRANCH"  # 片区支部, for floating members


class FormationMode(StrEnum):
    STANDALONE = "STANDALONE"  # 单独组建
    JOINT = "JOINT"  # 联合共建
    MASS_ORGANIZATION = "MASS_ORGANIZATION"  # 群团促建
    BUSINESS_NEED = "BUSINESS_NEED"  # 业务需求组建
    AREA_BLOCK = "AREA_BLOCK"  # 区块链 (area block)


class OrganizationStatus(StrEnum):
    PREPARING = "PREPARING"  # 组建中
    FORMED = "FORMED"  # 成立
    DISSOLVED = "DISSOLVED"


class MemberStatus(StrEnum):
    FULL = "FULL"  # 正式党员
    PROBATIONARY = "PROBATIONARY"  # 预备党员
    DEVELOPMENT_TARGET = "DEVELOPMENT_TARGET"  # 发展对象
    ACTIVIST = "ACTIVIST"  # 入党积极分子


class IndustryChain(TenantOwned, table=True):
    """A Party committee per industry chain (行业/产业链党委)."""

    __tablename__ = "industry_chains"
    __table_args__ = (sa.UniqueConstraint("tenant_id", "name"),)
    name: str = Field(max_length=100)
    description: str | None = Field(default=None, max_length=1000)
    # The committee secretary also holds a CHAIN_STAFF membership scoped to this chain.
    secretary_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    sort_order: int = 0
    archived_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]


class Enterprise(TenantOwned, table=True):
    """A non-public enterprise (非公企业), identified by its unified social credit code."""

    __tablename__ = "enterprises"
    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "credit_code"),
        tenant_fk(["chain_id"], "industry_chains"),
        sa.Index("ix_enterprises_tenant_id_chain_id", "tenant_id", "chain_id"),
        # The lists' order (name, id): a page is an index range scan, not a sort of the whole park.
        sa.Index("ix_enterprises_tenant_id_name_id", "tenant_id", "name", "id"),
        # Chinese substring search ("新材" finds "博翔新材料") needs trigrams, not LIKE on a scan.
        sa.Index("ix_enterprises_name_trgm", "name", postgresql_using="gin", postgresql_ops={"name": "gin_trgm_ops"}),
        sa.Index(
            "ix_enterprises_credit_code_trgm",
            "credit_code",
            postgresql_using="gin",
            postgresql_ops={"credit_code": "gin_trgm_ops"},
        ),
    )
    credit_code: str = Field(max_length=18)  # 统一社会信用代码, GB 32100-2015
    name: str = Field(max_length=200)
    chain_id: uuid.UUID | None = None
    address: str | None = Field(default=None, max_length=300)
    area: str | None = Field(default=None, max_length=100)  # 片区
    employee_count: int = 0
    is_key: bool = False  # 重点企业
    contact_name: str | None = Field(default=None, max_length=100)
    contact_phone: str | None = Field(default=None, max_length=32)
    archived_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]
    updated_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]


class PartyOrganization(TenantOwned, table=True):
    """党组织. Lifecycle PREPARING → FORMED → DISSOLVED; covers one enterprise, or several if joint."""

    __tablename__ = "party_organizations"
    __table_args__ = (
        tenant_fk(["chain_id"], "industry_chains"),
        tenant_fk(["parent_id"], "party_organizations"),
        tenant_fk(["secretary_member_id"], "party_members", use_alter=True),
        sa.Index("ix_party_organizations_tenant_id_chain_id", "tenant_id", "chain_id"),
        sa.Index("ix_party_organizations_tenant_id_name_id", "tenant_id", "name", "id"),
        sa.Index(
            "ix_party_organizations_name_trgm", "name", postgresql_using="gin", postgresql_ops={"name": "gin_trgm_ops"}
        ),
    )
    name: str = Field(max_length=200)
    kind: OrganizationKind = Field(sa_type=sa.String(32))  # type: ignore[call-overload]
    formation_mode: FormationMode = Field(sa_type=sa.String(32))  # type: ignore[call-overload]
    status: OrganizationStatus = Field(default=OrganizationStatus.PREPARING, sa_type=sa.String(16))  # type: ignore[call-overload]
    chain_id: uuid.UUID | None = None
    parent_id: uuid.UUID | None = None
    secretary_member_id: uuid.UUID | None = None
    formed_on: date | None = None
    dissolved_on: date | None = None
    version: int = 1


class OrganizationEnterprise(TenantOwned, table=True):
    """Which enterprises an organisation covers (one for standalone, several for a joint branch)."""

    __tablename__ = "party_organization_enterprises"
    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "organization_id", "enterprise_id"),
        tenant_fk(["organization_id"], "party_organizations", ondelete="CASCADE"),
        tenant_fk(["enterprise_id"], "enterprises"),
        sa.Index("ix_party_organization_enterprises_tenant_id_enterprise_id", "tenant_id", "enterprise_id"),
    )
    organization_id: uuid.UUID
    enterprise_id: uuid.UUID


class PartyMember(TenantOwned, table=True):
    """党员 (and development targets and activists). The ID-card number is kept only as a keyed hash
    for matching, plus its last four characters for display."""

    __tablename__ = "party_members"
    __table_args__ = (
        tenant_fk(["organization_id"], "party_organizations"),
        tenant_fk(["enterprise_id"], "enterprises"),
        sa.UniqueConstraint("tenant_id", "id_card_hash"),
        sa.Index("ix_party_members_tenant_id_organization_id", "tenant_id", "organization_id"),
        sa.Index("ix_party_members_tenant_id_name_id", "tenant_id", "name", "id"),
        sa.Index("ix_party_members_tenant_id_enterprise_id", "tenant_id", "enterprise_id"),
        sa.Index("ix_party_members_name_trgm", "name", postgresql_using="gin", postgresql_ops={"name": "gin_trgm_ops"}),
    )
    name: str = Field(max_length=100)
    status: MemberStatus = Field(sa_type=sa.String(32))  # type: ignore[call-overload]
    organization_id: uuid.UUID | None = None
    enterprise_id: uuid.UUID | None = None  # employer
    joined_on: date | None = None
    is_floating: bool = False  # 流动党员
    inflow_area: str | None = Field(default=None, max_length=100)  # 流入地
    id_card_hash: str | None = Field(default=None, max_length=64)
    id_card_last4: str | None = Field(default=None, max_length=4)
    phone: str | None = Field(default=None, max_length=32)
    archived_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]


class MemberTransfer(TenantOwned, table=True):
    """A member's move between organisations (组织关系转接); the history is kept."""

    __tablename__ = "party_member_transfers"
    __table_args__ = (
        tenant_fk(["member_id"], "party_members"),
        tenant_fk(["from_organization_id"], "party_organizations"),
        tenant_fk(["to_organization_id"], "party_organizations"),
        sa.Index("ix_party_member_transfers_tenant_id_member_id", "tenant_id", "member_id"),
    )
    member_id: uuid.UUID
    from_organization_id: uuid.UUID | None = None
    to_organization_id: uuid.UUID | None = None
    transferred_on: date
    reason: str | None = Field(default=None, max_length=500)
    actor_user_id: uuid.UUID | None = None


class ImportKind(StrEnum):
    ENTERPRISES = "ENTERPRISES"
    MEMBERS = "MEMBERS"


class ImportStatus(StrEnum):
    PENDING = "PENDING"
    RUNNING = "RUNNING"
    DONE = "DONE"
    FAILED = "FAILED"


class RegistryImport(TenantOwned, table=True):
    """A spreadsheet upload processed by the worker. The file is kept in PostgreSQL, so any worker
    can pick it up and nothing lives only on one machine's disk."""

    __tablename__ = "registry_imports"
    kind: ImportKind = Field(sa_type=sa.String(16))  # type: ignore[call-overload]
    status: ImportStatus = Field(default=ImportStatus.PENDING, sa_type=sa.String(16))  # type: ignore[call-overload]
    filename: str = Field(max_length=200)
    content: bytes = Field(sa_type=sa.LargeBinary, repr=False)  # type: ignore[call-overload]
    created_by: uuid.UUID | None = None
    total_rows: int = 0
    done_rows: int = 0
    created_rows: int = 0
    updated_rows: int = 0
    unchanged_rows: int = 0
    error_rows: int = 0
    errors: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSONB)  # type: ignore[call-overload]
    finished_at: datetime | None = Field(default=None, sa_type=TZ)  # type: ignore[call-overload]
