"""This year's start-up fund (启动经费) and position subsidy (阵地建设补助), with applications from the newly
formed organisations at every stage: drafted, in review, returned, approved, rejected, cancelled, batched,
and paid out in two executed batches, one payment of which the simulated treasury declines."""

import random
import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.services.actor import Actor
from redchain.services.demo.cast import Cast
from redchain.services.demo.park_registry import StoredOrganization
from redchain.services.funds import disbursement
from redchain.services.funds import service as funds
from redchain.services.funds.models import FundApplication, ProgramKind
from redchain.services.funds.service import ReviewDecision, ReviewStage

STARTUP_BUDGET_FEN = 50_000_000  # 50 万元
SUBSIDY_BUDGET_FEN = 20_000_000
SUBSIDY_RULE = {"minFen": 1_000_000, "maxFen": 3_000_000, "defaultFen": 2_000_000}
# The simulated treasury (infra/treasury_sim.py) declines accounts ending 0001 for good, and misbehaves on
# 0002-0006; every other account is paid.
DECLINED_SUFFIX = "0001"
FAULT_SUFFIXES = {f"000{n}" for n in range(1, 7)}
BANKS = ("长沙银行麓谷支行", "湖南银行高新支行", "建设银行长沙高新支行", "工商银行岳麓支行")
DOCUMENTS = [funds.Document(name="党组织成立批复.pdf", url="https://files.changsha-hitech.dev/demo/approval.pdf")]


class Stage:
    """Where an application is left; the order of `STARTUP_STAGES` is the order of the organisations."""

    DRAFT, SUBMITTED, RETURNED, CHAIN_APPROVED, PARK_APPROVED = "draft", "submitted", "returned", "chain", "park"
    REJECTED, CANCELLED, BATCHED, FIRST_BATCH, SECOND_BATCH = "rejected", "cancelled", "batched", "first", "second"
    DECLINED = "declined"  # in the second batch, to an account the treasury refuses


STARTUP_STAGES = (
    Stage.DRAFT,
    Stage.SUBMITTED,
    Stage.RETURNED,
    Stage.CHAIN_APPROVED,
    Stage.CHAIN_APPROVED,
    Stage.PARK_APPROVED,
    Stage.BATCHED,
    Stage.FIRST_BATCH,
    Stage.FIRST_BATCH,
    Stage.SECOND_BATCH,
    Stage.DECLINED,
)
# The position subsidy, by index into the same organisations.
SUBSIDY_STAGES = {0: Stage.REJECTED, 1: Stage.CANCELLED, 7: Stage.FIRST_BATCH, 8: Stage.FIRST_BATCH}
BATCH_NAMES = {
    Stage.FIRST_BATCH: "{year}年第一批党组织经费拨付",
    Stage.SECOND_BATCH: "{year}年第二批党组织经费拨付",
    Stage.BATCHED: "{year}年第三批党组织经费拨付（待执行）",
}


@dataclass(frozen=True)
class Applicant:
    organization: StoredOrganization
    contact: Actor
    enterprise_name: str


def _account(rng: random.Random, declined: bool) -> str:
    while True:
        number = f"{rng.randint(10**14, 10**15 - 1)}"
        if declined:
            return number[:-4] + DECLINED_SUFFIX
        if number[-4:] not in FAULT_SUFFIXES:
            return number


class _Office:
    """The people of the funds workflow, keeping segregation of duties: the enterprise's contact applies,
    the chain secretary reviews, the park admin approves, the finance officer pays."""

    def __init__(self, session: AsyncSession, cast: Cast) -> None:
        self.session, self.cast = session, cast
        self.batches: dict[str, list[uuid.UUID]] = {}

    async def advance(self, application: FundApplication, applicant: Applicant, stage: str) -> None:
        session, admin = self.session, self.cast.admin
        if stage == Stage.DRAFT:
            return
        if stage == Stage.CANCELLED:
            await funds.cancel_application(session, applicant.contact, application.id, "本年度暂不申请，明年再报")
            return
        await funds.submit_application(session, applicant.contact, application.id)
        secretary = self.cast.secretaries[application.chain_id]
        if stage == Stage.SUBMITTED:
            return
        if stage == Stage.RETURNED:
            reason = "请补充党组织成立批复文件和党员名册"
            await funds.review_application(
                session, secretary, application.id, ReviewStage.CHAIN, ReviewDecision.RETURN, reason
            )
            return
        await funds.review_application(
            session, secretary, application.id, ReviewStage.CHAIN, ReviewDecision.APPROVE, "材料齐全，同意"
        )
        if stage == Stage.CHAIN_APPROVED:
            return
        if stage == Stage.REJECTED:
            reason = "阵地面积不足 30 平方米，不符合补助标准"
            await funds.review_application(
                session, admin, application.id, ReviewStage.PARK, ReviewDecision.REJECT, reason
            )
            return
        await funds.review_application(session, admin, application.id, ReviewStage.PARK, ReviewDecision.APPROVE, None)
        if stage != Stage.PARK_APPROVED:
            self.batches.setdefault(Stage.SECOND_BATCH if stage == Stage.DECLINED else stage, []).append(application.id)

    async def pay(self, year: int) -> None:
        """The finance officer batches the approved applications; the worker pays the executed batches."""
        for stage in (Stage.FIRST_BATCH, Stage.SECOND_BATCH, Stage.BATCHED):
            name = BATCH_NAMES[stage].format(year=year)
            batch = await disbursement.create_batch(self.session, self.cast.finance, name, self.batches[stage])
            if stage != Stage.BATCHED:
                await self.session.flush()  # sessions do not autoflush; execution reads the batch back
                await disbursement.execute_batch(self.session, self.cast.finance, batch.id)


async def load_funds(session: AsyncSession, cast: Cast, applicants: list[Applicant], year: int) -> None:
    rng = random.Random(17)
    admin = cast.admin
    startup = await funds.create_program(
        session, admin, ProgramKind.STARTUP_FUND, year, "新建党组织启动经费", STARTUP_BUDGET_FEN, None
    )
    subsidy = await funds.create_program(
        session, admin, ProgramKind.POSITION_SUBSIDY, year, "党建阵地建设补助", SUBSIDY_BUDGET_FEN, SUBSIDY_RULE
    )
    office = _Office(session, cast)
    for index, applicant in enumerate(applicants):
        for program, stage in (
            (startup, STARTUP_STAGES[index] if index < len(STARTUP_STAGES) else Stage.SUBMITTED),
            (subsidy, SUBSIDY_STAGES.get(index)),
        ):
            if stage is None:
                continue
            payee = funds.Payee(applicant.enterprise_name, rng.choice(BANKS), _account(rng, stage == Stage.DECLINED))
            application = await funds.draft_application(
                session, applicant.contact, program.id, applicant.organization.id, None, payee, DOCUMENTS
            )
            await office.advance(application, applicant, stage)
    await office.pay(year)
