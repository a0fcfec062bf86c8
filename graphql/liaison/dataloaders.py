"""DataLoaders of the liaison context."""

import uuid
from collections.abc import Iterable

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.graphql.dataloaders import EntityLoader
from redchain.services.actor import Actor
from redchain.services.liaison import service as liaison
from redchain.services.liaison.models import LiaisonAssignment, LiaisonVisit


class LiaisonAssignmentByIdLoader(EntityLoader[LiaisonAssignment]):
    async def fetch(
        self, session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]
    ) -> Iterable[LiaisonAssignment]:
        return await liaison.assignments_by_ids(session, actor, ids) if actor else []


class LiaisonVisitByIdLoader(EntityLoader[LiaisonVisit]):
    async def fetch(self, session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]) -> Iterable[LiaisonVisit]:
        return await liaison.visits_by_ids(session, actor, ids) if actor else []
