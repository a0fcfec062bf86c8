"""DataLoader base: one batch, one short read transaction, results in key order."""

import uuid
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from redchain.services.actor import Actor

V = TypeVar("V")


class EntityLoader(DataLoader[uuid.UUID, V | None]):
    """Loads rows by ID for the request's actor; a row out of scope is None, never an error."""

    def __init__(self, context: Any) -> None:
        self.context = context
        super().__init__(load_fn=self._load)

    async def fetch(self, session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]) -> Iterable[V]:
        raise NotImplementedError

    async def _load(self, keys: Sequence[uuid.UUID]) -> list[V | None]:
        async with self.context.read() as session:
            rows = await self.fetch(session, self.context.actor, list(set(keys)))
        by_id = {row.id: row for row in rows}  # type: ignore[attr-defined]
        return [by_id.get(key) for key in keys]
