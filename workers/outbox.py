"""The outbox relay: pending events become arq jobs, one per event, then are marked sent.

Enqueueing and marking happen inside one owner transaction holding the rows' locks: if Redis fails,
the transaction rolls back and the rows stay pending for the next run. A job enqueued before the
failure is enqueued again later and collapses into the first by its job ID; should it run twice
anyway, the handlers' processed-events guard keeps its effect single.
"""

import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from arq import ArqRedis
from arq.jobs import Job
from redis.exceptions import RedisError
from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra import outbox
from redchain.infra.db import Database
from redchain.infra.models_base import utcnow
from redchain.infra.outbox import OutboxEvent
from redchain.workers.jobs import Ctx, counted

log = logging.getLogger("redchain.workers.outbox")
BATCH_SIZE = 100
# A relayed event not done after this long lost its job (e.g. Redis restarted without persistence);
# long enough that a queue under load is not mistaken for a lost job (its job ID collapses a resend anyway).
REDELIVER_AFTER = timedelta(minutes=5)
HANDLE_EVENT = "handle_event"


def event_job_id(event: OutboxEvent) -> str:
    return f"event:{event.id}"


async def enqueue_event(queue: ArqRedis, event: OutboxEvent) -> Job | None:
    """None when the event's job is already queued, running, or finished within its kept-result time."""
    return await queue.enqueue_job(HANDLE_EVENT, str(event.tenant_id), str(event.id), _job_id=event_job_id(event))


async def relay(
    db: Database, queue: ArqRedis, batch_size: int = BATCH_SIZE, redeliver_after: timedelta = REDELIVER_AFTER
) -> int:
    """Relays every pending event, oldest first, in batches, then sends again the relayed events whose
    jobs were lost; returns how many were relayed.

    Raises RedisError when Redis is unavailable, after counting the attempt on the batch it held.
    """
    relayed = await _relay_batches(db, queue, batch_size, lambda s: outbox.claim_pending(s, batch_size))
    sent_before = utcnow() - redeliver_after
    redelivered = await _relay_batches(db, queue, batch_size, lambda s: outbox.claim_undone(s, sent_before, batch_size))
    if redelivered:
        log.warning("outbox relay: %d event(s) sent again after their jobs were lost", redelivered)
    return relayed + redelivered


async def _relay_batches(
    db: Database, queue: ArqRedis, batch_size: int, claim: Callable[[AsyncSession], Awaitable[list[OutboxEvent]]]
) -> int:
    relayed = 0
    while True:
        claimed: list[outbox.EventKey] = []
        try:
            async with db.owner_transaction() as session:
                events = await claim(session)
                claimed = [outbox.key_of(event) for event in events]
                for event in events:
                    await enqueue_event(queue, event)
                if claimed:
                    await outbox.mark_sent(session, claimed)
        except RedisError:
            if claimed:
                async with db.owner_transaction() as session:
                    await outbox.record_failed_attempt(session, claimed)
            log.warning("outbox relay: Redis unavailable, %d event(s) stay pending", len(claimed))
            raise
        relayed += len(claimed)
        if len(claimed) < batch_size:
            break
    if relayed:
        log.info("outbox relay: %d event(s) relayed", relayed)
    return relayed


@counted
async def relay_outbox(ctx: Ctx) -> int:
    return await relay(ctx["db"], ctx["redis"])
