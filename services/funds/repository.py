"""All SQL of the funds context. Applications are read through `ApplicationRepository.scoped(actor)`;
programs, the ledger, batches and payments belong to the whole park and are guarded by permissions."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import cast

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from redchain.infra.clock import PARK_TIME_NAME
from redchain.infra.pagination import Page, PageRequest, count, paginate
from redchain.infra.repository import Repository
from redchain.services.actor import Actor
from redchain.services.audit import queries as audit_queries
from redchain.services.funds.models import (
    UNSETTLED_PAYMENTS,
    ApplicationStatus,
    BatchStatus,
    FundApplication,
    FundPayment,
    FundProgram,
    LedgerEntry,
    LedgerKind,
    PaymentBatch,
    ProgramKind,
)
from redchain.services.funds.policies import chains_reviewed_by, read_scope
from redchain.services.funds.workflow import REVIEW_ACTIONS
from redchain.services.permissions import Perm
from redchain.services.registry import queries as registry_queries


class ReviewInbox(StrEnum):
    PENDING = "PENDING"  # 待我审批: at a stage the reader decides, and none of the reader's own
    DONE = "DONE"  # 我已审批: the reader approved, returned or rejected it at some stage


@dataclass(frozen=True)
class ApplicationFilter:
    status: ApplicationStatus | None = None
    program_id: uuid.UUID | None = None
    batch_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None
    inbox: ReviewInbox | None = None


@dataclass(frozen=True)
class LedgerReportRow:
    program_id: uuid.UUID
    chain_id: uuid.UUID
    month: str  # YYYY-MM in Asia/Shanghai
    kind: LedgerKind
    amount_fen: int
    entries: int


@dataclass(frozen=True)
class DuePayment:
    tenant_id: uuid.UUID
    payment_id: uuid.UUID
    dispatches: int


class FundsRepository(Repository):
    # Programs. ------------------------------------------------------------------------------------

    def _programs(self, tenant_id: uuid.UUID | None) -> sa.Select[FundProgram]:
        return sa.select(FundProgram).where(col(FundProgram.tenant_id) == tenant_id)

    async def program(self, tenant_id: uuid.UUID, program_id: uuid.UUID, lock: bool = False) -> FundProgram | None:
        stmt = self._programs(tenant_id).where(col(FundProgram.id) == program_id)
        # Locking the program serialises the reservations against its budget: no overspending.
        return await self.session.scalar(stmt.with_for_update() if lock else stmt)

    async def program_of_kind(self, tenant_id: uuid.UUID, kind: ProgramKind, fiscal_year: int) -> FundProgram | None:
        stmt = self._programs(tenant_id).where(
            col(FundProgram.kind) == kind, col(FundProgram.fiscal_year) == fiscal_year
        )
        return await self.session.scalar(stmt)

    async def programs(self, tenant_id: uuid.UUID, ids: Sequence[uuid.UUID]) -> list[FundProgram]:
        return list(await self.session.scalars(self._programs(tenant_id).where(col(FundProgram.id).in_(ids))))

    def _program_filter(self, tenant_id: uuid.UUID, fiscal_year: int | None) -> sa.Select[FundProgram]:
        stmt = self._programs(tenant_id)
        return stmt.where(col(FundProgram.fiscal_year) == fiscal_year) if fiscal_year is not None else stmt

    async def page_programs(
        self, tenant_id: uuid.UUID, fiscal_year: int | None, page: PageRequest
    ) -> Page[FundProgram]:
        keys = [col(FundProgram.created_at), col(FundProgram.id)]
        return await paginate(self.session, self._program_filter(tenant_id, fiscal_year).add_columns(*keys), keys, page)

    async def count_programs(self, tenant_id: uuid.UUID, fiscal_year: int | None) -> int:
        return await count(self.session, self._program_filter(tenant_id, fiscal_year))

    # Ledger. --------------------------------------------------------------------------------------

    async def ledger_totals(
        self, tenant_id: uuid.UUID, program_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, dict[LedgerKind, int]]:
        stmt = (
            sa.select(col(LedgerEntry.program_id), col(LedgerEntry.kind), sa.func.sum(col(LedgerEntry.amount_fen)))
            .where(col(LedgerEntry.tenant_id) == tenant_id, col(LedgerEntry.program_id).in_(program_ids))
            .group_by(col(LedgerEntry.program_id), col(LedgerEntry.kind))
        )
        totals: dict[uuid.UUID, dict[LedgerKind, int]] = {pid: {} for pid in program_ids}
        for program_id, kind, amount in await self.session.execute(stmt):
            totals[program_id][LedgerKind(kind)] = int(amount)
        return totals

    def _ledger(self, tenant_id: uuid.UUID, program_id: uuid.UUID | None) -> sa.Select[LedgerEntry]:
        stmt = sa.select(LedgerEntry).where(col(LedgerEntry.tenant_id) == tenant_id)
        return stmt.where(col(LedgerEntry.program_id) == program_id) if program_id else stmt

    async def page_ledger(
        self, tenant_id: uuid.UUID, program_id: uuid.UUID | None, page: PageRequest
    ) -> Page[LedgerEntry]:
        keys = [col(LedgerEntry.created_at), col(LedgerEntry.id)]
        return await paginate(self.session, self._ledger(tenant_id, program_id).add_columns(*keys), keys, page)

    async def count_ledger(self, tenant_id: uuid.UUID, program_id: uuid.UUID | None) -> int:
        return await count(self.session, self._ledger(tenant_id, program_id))

    async def ledger_report(self, tenant_id: uuid.UUID, fiscal_year: int | None) -> list[LedgerReportRow]:
        month = sa.func.to_char(sa.func.timezone(PARK_TIME_NAME, col(LedgerEntry.created_at)), "YYYY-MM")
        stmt = (
            sa.select(
                col(LedgerEntry.program_id),
                col(LedgerEntry.chain_id),
                month,
                col(LedgerEntry.kind),
                sa.func.sum(col(LedgerEntry.amount_fen)),
                sa.func.count(),
            )
            .where(col(LedgerEntry.tenant_id) == tenant_id)
            .group_by(col(LedgerEntry.program_id), col(LedgerEntry.chain_id), month, col(LedgerEntry.kind))
            .order_by(month, col(LedgerEntry.program_id), col(LedgerEntry.chain_id), col(LedgerEntry.kind))
        )
        if fiscal_year is not None:
            stmt = stmt.join(
                FundProgram,
                sa.and_(
                    col(FundProgram.tenant_id) == col(LedgerEntry.tenant_id),
                    col(FundProgram.id) == col(LedgerEntry.program_id),
                ),
            )
            stmt = stmt.where(col(FundProgram.fiscal_year) == fiscal_year)
        return [
            LedgerReportRow(p, c, m, LedgerKind(k), int(a), int(n))
            for p, c, m, k, a, n in await self.session.execute(stmt)
        ]

    # Batches and payments. ------------------------------------------------------------------------

    def _batches(self, tenant_id: uuid.UUID | None) -> sa.Select[PaymentBatch]:
        return sa.select(PaymentBatch).where(col(PaymentBatch.tenant_id) == tenant_id)

    async def batch(self, tenant_id: uuid.UUID, batch_id: uuid.UUID, lock: bool = False) -> PaymentBatch | None:
        stmt = self._batches(tenant_id).where(col(PaymentBatch.id) == batch_id)
        return await self.session.scalar(stmt.with_for_update() if lock else stmt)

    async def batches(self, tenant_id: uuid.UUID, ids: Sequence[uuid.UUID]) -> list[PaymentBatch]:
        return list(await self.session.scalars(self._batches(tenant_id).where(col(PaymentBatch.id).in_(ids))))

    def _batch_filter(self, tenant_id: uuid.UUID, status: BatchStatus | None) -> sa.Select[PaymentBatch]:
        stmt = self._batches(tenant_id)
        return stmt.where(col(PaymentBatch.status) == status) if status else stmt

    async def page_batches(
        self, tenant_id: uuid.UUID, status: BatchStatus | None, page: PageRequest
    ) -> Page[PaymentBatch]:
        keys = [col(PaymentBatch.created_at), col(PaymentBatch.id)]
        return await paginate(self.session, self._batch_filter(tenant_id, status).add_columns(*keys), keys, page)

    async def count_batches(self, tenant_id: uuid.UUID, status: BatchStatus | None) -> int:
        return await count(self.session, self._batch_filter(tenant_id, status))

    async def batch_status_counts(
        self, tenant_id: uuid.UUID, batch_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, dict[ApplicationStatus, int]]:
        stmt = (
            sa.select(col(FundApplication.batch_id), col(FundApplication.status), sa.func.count())
            .where(col(FundApplication.tenant_id) == tenant_id, col(FundApplication.batch_id).in_(batch_ids))
            .group_by(col(FundApplication.batch_id), col(FundApplication.status))
        )
        counts: dict[uuid.UUID, dict[ApplicationStatus, int]] = {b: {} for b in batch_ids}
        for batch_id, status, n in await self.session.execute(stmt):
            counts[cast(uuid.UUID, batch_id)][ApplicationStatus(status)] = int(n)  # never NULL: filtered by IN
        return counts

    async def batch_rows(
        self, tenant_id: uuid.UUID, batch_id: uuid.UUID
    ) -> list[tuple[FundApplication, FundPayment | None]]:
        stmt = (
            sa.select(FundApplication, FundPayment)
            .outerjoin(
                FundPayment,
                sa.and_(
                    col(FundPayment.tenant_id) == col(FundApplication.tenant_id),
                    col(FundPayment.application_id) == col(FundApplication.id),
                ),
            )
            .where(col(FundApplication.tenant_id) == tenant_id, col(FundApplication.batch_id) == batch_id)
            .order_by(col(FundApplication.id))
        )
        return [(a, p) for a, p in (await self.session.execute(stmt)).all()]

    async def payments_of_applications(self, tenant_id: uuid.UUID, ids: Sequence[uuid.UUID]) -> list[FundPayment]:
        stmt = sa.select(FundPayment).where(
            col(FundPayment.tenant_id) == tenant_id, col(FundPayment.application_id).in_(ids)
        )
        return list(await self.session.scalars(stmt))

    async def payment_to_attempt(
        self, tenant_id: uuid.UUID, payment_id: uuid.UUID | None = None, application_id: uuid.UUID | None = None
    ) -> tuple[FundPayment, FundApplication] | None:
        """An unsettled payment and its application, both locked, in one statement; None when it is settled
        or another job holds it (that job is attempting it right now)."""
        stmt = (
            sa.select(FundPayment, FundApplication)
            .join(
                FundApplication,
                sa.and_(
                    col(FundApplication.tenant_id) == col(FundPayment.tenant_id),
                    col(FundApplication.id) == col(FundPayment.application_id),
                ),
            )
            .where(col(FundPayment.tenant_id) == tenant_id, col(FundPayment.status).in_(UNSETTLED_PAYMENTS))
            .with_for_update(skip_locked=True)
        )
        if payment_id is not None:
            stmt = stmt.where(col(FundPayment.id) == payment_id)
        if application_id is not None:
            stmt = stmt.where(col(FundPayment.application_id) == application_id)
        row = (await self.session.execute(stmt)).first()
        return (row[0], row[1]) if row else None

    async def payment_of_application(self, tenant_id: uuid.UUID, application_id: uuid.UUID) -> FundPayment | None:
        stmt = sa.select(FundPayment).where(
            col(FundPayment.tenant_id) == tenant_id, col(FundPayment.application_id) == application_id
        )
        return await self.session.scalar(stmt)


class ApplicationRepository(Repository):
    @staticmethod
    def scoped(actor: Actor) -> sa.Select[FundApplication]:
        """The applications `actor` may see; everything else is not found."""
        stmt = sa.select(FundApplication).where(col(FundApplication.tenant_id) == actor.tenant_id)
        scope = read_scope(actor)
        if scope.whole_park:
            return stmt
        visible: list[sa.ColumnElement[bool]] = []
        if scope.chain_ids:
            visible.append(col(FundApplication.chain_id).in_(scope.chain_ids))
        if scope.enterprise_ids:
            covering = registry_queries.organizations_covering(actor.tenant_id, scope.enterprise_ids)
            visible.append(col(FundApplication.organization_id).in_(covering))
        if scope.user_id:
            visible.append(col(FundApplication.applicant_user_id) == scope.user_id)
        return stmt.where(sa.or_(*visible) if visible else sa.false())

    async def application(self, actor: Actor, application_id: uuid.UUID, lock: bool = False) -> FundApplication | None:
        stmt = self.scoped(actor).where(col(FundApplication.id) == application_id)
        return await self.session.scalar(stmt.with_for_update() if lock else stmt)

    async def applications(self, actor: Actor, ids: Sequence[uuid.UUID], lock: bool = False) -> list[FundApplication]:
        # Locked in ID order, so two batches over the same applications cannot deadlock.
        stmt = self.scoped(actor).where(col(FundApplication.id).in_(ids)).order_by(col(FundApplication.id))
        return list(await self.session.scalars(stmt.with_for_update() if lock else stmt))

    async def batch_applications(
        self, tenant_id: uuid.UUID, batch_id: uuid.UUID, status: ApplicationStatus
    ) -> list[FundApplication]:
        stmt = (
            sa.select(FundApplication)
            .where(
                col(FundApplication.tenant_id) == tenant_id,
                col(FundApplication.batch_id) == batch_id,
                col(FundApplication.status) == status,
            )
            .order_by(col(FundApplication.id))
            .with_for_update()
        )
        return list(await self.session.scalars(stmt))

    def _application_filter(self, actor: Actor, where: ApplicationFilter) -> sa.Select[FundApplication]:
        stmt = self.scoped(actor)
        if where.status is not None:
            stmt = stmt.where(col(FundApplication.status) == where.status)
        if where.program_id is not None:
            stmt = stmt.where(col(FundApplication.program_id) == where.program_id)
        if where.batch_id is not None:
            stmt = stmt.where(col(FundApplication.batch_id) == where.batch_id)
        if where.organization_id is not None:
            stmt = stmt.where(col(FundApplication.organization_id) == where.organization_id)
        if where.inbox is not None:
            stmt = stmt.where(self._in_inbox(actor, where.inbox))
        return stmt

    @staticmethod
    def _in_inbox(actor: Actor, inbox: ReviewInbox) -> sa.ColumnElement[bool]:
        me = actor.user_id
        if me is None:  # API keys review nothing
            return sa.false()
        if inbox is ReviewInbox.DONE:
            # Each decision is in the audit log the workflow writes with it (fund_application.<action>).
            decided = audit_queries.objects_acted_on_by(
                actor.tenant_id, me, "FundApplication", [f"fund_application.{a.value.lower()}" for a in REVIEW_ACTIONS]
            )
            return col(FundApplication.id).in_(decided)
        # The same rules review_application applies (stage, chain, segregation of duties), so the inbox
        # never offers what the reviewer would be refused.
        waiting: list[sa.ColumnElement[bool]] = []
        chains = chains_reviewed_by(actor)
        if actor.can(Perm.FUNDS_REVIEW) and chains:
            waiting.append(
                sa.and_(
                    col(FundApplication.status) == ApplicationStatus.SUBMITTED,
                    col(FundApplication.chain_id).in_(chains),
                )
            )
        if actor.can(Perm.FUNDS_APPROVE):
            waiting.append(
                sa.and_(
                    col(FundApplication.status) == ApplicationStatus.CHAIN_APPROVED,
                    col(FundApplication.chain_reviewer_id).is_distinct_from(me),
                )
            )
        if not waiting:
            return sa.false()
        return sa.and_(sa.or_(*waiting), col(FundApplication.applicant_user_id) != me)

    async def page_applications(
        self, actor: Actor, where: ApplicationFilter, page: PageRequest
    ) -> Page[FundApplication]:
        keys = [col(FundApplication.created_at), col(FundApplication.id)]
        return await paginate(self.session, self._application_filter(actor, where).add_columns(*keys), keys, page)

    async def count_applications(self, actor: Actor, where: ApplicationFilter) -> int:
        return await count(self.session, self._application_filter(actor, where))

    async def live_application_exists(self, application: FundApplication) -> bool:
        """Another application that holds this organisation's place (mirrors the unique indexes)."""
        same_place = (
            col(FundApplication.organization_id) == application.organization_id
            if application.program_kind == ProgramKind.STARTUP_FUND
            else sa.and_(
                col(FundApplication.organization_id) == application.organization_id,
                col(FundApplication.program_id) == application.program_id,
            )
        )
        stmt = sa.select(sa.literal(1)).where(
            col(FundApplication.tenant_id) == application.tenant_id,
            col(FundApplication.id) != application.id,
            col(FundApplication.program_kind) == application.program_kind,
            same_place,
            col(FundApplication.status).not_in(["REJECTED", "CANCELLED", "FAILED"]),
        )
        return await self.session.scalar(stmt) is not None


async def claim_due_payments(
    owner_session: AsyncSession, now: datetime, lease: timedelta, limit: int
) -> list[DuePayment]:
    """Across parks (the owner connection): unsettled payments whose time has come, leased to the caller
    until `now + lease` so the next scan leaves them to the job it hands them to."""
    stmt = (
        sa.select(col(FundPayment.tenant_id), col(FundPayment.id))
        .where(col(FundPayment.status).in_(UNSETTLED_PAYMENTS), col(FundPayment.next_attempt_at) <= now)
        .order_by(col(FundPayment.next_attempt_at))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    keys = [(t, i) for t, i in (await owner_session.execute(stmt)).all()]
    if not keys:
        return []
    updated = await owner_session.execute(
        sa.update(FundPayment)
        .where(sa.tuple_(col(FundPayment.tenant_id), col(FundPayment.id)).in_(keys))
        .values(next_attempt_at=now + lease, dispatches=col(FundPayment.dispatches) + 1)
        .returning(col(FundPayment.tenant_id), col(FundPayment.id), col(FundPayment.dispatches))
        .execution_options(synchronize_session=False)
    )
    return [DuePayment(t, i, d) for t, i, d in updated.all()]
