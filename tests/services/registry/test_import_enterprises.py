"""Importing enterprises from a spreadsheet: upsert by credit code, per-row report, idempotent re-runs."""

import io
import uuid
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlmodel import col

from redchain.infra.db import Database
from redchain.infra.outbox import OutboxEvent
from redchain.services.actor import Actor, Grant
from redchain.services.audit.models import AuditEntry
from redchain.services.errors import PermissionDenied
from redchain.services.permissions import Role
from redchain.services.registry import events
from redchain.services.registry.credit_code import make_credit_code
from redchain.services.registry.imports import service as importing
from redchain.services.registry.imports.errors import FileTooLarge, UnsupportedFileType
from redchain.services.registry.imports.files import MAX_IMPORT_BYTES
from redchain.services.registry.models import Enterprise, ImportKind, ImportStatus, RegistryImport
from redchain.services.tenancy.models import Tenant
from redchain.workers.registry import ImportOutcome, run_import
from tests.factories import actor_for, create_chain, create_enterprise, create_member, create_park
from tests.services.registry.spreadsheets import (
    ENTERPRISE_HEADER_EN,
    ENTERPRISE_HEADER_ZH,
    csv_bytes,
    enterprise_row,
    xlsx_bytes,
)

CHAIN = "新材料"


@dataclass
class Importer:
    park: Tenant
    actor: Actor
    chain_id: uuid.UUID


async def _importer(db: Database) -> Importer:
    park = await create_park(db)
    chain = await create_chain(db, park, name=CHAIN)
    user, _ = await create_member(db, park, Role.PARK_ADMIN)
    return Importer(park, actor_for(park, user, Grant(Role.PARK_ADMIN)), chain.id)


async def _import(
    db: Database,
    importer: Importer,
    content: bytes,
    filename: str = "企业名单.csv",
    batch_rows: int = 3,
    outcome: ImportOutcome = ImportOutcome.DONE,
) -> RegistryImport:
    async with db.transaction(importer.park.id, importer.actor.user_id) as session:
        requested = await importing.request_import(session, importer.actor, ImportKind.ENTERPRISES, filename, content)
    assert await run_import(db, importer.park.id, requested.id, batch_rows=batch_rows) is outcome
    return await _reload(db, importer, requested.id)


async def _reload(db: Database, importer: Importer, import_id: uuid.UUID) -> RegistryImport:
    async with db.transaction(importer.park.id) as session:
        found = await importing.get_import(session, importer.actor, import_id)
    assert found is not None
    return found


async def _enterprises(db: Database, park: Tenant) -> dict[str, Enterprise]:
    async with db.transaction(park.id) as session:
        rows = await session.scalars(sa.select(Enterprise).where(col(Enterprise.tenant_id) == park.id))
        return {e.credit_code: e for e in rows}


def _counts(done: RegistryImport) -> tuple[int, int, int, int, int, int]:
    return (done.total_rows, done.done_rows, done.created_rows, done.updated_rows, done.unchanged_rows, done.error_rows)


def _report(done: RegistryImport) -> list[tuple[int, str, str]]:
    return [(e["row"], e["column"], e["code"]) for e in done.errors]


def _wrong_check_character(serial: int) -> str:
    code = make_credit_code(serial)
    return code[:17] + ("0" if code[17] != "0" else "1")


def _mixed_file() -> bytes:
    return csv_bytes(
        [
            ENTERPRISE_HEADER_ZH,
            enterprise_row(1, CHAIN, is_key="是"),
            enterprise_row(2, CHAIN),
            enterprise_row(3, "", employee_count=""),
            enterprise_row(4, CHAIN, credit_code=_wrong_check_character(4)),
            enterprise_row(5, CHAIN, name="  "),
            enterprise_row(6, "不存在的链"),
            enterprise_row(7, CHAIN, employee_count="一百二十"),
            enterprise_row(8, CHAIN, is_key="也许"),
            enterprise_row(2, CHAIN),  # the same enterprise again
            [],  # blank lines are skipped
            enterprise_row(9, CHAIN, employee_count="1,024", is_key="TRUE"),
        ],
        bom=True,
    )


async def test_a_mixed_file_imports_the_good_rows_and_reports_the_bad(db: Database) -> None:
    importer = await _importer(db)

    done = await _import(db, importer, _mixed_file())

    assert done.status == ImportStatus.DONE and done.finished_at is not None
    assert _counts(done) == (10, 10, 4, 0, 0, 6)
    assert _report(done) == [
        (5, "统一社会信用代码", "INVALID_CREDIT_CODE"),
        (6, "企业名称", "REQUIRED"),
        (7, "产业链", "UNKNOWN_CHAIN"),
        (8, "职工人数", "NOT_A_NUMBER"),
        (9, "重点企业", "NOT_A_BOOLEAN"),
        (10, "统一社会信用代码", "DUPLICATE_IN_FILE"),
    ]
    assert "CHECK_CHARACTER" in done.errors[0]["message_en"] and "校验码" in done.errors[0]["message_zh"]
    stored = await _enterprises(db, importer.park)
    assert set(stored) == {make_credit_code(n) for n in (1, 2, 3, 9)}
    first = stored[make_credit_code(1)]
    assert (first.chain_id, first.is_key, first.employee_count, first.area) == (
        importer.chain_id,
        True,
        120,
        "麓谷片区",
    )
    assert (stored[make_credit_code(3)].chain_id, stored[make_credit_code(3)].employee_count) == (None, 0)
    assert stored[make_credit_code(9)].employee_count == 1024


async def test_running_the_same_file_again_changes_nothing(db: Database) -> None:
    importer = await _importer(db)
    await _import(db, importer, _mixed_file())
    before = await _enterprises(db, importer.park)

    again = await _import(db, importer, _mixed_file(), batch_rows=4)

    assert _counts(again) == (10, 10, 0, 0, 4, 6)
    after = await _enterprises(db, importer.park)
    assert {code: e.updated_at for code, e in after.items()} == {code: e.updated_at for code, e in before.items()}


async def test_a_changed_row_updates_its_enterprise(db: Database) -> None:
    importer = await _importer(db)
    await _import(db, importer, csv_bytes([ENTERPRISE_HEADER_ZH, enterprise_row(1, CHAIN), enterprise_row(2, CHAIN)]))

    done = await _import(
        db,
        importer,
        csv_bytes(
            [
                ENTERPRISE_HEADER_ZH,
                enterprise_row(1, CHAIN, employee_count=300),
                enterprise_row(2, CHAIN),
                enterprise_row(3, CHAIN),
            ]
        ),
    )

    assert _counts(done) == (3, 3, 1, 1, 1, 0)
    assert (await _enterprises(db, importer.park))[make_credit_code(1)].employee_count == 300


async def test_columns_left_out_of_the_file_keep_their_values(db: Database) -> None:
    importer = await _importer(db)
    await _import(db, importer, csv_bytes([ENTERPRISE_HEADER_ZH, enterprise_row(1, CHAIN, is_key="是")]))

    done = await _import(
        db, importer, csv_bytes([["信用代码", "名称"], [make_credit_code(1), "博翔新材料（湖南）有限公司"]])
    )

    assert (done.updated_rows, done.unchanged_rows) == (1, 0)
    kept = (await _enterprises(db, importer.park))[make_credit_code(1)]
    assert (kept.name, kept.chain_id, kept.is_key, kept.employee_count) == (
        "博翔新材料（湖南）有限公司",
        importer.chain_id,
        True,
        120,
    )


async def test_english_headers_and_a_gb18030_file(db: Database) -> None:
    importer = await _importer(db)
    content = csv_bytes([ENTERPRISE_HEADER_EN, enterprise_row(1, CHAIN), enterprise_row(2, CHAIN)], encoding="gb18030")
    with pytest.raises(UnicodeDecodeError):
        content.decode("utf-8")

    done = await _import(db, importer, content)

    assert _counts(done) == (2, 2, 2, 0, 0, 0)
    assert (await _enterprises(db, importer.park))[make_credit_code(1)].name == "博翔新材料科技有限公司1"


async def test_an_xlsx_file_with_a_title_row(db: Database) -> None:
    importer = await _importer(db)
    content = xlsx_bytes(
        [
            ENTERPRISE_HEADER_ZH,
            enterprise_row(1, CHAIN, employee_count=88, contact_phone=13800138000),
            enterprise_row(2, CHAIN, employee_count="x"),
        ],
        title_row="2026 年园区企业名单",
    )

    done = await _import(db, importer, content, filename="企业名单.xlsx")

    assert _counts(done) == (2, 2, 1, 0, 0, 1)
    assert _report(done) == [(4, "职工人数", "NOT_A_NUMBER")]
    stored = (await _enterprises(db, importer.park))[make_credit_code(1)]
    assert (stored.employee_count, stored.contact_phone) == (88, "13800138000")


async def test_an_archived_enterprise_is_reported_not_revived(db: Database) -> None:
    importer = await _importer(db)
    await create_enterprise(db, importer.park, credit_code=make_credit_code(1), archived_at=datetime.now(UTC))

    done = await _import(db, importer, csv_bytes([ENTERPRISE_HEADER_ZH, enterprise_row(1, CHAIN)]))

    assert _report(done) == [(2, "统一社会信用代码", "ARCHIVED")]
    assert (await _enterprises(db, importer.park))[make_credit_code(1)].name != "博翔新材料科技有限公司1"


async def test_a_file_without_a_required_column_fails_with_the_reason(db: Database) -> None:
    importer = await _importer(db)
    done = await _import(
        db, importer, csv_bytes([["企业名称", "产业链"], ["某公司", CHAIN]]), outcome=ImportOutcome.REFUSED
    )
    assert done.status == ImportStatus.FAILED
    assert [(e["code"], e["column"]) for e in done.errors] == [("MISSING_COLUMN", "")]
    assert "统一社会信用代码" in done.errors[0]["message_zh"]


async def test_one_audit_entry_and_events_per_import(db: Database) -> None:
    importer = await _importer(db)
    done = await _import(db, importer, _mixed_file())

    async with db.transaction(importer.park.id) as session:
        actions = list(
            await session.scalars(
                sa.select(col(AuditEntry.action))
                .where(col(AuditEntry.tenant_id) == importer.park.id)
                .order_by(col(AuditEntry.created_at))
            )
        )
        events_sent = list(
            await session.scalars(
                sa.select(col(OutboxEvent.event_type))
                .where(col(OutboxEvent.tenant_id) == importer.park.id)
                .order_by(col(OutboxEvent.created_at))
            )
        )
        finish = await session.scalar(
            sa.select(AuditEntry).where(
                col(AuditEntry.tenant_id) == importer.park.id, col(AuditEntry.action) == "registry_import.finish"
            )
        )
    assert actions == ["registry_import.request", "registry_import.finish"]
    assert events_sent == [events.ImportRequested.name, events.ImportFinished.name]
    assert finish is not None and finish.actor_user_id == importer.actor.user_id
    assert finish.after is not None and finish.after["created_rows"] == done.created_rows == 4


async def test_an_interrupted_import_resumes_after_its_last_batch(db: Database) -> None:
    importer = await _importer(db)
    rows = [enterprise_row(n, CHAIN) for n in range(1, 8)]
    async with db.transaction(importer.park.id, importer.actor.user_id) as session:
        requested = await importing.request_import(
            session, importer.actor, ImportKind.ENTERPRISES, "a.csv", csv_bytes([ENTERPRISE_HEADER_ZH, *rows])
        )
    # A worker that dies after its second batch.
    async with db.transaction(importer.park.id) as session:
        run = await importing.begin(session, importer.park.id, requested.id)
    assert run is not None
    for start in (0, 3):
        async with db.transaction(importer.park.id) as session:
            assert await importing.apply_batch(session, run, start, 3)
    assert (await _reload(db, importer, requested.id)).done_rows == 6
    # A stale runner repeating a committed batch is turned away.
    async with db.transaction(importer.park.id) as session:
        assert not await importing.apply_batch(session, run, 3, 3)

    assert await run_import(db, importer.park.id, requested.id, batch_rows=3) is ImportOutcome.DONE

    done = await _reload(db, importer, requested.id)
    assert _counts(done) == (7, 7, 7, 0, 0, 0)
    assert len(await _enterprises(db, importer.park)) == 7
    assert await run_import(db, importer.park.id, requested.id) is ImportOutcome.SKIPPED


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("名单.txt", b"creditCode,name\n"),
        ("名单.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64),  # legacy Excel
        ("名单.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),  # an image, renamed
        ("名单.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("名单.csv", b"\xff\xfe\xff not text in any encoding"),
    ],
)
async def test_files_of_other_types_are_refused(db: Database, filename: str, content: bytes) -> None:
    importer = await _importer(db)
    with pytest.raises(UnsupportedFileType):
        async with db.transaction(importer.park.id) as session:
            await importing.request_import(session, importer.actor, ImportKind.ENTERPRISES, filename, content)


async def test_a_file_over_the_limit_is_refused(db: Database) -> None:
    importer = await _importer(db)
    with pytest.raises(FileTooLarge):
        async with db.transaction(importer.park.id) as session:
            await importing.request_import(
                session, importer.actor, ImportKind.ENTERPRISES, "a.csv", b"a" * (MAX_IMPORT_BYTES + 1)
            )


@pytest.mark.parametrize(
    "role", [Role.CHAIN_STAFF, Role.LIAISON_OFFICER, Role.ENTERPRISE_CONTACT, Role.FINANCE_OFFICER, Role.AUDITOR]
)
async def test_only_park_admins_import(db: Database, role: Role) -> None:
    importer = await _importer(db)
    user, _ = await create_member(db, importer.park, Role.AUDITOR)
    actor = actor_for(importer.park, user, Grant(role))
    with pytest.raises(PermissionDenied):
        async with db.transaction(importer.park.id) as session:
            await importing.request_import(session, actor, ImportKind.ENTERPRISES, "a.csv", _mixed_file())
    async with db.transaction(importer.park.id) as session:
        assert await importing.imports_by_ids(session, actor, [uuid.uuid4()]) == []


async def test_a_damaged_xlsx_fails_with_the_reason(db: Database) -> None:
    importer = await _importer(db)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as damaged:
        damaged.writestr("readme.txt", "not a workbook")

    done = await _import(db, importer, archive.getvalue(), filename="名单.xlsx", outcome=ImportOutcome.REFUSED)

    assert (done.status, [e["code"] for e in done.errors]) == (ImportStatus.FAILED, ["UNREADABLE_FILE"])
