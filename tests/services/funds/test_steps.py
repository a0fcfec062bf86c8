"""An application's steps: each change and review with its reason, for those who may read the application."""

from redchain.infra.db import Database
from redchain.services.funds import service as funds
from redchain.services.funds import steps
from redchain.services.funds.models import ApplicationStatus, FundApplication
from redchain.services.funds.workflow import Action
from tests.services.funds.support import FundsPark, advance, draft, funds_park, in_park

CHAIN = funds.ReviewStage.CHAIN


async def returned_and_resubmitted(db: Database, fp: FundsPark) -> FundApplication:
    application = await advance(db, fp, await draft(db, fp), "SUBMITTED")
    await in_park(
        db,
        fp.park,
        lambda s: funds.review_application(
            s, fp.staff.actor, application.id, CHAIN, funds.ReviewDecision.RETURN, "请补充成立批复"
        ),
    )
    await in_park(
        db,
        fp.park,
        lambda s: funds.update_application(
            s, fp.contact.actor, application.id, funds.ApplicationChanges(amount_fen=400_000)
        ),
    )
    await in_park(db, fp.park, lambda s: funds.submit_application(s, fp.contact.actor, application.id))
    await in_park(
        db,
        fp.park,
        lambda s: funds.review_application(
            s, fp.staff.actor, application.id, CHAIN, funds.ReviewDecision.APPROVE, None
        ),
    )
    return application


async def test_steps_show_each_review_and_its_reason_oldest_first(db: Database) -> None:
    fp = await funds_park(db)
    application = await returned_and_resubmitted(db, fp)

    found = await in_park(db, fp.park, lambda s: steps.steps_by_application(s, fp.contact.actor, [application.id]))

    history = found[application.id]
    assert [(s.action, s.status) for s in history] == [
        (Action.DRAFT, ApplicationStatus.DRAFT),
        (Action.SUBMIT, ApplicationStatus.SUBMITTED),
        (Action.RETURN, ApplicationStatus.RETURNED_FOR_CHANGES),
        (Action.UPDATE, ApplicationStatus.RETURNED_FOR_CHANGES),
        (Action.SUBMIT, ApplicationStatus.SUBMITTED),
        (Action.CHAIN_APPROVE, ApplicationStatus.CHAIN_APPROVED),
    ]
    # The return's reason is its own; the approval after it gave none, though last_reason still holds it.
    assert [s.reason for s in history] == [None, None, "请补充成立批复", None, None, None]
    assert history[2].actor_user_id == fp.staff.user.id and history[0].actor_user_id == fp.contact.user.id


async def test_steps_are_hidden_outside_the_readers_scope(db: Database) -> None:
    fp, other = await funds_park(db), await funds_park(db)
    application = await returned_and_resubmitted(db, fp)

    for actor in (fp.other_contact.actor, other.admin.actor, fp.other_staff.actor):
        found = await in_park(db, fp.park, lambda s, a=actor: steps.steps_by_application(s, a, [application.id]))
        assert found == {}
    staff = await in_park(db, fp.park, lambda s: steps.steps_by_application(s, fp.admin.actor, [application.id]))
    assert len(staff[application.id]) == 6
