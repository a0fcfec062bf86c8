"""Queries of the funds context."""

from typing import Annotated

import strawberry
from strawberry.types import Info

from redchain.graphql.exports import ExportFormat, FileExport
from redchain.graphql.funds.dataloaders import FundApplicationByIdLoader, FundProgramByIdLoader, PaymentBatchByIdLoader
from redchain.graphql.funds.types import (
    FundApplication,
    FundApplicationStatus,
    FundProgram,
    FundReviewInbox,
    LedgerEntry,
    LedgerReportLine,
    PaymentBatch,
    PaymentBatchStatus,
)
from redchain.graphql.permissions import HasPerm
from redchain.graphql.relay import Connection, decode_id, decode_optional_id, loaded_node, paged
from redchain.services.funds import disbursement, export
from redchain.services.funds import service as funds
from redchain.services.funds.models import ApplicationStatus, BatchStatus
from redchain.services.funds.service import ApplicationFilter
from redchain.services.permissions import Perm

loaded_node("FundProgram", FundProgramByIdLoader, FundProgram.from_row)


loaded_node("FundApplication", FundApplicationByIdLoader, FundApplication.from_row)


loaded_node("PaymentBatch", PaymentBatchByIdLoader, PaymentBatch.from_row)


@strawberry.type
class FundsQuery:
    @strawberry.field(permission_classes=[HasPerm(Perm.FUNDS_READ)], description="The park's fund programs.")
    async def fund_programs(
        self, info: Info, first: int | None = None, after: str | None = None, fiscal_year: int | None = None
    ) -> Connection[FundProgram]:
        actor = info.context.require_actor()
        return await paged(
            info,
            first,
            after,
            FundProgram.from_row,
            fetch=lambda s, page: funds.list_programs(s, actor, fiscal_year, page),
            count=lambda s: funds.count_programs(s, actor, fiscal_year),
        )

    @strawberry.field(
        permission_classes=[HasPerm(Perm.FUNDS_READ)],
        description="Newest first. Enterprise contacts see their organisations', chain staff their chain's; "
        "park admins, finance officers and auditors all.",
    )
    async def fund_applications(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        status: FundApplicationStatus | None = None,  # type: ignore[valid-type]
        program_id: strawberry.ID | None = None,
        batch_id: strawberry.ID | None = None,
        organization_id: strawberry.ID | None = None,
        inbox: Annotated[
            FundReviewInbox | None,  # type: ignore[valid-type]
            strawberry.argument(
                description="PENDING (待我审批): waiting at a review stage you decide, none of your own; "
                "DONE (我已审批): you approved, returned or rejected it."
            ),
        ] = None,
    ) -> Connection[FundApplication]:
        actor = info.context.require_actor()
        where = ApplicationFilter(
            status=ApplicationStatus(status) if status else None,
            program_id=decode_optional_id(program_id, "FundProgram", field="programId"),
            batch_id=decode_optional_id(batch_id, "PaymentBatch", field="batchId"),
            organization_id=decode_optional_id(organization_id, "PartyOrganization", field="organizationId"),
            inbox=funds.ReviewInbox(inbox) if inbox else None,
        )
        return await paged(
            info,
            first,
            after,
            FundApplication.from_row,
            fetch=lambda s, page: funds.list_applications(s, actor, where, page),
            count=lambda s: funds.count_applications(s, actor, where),
        )

    @strawberry.field(permission_classes=[HasPerm(Perm.FUNDS_REPORT)], description="Newest first.")
    async def payment_batches(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        status: PaymentBatchStatus | None = None,  # type: ignore[valid-type]
    ) -> Connection[PaymentBatch]:
        actor = info.context.require_actor()
        status_filter = BatchStatus(status) if status else None
        return await paged(
            info,
            first,
            after,
            PaymentBatch.from_row,
            fetch=lambda s, page: disbursement.list_batches(s, actor, status_filter, page),
            count=lambda s: disbursement.count_batches(s, actor, status_filter),
        )

    @strawberry.field(
        permission_classes=[HasPerm(Perm.FUNDS_REPORT)], description="The append-only budget ledger, newest first."
    )
    async def fund_ledger(
        self, info: Info, first: int | None = None, after: str | None = None, program_id: strawberry.ID | None = None
    ) -> Connection[LedgerEntry]:
        actor = info.context.require_actor()
        program = decode_optional_id(program_id, "FundProgram", field="programId")
        return await paged(
            info,
            first,
            after,
            LedgerEntry.from_row,
            fetch=lambda s, page: disbursement.list_ledger(s, actor, program, page),
            count=lambda s: disbursement.count_ledger(s, actor, program),
        )

    @strawberry.field(
        permission_classes=[HasPerm(Perm.FUNDS_REPORT)],
        description="Ledger sums by program, chain, month (Asia/Shanghai) and entry kind.",
    )
    async def fund_ledger_report(self, info: Info, fiscal_year: int | None = None) -> list[LedgerReportLine]:
        actor = info.context.require_actor()
        async with info.context.read() as session:
            rows = await disbursement.ledger_report(session, actor, fiscal_year)
        return [LedgerReportLine.from_row(row) for row in rows]

    @strawberry.field(
        permission_classes=[HasPerm(Perm.FUNDS_REPORT)],
        description="A payment batch as a CSV or XLSX file for the finance office.",
    )
    async def payment_batch_export(self, info: Info, id: strawberry.ID, format: ExportFormat) -> FileExport:
        actor = info.context.require_actor()
        batch_id = decode_id(id, "PaymentBatch")
        async with info.context.read() as session:
            file = await export.export_batch(session, actor, batch_id, format.value)
        return FileExport.of(file)
