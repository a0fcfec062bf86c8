"""Import limits (issue #8): decompression bombs and files of too many rows are refused at upload where
that can be known, and otherwise end FAILED naming the limit, with nothing imported."""

import io
import struct
import zipfile
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sqlmodel import col

from redchain.infra.db import Database
from redchain.infra.settings import Settings, get_settings
from redchain.services.actor import Actor, Grant
from redchain.services.errors import DomainError
from redchain.services.permissions import Role
from redchain.services.registry.imports import service as importing
from redchain.services.registry.imports.errors import ImportErrorCode
from redchain.services.registry.models import Enterprise, ImportKind, ImportStatus, RegistryImport
from redchain.services.tenancy.models import Tenant
from redchain.workers.registry import ImportOutcome, run_import
from tests.factories import actor_for, create_member, create_park
from tests.services.registry.spreadsheets import (
    ENTERPRISE_HEADER_ZH,
    WORKBOOK_PARTS,
    csv_bytes,
    enterprise_row,
    xlsx_bomb,
)


@pytest.fixture
def limits() -> Iterator[Settings]:
    """The process's settings, which the import service reads; whatever a test changes is put back."""
    with pytest.MonkeyPatch.context() as patch:
        settings = get_settings()
        for name in ("import_max_rows", "import_max_uncompressed_bytes", "import_max_compression_ratio"):
            patch.setattr(settings, name, getattr(settings, name))
        yield settings


async def _admin(db: Database) -> tuple[Tenant, Actor]:
    park = await create_park(db)
    user, _ = await create_member(db, park, Role.PARK_ADMIN)
    return park, actor_for(park, user, Grant(Role.PARK_ADMIN))


async def _request(db: Database, park: Tenant, admin: Actor, filename: str, content: bytes) -> RegistryImport:
    async with db.transaction(park.id, admin.user_id) as session:
        return await importing.request_import(session, admin, ImportKind.ENTERPRISES, filename, content)


async def _refusal(db: Database, park: Tenant, admin: Actor, filename: str, content: bytes) -> DomainError:
    with pytest.raises(DomainError) as refused:
        await _request(db, park, admin, filename, content)
    return refused.value


async def _stored(db: Database, park: Tenant) -> tuple[list[RegistryImport], int]:
    async with db.transaction(park.id) as session:
        imports = list(await session.scalars(sa.select(RegistryImport).where(col(RegistryImport.tenant_id) == park.id)))
        enterprises = await session.scalar(
            sa.select(sa.func.count()).select_from(Enterprise).where(col(Enterprise.tenant_id) == park.id)
        )
    return imports, enterprises or 0


async def _run(db: Database, park: Tenant, admin: Actor, requested: RegistryImport) -> RegistryImport:
    assert await run_import(db, park.id, requested.id) is ImportOutcome.REFUSED
    async with db.transaction(park.id) as session:
        found = await importing.get_import(session, admin, requested.id)
    assert found is not None
    return found


async def test_a_decompression_bomb_is_refused_at_upload(db: Database) -> None:
    park, admin = await _admin(db)
    bomb = xlsx_bomb(300)
    assert len(bomb) < 512 * 1024  # a few hundred kB that unpacks to 300 MB

    refused = await _refusal(db, park, admin, "企业名单.xlsx", bomb)

    assert (refused.code, refused.field, refused.params) == (
        ImportErrorCode.UNCOMPRESSED_TOO_LARGE,
        "file",
        {"limit_mb": 100},
    )
    assert await _stored(db, park) == ([], 0)


async def test_a_workbook_compressed_past_the_ratio_is_refused_at_upload(db: Database) -> None:
    park, admin = await _admin(db)

    refused = await _refusal(db, park, admin, "企业名单.xlsx", xlsx_bomb(50))  # under the size limit

    assert (refused.code, refused.params) == (ImportErrorCode.COMPRESSION_TOO_HIGH, {"limit": 100})
    assert await _stored(db, park) == ([], 0)


async def test_a_csv_with_too_many_rows_is_refused_at_upload(db: Database, limits: Settings) -> None:
    park, admin = await _admin(db)
    limits.import_max_rows = 5
    rows = [ENTERPRISE_HEADER_ZH, *(enterprise_row(n) for n in range(1, 6))]

    refused = await _refusal(db, park, admin, "企业名单.csv", csv_bytes(rows))
    within = await _request(db, park, admin, "企业名单.csv", csv_bytes(rows[:5]))

    assert (refused.code, refused.params) == (ImportErrorCode.TOO_MANY_ROWS, {"limit": 5})
    imports, enterprises = await _stored(db, park)
    assert ([i.id for i in imports], enterprises) == ([within.id], 0)


async def test_line_breaks_inside_cells_are_not_rows(db: Database, limits: Settings) -> None:
    park, admin = await _admin(db)
    limits.import_max_rows = 5
    address = "长沙高新区\n麓谷大道\n627 号\n东门\n二楼"
    content = csv_bytes([ENTERPRISE_HEADER_ZH, enterprise_row(1, address=address), enterprise_row(2, address=address)])

    requested = await _request(db, park, admin, "企业名单.csv", content)

    assert await run_import(db, park.id, requested.id) is ImportOutcome.DONE
    assert (await _stored(db, park))[1] == 2


async def test_a_workbook_with_too_many_rows_fails_without_being_read_to_its_end(
    db: Database, limits: Settings
) -> None:
    park, admin = await _admin(db)
    # Let the bomb past the upload checks: only its rows (about 3,000, the XML never closed) are left.
    limits.import_max_uncompressed_bytes, limits.import_max_compression_ratio = 1024 * 1024 * 1024, 10_000
    limits.import_max_rows = 1000
    requested = await _request(db, park, admin, "企业名单.xlsx", xlsx_bomb(50, complete=False))

    done = await _run(db, park, admin, requested)

    assert (done.status, [(e["row"], e["code"]) for e in done.errors]) == (ImportStatus.FAILED, [(0, "TOO_MANY_ROWS")])
    assert (done.total_rows, done.done_rows, (await _stored(db, park))[1]) == (0, 0, 0)


async def test_a_bomb_stored_before_the_limits_fails_in_the_worker(db: Database, limits: Settings) -> None:
    park, admin = await _admin(db)
    limits.import_max_uncompressed_bytes, limits.import_max_compression_ratio = 1024 * 1024 * 1024, 10_000
    requested = await _request(db, park, admin, "企业名单.xlsx", xlsx_bomb(300))
    limits.import_max_uncompressed_bytes, limits.import_max_compression_ratio = 100 * 1024 * 1024, 100

    done = await _run(db, park, admin, requested)

    assert (done.status, [e["code"] for e in done.errors]) == (ImportStatus.FAILED, ["UNCOMPRESSED_TOO_LARGE"])
    assert (await _stored(db, park))[1] == 0


def _lying_about_its_size(content: bytes) -> bytes:
    """The sheet's declared size set to 1 kB in both its local and central headers."""
    data = bytearray(content)
    name = b"xl/worksheets/sheet1.xml"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = data.find(signature)
        while data[start + (30 if signature == b"PK\x03\x04" else 46) :].find(name) != 0:
            start = data.find(signature, start + 4)
        struct.pack_into("<I", data, start + size_at, 1024)
    return bytes(data)


async def test_a_member_lying_about_its_size_is_never_unpacked_past_it(db: Database) -> None:
    park, admin = await _admin(db)
    content = _lying_about_its_size(xlsx_bomb(300))
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert sum(member.file_size for member in archive.infolist()) < 100 * 1024

    done = await _run(db, park, admin, await _request(db, park, admin, "企业名单.xlsx", content))

    assert (done.status, [e["code"] for e in done.errors]) == (ImportStatus.FAILED, ["UNREADABLE_FILE"])
    assert (await _stored(db, park))[1] == 0


async def test_a_sheet_of_broken_xml_fails_as_unreadable(db: Database) -> None:
    park, admin = await _admin(db)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as broken:
        for name, text in WORKBOOK_PARTS.items():
            broken.writestr(name, text)
        broken.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c><v>1</v></c></row>")

    done = await _run(db, park, admin, await _request(db, park, admin, "企业名单.xlsx", archive.getvalue()))

    assert (done.status, [e["code"] for e in done.errors]) == (ImportStatus.FAILED, ["UNREADABLE_FILE"])
