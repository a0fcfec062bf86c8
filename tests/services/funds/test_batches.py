"""Payment batches: built from park-approved applications, executed by a fourth person."""

import io
import uuid

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook
from sqlmodel import col

from redchain.infra.db import Database
from redchain.infra.outbox import OutboxEvent
from redchain.services.audit.models import AuditEntry
from redchain.services.errors import NotFound, PermissionDenied
from redchain.services.funds import disbursement, events, export
from redchain.services.funds import service as funds
from redchain.services.funds.errors import EmptyBatch, IllegalTransition, NotInBatch, SegregationOfDuties
from redchain.services.funds.models import ApplicationStatus, BatchStatus, PaymentStatus
from redchain.services.permissions import Role
from redchain.services.registry import service as registry
from tests.factories import person
from tests.formulas import FORMULAS, assert_inert_xlsx, csv_cells
from tests.services.funds.support import (
    PAYEE,
    FundsPark,
    advance,
    approved,
    draft,
    eligible_organization,
    funds_park,
    in_park,
    reload,
)


async def batch_of(db: Database, fp: FundsPark, count: int) -> tuple[list[uuid.UUID], uuid.UUID]:
    ids = [(await approved(db, fp)).id for _ in range(count)]
    batch = await in_park(db, fp.park, lambda s: disbursement.create_batch(s, fp.finance.actor, "2026年第一批", ids))
    return ids, batch.id


async def test_create_and_execute_a_batch(db: Database) -> None:
    fp = await funds_park(db)
    ids, batch_id = await batch_of(db, fp, 3)
    assert {(await reload(db, fp.park, i))[0].status for i in ids} == {ApplicationStatus.SCHEDULED}

    batch = await in_park(db, fp.park, lambda s: disbursement.execute_batch(s, fp.finance.actor, batch_id))

    assert (batch.status, batch.application_count, batch.total_fen) == (BatchStatus.EXECUTED, 3, 1_500_000)
    for application_id in ids:
        application, payment = await reload(db, fp.park, application_id)
        assert application.status == ApplicationStatus.PAYING
        assert payment is not None and payment.status == PaymentStatus.PENDING
        assert payment.idempotency_key == disbursement.idempotency_key(application)
    async with db.transaction(fp.park.id) as session:
        paying = list(
            await session.scalars(
                sa.select(OutboxEvent).where(
                    col(OutboxEvent.tenant_id) == fp.park.id,
                    col(OutboxEvent.event_type) == events.ApplicationTransitioned.name,
                    OutboxEvent.payload["to"].astext == "PAYING",
                )
            )
        )
    assert len(paying) == 3


async def test_executor_is_none_of_the_earlier_people(db: Database) -> None:
    fp = await funds_park(db)
    _, batch_id = await batch_of(db, fp, 1)
    # A finance officer who also reviewed (as chain staff) the application may not pay it.
    reviewer_too = type(fp.finance.actor)(
        kind=fp.finance.actor.kind,
        tenant_id=fp.park.id,
        user_id=fp.staff.user.id,
        grants=(*fp.finance.actor.grants, *fp.staff.actor.grants),
    )

    with pytest.raises(SegregationOfDuties):
        await in_park(db, fp.park, lambda s: disbursement.execute_batch(s, reviewer_too, batch_id))


async def test_batch_needs_park_approved_applications(db: Database) -> None:
    fp = await funds_park(db)
    submitted = await advance(db, fp, await draft(db, fp), "SUBMITTED")
    other = await funds_park(db)
    foreign = await approved(db, other)

    with pytest.raises(NotInBatch):
        await in_park(db, fp.park, lambda s: disbursement.create_batch(s, fp.finance.actor, "批次", [submitted.id]))
    with pytest.raises(NotFound):
        await in_park(db, fp.park, lambda s: disbursement.create_batch(s, fp.finance.actor, "批次", [foreign.id]))
    with pytest.raises(EmptyBatch):
        await in_park(db, fp.park, lambda s: disbursement.create_batch(s, fp.finance.actor, "批次", []))


async def test_only_finance_builds_and_executes(db: Database) -> None:
    fp = await funds_park(db)
    application = await approved(db, fp)
    app_id = application.id
    for refused in (fp.admin, fp.staff, fp.contact, fp.auditor, fp.other_officer):
        with pytest.raises(PermissionDenied):
            await in_park(db, fp.park, lambda s, r=refused: disbursement.create_batch(s, r.actor, "批次", [app_id]))
    batch = await in_park(
        db, fp.park, lambda s: disbursement.create_batch(s, fp.finance.actor, "批次", [application.id])
    )
    for refused in (fp.admin, fp.auditor):
        with pytest.raises(PermissionDenied):
            await in_park(db, fp.park, lambda s, r=refused: disbursement.execute_batch(s, r.actor, batch.id))
    other = await funds_park(db)
    with pytest.raises(NotFound):
        await in_park(db, other.park, lambda s: disbursement.execute_batch(s, other.finance.actor, batch.id))


async def test_discarded_batch_returns_its_applications(db: Database) -> None:
    fp = await funds_park(db)
    ids, batch_id = await batch_of(db, fp, 2)

    batch = await in_park(db, fp.park, lambda s: disbursement.discard_batch(s, fp.finance.actor, batch_id))

    assert batch.status == BatchStatus.DISCARDED
    for application_id in ids:
        application, _ = await reload(db, fp.park, application_id)
        assert (application.status, application.batch_id) == (ApplicationStatus.PARK_APPROVED, None)
    with pytest.raises(IllegalTransition):
        await in_park(db, fp.park, lambda s: disbursement.execute_batch(s, fp.finance.actor, batch_id))


async def test_executed_batch_cannot_run_again_or_be_discarded(db: Database) -> None:
    fp = await funds_park(db)
    _, batch_id = await batch_of(db, fp, 1)
    await in_park(db, fp.park, lambda s: disbursement.execute_batch(s, fp.finance.actor, batch_id))

    for again in (disbursement.execute_batch, disbursement.discard_batch):
        with pytest.raises(IllegalTransition):
            await in_park(db, fp.park, lambda s, a=again: a(s, fp.finance.actor, batch_id))


async def test_paying_cannot_be_cancelled(db: Database) -> None:
    fp = await funds_park(db)
    ids, batch_id = await batch_of(db, fp, 1)
    await in_park(db, fp.park, lambda s: disbursement.execute_batch(s, fp.finance.actor, batch_id))

    with pytest.raises(IllegalTransition):
        await in_park(db, fp.park, lambda s: funds.cancel_application(s, fp.admin.actor, ids[0], "晚了"))


async def test_a_scheduled_application_cancelled_leaves_the_batch(db: Database) -> None:
    fp = await funds_park(db)
    ids, batch_id = await batch_of(db, fp, 2)
    await in_park(db, fp.park, lambda s: funds.cancel_application(s, fp.admin.actor, ids[0], "企业注销"))

    batch = await in_park(db, fp.park, lambda s: disbursement.execute_batch(s, fp.finance.actor, batch_id))

    assert (batch.application_count, batch.total_fen) == (1, 500_000)


@pytest.mark.parametrize("fmt", ["CSV", "XLSX"])
async def test_batch_export(db: Database, fmt: str) -> None:
    fp = await funds_park(db)
    _, batch_id = await batch_of(db, fp, 2)

    file = await in_park(db, fp.park, lambda s: export.export_batch(s, fp.finance.actor, batch_id, fmt))

    if fmt == "CSV":
        text = file.content.decode("utf-8-sig")
        lines = text.strip().splitlines()
        assert len(lines) == 3 and "5000.00" in lines[1] and "**** **** **** 2233" in lines[1]
        assert "6222020200112233" not in text
    else:
        sheet = load_workbook(io.BytesIO(file.content)).active
        assert sheet is not None
        rows = list(sheet.iter_rows(values_only=True))
        assert len(rows) == 4 and rows[2][6] == 500_000
    auditor = await person(db, fp.park, Role.AUDITOR)
    assert (await in_park(db, fp.park, lambda s: export.export_batch(s, auditor.actor, batch_id, fmt))).content
    with pytest.raises(PermissionDenied):
        await in_park(db, fp.park, lambda s: export.export_batch(s, fp.contact.actor, batch_id, fmt))


@pytest.mark.parametrize("fmt", ["CSV", "XLSX"])
async def test_batch_export_keeps_typed_formulas_as_text(db: Database, fmt: str) -> None:
    fp = await funds_park(db)
    # What the enterprise contact types as payee, and what the park names an organisation.
    organization = await eligible_organization(db, fp.park, fp.chain, [fp.enterprise])
    await in_park(
        db,
        fp.park,
        lambda s: registry.update_organization(
            s, fp.admin.actor, organization.id, registry.OrganizationChanges(name=FORMULAS[2])
        ),
    )
    first = await approved(db, fp, funds.Payee(FORMULAS[0], FORMULAS[1], PAYEE.account_number), organization)
    second = await approved(db, fp, funds.Payee(FORMULAS[3], PAYEE.bank, PAYEE.account_number))
    batch = await in_park(
        db, fp.park, lambda s: disbursement.create_batch(s, fp.finance.actor, "=1+1", [first.id, second.id])
    )

    file = await in_park(db, fp.park, lambda s: export.export_batch(s, fp.finance.actor, batch.id, fmt))

    if fmt == "CSV":
        cells = {cell for row in csv_cells(file.content.decode()) for cell in row}
        assert {"'" + payload for payload in FORMULAS} <= cells
        assert not cells & set(FORMULAS)
    else:
        assert_inert_xlsx(file.content, (*FORMULAS, "=1+1"))


@pytest.mark.parametrize("fmt", ["CSV", "XLSX"])
async def test_a_batch_export_is_a_security_event(db: Database, fmt: str) -> None:
    fp = await funds_park(db)
    _, batch_id = await batch_of(db, fp, 2)

    await in_park(db, fp.park, lambda s: export.export_batch(s, fp.finance.actor, batch_id, fmt))

    async with db.transaction(fp.park.id) as session:
        [entry] = await session.scalars(
            sa.select(AuditEntry).where(
                col(AuditEntry.tenant_id) == fp.park.id, col(AuditEntry.action) == "security.export"
            )
        )
    assert (entry.object_type, entry.object_id, entry.actor_user_id) == ("PaymentBatch", batch_id, fp.finance.user.id)
    assert entry.after == {"format": fmt, "rows": 2}
