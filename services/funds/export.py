"""Batch exports for the finance office, CSV or XLSX, through the one spreadsheet writer."""

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.spreadsheet import SheetFile, SheetFormat, sheet_file
from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.funds import disbursement
from redchain.services.funds.payee import mask_account

HEADER = (
    "序号 No.",
    "党组织 Organisation",
    "收款户名 Account name",
    "开户行 Bank",
    "账号 Account",
    "金额(元) Amount (yuan)",
    "金额(分) Amount (fen)",
    "状态 Status",
    "支付状态 Payment",
    "幂等键 Idempotency key",
    "网关流水号 Gateway reference",
)


def _yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


async def export_batch(session: AsyncSession, actor: Actor, batch_id: uuid.UUID, fmt: str) -> SheetFile:
    """Recorded as a security event: the file carries payees' names and banks out of the system."""
    batch, rows = await disbursement.batch_rows(session, actor, batch_id)
    lines = [
        (
            n,
            organization.name,
            application.payee_account_name,
            application.payee_bank,
            mask_account(application.payee_account_last4),
            _yuan(application.amount_fen),
            application.amount_fen,
            application.status,
            payment.status if payment else "",
            payment.idempotency_key if payment else "",
            (payment.gateway_reference or "") if payment else "",
        )
        for n, (application, payment, organization) in enumerate(rows, start=1)
    ]
    sheet_format = SheetFormat(fmt)
    # A workbook has room for a title row above the table; a CSV stays one table, as programs read it.
    title = [(batch.name, f"{len(lines)} 笔", f"合计 {_yuan(sum(r[6] for r in lines))} 元")]
    stem = f"payment-batch-{batch.created_at:%Y%m%d}-{batch.id.hex[:8]}"
    file = sheet_file(
        sheet_format, stem, "支付批次", [*(title if sheet_format is SheetFormat.XLSX else []), HEADER, *lines]
    )
    audit.record(
        session,
        actor,
        "security.export",
        "PaymentBatch",
        batch.id,
        after={"format": sheet_format.value, "rows": len(lines)},
    )
    return file
