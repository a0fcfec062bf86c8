"""DataLoaders of the tickets context: each batch is one short read transaction and a fixed number of
statements, so a page of tickets with their timelines, watchers and attachments costs the same for 1 or 100."""

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from redchain.graphql.dataloaders import EntityLoader
from redchain.services.actor import Actor
from redchain.services.tickets import abilities, attachments, escalation, taxonomy
from redchain.services.tickets import service as tickets
from redchain.services.tickets.abilities import TicketAbilities
from redchain.services.tickets.models import (
    Ticket,
    TicketAttachment,
    TicketCategory,
    TicketEvent,
    TicketExtensionRequest,
)

K = TypeVar("K")
V = TypeVar("V")


class TicketByIdLoader(EntityLoader[Ticket]):
    async def fetch(self, session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]) -> Iterable[Ticket]:
        return await tickets.tickets_by_ids(session, actor, ids) if actor else []


class TicketCategoryByIdLoader(EntityLoader[TicketCategory]):
    async def fetch(self, session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]) -> Iterable[TicketCategory]:
        return await taxonomy.categories_by_ids(session, actor, ids) if actor else []


class _ByKeyLoader(DataLoader[K, V], Generic[K, V]):
    """Key → value computed for a whole batch of keys by `fetch`; `default` where it has none."""

    default: Any = None

    def __init__(self, context: Any) -> None:
        self.context = context
        super().__init__(load_fn=self._load)

    async def fetch(self, session: AsyncSession, actor: Actor, keys: list[K]) -> dict[K, V]:
        raise NotImplementedError

    async def _load(self, keys: Sequence[K]) -> list[V]:
        found: dict[K, V] = {}
        if self.context.actor is not None:
            async with self.context.read() as session:
                found = await self.fetch(session, self.context.actor, list(dict.fromkeys(keys)))
        return [found.get(key, self.default() if callable(self.default) else self.default) for key in keys]


class WatcherIdsByTicketIdLoader(_ByKeyLoader[uuid.UUID, list[uuid.UUID]]):
    default = list

    async def fetch(
        self, session: AsyncSession, actor: Actor, keys: list[uuid.UUID]
    ) -> dict[uuid.UUID, list[uuid.UUID]]:
        return await tickets.watchers_of(session, actor, keys)


class AttachmentsByTicketIdLoader(_ByKeyLoader[uuid.UUID, list[TicketAttachment]]):
    default = list

    async def fetch(
        self, session: AsyncSession, actor: Actor, keys: list[uuid.UUID]
    ) -> dict[uuid.UUID, list[TicketAttachment]]:
        return await attachments.attachments_of(session, actor, keys)


class ExtensionRequestsByTicketIdLoader(_ByKeyLoader[uuid.UUID, list[TicketExtensionRequest]]):
    default = list

    async def fetch(
        self, session: AsyncSession, actor: Actor, keys: list[uuid.UUID]
    ) -> dict[uuid.UUID, list[TicketExtensionRequest]]:
        return await escalation.extension_requests_of(session, actor, keys)


class AbilitiesByTicketIdLoader(_ByKeyLoader[uuid.UUID, TicketAbilities | None]):
    async def fetch(
        self, session: AsyncSession, actor: Actor, keys: list[uuid.UUID]
    ) -> dict[uuid.UUID, TicketAbilities | None]:
        return dict(await abilities.abilities_of(session, actor, keys))


class AssigneeCandidateIdsByTicketIdLoader(_ByKeyLoader[uuid.UUID, list[uuid.UUID]]):
    """A detail page's field: one ticket per request in practice, so one lookup per ticket is fine."""

    default = list

    async def fetch(
        self, session: AsyncSession, actor: Actor, keys: list[uuid.UUID]
    ) -> dict[uuid.UUID, list[uuid.UUID]]:
        return {key: await tickets.assignee_candidates(session, actor, key) for key in keys}


class TimelineCountByTicketIdLoader(_ByKeyLoader[uuid.UUID, int]):
    default = 0

    async def fetch(self, session: AsyncSession, actor: Actor, keys: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        return await tickets.timeline_counts(session, actor, keys)


# (ticket, page size + 1, after this seq): the extra row tells whether there is a next page.
TimelineKey = tuple[uuid.UUID, int, int | None]


class TimelinePageLoader(DataLoader[TimelineKey, list[TicketEvent]]):
    """One statement per distinct (page size, cursor) in the batch: a page of tickets asking for their
    first N events is one statement."""

    def __init__(self, context: Any) -> None:
        self.context = context
        super().__init__(load_fn=self._load)

    async def _load(self, keys: Sequence[TimelineKey]) -> list[list[TicketEvent]]:
        groups: dict[tuple[int, int | None], list[uuid.UUID]] = defaultdict(list)
        for ticket_id, limit, after in keys:
            groups[(limit, after)].append(ticket_id)
        pages: dict[TimelineKey, list[TicketEvent]] = {}
        actor = self.context.actor
        if actor is not None:
            async with self.context.read() as session:
                for (limit, after), ticket_ids in groups.items():
                    found = await tickets.timeline_pages(session, actor, list(dict.fromkeys(ticket_ids)), after, limit)
                    pages |= {(ticket_id, limit, after): rows for ticket_id, rows in found.items()}
        return [pages.get(key, []) for key in keys]
