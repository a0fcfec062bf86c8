"""The reviewers' inboxes: 待我审批 (what waits at the reader's stage) and 我已审批 (what the reader decided)."""

from redchain.infra.db import Database
from redchain.infra.pagination import PageRequest
from redchain.services.actor import Actor
from redchain.services.funds import service as funds
from redchain.services.funds.models import FundApplication
from redchain.services.funds.service import ApplicationFilter, ReviewInbox
from tests.services.funds.support import FundsPark, advance, draft, eligible_organization, funds_park, in_park

CHAIN, PARK = funds.ReviewStage.CHAIN, funds.ReviewStage.PARK
APPROVE, RETURN = funds.ReviewDecision.APPROVE, funds.ReviewDecision.RETURN


async def inbox(db: Database, fp: FundsPark, actor: Actor, which: ReviewInbox) -> list[FundApplication]:
    page = await in_park(
        db, fp.park, lambda s: funds.list_applications(s, actor, ApplicationFilter(inbox=which), PageRequest(first=50))
    )
    return list(page.rows)


async def test_pending_is_what_each_stage_decides(db: Database) -> None:
    fp = await funds_park(db)
    submitted = await advance(db, fp, await draft(db, fp), "SUBMITTED")
    second = await eligible_organization(db, fp.park, fp.chain, [fp.enterprise])
    chain_approved = await advance(db, fp, await draft(db, fp, second), "CHAIN_APPROVED")
    await draft(db, fp, await eligible_organization(db, fp.park, fp.chain, [fp.enterprise]))  # a draft: nobody's

    assert [a.id for a in await inbox(db, fp, fp.secretary.actor, ReviewInbox.PENDING)] == [submitted.id]
    assert [a.id for a in await inbox(db, fp, fp.admin.actor, ReviewInbox.PENDING)] == [chain_approved.id]
    for nobody in (fp.other_staff, fp.finance, fp.auditor, fp.contact):
        assert await inbox(db, fp, nobody.actor, ReviewInbox.PENDING) == []


async def test_pending_leaves_out_what_segregation_of_duties_refuses(db: Database) -> None:
    fp = await funds_park(db)
    own = await draft(db, fp, by=fp.staff)
    await in_park(db, fp.park, lambda s: funds.submit_application(s, fp.staff.actor, own.id))

    assert await inbox(db, fp, fp.staff.actor, ReviewInbox.PENDING) == []
    assert len(await inbox(db, fp, fp.secretary.actor, ReviewInbox.PENDING)) == 1


async def test_done_is_what_the_reader_decided_at_any_stage(db: Database) -> None:
    fp = await funds_park(db)
    approved = await advance(db, fp, await draft(db, fp), "PARK_APPROVED")
    returned = await advance(
        db, fp, await draft(db, fp, await eligible_organization(db, fp.park, fp.chain, [fp.enterprise])), "SUBMITTED"
    )
    await in_park(
        db, fp.park, lambda s: funds.review_application(s, fp.staff.actor, returned.id, CHAIN, RETURN, "金额有误")
    )

    staff_done = {a.id for a in await inbox(db, fp, fp.staff.actor, ReviewInbox.DONE)}
    assert staff_done == {approved.id, returned.id}
    assert [a.id for a in await inbox(db, fp, fp.admin.actor, ReviewInbox.DONE)] == [approved.id]
    assert await inbox(db, fp, fp.secretary.actor, ReviewInbox.DONE) == []
    assert await inbox(db, fp, fp.contact.actor, ReviewInbox.DONE) == []  # submitting is no decision
