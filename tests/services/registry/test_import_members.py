"""Importing members: upsert by ID-card number through the member rules, history kept on a transfer."""

import sqlalchemy as sa
from sqlmodel import col

from redchain.infra.db import Database
from redchain.services.actor import Actor, Grant
from redchain.services.permissions import Role
from redchain.services.registry.credit_code import make_credit_code
from redchain.services.registry.imports import service as importing
from redchain.services.registry.models import (
    ImportKind,
    MemberStatus,
    MemberTransfer,
    OrganizationStatus,
    PartyMember,
    RegistryImport,
)
from redchain.services.tenancy.models import Tenant
from redchain.workers.registry import run_import
from tests.factories import (
    actor_for,
    create_chain,
    create_enterprise,
    create_member,
    create_organization,
    create_park,
    new_id_card,
)
from tests.services.registry.spreadsheets import csv_bytes, xlsx_bytes

HEADER = [
    "姓名",
    "身份证号",
    "党员状态",
    "所在党组织",
    "所在企业信用代码",
    "入党日期",
    "流动党员",
    "流入地",
    "联系电话",
]


async def _park(db: Database) -> tuple[Tenant, Actor]:
    park = await create_park(db)
    chain = await create_chain(db, park)
    enterprise = await create_enterprise(db, park, chain_id=chain.id, credit_code=make_credit_code(7))
    await create_organization(db, park, (enterprise,), name="博翔新材料党支部", status=OrganizationStatus.FORMED)
    await create_organization(db, park, name="麓谷片区流动党员党支部", status=OrganizationStatus.FORMED)
    await create_organization(db, park, name="同名党支部")
    await create_organization(db, park, name="同名党支部")
    user, _ = await create_member(db, park, Role.PARK_ADMIN)
    return park, actor_for(park, user, Grant(Role.PARK_ADMIN))


async def _import(
    db: Database, park: Tenant, admin: Actor, content: bytes, filename: str = "党员名册.csv"
) -> RegistryImport:
    async with db.transaction(park.id, admin.user_id) as session:
        requested = await importing.request_import(session, admin, ImportKind.MEMBERS, filename, content)
    await run_import(db, park.id, requested.id, batch_rows=2)
    async with db.transaction(park.id) as session:
        found = await importing.get_import(session, admin, requested.id)
    assert found is not None
    return found


async def _members(db: Database, park: Tenant) -> dict[str, PartyMember]:
    async with db.transaction(park.id) as session:
        rows = await session.scalars(sa.select(PartyMember).where(col(PartyMember.tenant_id) == park.id))
        return {m.name: m for m in rows}


async def test_members_import_with_a_report_and_idempotent_rerun(db: Database) -> None:
    park, admin = await _park(db)
    ids = [new_id_card() for _ in range(3)]
    rows = [
        HEADER,
        ["张伟", ids[0], "正式党员", "博翔新材料党支部", make_credit_code(7), "2015-07-01", "否", "", "13800001111"],
        ["李娜", ids[1], "预备党员", "", make_credit_code(7), "2025/6/30", "", "", ""],
        ["王芳", ids[2], "", "麓谷片区流动党员党支部", "", "", "是", "麓谷街道", ""],
        ["赵强", "430104198507011234", "正式党员", "", "", "", "", "", ""],  # wrong check digit
        ["钱进", new_id_card(), "党员", "", "", "", "", "", ""],
        ["孙丽", new_id_card(), "", "不存在的党支部", "", "", "", "", ""],
        ["周杰", new_id_card(), "", "同名党支部", "", "", "", "", ""],
        ["吴敏", new_id_card(), "", "", make_credit_code(8), "", "", "", ""],
        ["郑浩", new_id_card(), "", "", "", "2015-13-01", "", "", ""],
        ["冯雪", new_id_card(), "", "", "", "", "是", "", ""],  # floating without an inflow area
        ["张伟", ids[0], "正式党员", "", "", "", "", "", ""],  # the same person again
    ]

    done = await _import(db, park, admin, csv_bytes(rows))

    assert (done.total_rows, done.created_rows, done.updated_rows, done.unchanged_rows, done.error_rows) == (
        11,
        3,
        0,
        0,
        8,
    )
    assert [(e["row"], e["column"], e["code"]) for e in done.errors] == [
        (5, "身份证号", "INVALID_ID_CARD"),
        (6, "党员状态", "UNKNOWN_STATUS"),
        (7, "所在党组织", "UNKNOWN_ORGANIZATION"),
        (8, "所在党组织", "AMBIGUOUS_ORGANIZATION"),
        (9, "所在企业信用代码", "UNKNOWN_ENTERPRISE"),
        (10, "入党日期", "NOT_A_DATE"),
        (11, "流入地", "INFLOW_AREA_REQUIRED"),
        (12, "身份证号", "DUPLICATE_IN_FILE"),
    ]
    members = await _members(db, park)
    assert set(members) == {"张伟", "李娜", "王芳"}
    assert members["李娜"].status == MemberStatus.PROBATIONARY
    assert (members["王芳"].is_floating, members["王芳"].inflow_area) == (True, "麓谷街道")
    assert members["张伟"].id_card_last4 == ids[0][-4:]

    again = await _import(db, park, admin, xlsx_bytes(rows), filename="党员名册.xlsx")
    assert (again.created_rows, again.updated_rows, again.unchanged_rows, again.error_rows) == (0, 0, 3, 8)
    assert len(await _members(db, park)) == 3


async def test_a_new_organisation_in_the_sheet_is_a_transfer_with_history(db: Database) -> None:
    park, admin = await _park(db)
    number = new_id_card()
    await _import(db, park, admin, csv_bytes([HEADER[:4], ["张伟", number, "正式党员", "博翔新材料党支部"]]))

    moved = await _import(
        db, park, admin, csv_bytes([HEADER[:4], ["张伟", number, "正式党员", "麓谷片区流动党员党支部"]])
    )
    # A sheet without the organisation column leaves the member where it is.
    kept = await _import(db, park, admin, csv_bytes([HEADER[:2], ["张伟", number]]))

    assert (moved.updated_rows, kept.unchanged_rows) == (1, 1)
    member = (await _members(db, park))["张伟"]
    async with db.transaction(park.id) as session:
        transfers = list(
            await session.scalars(
                sa.select(MemberTransfer).where(
                    col(MemberTransfer.tenant_id) == park.id, col(MemberTransfer.member_id) == member.id
                )
            )
        )
    assert len(transfers) == 1
    assert transfers[0].to_organization_id == member.organization_id
