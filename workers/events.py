"""Event dispatch: a relayed outbox event runs every handler registered for its type, each effect once.

Contexts register handlers with `@on(events.SomethingHappened)`; a handler gets the event's typed
payload, parsed once per delivery. Each handler runs in its own tenant transaction together with its
row in processed_events, so a job run twice (redelivery, retry, a duplicate enqueue after the kept
result expired) changes nothing the second time.
"""

import logging
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

import sqlalchemy as sa
from arq import Retry
from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra import outbox
from redchain.infra.db import Database
from redchain.infra.outbox import DomainEvent
from redchain.workers.jobs import Ctx, counted

log = logging.getLogger("redchain.workers.events")

P = TypeVar("P", bound=DomainEvent)
RETRY_DELAY_SECONDS = 5


@dataclass(frozen=True)
class Received(Generic[P]):
    """A delivered event: its park, its outbox ID (the key of its effects) and its typed payload."""

    tenant_id: uuid.UUID
    event_id: uuid.UUID
    payload: P


Handler = Callable[[AsyncSession, Received[P]], Awaitable[None]]


@dataclass(frozen=True)
class Registration:
    name: str  # stored in processed_events: renaming a handler makes it see old events as new
    handler: Handler[Any]


_HANDLERS: dict[str, list[Registration]] = defaultdict(list)


def on(event: type[P], name: str | None = None) -> Callable[[Handler[P]], Handler[P]]:
    def register(handler: Handler[P]) -> Handler[P]:
        key = name or f"{handler.__module__.removeprefix('redchain.')}.{handler.__qualname__}"
        if any(r.name == key for regs in _HANDLERS.values() for r in regs):
            raise ValueError(f"event handler {key!r} is registered twice")
        _HANDLERS[event.name].append(Registration(key, handler))
        return handler

    return register


def handlers_for(event_type: str) -> list[Registration]:
    return list(_HANDLERS.get(event_type, ()))


class EventOutcome(StrEnum):
    HANDLED = "handled"  # at least one handler applied its effect
    DUPLICATE = "duplicate"  # every handler had processed this event before
    UNHANDLED = "unhandled"  # no handler for its type
    MISSING = "missing"  # no such outbox row: logged, never retried


class HandlersFailed(Exception):
    def __init__(self, names: list[str]) -> None:
        super().__init__(", ".join(names))
        self.names = names


async def dispatch(db: Database, tenant_id: uuid.UUID, event_id: uuid.UUID) -> EventOutcome:
    """Raises HandlersFailed after giving every handler its chance; the ones that succeeded stay done.

    Raises outbox.EventPayloadError, before any handler runs, for a payload its type does not read.
    """
    async with db.transaction(tenant_id) as session:
        event = await outbox.load_event(session, tenant_id, event_id)
    if event is None:
        log.warning("outbox event %s of park %s not found; nothing to handle", event_id, tenant_id)
        return EventOutcome.MISSING
    registrations = handlers_for(event.event_type)
    if not registrations:
        await _mark_done(db, tenant_id, event_id)
        return EventOutcome.UNHANDLED
    received = Received(tenant_id, event_id, outbox.parse_event(event))
    applied, failed = 0, []
    for registration in registrations:
        try:
            async with db.transaction(tenant_id) as session:
                if not await outbox.record_processed(session, tenant_id, event_id, registration.name):
                    continue
                await registration.handler(session, received)
                applied += 1
        except Exception:
            log.exception("handler %s failed on %s event %s", registration.name, event.event_type, event_id)
            failed.append(registration.name)
    if failed:
        raise HandlersFailed(failed)
    await _mark_done(db, tenant_id, event_id)
    return EventOutcome.HANDLED if applied else EventOutcome.DUPLICATE


async def _mark_done(db: Database, tenant_id: uuid.UUID, event_id: uuid.UUID) -> None:
    # Done events are never redelivered; an event whose job Redis lost stays undone and is sent again.
    async with db.transaction(tenant_id) as session:
        await outbox.mark_done(session, tenant_id, event_id)


@counted
async def handle_event(ctx: Ctx, tenant_id: str, event_id: str) -> EventOutcome:
    try:
        return await dispatch(ctx["db"], uuid.UUID(tenant_id), uuid.UUID(event_id))
    except (HandlersFailed, sa.exc.DBAPIError, OSError) as exc:
        # arq retries only on Retry, up to max_tries; handlers already done are skipped next time.
        raise Retry(defer=RETRY_DELAY_SECONDS * ctx.get("job_try", 1)) from exc
    except outbox.EventPayloadError:
        # A retry would read the same payload: the job fails (counted), the event stays undone.
        log.exception("outbox event %s of park %s has a payload no handler can read", event_id, tenant_id)
        raise
