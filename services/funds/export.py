"""Batch exports for the finance office: CSV (UTF-8 with BOM, so Excel reads the Chinese) and XLSX."""

import csv
import io
import uuid
from dataclasses import dataclass

from openpyxl import Workbook
from sqlalchemy.ext.asyncio import AsyncSession

from redchain.services.actor import Actor
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
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class ExportFile:
    filename: str
    media_type: str
    content: bytes


def _yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


async def export_batch(session: AsyncSession, actor: Actor, batch_id: uuid.UUID, fmt: str) -> ExportFile:
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
    stem = f"payment-batch-{batch.created_at:%Y%m%d}-{batch.id.hex[:8]}"
    if fmt == "XLSX":
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "支付批次"
        sheet.append([f"{batch.name}", f"{len(lines)} 笔", f"合计 {_yuan(sum(r[6] for r in lines))} 元"])
        sheet.append(list(HEADER))
        for line in lines:
            sheet.append(list(line))
        buffer = io.BytesIO()
        book.save(buffer)
        return ExportFile(f"{stem}.xlsx", XLSX_TYPE, buffer.getvalue())
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(HEADER)
    writer.writerows(lines)
    return ExportFile(f"{stem}.csv", CSV_TYPE, ("\ufeff" + text.getvalue()).encode())
