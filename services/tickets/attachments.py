"""Files attached to a ticket: metadata in PostgreSQL, bytes in the storage adapter, size and type limits.

The declared type must be one we accept and the file must start the way that type does: a browser's
or client's Content-Type is a claim, not a fact.
"""

import hashlib
import re
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.models_base import new_id, utcnow
from redchain.infra.storage import FileStorage
from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.errors import NotFound
from redchain.services.tickets.errors import EmptyFile, FileTooLarge, FileTypeNotAllowed, NotAllowed, TicketClosed
from redchain.services.tickets.models import (
    FINISHED_STATUSES,
    TicketAttachment,
    TicketEventKind,
    Visibility,
)
from redchain.services.tickets.policies import may_attach
from redchain.services.tickets.repository import TicketRepository
from redchain.services.tickets.service import parties_on, require_ticket
from redchain.services.tickets.timeline import record, timeline_event

OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # legacy Office (.doc, .xls, .ppt)
ZIP = (b"PK\x03\x04",)  # Office Open XML (.docx, .xlsx, .pptx)
TEXT = ()  # no signature: checked for NUL bytes instead
# Accepted types and how their files begin.
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "application/pdf": (b"%PDF-",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/webp": (b"RIFF",),
    "application/msword": OLE,
    "application/vnd.ms-excel": OLE,
    "application/vnd.ms-powerpoint": OLE,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ZIP,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ZIP,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ZIP,
    "text/plain": TEXT,
    "text/csv": TEXT,
}
UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\]")


@dataclass(frozen=True)
class Upload:
    filename: str
    content_type: str
    data: bytes


def _content_type(declared: str) -> str:
    return declared.split(";", 1)[0].strip().lower()


def _filename(raw: str) -> str:
    name = UNSAFE_NAME.sub("_", raw.replace("\\", "/").rsplit("/", 1)[-1]).strip(" .")
    return name[-200:] or "attachment"


def check_file(upload: Upload, max_bytes: int) -> str:
    """The normalised content type, or the rule the file breaks."""
    if not upload.data:
        raise EmptyFile("file")
    if len(upload.data) > max_bytes:
        raise FileTooLarge("file", limit_mb=round(max_bytes / 1024 / 1024, 1))
    content_type = _content_type(upload.content_type)
    signatures = SIGNATURES.get(content_type)
    if signatures is None:
        raise FileTypeNotAllowed("file", content_type=content_type or "?")
    matches = (b"\x00" not in upload.data[:8192]) if signatures == TEXT else upload.data.startswith(signatures)
    if not matches:
        raise FileTypeNotAllowed("file", content_type=content_type)
    return content_type


async def add_attachment(
    session: AsyncSession,
    storage: FileStorage,
    actor: Actor,
    ticket_id: uuid.UUID,
    upload: Upload,
    max_bytes: int,
    now: datetime | None = None,
) -> TicketAttachment:
    """The bytes are stored before the row commits: if the transaction then fails, an unreferenced file is
    left behind (harmless, and removable by a sweep), never a row pointing at nothing."""
    now = now or utcnow()
    ticket = await require_ticket(session, actor, ticket_id, for_update=True, field="ticketId")
    acting_as = await parties_on(session, actor, ticket, now)
    if not may_attach(acting_as) or actor.user_id is None:
        raise NotAllowed("ticketId")
    if ticket.status in FINISHED_STATUSES:
        raise TicketClosed("ticketId")
    content_type = check_file(upload, max_bytes)
    attachment_id = new_id()
    key = f"{ticket.tenant_id}/{ticket.id}/{attachment_id}"
    attachment = TicketAttachment(
        tenant_id=ticket.tenant_id,
        id=attachment_id,
        created_at=now,
        ticket_id=ticket.id,
        filename=_filename(upload.filename),
        content_type=content_type,
        size_bytes=len(upload.data),
        sha256=hashlib.sha256(upload.data).hexdigest(),
        storage_key=key,
        uploaded_by=actor.user_id,
    )
    await storage.put(key, upload.data, content_type)
    await TicketRepository(session).add(attachment)
    await record(
        session,
        timeline_event(
            ticket,
            TicketEventKind.ATTACHMENT_ADDED,
            Visibility.PUBLIC,
            actor.user_id,
            now,
            attachment.filename,
            attachment_id=str(attachment.id),
        ),
    )
    audit.record(
        session,
        actor,
        "ticket.attach",
        "TicketAttachment",
        attachment.id,
        after=audit.snapshot(attachment, "ticket_id", "filename", "content_type", "size_bytes", "sha256"),
    )
    return attachment


async def attachments_of(
    session: AsyncSession, actor: Actor, ticket_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[TicketAttachment]]:
    """Of tickets the caller already holds (so in its scope)."""
    found: dict[uuid.UUID, list[TicketAttachment]] = {ticket_id: [] for ticket_id in ticket_ids}
    for row in await TicketRepository(session).attachments_of(actor.tenant_id, ticket_ids):
        found[row.ticket_id].append(row)
    return found


async def open_attachment(
    session: AsyncSession, storage: FileStorage, actor: Actor, attachment_id: uuid.UUID
) -> tuple[TicketAttachment, bytes]:
    """The file, if its ticket is in the caller's scope; NotFound otherwise."""
    attachment = await TicketRepository(session).attachment(actor.tenant_id, attachment_id)
    if attachment is None:
        raise NotFound("id")
    await require_ticket(session, actor, attachment.ticket_id)
    return attachment, await storage.get(attachment.storage_key)
