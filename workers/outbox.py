"""The outbox relay: pending events become arq jobs, one per event, then are marked sent.

Enqueueing and marking happen inside one owner transaction holding the rows' locks: if Redis fails,
the transaction rolls back and the rows stay pending for the next run. A job enqueued before the
failure is enqueued again later and collapses into the first by its job ID; should it run twice
anyway, the handlers' processed-events guard keeps its effect single.
"""

import logging

from arq import ArqRedis
from arq.jobs import Job
from redis.exceptions import RedisError

from redchain.infra import outbox
from redchain.infra.db import Database
from redchain.infra.outbox import OutboxEvent
from redchain.workers.jobs import Ctx, counted

log = logging.getLogger("redchain.workers.outbox")
BATCH_SIZE = 100
HANDLE_EVENT = "handle_event"


def event_job_id(event: OutboxEvent) -> str:
    return f"event:{event.id}"


async def enqueue_event(queue: ArqRedis, event: OutboxEvent) -> Job | None:
    """None when the event's job is already queued, running, or finished within its kept-result time."""
    return await queue.enqueue_job(HANDLE_EVENT, str(event.tenant_id), str(event.id), _job_id=event_job_id(event))


async def relay(db: Database, queue: ArqRedis, batch_size: int = BATCH_SIZE) -> int:
    """Relays every pending event, oldest first, in batches; returns how many were relayed.

    Raises RedisError when Redis is unavailable, after counting the attempt on the batch it held.
    """
    relayed = 0
    while True:
        claimed: list[outbox.EventKey] = []
        try:
            async with db.owner_transaction() as session:
                events = await outbox.claim_pending(session, batch_size)
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
