"""Fund programs and their budgets; applications from draft to park approval, cancellation and clawback.
Batches and payments are in disbursement.py; every status change goes through workflow.transition."""

import uuid
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra import outbox
from redchain.infra.clock import park_today
from redchain.infra.models_base import utcnow
from redchain.infra.pagination import Page, PageRequest
from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.errors import NotFound, TooLong
from redchain.services.funds import events, payee
from redchain.services.funds.amounts import parse_rule
from redchain.services.funds.errors import (
    AlreadyApplied,
    AmountOutOfRange,
    BudgetBelowCommitted,
    BudgetExceeded,
    IllegalTransition,
    InvalidDocument,
    InvalidFiscalYear,
    InvalidPayee,
    NotEligible,
    ProgramExists,
)
from redchain.services.funds.ledger import Budget
from redchain.services.funds.models import (
    ApplicationStatus,
    FundApplication,
    FundProgram,
    ProgramKind,
)
from redchain.services.funds.policies import (
    check_chain_reviewer,
    check_distinct,
    check_may_apply_for,
    require,
    require_person,
)
from redchain.services.funds.repository import ApplicationFilter, ApplicationRepository, FundsRepository
from redchain.services.funds.repository import ReviewInbox as ReviewInbox  # the inbox filter, for the API
from redchain.services.funds.workflow import (
    APPLICATION_FIELDS,
    CANCEL_NEEDS_APPROVER,
    EDITABLE,
    Action,
    transition,
)
from redchain.services.permissions import Perm
from redchain.services.registry import service as registry
from redchain.services.registry.service import OrganizationStatus, PartyOrganization
from redchain.services.updates import UNSET, Unset

PROGRAM_FIELDS = ("kind", "name", "fiscal_year", "budget_fen", "amount_rule")
MAX_DOCUMENTS = 20


class ReviewStage(StrEnum):
    CHAIN = "CHAIN"  # 行业党委审核
    PARK = "PARK"  # 园区党工委审批


class ReviewDecision(StrEnum):
    APPROVE = "APPROVE"
    RETURN = "RETURN"
    REJECT = "REJECT"


@dataclass(frozen=True)
class Payee:
    account_name: str
    bank: str
    account_number: str


@dataclass(frozen=True)
class Document:
    """Metadata of an uploaded supporting document; the file itself lives in object storage."""

    name: str
    url: str
    size_bytes: int | None = None
    sha256: str | None = None


@dataclass(frozen=True)
class ProgramChanges:
    budget_fen: int | Unset = UNSET
    amount_rule: dict[str, Any] | Unset | None = UNSET  # None: the kind's default rule, as when created


@dataclass(frozen=True)
class ApplicationChanges:
    amount_fen: int | Unset | None = UNSET  # None: what the program entitles it to, as when drafted
    payee: Payee | Unset = UNSET
    documents: list[Document] | Unset | None = UNSET  # None: no documents


def _one_year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


# Programs -------------------------------------------------------------------------------------


async def create_program(
    session: AsyncSession,
    actor: Actor,
    kind: ProgramKind,
    fiscal_year: int,
    name: str,
    budget_fen: int,
    amount_rule: dict[str, Any] | None,
) -> FundProgram:
    require(actor, Perm.FUNDS_PROGRAMS_MANAGE)
    if not 2000 <= fiscal_year <= 2100:
        raise InvalidFiscalYear("fiscalYear")
    if budget_fen < 0:
        raise BudgetBelowCommitted("budgetFen", committed_fen=0)
    name = name.strip()
    if not name or len(name) > 200:
        raise TooLong("name", limit=200)
    rule = parse_rule(amount_rule, kind)
    repo = FundsRepository(session)
    if await repo.program_of_kind(actor.tenant_id, kind, fiscal_year) is not None:
        raise ProgramExists("kind")
    program = FundProgram(
        tenant_id=actor.tenant_id,
        kind=kind,
        name=name,
        fiscal_year=fiscal_year,
        budget_fen=budget_fen,
        amount_rule=rule.as_json(),
        created_by=actor.user_id,
    )
    await repo.add(program)
    audit.record(
        session, actor, "fund_program.create", "FundProgram", program.id, after=audit.snapshot(program, *PROGRAM_FIELDS)
    )
    outbox.emit(session, actor.tenant_id, events.ProgramCreated(program_id=program.id))
    return program


async def change_program(
    session: AsyncSession,
    actor: Actor,
    program_id: uuid.UUID,
    changes: ProgramChanges,
) -> FundProgram:
    """A new budget may not go below what is already reserved or paid; a new rule applies to new drafts."""
    require(actor, Perm.FUNDS_PROGRAMS_MANAGE)
    repo = FundsRepository(session)
    program = await repo.program(actor.tenant_id, program_id, lock=True)
    if program is None:
        raise NotFound("id")
    before = audit.snapshot(program, *PROGRAM_FIELDS)
    if not isinstance(changes.amount_rule, Unset):
        program.amount_rule = parse_rule(changes.amount_rule, ProgramKind(program.kind)).as_json()
    if not isinstance(budget_fen := changes.budget_fen, Unset):
        totals = (await repo.ledger_totals(actor.tenant_id, [program.id]))[program.id]
        committed = Budget.from_totals(program.budget_fen, totals).committed_fen
        if budget_fen < committed:
            raise BudgetBelowCommitted("budgetFen", committed_fen=committed)
        program.budget_fen = budget_fen
    program.updated_at = utcnow()
    audit.record(
        session,
        actor,
        "fund_program.change",
        "FundProgram",
        program.id,
        before=before,
        after=audit.snapshot(program, *PROGRAM_FIELDS),
    )
    outbox.emit(
        session, actor.tenant_id, events.ProgramBudgetChanged(program_id=program.id, budget_fen=program.budget_fen)
    )
    return program


async def list_programs(
    session: AsyncSession, actor: Actor, fiscal_year: int | None, page: PageRequest
) -> Page[FundProgram]:
    require(actor, Perm.FUNDS_READ)
    return await FundsRepository(session).page_programs(actor.tenant_id, fiscal_year, page)


async def count_programs(session: AsyncSession, actor: Actor, fiscal_year: int | None) -> int:
    require(actor, Perm.FUNDS_READ)
    return await FundsRepository(session).count_programs(actor.tenant_id, fiscal_year)


async def programs_by_ids(session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]) -> list[FundProgram]:
    if actor is None or not actor.can(Perm.FUNDS_READ):
        return []
    return await FundsRepository(session).programs(actor.tenant_id, ids)


async def budgets(session: AsyncSession, actor: Actor | None, programs: list[FundProgram]) -> dict[uuid.UUID, Budget]:
    if actor is None or not actor.can(Perm.FUNDS_READ):
        return {}
    totals = await FundsRepository(session).ledger_totals(actor.tenant_id, [p.id for p in programs])
    return {p.id: Budget.from_totals(p.budget_fen, totals[p.id]) for p in programs}


# Applications ---------------------------------------------------------------------------------


def _check_payee(value: Payee) -> Payee:
    name, bank = value.account_name.strip(), value.bank.strip()
    number = "".join(value.account_number.split())
    if not name or len(name) > 100:
        raise InvalidPayee("payee.accountName", why="account name 1-100 characters")
    if not bank or len(bank) > 100:
        raise InvalidPayee("payee.bank", why="bank 1-100 characters")
    if not number.isdigit() or not 8 <= len(number) <= 32:
        raise InvalidPayee("payee.accountNumber", why="8-32 digits")
    return Payee(name, bank, number)


def _documents(documents: list[Document]) -> list[dict[str, Any]]:
    if len(documents) > MAX_DOCUMENTS:
        raise InvalidDocument("documents", why=f"at most {MAX_DOCUMENTS}")
    checked = []
    for doc in documents:
        if not doc.name.strip() or len(doc.name) > 200:
            raise InvalidDocument("documents.name", why="name 1-200 characters")
        if not doc.url.startswith(("https://", "http://", "s3://", "oss://")) or len(doc.url) > 500:
            raise InvalidDocument("documents.url", why="an http(s), s3 or oss address of at most 500 characters")
        if doc.size_bytes is not None and doc.size_bytes < 0:
            raise InvalidDocument("documents.sizeBytes", why="not negative")
        if doc.sha256 is not None and (len(doc.sha256) != 64 or not all(c in "0123456789abcdef" for c in doc.sha256)):
            raise InvalidDocument("documents.sha256", why="64 lower-case hex characters")
        checked.append({"name": doc.name.strip(), "url": doc.url, "size_bytes": doc.size_bytes, "sha256": doc.sha256})
    return checked


def _set_payee(application: FundApplication, value: Payee) -> None:
    value = _check_payee(value)
    application.payee_account_name = value.account_name
    application.payee_bank = value.bank
    application.payee_account_cipher = payee.encrypt_account(application.tenant_id, value.account_number)
    application.payee_account_last4 = value.account_number[-4:]


def _check_eligible(program: FundProgram, organization: PartyOrganization) -> None:
    if organization.status != OrganizationStatus.FORMED or organization.formed_on is None:
        raise NotEligible("organizationId", why="not formed")
    if program.kind == ProgramKind.STARTUP_FUND:
        today = park_today()
        if not _one_year_before(today) <= organization.formed_on <= today:
            raise NotEligible(
                "organizationId", why="the start-up fund is for organisations formed in the last 12 months"
            )


def _check_amount(amount_fen: int, entitled_fen: int) -> None:
    if not 0 < amount_fen <= entitled_fen:
        raise AmountOutOfRange("amountFen", entitled_fen=entitled_fen)


async def _add_once(session: AsyncSession, application: FundApplication) -> None:
    repo = ApplicationRepository(session)
    # The partial unique indexes are the real guard; this check only gives the usual case a clear error.
    if await repo.live_application_exists(application):
        raise AlreadyApplied("organizationId")
    try:
        async with session.begin_nested():
            await repo.add(application)
    except IntegrityError as exc:
        raise AlreadyApplied("organizationId") from exc


async def draft_application(
    session: AsyncSession,
    actor: Actor,
    program_id: uuid.UUID,
    organization_id: uuid.UUID,
    amount_fen: int | None,
    payee_details: Payee,
    documents: list[Document],
) -> FundApplication:
    """An enterprise contact (or staff on its behalf) drafts an application for an organisation in scope."""
    user_id = require_person(actor, Perm.FUNDS_APPLY)
    repo = FundsRepository(session)
    program = await repo.program(actor.tenant_id, program_id)
    if program is None:
        raise NotFound("programId")
    # The organisation's facts whatever the registry scope: the funds rule below decides who applies.
    facts = Actor.system(actor.tenant_id)
    organization = await registry.get_organization(session, facts, organization_id)
    if organization is None:
        raise NotFound("organizationId")
    covered = await registry.enterprises_of_organizations(session, facts, [organization_id])
    check_may_apply_for(actor, organization.chain_id, {enterprise.id for _, enterprise in covered})
    if organization.chain_id is None:
        raise NotEligible("organizationId", why="the organisation belongs to no industry chain")
    _check_eligible(program, organization)
    rule = parse_rule(program.amount_rule, ProgramKind(program.kind))
    members = await registry.member_counts_by_organization(session, facts, [organization_id])
    entitled = rule.entitlement(organization.kind, members.get(organization_id, 0))
    amount = entitled if amount_fen is None else amount_fen
    _check_amount(amount, entitled)
    application = FundApplication(
        tenant_id=actor.tenant_id,
        program_id=program.id,
        program_kind=program.kind,
        organization_id=organization.id,
        chain_id=organization.chain_id,
        amount_fen=amount,
        entitled_fen=entitled,
        payee_account_name="",
        payee_bank="",
        payee_account_cipher=b"",
        payee_account_last4="",
        documents=_documents(documents),
        applicant_user_id=user_id,
    )
    _set_payee(application, payee_details)
    await _add_once(session, application)
    audit.record(
        session,
        actor,
        "fund_application.draft",
        "FundApplication",
        application.id,
        after=audit.snapshot(application, *APPLICATION_FIELDS),
    )
    outbox.emit(
        session,
        actor.tenant_id,
        events.ApplicationTransitioned(
            application_id=application.id,
            applicant_user_id=user_id,
            from_status=None,
            to=ApplicationStatus.DRAFT,
            action=Action.DRAFT.value,
            reason=None,
        ),
    )
    return application


async def _locked(session: AsyncSession, actor: Actor, application_id: uuid.UUID) -> FundApplication:
    application = await ApplicationRepository(session).application(actor, application_id, lock=True)
    if application is None:
        raise NotFound("id")
    return application


def _check_applicant_side(actor: Actor, application: FundApplication) -> None:
    # Only its applicant changes or resubmits a draft; others in scope see it but do not speak for it.
    if application.applicant_user_id != actor.user_id:
        raise IllegalTransition("id", status=application.status, action="changed by someone else")


async def update_application(
    session: AsyncSession, actor: Actor, application_id: uuid.UUID, changes: ApplicationChanges
) -> FundApplication:
    require_person(actor, Perm.FUNDS_APPLY)
    application = await _locked(session, actor, application_id)
    if application.status not in EDITABLE:
        raise IllegalTransition("id", status=application.status, action=Action.UPDATE.value)
    _check_applicant_side(actor, application)
    before = audit.snapshot(application, *APPLICATION_FIELDS)
    if not isinstance(changes.amount_fen, Unset):
        amount = application.entitled_fen if changes.amount_fen is None else changes.amount_fen
        _check_amount(amount, application.entitled_fen)
        application.amount_fen = amount
    if not isinstance(changes.payee, Unset):
        _set_payee(application, changes.payee)
    if not isinstance(changes.documents, Unset):
        application.documents = _documents(changes.documents or [])
    application.updated_at = utcnow()
    audit.record(
        session,
        actor,
        "fund_application.update",
        "FundApplication",
        application.id,
        before=before,
        after=audit.snapshot(application, *APPLICATION_FIELDS),
    )
    return application


async def submit_application(session: AsyncSession, actor: Actor, application_id: uuid.UUID) -> FundApplication:
    require_person(actor, Perm.FUNDS_APPLY)
    application = await _locked(session, actor, application_id)
    _check_applicant_side(actor, application)
    await transition(session, actor, application, Action.SUBMIT)
    application.submitted_at = application.updated_at
    return application


async def review_application(
    session: AsyncSession,
    actor: Actor,
    application_id: uuid.UUID,
    stage: ReviewStage,
    decision: ReviewDecision,
    reason: str | None,
) -> FundApplication:
    """The chain committee reviews a submitted application, then the park approves it, which reserves
    its amount from the program's budget under the program's row lock."""
    user_id = require_person(actor, Perm.FUNDS_REVIEW if stage is ReviewStage.CHAIN else Perm.FUNDS_APPROVE)
    application = await _locked(session, actor, application_id)
    expected = ApplicationStatus.SUBMITTED if stage is ReviewStage.CHAIN else ApplicationStatus.CHAIN_APPROVED
    if application.status != expected:
        raise IllegalTransition("id", status=application.status, action=f"{stage.value} {decision.value}")
    if stage is ReviewStage.CHAIN:
        check_chain_reviewer(actor, application.chain_id)
        check_distinct(user_id, application.applicant_user_id)
    else:
        check_distinct(user_id, application.applicant_user_id, application.chain_reviewer_id)
    if decision is ReviewDecision.RETURN:
        await transition(session, actor, application, Action.RETURN, reason)
    elif decision is ReviewDecision.REJECT:
        await transition(session, actor, application, Action.REJECT, reason)
    elif stage is ReviewStage.CHAIN:
        application.chain_reviewer_id = user_id
        await transition(session, actor, application, Action.CHAIN_APPROVE, reason)
    else:
        await _reserve(session, application)
        application.park_approver_id = user_id
        await transition(session, actor, application, Action.PARK_APPROVE, reason)
    return application


async def _reserve(session: AsyncSession, application: FundApplication) -> None:
    repo = FundsRepository(session)
    program = await repo.program(application.tenant_id, application.program_id, lock=True)
    assert program is not None
    totals = (await repo.ledger_totals(application.tenant_id, [program.id]))[program.id]
    available = Budget.from_totals(program.budget_fen, totals).available_fen
    if application.amount_fen > available:
        raise BudgetExceeded("id", available_fen=available, amount_fen=application.amount_fen)


async def cancel_application(
    session: AsyncSession, actor: Actor, application_id: uuid.UUID, reason: str | None
) -> FundApplication:
    """Before payment only. Once budget is reserved, cancelling is the park's decision (it releases it)."""
    application = await _locked(session, actor, application_id)
    own = application.applicant_user_id == actor.user_id and application.status not in CANCEL_NEEDS_APPROVER
    require_person(actor, Perm.FUNDS_APPLY if own else Perm.FUNDS_APPROVE)
    if application.status == ApplicationStatus.SCHEDULED:
        application.batch_id = None
    await transition(session, actor, application, Action.CANCEL, reason)
    return application


async def claw_back(
    session: AsyncSession, actor: Actor, application_id: uuid.UUID, reason: str | None
) -> FundApplication:
    """Records money recovered after payment (追回); it goes back into the program's budget."""
    require_person(actor, Perm.FUNDS_DISBURSE)
    application = await _locked(session, actor, application_id)
    await transition(session, actor, application, Action.CLAW_BACK, reason)
    return application


async def get_application(session: AsyncSession, actor: Actor, application_id: uuid.UUID) -> FundApplication | None:
    if not actor.can(Perm.FUNDS_READ):
        return None
    return await ApplicationRepository(session).application(actor, application_id)


async def applications_by_ids(
    session: AsyncSession, actor: Actor | None, ids: list[uuid.UUID]
) -> list[FundApplication]:
    if actor is None or not actor.can(Perm.FUNDS_READ):
        return []
    return await ApplicationRepository(session).applications(actor, ids)


async def list_applications(
    session: AsyncSession, actor: Actor, where: ApplicationFilter, page: PageRequest
) -> Page[FundApplication]:
    require(actor, Perm.FUNDS_READ)
    return await ApplicationRepository(session).page_applications(actor, where, page)


async def count_applications(session: AsyncSession, actor: Actor, where: ApplicationFilter) -> int:
    require(actor, Perm.FUNDS_READ)
    return await ApplicationRepository(session).count_applications(actor, where)
