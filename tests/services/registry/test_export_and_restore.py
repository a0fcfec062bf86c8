"""The enterprise list as a spreadsheet (filters, scope, masking, audit), the import template, and
bringing an archived enterprise back."""

import csv
import io
import uuid
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook
from sqlmodel import col

from redchain.infra.db import Database
from redchain.infra.spreadsheet import SheetFormat
from redchain.services.actor import Actor, ActorKind
from redchain.services.audit.models import AuditEntry
from redchain.services.errors import NotFound, PermissionDenied
from redchain.services.permissions import Perm
from redchain.services.registry import service as registry
from redchain.services.registry.errors import ChainArchived
from redchain.services.registry.export import HEADER, export_enterprises
from redchain.services.registry.imports.errors import EmptyFile
from redchain.services.registry.imports.files import FileKind, read_table
from redchain.services.registry.imports.rows import ENTERPRISE_COLUMNS
from redchain.services.registry.imports.template import import_template
from redchain.services.registry.models import ImportKind, IndustryChain
from redchain.services.registry.service import EnterpriseFilter
from tests.factories import build_cast, create_chain, create_enterprise, create_party_member
from tests.services.registry.helpers import audit_actions, run


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


async def export_actions(db: Database, cast) -> list[dict]:  # type: ignore[no-untyped-def]
    async with db.transaction(cast.park.id) as session:
        stmt = sa.select(col(AuditEntry.after)).where(
            col(AuditEntry.tenant_id) == cast.park.id, col(AuditEntry.action) == "security.export"
        )
        return list(await session.scalars(stmt))


async def test_the_export_follows_the_filter_in_name_order_and_is_audited(db: Database) -> None:
    cast = await build_cast(db)
    await create_enterprise(db, cast.park, chain_id=cast.chain.id, name="甲新材料", area="麓谷")
    await create_enterprise(db, cast.park, chain_id=cast.chain.id, name="乙新材料", area="麓谷")
    await create_enterprise(db, cast.park, chain_id=cast.other_chain.id, name="丙新材料", area="麓谷")
    await create_party_member(db, cast.park, enterprise_id=cast.enterprise.id)
    where = EnterpriseFilter(chain_id=cast.chain.id, area="麓谷")

    file = await run(
        db, cast.park, cast.admin, lambda s: export_enterprises(s, cast.admin.actor, where, SheetFormat.CSV)
    )

    header, *rows = csv_rows(file.content)
    assert header == list(HEADER)
    assert [row[1] for row in rows] == sorted(["甲新材料", "乙新材料"])
    assert {row[2] for row in rows} == {cast.chain.name}
    assert file.filename.endswith(".csv") and file.media_type.startswith("text/csv")
    [audited] = await export_actions(db, cast)
    assert audited["rows"] == 2 and audited["format"] == "CSV" and audited["truncated"] is False
    assert audited["filter"]["area"] == "麓谷" and audited["filter"]["chain_id"] == str(cast.chain.id)


async def test_the_export_shows_coverage_members_and_masks_phones_as_the_api_does(db: Database) -> None:
    cast = await build_cast(db)
    await create_party_member(db, cast.park, enterprise_id=cast.enterprise.id)
    where = EnterpriseFilter(search=cast.enterprise.name)

    mine = await run(
        db, cast.park, cast.staff, lambda s: export_enterprises(s, cast.staff.actor, where, SheetFormat.CSV)
    )
    audited = await run(
        db, cast.park, cast.auditor, lambda s: export_enterprises(s, cast.auditor.actor, where, SheetFormat.CSV)
    )

    [staff_row] = csv_rows(mine.content)[1:]
    [auditor_row] = csv_rows(audited.content)[1:]
    assert staff_row[10] == "13800001111"
    assert auditor_row[10] == "138****1111"
    assert staff_row[8] == "1" and staff_row[6] == "是 yes" and staff_row[7] == "否 no"


async def test_the_export_covers_only_what_the_actor_may_see(db: Database) -> None:
    cast = await build_cast(db)

    chain_staff = await run(
        db,
        cast.park,
        cast.staff,
        lambda s: export_enterprises(s, cast.staff.actor, EnterpriseFilter(), SheetFormat.CSV),
    )
    contact = await run(
        db,
        cast.park,
        cast.contact,
        lambda s: export_enterprises(s, cast.contact.actor, EnterpriseFilter(), SheetFormat.CSV),
    )

    assert [row[0] for row in csv_rows(chain_staff.content)[1:]] == [cast.enterprise.credit_code]
    assert [row[0] for row in csv_rows(contact.content)[1:]] == [cast.enterprise.credit_code]


async def test_an_xlsx_export_keeps_formula_like_names_as_text(db: Database) -> None:
    cast = await build_cast(db)
    await create_enterprise(db, cast.park, chain_id=cast.chain.id, name='=HYPERLINK("x")')

    file = await run(
        db,
        cast.park,
        cast.admin,
        lambda s: export_enterprises(s, cast.admin.actor, EnterpriseFilter(search="HYPERLINK"), SheetFormat.XLSX),
    )

    sheet = load_workbook(io.BytesIO(file.content)).active
    assert sheet is not None
    cell = sheet.cell(row=2, column=2)
    assert cell.value == '=HYPERLINK("x")' and cell.data_type == "s"


async def test_without_registry_read_there_is_no_export(db: Database) -> None:
    cast = await build_cast(db)
    funds_key = Actor(
        kind=ActorKind.API_KEY, tenant_id=cast.park.id, api_key_id=uuid.uuid4(), api_scopes=frozenset({Perm.FUNDS_READ})
    )

    with pytest.raises(PermissionDenied):
        await run(
            db, cast.park, cast.api_key, lambda s: export_enterprises(s, funds_key, EnterpriseFilter(), SheetFormat.CSV)
        )
    assert await export_actions(db, cast) == []


@pytest.mark.parametrize("fmt", [SheetFormat.CSV, SheetFormat.XLSX])
async def test_the_enterprise_template_has_every_column_an_import_reads(db: Database, fmt: SheetFormat) -> None:
    cast = await build_cast(db)

    file = import_template(cast.admin.actor, ImportKind.ENTERPRISES, fmt)

    # Every required column is recognised (else MissingColumn); only the data rows are missing.
    with pytest.raises(EmptyFile):
        read_table(FileKind(fmt.value), file.content, ENTERPRISE_COLUMNS, 10)
    if fmt is SheetFormat.CSV:
        [header] = csv_rows(file.content)
        assert header == [
            "统一社会信用代码*",
            "企业名称*",
            "产业链",
            "地址",
            "片区",
            "职工人数",
            "重点企业",
            "联系人",
            "联系电话",
        ]


async def test_the_template_is_for_importers_only(db: Database) -> None:
    cast = await build_cast(db)

    for who in (cast.staff, cast.auditor, cast.contact):
        with pytest.raises(PermissionDenied):
            import_template(who.actor, ImportKind.MEMBERS, SheetFormat.CSV)


async def test_an_archived_enterprise_is_restored_and_audited(db: Database) -> None:
    cast = await build_cast(db)
    await run(db, cast.park, cast.admin, lambda s: registry.archive_enterprise(s, cast.admin.actor, cast.enterprise.id))

    restored = await run(
        db, cast.park, cast.staff, lambda s: registry.restore_enterprise(s, cast.staff.actor, cast.enterprise.id)
    )
    again = await run(
        db, cast.park, cast.staff, lambda s: registry.restore_enterprise(s, cast.staff.actor, cast.enterprise.id)
    )

    assert restored.archived_at is None and again.archived_at is None
    assert (await audit_actions(db, cast.park, cast.enterprise.id))[-2:] == ["enterprise.archive", "enterprise.restore"]


async def test_restore_is_refused_outside_the_callers_chain_scope_or_into_an_archived_chain(db: Database) -> None:
    cast = await build_cast(db)
    chain = await create_chain(db, cast.park)
    moved = await create_enterprise(db, cast.park, chain_id=chain.id, archived_at=datetime.now(UTC))
    stranger = await create_enterprise(db, cast.park, chain_id=cast.other_chain.id, archived_at=datetime.now(UTC))
    async with db.transaction(cast.park.id) as session:
        await session.execute(
            sa.update(IndustryChain)
            .where(col(IndustryChain.tenant_id) == cast.park.id, col(IndustryChain.id) == chain.id)
            .values(archived_at=datetime.now(UTC))
        )

    with pytest.raises(ChainArchived):
        await run(db, cast.park, cast.admin, lambda s: registry.restore_enterprise(s, cast.admin.actor, moved.id))
    with pytest.raises(NotFound):
        await run(db, cast.park, cast.staff, lambda s: registry.restore_enterprise(s, cast.staff.actor, stranger.id))
    for who in (cast.auditor, cast.contact, cast.officer):
        with pytest.raises((PermissionDenied, NotFound)):
            await run(db, cast.park, who, lambda s, w=who: registry.restore_enterprise(s, w.actor, stranger.id))
