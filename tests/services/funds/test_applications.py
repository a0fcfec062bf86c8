"""Applications: drafting in scope, eligibility, amounts, once per organisation, review and its rules."""

import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from redchain.infra.clock import park_today
from redchain.infra.db import Database
from redchain.services.audit.models import AuditEntry
from redchain.services.errors import NotFound, PermissionDenied
from redchain.services.funds import payee
from redchain.services.funds import service as funds
from redchain.services.funds.errors import (
    AlreadyApplied,
    AmountOutOfRange,
    IllegalTransition,
    InvalidPayee,
    NotEligible,
    ReasonRequired,
    SegregationOfDuties,
)
from redchain.services.funds.models import ApplicationStatus, FundApplication, ProgramKind
from redchain.services.permissions import Role
from redchain.services.registry.models import OrganizationKind, OrganizationStatus
from tests.factories import create_chain, create_enterprise, person
from tests.services.funds.support import PAYEE, advance, draft, eligible_organization, funds_park, in_park

CHAIN, PARK = funds.ReviewStage.CHAIN, funds.ReviewStage.PARK
APPROVE, RETURN, REJECT = funds.ReviewDecision.APPROVE, funds.ReviewDecision.RETURN, funds.ReviewDecision.REJECT


async def test_contact_drafts_for_its_organisation_with_the_rules_amount(db: Database) -> None:
    fp = await funds_park(db)

    application = await draft(db, fp)

    assert application.status == ApplicationStatus.DRAFT
    assert application.entitled_fen == application.amount_fen == 500_000  # a small branch: 5,000 yuan
    assert application.applicant_user_id == fp.contact.user.id
    assert application.chain_id == fp.chain.id


@pytest.mark.parametrize(
    ("kind", "members", "entitled"),
    [
        (OrganizationKind.PARTY_COMMITTEE, 3, 1_000_000),
        (OrganizationKind.GENERAL_BRANCH, 3, 800_000),
        (OrganizationKind.BRANCH, 15, 800_000),
        (OrganizationKind.JOINT_BRANCH, 3, 600_000),
        (OrganizationKind.BRANCH, 14, 500_000),
    ],
)
async def test_entitlement_follows_kind_and_member_count(
    db: Database, kind: OrganizationKind, members: int, entitled: int
) -> None:
    fp = await funds_park(db)
    organization = await eligible_organization(db, fp.park, fp.chain, [fp.enterprise], kind=kind, members=members)

    application = await draft(db, fp, organization)

    assert application.entitled_fen == entitled


async def test_amount_above_entitlement_or_not_positive_is_refused(db: Database) -> None:
    fp = await funds_park(db)
    for amount in (500_001, 0, -1):
        with pytest.raises(AmountOutOfRange):
            await draft(db, fp, amount_fen=amount)


async def test_payee_account_is_encrypted_at_rest(db: Database) -> None:
    fp = await funds_park(db)

    application = await draft(db, fp)

    assert PAYEE.account_number.encode() not in application.payee_account_cipher
    assert application.payee_account_last4 == "2233"
    assert payee.decrypt_account(fp.park.id, application.payee_account_cipher) == PAYEE.account_number
    other_park = await funds_park(db)
    with pytest.raises(payee.PayeeKeyError):
        payee.decrypt_account(other_park.park.id, application.payee_account_cipher)


async def test_bad_payee_is_refused(db: Database) -> None:
    fp = await funds_park(db)
    for bad in (
        funds.Payee("", "银行", "62220202001122"),
        funds.Payee("户名", "银行", "12ab5678"),
        funds.Payee("户名", "银行", "1234"),
    ):
        with pytest.raises(InvalidPayee):
            await draft(db, fp, payee=bad)


async def test_not_formed_or_formed_over_a_year_ago_is_not_eligible(db: Database) -> None:
    fp = await funds_park(db)
    preparing = await eligible_organization(db, fp.park, fp.chain, [fp.enterprise], status=OrganizationStatus.PREPARING)
    old = await eligible_organization(db, fp.park, fp.chain, [fp.enterprise], formed_days_ago=400)
    for organization in (preparing, old):
        with pytest.raises(NotEligible):
            await draft(db, fp, organization)


async def test_start_up_fund_once_per_organisation(db: Database) -> None:
    fp = await funds_park(db)
    first = await draft(db, fp)

    with pytest.raises(AlreadyApplied):
        await draft(db, fp)

    # Cancelled, the place is free again.
    await in_park(db, fp.park, lambda s: funds.cancel_application(s, fp.contact.actor, first.id, "填错了"))
    assert (await draft(db, fp)).status == ApplicationStatus.DRAFT


async def test_start_up_fund_once_per_organisation_across_years_in_the_database(db: Database) -> None:
    fp = await funds_park(db)
    first = await draft(db, fp)
    next_year = await in_park(
        db,
        fp.park,
        lambda s: funds.create_program(
            s, fp.admin.actor, ProgramKind.STARTUP_FUND, park_today().year + 1, "明年启动经费", 10**8, None
        ),
    )

    with pytest.raises(AlreadyApplied):
        await in_park(
            db,
            fp.park,
            lambda s: funds.draft_application(s, fp.contact.actor, next_year.id, fp.organization.id, None, PAYEE, []),
        )
    # Past the service's check, the partial unique index still refuses it.
    columns = {c.name: getattr(first, c.name) for c in FundApplication.__table__.columns}  # type: ignore[attr-defined]
    copy = FundApplication(**{**columns, "id": uuid.uuid4(), "program_id": next_year.id})
    with pytest.raises(IntegrityError, match="uq_fund_applications_startup_once"):
        async with db.transaction(fp.park.id) as session:
            session.add(copy)


async def test_scope_decides_who_may_apply(db: Database) -> None:
    fp = await funds_park(db)
    other_enterprise = await create_enterprise(db, fp.park)
    stranger = await person(db, fp.park, Role.ENTERPRISE_CONTACT, enterprise_id=other_enterprise.id)
    other_chain_staff = await person(db, fp.park, Role.CHAIN_STAFF, chain_id=(await create_chain(db, fp.park)).id)
    for outsider in (stranger, other_chain_staff):
        with pytest.raises(NotFound):
            await draft(db, fp, by=outsider)
    for refused in (fp.finance, fp.auditor, fp.other_officer):
        with pytest.raises(PermissionDenied):
            await draft(db, fp, by=refused)
    # Staff may draft on the organisation's behalf.
    assert (await draft(db, fp, by=fp.staff)).applicant_user_id == fp.staff.user.id


async def test_another_parks_ids_are_not_found(db: Database) -> None:
    fp, other = await funds_park(db), await funds_park(db)
    application = await draft(db, other)

    with pytest.raises(NotFound):
        await in_park(
            db,
            fp.park,
            lambda s: funds.draft_application(
                s, fp.contact.actor, other.program_id, fp.organization.id, None, PAYEE, []
            ),
        )
    with pytest.raises(NotFound):
        await in_park(
            db,
            fp.park,
            lambda s: funds.draft_application(
                s, fp.contact.actor, fp.program_id, other.organization.id, None, PAYEE, []
            ),
        )
    with pytest.raises(NotFound):
        await in_park(db, fp.park, lambda s: funds.submit_application(s, fp.admin.actor, application.id))
    assert await in_park(db, fp.park, lambda s: funds.get_application(s, fp.admin.actor, application.id)) is None


async def test_full_review_is_audited_and_emitted(db: Database) -> None:
    fp = await funds_park(db)
    application = await advance(db, fp, await draft(db, fp), "PARK_APPROVED")

    assert application.status == ApplicationStatus.PARK_APPROVED
    assert application.chain_reviewer_id == fp.staff.user.id
    assert application.park_approver_id == fp.admin.user.id
    async with db.transaction(fp.park.id) as session:
        actions = list(
            await session.scalars(
                sa.select(AuditEntry.action)
                .where(AuditEntry.object_id == application.id)
                .order_by(AuditEntry.created_at)
            )
        )
    assert actions == [
        "fund_application.draft",
        "fund_application.submit",
        "fund_application.chain_approve",
        "fund_application.park_approve",
    ]


async def test_return_for_changes_then_resubmit(db: Database) -> None:
    fp = await funds_park(db)
    application = await advance(db, fp, await draft(db, fp), "SUBMITTED")

    with pytest.raises(ReasonRequired):
        await in_park(
            db,
            fp.park,
            lambda s: funds.review_application(s, fp.staff.actor, application.id, CHAIN, RETURN, "  "),
        )
    returned = await in_park(
        db,
        fp.park,
        lambda s: funds.review_application(s, fp.staff.actor, application.id, CHAIN, RETURN, "请补充成立批复"),
    )
    assert returned.status == ApplicationStatus.RETURNED_FOR_CHANGES
    changed = await in_park(
        db,
        fp.park,
        lambda s: funds.update_application(
            s, fp.contact.actor, application.id, funds.ApplicationChanges(amount_fen=400_000)
        ),
    )
    assert changed.amount_fen == 400_000
    resubmitted = await in_park(db, fp.park, lambda s: funds.submit_application(s, fp.contact.actor, application.id))
    assert resubmitted.status == ApplicationStatus.SUBMITTED


@pytest.mark.parametrize("stage", [CHAIN, PARK])
async def test_rejection_at_each_review_needs_a_reason_and_frees_the_place(
    db: Database, stage: funds.ReviewStage
) -> None:
    fp = await funds_park(db)
    application = await advance(db, fp, await draft(db, fp), "SUBMITTED" if stage is CHAIN else "CHAIN_APPROVED")
    reviewer = fp.staff if stage is CHAIN else fp.admin

    with pytest.raises(ReasonRequired):
        await in_park(
            db, fp.park, lambda s: funds.review_application(s, reviewer.actor, application.id, stage, REJECT, None)
        )
    rejected = await in_park(
        db, fp.park, lambda s: funds.review_application(s, reviewer.actor, application.id, stage, REJECT, "不符合条件")
    )

    assert rejected.status == ApplicationStatus.REJECTED
    assert (await draft(db, fp)).status == ApplicationStatus.DRAFT


async def test_segregation_of_duties_in_review(db: Database) -> None:
    fp = await funds_park(db)
    # Drafted by chain staff on the organisation's behalf: that person may not also review it.
    on_behalf = await draft(db, fp, by=fp.staff)
    await in_park(db, fp.park, lambda s: funds.submit_application(s, fp.staff.actor, on_behalf.id))
    with pytest.raises(SegregationOfDuties):
        await in_park(
            db, fp.park, lambda s: funds.review_application(s, fp.staff.actor, on_behalf.id, CHAIN, APPROVE, None)
        )
    # The park admin who drafted may not approve what it drafted.
    organization = await eligible_organization(db, fp.park, fp.chain, [fp.enterprise])
    by_admin = await draft(db, fp, organization, by=fp.admin)
    await in_park(db, fp.park, lambda s: funds.submit_application(s, fp.admin.actor, by_admin.id))
    await in_park(db, fp.park, lambda s: funds.review_application(s, fp.staff.actor, by_admin.id, CHAIN, APPROVE, None))
    with pytest.raises(SegregationOfDuties):
        await in_park(
            db, fp.park, lambda s: funds.review_application(s, fp.admin.actor, by_admin.id, PARK, APPROVE, None)
        )


async def test_reviewer_with_both_roles_cannot_approve_twice(db: Database) -> None:
    fp = await funds_park(db)
    application = await advance(db, fp, await draft(db, fp), "SUBMITTED")
    both = await person(db, fp.park, Role.CHAIN_STAFF, chain_id=fp.chain.id)
    both.actor = type(both.actor)(
        kind=both.actor.kind,
        tenant_id=fp.park.id,
        user_id=both.user.id,
        grants=(*both.actor.grants, *fp.admin.actor.grants),
    )
    await in_park(db, fp.park, lambda s: funds.review_application(s, both.actor, application.id, CHAIN, APPROVE, None))

    with pytest.raises(SegregationOfDuties):
        await in_park(
            db, fp.park, lambda s: funds.review_application(s, both.actor, application.id, PARK, APPROVE, None)
        )


async def test_review_roles(db: Database) -> None:
    fp = await funds_park(db)
    application = await advance(db, fp, await draft(db, fp), "SUBMITTED")
    for refused in (fp.admin, fp.finance, fp.contact, fp.auditor):
        with pytest.raises((PermissionDenied, NotFound)):
            await in_park(
                db,
                fp.park,
                lambda s, r=refused: funds.review_application(s, r.actor, application.id, CHAIN, APPROVE, None),
            )
    outsider = await person(db, fp.park, Role.CHAIN_STAFF, chain_id=(await create_chain(db, fp.park)).id)
    with pytest.raises(NotFound):
        await in_park(
            db, fp.park, lambda s: funds.review_application(s, outsider.actor, application.id, CHAIN, APPROVE, None)
        )
    await in_park(
        db, fp.park, lambda s: funds.review_application(s, fp.staff.actor, application.id, CHAIN, APPROVE, None)
    )
    for refused in (fp.staff, fp.finance, fp.contact, fp.auditor):
        with pytest.raises((PermissionDenied, NotFound, SegregationOfDuties)):
            await in_park(
                db,
                fp.park,
                lambda s, r=refused: funds.review_application(s, r.actor, application.id, PARK, APPROVE, None),
            )


ILLEGAL = [
    ("DRAFT", "chain"),
    ("DRAFT", "park"),
    ("SUBMITTED", "submit"),
    ("SUBMITTED", "park"),
    ("CHAIN_APPROVED", "chain"),
    ("CHAIN_APPROVED", "submit"),
    ("PARK_APPROVED", "chain"),
    ("PARK_APPROVED", "park"),
    ("PARK_APPROVED", "submit"),
    ("PARK_APPROVED", "claw_back"),
    ("DRAFT", "claw_back"),
    ("CANCELLED", "submit"),
    ("CANCELLED", "cancel"),
    ("REJECTED", "submit"),
    ("REJECTED", "cancel"),
]


@pytest.mark.parametrize(("status", "action"), ILLEGAL)
async def test_illegal_transitions_are_refused(db: Database, status: str, action: str) -> None:
    fp = await funds_park(db)
    application = await draft(db, fp)
    if status in ("SUBMITTED", "CHAIN_APPROVED", "PARK_APPROVED"):
        application = await advance(db, fp, application, status)
    elif status == "CANCELLED":
        await in_park(db, fp.park, lambda s: funds.cancel_application(s, fp.contact.actor, application.id, "不要了"))
    elif status == "REJECTED":
        await advance(db, fp, application, "SUBMITTED")
        await in_park(
            db,
            fp.park,
            lambda s: funds.review_application(s, fp.staff.actor, application.id, CHAIN, REJECT, "不符合"),
        )
    attempts = {
        "submit": lambda s: funds.submit_application(s, fp.contact.actor, application.id),
        "chain": lambda s: funds.review_application(s, fp.staff.actor, application.id, CHAIN, APPROVE, None),
        "park": lambda s: funds.review_application(s, fp.admin.actor, application.id, PARK, APPROVE, None),
        "cancel": lambda s: funds.cancel_application(s, fp.admin.actor, application.id, "x"),
        "claw_back": lambda s: funds.claw_back(s, fp.finance.actor, application.id, "x"),
    }

    with pytest.raises(IllegalTransition):
        await in_park(db, fp.park, attempts[action])


async def test_only_the_park_cancels_once_budget_is_reserved(db: Database) -> None:
    fp = await funds_park(db)
    application = await advance(db, fp, await draft(db, fp), "PARK_APPROVED")

    with pytest.raises(PermissionDenied):
        await in_park(db, fp.park, lambda s: funds.cancel_application(s, fp.contact.actor, application.id, "不要了"))
    cancelled = await in_park(
        db, fp.park, lambda s: funds.cancel_application(s, fp.admin.actor, application.id, "企业已注销")
    )
    assert cancelled.status == ApplicationStatus.CANCELLED


async def test_only_its_applicant_edits_a_draft(db: Database) -> None:
    fp = await funds_park(db)
    application = await draft(db, fp, by=fp.staff)

    with pytest.raises(IllegalTransition):
        await in_park(
            db,
            fp.park,
            lambda s: funds.update_application(
                s, fp.contact.actor, application.id, funds.ApplicationChanges(amount_fen=100)
            ),
        )
    with pytest.raises(IllegalTransition):
        await in_park(db, fp.park, lambda s: funds.submit_application(s, fp.contact.actor, application.id))


async def test_organisation_without_a_chain_cannot_apply(db: Database) -> None:
    fp = await funds_park(db)
    unchained = await eligible_organization(db, fp.park, None, [fp.enterprise])
    with pytest.raises(NotEligible):
        await draft(db, fp, unchained, by=fp.admin)
