"""DataLoaders of the funds context: one batch, one short read transaction, results in key order."""

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from redchain.graphql.dataloaders import EntityLoader
from redchain.services.actor import Actor
from redchain.services.funds import disbursement, steps
from redchain.services.funds import service as funds
from redchain.services.funds.ledger import Budget
from redchain.services.funds.models import (
    ApplicationStatus,
    FundApplication,
    FundPayment,
    FundProgram,
    PaymentBatch,
)


class FundProgramByIdLoader(EntityLoader[FundProgram]):
    async def fetch(self, session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]) -> Iterable[FundProgram]:
        return await funds.programs_by_ids(session, actor, ids)


class FundApplicationByIdLoader(EntityLoader[FundApplication]):
    async def fetch(
        self, session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]
    ) -> Iterable[FundApplication]:
        return await funds.applications_by_ids(session, actor, ids)


class PaymentBatchByIdLoader(EntityLoader[PaymentBatch]):
    async def fetch(self, session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]) -> Iterable[PaymentBatch]:
        return await disbursement.batches_by_ids(session, actor, ids)


class _KeyedLoader(DataLoader[uuid.UUID, Any]):
    def __init__(self, context: Any) -> None:
        self.context = context
        super().__init__(load_fn=self._load)

    async def fetch(self, session: AsyncSession, actor: Actor | None, keys: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
        raise NotImplementedError

    async def _load(self, keys: Sequence[uuid.UUID]) -> list[Any]:
        async with self.context.read() as session:
            found = await self.fetch(session, self.context.actor, list(set(keys)))
        return [found.get(key) for key in keys]


class PaymentByApplicationIdLoader(_KeyedLoader):
    async def fetch(
        self, session: AsyncSession, actor: Actor | None, keys: list[uuid.UUID]
    ) -> dict[uuid.UUID, FundPayment]:
        return {p.application_id: p for p in await disbursement.payments_by_application_ids(session, actor, keys)}


class BudgetByProgramIdLoader(_KeyedLoader):
    async def fetch(self, session: AsyncSession, actor: Actor | None, keys: list[uuid.UUID]) -> dict[uuid.UUID, Budget]:
        return await funds.budgets(session, actor, await funds.programs_by_ids(session, actor, keys))


class BatchProgressByBatchIdLoader(_KeyedLoader):
    async def fetch(
        self, session: AsyncSession, actor: Actor | None, keys: list[uuid.UUID]
    ) -> dict[uuid.UUID, dict[ApplicationStatus, int]]:
        return await disbursement.batch_progress(session, actor, keys)


class StepsByApplicationIdLoader(_KeyedLoader):
    async def fetch(
        self, session: AsyncSession, actor: Actor | None, keys: list[uuid.UUID]
    ) -> dict[uuid.UUID, list[steps.ApplicationStep]]:
        return await steps.steps_by_application(session, actor, keys)
