"""Attachments: the local-disk storage adapter, size and type limits, scope on reading."""

import hashlib
from pathlib import Path

import pytest

from redchain.infra.db import Database
from redchain.infra.settings import Settings
from redchain.infra.storage import FileMissing, InvalidKey, LocalDiskStorage, storage_from_settings
from redchain.services.errors import DomainError, NotFound
from redchain.services.tickets import attachments
from redchain.services.tickets import service as tickets
from redchain.services.tickets.attachments import Upload
from redchain.services.tickets.errors import TicketErrorCode
from redchain.services.tickets.models import TicketEventKind
from tests.services.tickets.world import MONDAY, Person, World, build_world, raise_ticket

PDF = b"%PDF-1.7\n" + b"0" * 100
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 100


async def test_local_disk_storage_round_trip(tmp_path: Path) -> None:
    storage = LocalDiskStorage(tmp_path)
    await storage.put("park/ticket/file", b"bytes", "text/plain")
    assert await storage.get("park/ticket/file") == b"bytes"
    assert [p.name for p in (tmp_path / "park" / "ticket").iterdir()] == ["file"]  # no temporary left
    await storage.delete("park/ticket/file")
    await storage.delete("park/ticket/file")
    with pytest.raises(FileMissing):
        await storage.get("park/ticket/file")


@pytest.mark.parametrize("key", ["../etc/passwd", "/abs", "a//b", "a/../b", "a/b/", ".hidden"])
async def test_keys_cannot_leave_the_root(tmp_path: Path, key: str) -> None:
    with pytest.raises(InvalidKey):
        await LocalDiskStorage(tmp_path).put(key, b"x", "text/plain")


def test_the_default_root_is_under_the_data_dir(tmp_path: Path) -> None:
    storage = storage_from_settings(Settings(data_dir=str(tmp_path)))
    assert isinstance(storage, LocalDiskStorage) and storage.root == tmp_path / "attachments"


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


async def attach(db: Database, world: World, by: Person, upload: Upload, root: Path, limit: int = 1024) -> object:
    ticket = await raise_ticket(db, world)
    async with db.transaction(world.park.id) as session:
        return await attachments.add_attachment(
            session, LocalDiskStorage(root), by.actor, ticket.id, upload, limit, now=MONDAY
        )


async def test_a_file_is_stored_and_read_back_within_scope(db: Database, tmp_path: Path) -> None:
    world = await build_world(db)
    ticket = await raise_ticket(db, world)
    storage = LocalDiskStorage(tmp_path)
    async with db.transaction(world.park.id) as session:
        row = await attachments.add_attachment(
            session,
            storage,
            world.contact.actor,
            ticket.id,
            Upload("C:\\票据\\电费单.pdf", "application/pdf; charset=binary", PDF),
            1024,
            now=MONDAY,
        )
    assert (row.filename, row.content_type, row.size_bytes) == ("电费单.pdf", "application/pdf", len(PDF))
    assert row.sha256 == hashlib.sha256(PDF).hexdigest()
    async with db.transaction(world.park.id) as session:
        found, data = await attachments.open_attachment(session, storage, world.staff.actor, row.id)
        assert data == PDF and found.id == row.id
        with pytest.raises(NotFound):
            await attachments.open_attachment(session, storage, world.other_contact.actor, row.id)
        entries = (await tickets.timeline_pages(session, world.contact.actor, [ticket.id], None, 10))[ticket.id]
    assert entries[-1].kind == TicketEventKind.ATTACHMENT_ADDED


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (Upload("a.pdf", "application/pdf", b""), TicketErrorCode.EMPTY_FILE),
        (Upload("a.pdf", "application/pdf", PDF * 20), TicketErrorCode.FILE_TOO_LARGE),
        (Upload("a.exe", "application/x-msdownload", b"MZ" + b"0" * 10), TicketErrorCode.FILE_TYPE_NOT_ALLOWED),
        (Upload("a.html", "text/html", b"<script>"), TicketErrorCode.FILE_TYPE_NOT_ALLOWED),
        (Upload("a.png", "image/png", PDF), TicketErrorCode.FILE_TYPE_NOT_ALLOWED),  # says PNG, is not
        (Upload("a.txt", "text/plain", b"MZ\x00\x00binary"), TicketErrorCode.FILE_TYPE_NOT_ALLOWED),
        (Upload("a.pdf", "", PDF), TicketErrorCode.FILE_TYPE_NOT_ALLOWED),
    ],
)
async def test_size_and_type_limits(db: Database, tmp_path: Path, upload: Upload, code: str) -> None:
    world = await build_world(db)
    with pytest.raises(DomainError) as caught:
        await attach(db, world, world.contact, upload, tmp_path)
    assert caught.value.code == code
    assert stored_files(tmp_path) == []


async def test_images_and_office_files_are_accepted(db: Database, tmp_path: Path) -> None:
    world = await build_world(db)
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    for upload in (
        Upload("现场.png", "image/png", PNG),
        Upload("清单.xlsx", xlsx, b"PK\x03\x04" + b"0" * 50),
        Upload("说明.txt", "text/plain", "停电三天".encode()),
    ):
        row = await attach(db, world, world.staff, upload, tmp_path)
        assert row.size_bytes == len(upload.data)
