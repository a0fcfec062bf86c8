"""Spreadsheet imports of enterprises and members (批量导入).

The upload is stored with the import (in PostgreSQL, so any worker can run it) and an outbox event asks
the worker to run it. The worker reads the file once, checks every row in Python, then writes it in
batches, one transaction each, recording progress with the batch: a client polling the import sees rows
done / total, and a worker that dies resumes where the last committed batch ended. Writing is an upsert
(by credit code, by ID-card number), so running a file again leaves every row unchanged; a bad row is
reported (row, column, reason) and never stops the good ones.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra import outbox
from redchain.infra.pagination import Page, PageRequest
from redchain.infra.settings import get_settings
from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.errors import DomainError, PermissionDenied
from redchain.services.permissions import Perm
from redchain.services.registry import credit_code, events
from redchain.services.registry.enterprises import UpsertOutcome
from redchain.services.registry.errors import Archived
from redchain.services.registry.imports.errors import DuplicateInFile, ImportInterrupted
from redchain.services.registry.imports.files import Table, file_kind, read_table
from redchain.services.registry.imports.repository import ImportProgress, ImportRepository
from redchain.services.registry.imports.rows import (
    ENTERPRISE_COLUMNS,
    MEMBER_COLUMNS,
    MEMBER_FIELD_COLUMNS,
    CheckedRow,
    MemberPlaces,
    RowError,
    check_enterprise,
    check_member,
    text,
)
from redchain.services.registry.members import MemberData, id_card_fields, upsert_members
from redchain.services.registry.models import ImportKind, ImportStatus, MemberStatus, RegistryImport

# The report keeps the first errors; the counts stay exact. A file with a wrong column would otherwise
# store one entry per row.
MAX_REPORTED_ERRORS = 1000
COLUMNS = {ImportKind.ENTERPRISES: ENTERPRISE_COLUMNS, ImportKind.MEMBERS: MEMBER_COLUMNS}


def require_import(actor: Actor) -> None:
    if not actor.can(Perm.REGISTRY_IMPORT):
        raise PermissionDenied()


async def request_import(
    session: AsyncSession, actor: Actor, kind: ImportKind, filename: str, content: bytes
) -> RegistryImport:
    """Stores the upload and asks the worker to run it. Refuses files too large or of the wrong type."""
    require_import(actor)
    file_kind(filename, content)
    registry_import = RegistryImport(
        tenant_id=actor.tenant_id,
        kind=kind,
        filename=filename[-200:] or "upload",
        content=content,
        created_by=actor.user_id,
    )
    await ImportRepository(session).add(registry_import)
    audit.record(
        session,
        actor,
        "registry_import.request",
        "RegistryImport",
        registry_import.id,
        after={"kind": kind.value, "filename": registry_import.filename, "bytes": len(content)},
    )
    outbox.emit(session, actor.tenant_id, events.ImportRequested(import_id=registry_import.id, kind=kind))
    return registry_import


async def get_import(session: AsyncSession, actor: Actor, import_id: uuid.UUID) -> RegistryImport | None:
    found = await imports_by_ids(session, actor, [import_id])
    return found[0] if found else None


async def imports_by_ids(session: AsyncSession, actor: Actor, ids: Sequence[uuid.UUID]) -> list[RegistryImport]:
    """Imports are the importers' business: anyone else finds none."""
    if not actor.can(Perm.REGISTRY_IMPORT):
        return []
    return await ImportRepository(session).imports(actor.tenant_id, ids)


async def list_imports(session: AsyncSession, actor: Actor, page: PageRequest) -> Page[RegistryImport]:
    require_import(actor)
    return await ImportRepository(session).page_imports(actor.tenant_id, page)


async def count_imports(session: AsyncSession, actor: Actor) -> int:
    require_import(actor)
    return await ImportRepository(session).count_imports(actor.tenant_id)


# The worker's steps. Each runs in a transaction of its own, which the worker commits. ----------------


@dataclass
class ImportRun:
    """An import being run: its rows, checked, in file order."""

    tenant_id: uuid.UUID
    import_id: uuid.UUID
    kind: ImportKind
    actor: Actor  # the worker, acting for the person who uploaded the file
    headers: dict[str, str]  # field -> the column's header as written in the file
    rows: list[CheckedRow]
    done_rows: int

    @property
    def total_rows(self) -> int:
        return len(self.rows)

    def written_enterprise_columns(self) -> list[str]:
        """Columns the file has: those it leaves out keep their stored values."""
        return ["chain_id" if field == "chain" else field for field in self.headers if field != "credit_code"]


def _worker_for(progress: ImportProgress, tenant_id: uuid.UUID) -> Actor:
    # The audit log names the person who uploaded the file as the one on whose behalf the worker wrote.
    return Actor.system(tenant_id, on_behalf_of=progress.created_by)


async def begin(session: AsyncSession, tenant_id: uuid.UUID, import_id: uuid.UUID) -> ImportRun | ImportStatus | None:
    """Reads and checks the file, ready to write. When there is nothing (more) to write: None for no such
    import, else its final status (FAILED too when the file cannot be read: the reason is its report).
    A RUNNING import resumes after its last committed batch: its earlier runner died or timed out."""
    repo = ImportRepository(session)
    progress = await repo.progress_for_update(tenant_id, import_id)
    if progress is None:
        return None
    if progress.status in (ImportStatus.DONE, ImportStatus.FAILED):
        return progress.status
    kind_value, filename, content = await repo.content(tenant_id, import_id)
    kind = ImportKind(kind_value)
    actor = _worker_for(progress, tenant_id)
    try:
        # The limits again: a file uploaded before they were lowered, or before they existed, is held to them.
        table = read_table(file_kind(filename, content), content, COLUMNS[kind], get_settings().import_max_rows)
    except DomainError as exc:
        await _finish(session, actor, import_id, ImportStatus.FAILED, [RowError.of(0, "", exc)])
        return ImportStatus.FAILED
    rows = await _check(repo, tenant_id, kind, table)
    await repo.update_import(tenant_id, import_id, status=ImportStatus.RUNNING, total_rows=len(rows))
    return ImportRun(tenant_id, import_id, kind, actor, table.headers, rows, progress.done_rows)


async def _check(repo: ImportRepository, tenant_id: uuid.UUID, kind: ImportKind, table: Table) -> list[CheckedRow]:
    if kind is ImportKind.ENTERPRISES:
        chains = await repo.live_chain_ids_by_name(tenant_id)
        rows = [check_enterprise(number, cells, table.headers, chains) for number, cells in table.rows]
        key_field = "credit_code"
    else:
        codes = {credit_code.normalize(text(cells.get("enterprise"))) for _, cells in table.rows} - {""}
        places = MemberPlaces(
            await repo.organization_ids_by_name(tenant_id), await repo.enterprise_ids_by_code(tenant_id, sorted(codes))
        )
        rows = [check_member(number, cells, table.headers, places) for number, cells in table.rows]
        key_field = "id_card"
    _mark_repeats(rows, table.headers[key_field])
    return rows


def _mark_repeats(rows: list[CheckedRow], key_column: str) -> None:
    """The first row of a credit code (or ID-card number) counts; later ones are reported, not applied."""
    first_row: dict[str, int] = {}
    for row in rows:
        if row.key is None or row.errors:
            continue
        if row.key in first_row:
            row.errors.append(RowError.of(row.number, key_column, DuplicateInFile(first_row=first_row[row.key])))
        else:
            first_row[row.key] = row.number


async def apply_batch(session: AsyncSession, run: ImportRun, start: int, size: int) -> bool:
    """Writes rows [start, start + size) and their progress in the caller's transaction. False when the
    import is no longer where this run expects it (another runner got there first): the caller stops."""
    repo = ImportRepository(session)
    progress = await repo.progress_for_update(run.tenant_id, run.import_id)
    if progress is None or progress.status is not ImportStatus.RUNNING or progress.done_rows != start:
        return False
    batch = run.rows[start : start + size]
    valid = [row for row in batch if not row.errors]
    write = _write_enterprises if run.kind is ImportKind.ENTERPRISES else _write_members
    created, updated, refused = await write(session, repo, run, valid)
    errors = [error for row in batch for error in row.errors] + refused
    error_rows = len({error.row for error in errors})
    room = max(MAX_REPORTED_ERRORS - progress.reported_errors, 0)
    await repo.record_batch(
        run.tenant_id,
        run.import_id,
        done_rows=start + len(batch),
        created=created,
        updated=updated,
        unchanged=len(batch) - error_rows - created - updated,
        error_rows=error_rows,
        errors=[error.as_json() for error in sorted(errors, key=lambda e: e.row)[:room]],
    )
    return True


async def _write_enterprises(
    session: AsyncSession, repo: ImportRepository, run: ImportRun, rows: list[CheckedRow]
) -> tuple[int, int, list[RowError]]:
    # One set-based statement per batch: per-row ORM upserts cannot import 38,000 rows in seconds.
    archived = await repo.archived_credit_codes(run.tenant_id, [row.values["credit_code"] for row in rows])
    refused = [
        RowError.of(row.number, run.headers["credit_code"], Archived())
        for row in rows
        if row.values["credit_code"] in archived
    ]
    live = [row.values for row in rows if row.values["credit_code"] not in archived]
    if not live:
        return 0, 0, refused
    counts = await repo.upsert_enterprises(run.tenant_id, live, run.written_enterprise_columns())
    return counts.created, counts.updated, refused


def _id_card_hash(number: str) -> str | None:
    try:
        return id_card_fields(number)["id_card_hash"]
    except DomainError:
        return None  # the member service reports the invalid number


async def _write_members(
    session: AsyncSession, repo: ImportRepository, run: ImportRun, rows: list[CheckedRow]
) -> tuple[int, int, list[RowError]]:
    """Through the member service, which keeps transfers as history and vacates secretaries as needed.
    A column the sheet leaves out keeps the member's stored value."""
    hashes = [_id_card_hash(row.values["id_card_number"]) for row in rows]
    stored = await repo.member_values_by_hash(run.tenant_id, [h for h in hashes if h])
    data = [
        MemberData(**({"status": MemberStatus.FULL} | stored.get(hashed or "", {}) | row.values))
        for row, hashed in zip(rows, hashes, strict=True)
    ]
    created = updated = 0
    refused = []
    for row, result in zip(rows, await upsert_members(session, run.actor, data), strict=True):
        if result.error is not None:
            field = MEMBER_FIELD_COLUMNS.get(result.error.field or "")
            refused.append(
                RowError.of(row.number, run.headers.get(field or "", result.error.field or ""), result.error)
            )
        created += result.outcome is UpsertOutcome.CREATED
        updated += result.outcome is UpsertOutcome.UPDATED
    return created, updated, refused


async def finish(session: AsyncSession, run: ImportRun) -> None:
    """Marks the import DONE once every row is done; a no-op for a run another runner finished."""
    progress = await ImportRepository(session).progress_for_update(run.tenant_id, run.import_id)
    if progress is None or progress.status is not ImportStatus.RUNNING or progress.done_rows < run.total_rows:
        return
    await _finish(session, run.actor, run.import_id, ImportStatus.DONE, [])


async def _finish(
    session: AsyncSession, actor: Actor, import_id: uuid.UUID, status: ImportStatus, errors: list[RowError]
) -> None:
    repo = ImportRepository(session)
    values: dict[str, Any] = {"status": status, "finished_at": datetime.now(UTC)}
    if errors:
        values["errors"] = [error.as_json() for error in errors]
    await repo.update_import(actor.tenant_id, import_id, **values)
    summary = await repo.summary(actor.tenant_id, import_id)
    # One audit entry per import, with its counts, rather than one per row: 38,000 entries would say
    # nothing more than the file (kept with the import) and the counts do.
    audit.record(session, actor, "registry_import.finish", "RegistryImport", import_id, after=summary)
    outbox.emit(session, actor.tenant_id, events.ImportFinished(import_id=import_id, **summary))


async def abandon(session: AsyncSession, tenant_id: uuid.UUID, import_id: uuid.UUID) -> None:
    """Ends an import that broke on an unexpected error, so nobody waits for it; the error is logged."""
    repo = ImportRepository(session)
    progress = await repo.progress_for_update(tenant_id, import_id)
    if progress is None or progress.status in (ImportStatus.DONE, ImportStatus.FAILED):
        return
    await _finish(
        session,
        _worker_for(progress, tenant_id),
        import_id,
        ImportStatus.FAILED,
        [RowError.of(0, "", ImportInterrupted())],
    )
