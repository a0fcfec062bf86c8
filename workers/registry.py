"""Registry jobs: running spreadsheet imports, batch by batch, each batch committed with its progress."""

import logging
import uuid
from enum import StrEnum

import sqlalchemy as sa
from arq import Retry, create_pool, func
from arq.connections import RedisSettings
from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.db import Database
from redchain.infra.settings import get_settings
from redchain.services.registry import events
from redchain.services.registry.imports import service as importing
from redchain.services.registry.models import ImportStatus
from redchain.workers.events import Received, on
from redchain.workers.jobs import Ctx, counted

log = logging.getLogger("redchain.workers.registry")
# Rows per transaction: small enough that progress moves every fraction of a second, large enough that
# a batch's fixed cost (lock, progress update, commit) stays small against its rows.
BATCH_ROWS = 2000
RUN_IMPORT = "run_registry_import"
RETRY_DELAY_SECONDS = 5


class ImportOutcome(StrEnum):
    DONE = "done"  # this run wrote the last batch (or found nothing left to write)
    REFUSED = "refused"  # the file could not be read (now or before): the import is FAILED
    SKIPPED = "skipped"  # finished before, or no such import
    TAKEN_OVER = "taken_over"  # another runner moved the import on; it finishes it


def import_job_id(import_id: str) -> str:
    return f"registry-import:{import_id}"


async def run_import(
    db: Database, tenant_id: uuid.UUID, import_id: uuid.UUID, batch_rows: int = BATCH_ROWS
) -> ImportOutcome:
    """Idempotent: a finished import is left alone, a RUNNING one resumes after its last committed batch."""
    async with db.transaction(tenant_id) as session:
        run = await importing.begin(session, tenant_id, import_id)
    if not isinstance(run, importing.ImportRun):
        return ImportOutcome.REFUSED if run is ImportStatus.FAILED else ImportOutcome.SKIPPED
    for start in range(run.done_rows, run.total_rows, batch_rows):
        async with db.transaction(tenant_id) as session:
            if not await importing.apply_batch(session, run, start, batch_rows):
                log.info("import %s of park %s moved on elsewhere; this run stops", import_id, tenant_id)
                return ImportOutcome.TAKEN_OVER
    async with db.transaction(tenant_id) as session:
        await importing.finish(session, run)
    return ImportOutcome.DONE


@counted
async def run_registry_import(ctx: Ctx, tenant_id: str, import_id: str) -> ImportOutcome:
    db: Database = ctx["db"]
    park, job = uuid.UUID(tenant_id), uuid.UUID(import_id)
    try:
        return await run_import(db, park, job)
    except (sa.exc.DBAPIError, OSError) as exc:
        # The database or network is away: try again later; the import resumes where it stopped.
        raise Retry(defer=RETRY_DELAY_SECONDS * ctx.get("job_try", 1)) from exc
    except Exception:
        # A bug, not an outage: retrying would fail the same way. The import ends FAILED, so a client
        # polling it stops waiting.
        log.exception("import %s of park %s failed", import_id, tenant_id)
        async with db.transaction(park) as session:
            await importing.abandon(session, park, job)
        raise


@on(events.ImportRequested)
async def enqueue_registry_import(session: AsyncSession, event: Received[events.ImportRequested]) -> None:
    """Hands the import to a job of its own: it commits batch by batch and may run for a minute, where an
    event handler runs in one transaction. The job ID makes a second enqueue of one import a no-op."""
    import_id = str(event.payload.import_id)
    # Handlers receive no worker context, so this opens its own short-lived connection to the queue.
    redis_url = get_settings().redis_url
    assert redis_url, "the worker runs with REDIS_URL set"
    queue = await create_pool(RedisSettings.from_dsn(redis_url))
    try:
        await queue.enqueue_job(RUN_IMPORT, str(event.tenant_id), import_id, _job_id=import_job_id(import_id))
    finally:
        await queue.aclose()


# 38,000 CSV rows take ~10 s, as XLSX ~20 s; the timeout stays near the worker's own because the longest
# job timeout decides how long a killed job blocks its queue slot (arq). A timed-out run resumes.
JOBS = [func(run_registry_import, name=RUN_IMPORT, timeout=180)]  # type: ignore[arg-type]  # arq types ctx loosely
