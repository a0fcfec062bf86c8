"""The problems the demo's enterprises raised over the last few months, worked through the ticket service
on the days they happened (the services take `now`): every status, some overdue and escalated by the SLA
sweep, most of the solved ones confirmed and rated by the enterprise."""

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.infra.clock import PARK_TIME
from redchain.services.actor import Actor
from redchain.services.demo.cast import Cast
from redchain.services.tickets import escalation, taxonomy
from redchain.services.tickets import service as tickets
from redchain.services.tickets.models import TicketPriority, TicketStatus
from redchain.services.tickets.workflow import TicketAction

# aspect code -> problems enterprises raise under it (企业诉求).
PROBLEMS: dict[str, tuple[str, ...]] = {
    "SUPPLY_AND_UTILITIES": (
        "园区供水管网改造导致停水，影响正常生产",
        "天然气供应压力不足，窑炉无法满负荷运行",
        "关键原材料进口报关时间过长",
        "二期厂房施工用电临时接入申请",
    ),
    "TALENT_AND_RECRUITMENT": (
        "高层次人才公寓申请进度咨询",
        "技术工人缺口较大，希望对接职业院校订单培养",
        "外籍专家工作许可办理遇到困难",
    ),
    "EMERGENCY_SUPPLIES": ("冬季防寒应急物资储备不足，申请协调", "厂区消防应急物资需要补充"),
    "DISPUTE_MEDIATION": (
        "与相邻企业的厂界围墙纠纷",
        "劳务派遣公司拖欠员工工资引发纠纷",
        "夜间施工噪音引发周边居民投诉",
    ),
    "FINANCING": ("申请园区科技型企业贷款贴息", "希望对接知识产权质押融资", "应收账款融资渠道咨询"),
    "MARKET_ACCESS": ("新产品进入省政府采购目录咨询", "希望参加产业链供需对接会", "出口产品认证周期长，请求协助"),
    "POLICY_CONSULTATION": ("高新技术企业认定政策咨询", "研发费用加计扣除政策解读", "人才引进补贴申报条件咨询"),
    "ABOVE_SCALE_REPORTING": ("企业入规申报材料准备指导", "入规后统计报表填报培训需求"),
}
ASKS = ("请产业链党委协调。", "已与相关部门沟通未果，请求帮助。", "时间紧迫，恳请尽快答复。", "望园区给予支持。")
RESOLUTIONS = (
    "已协调相关部门现场办理，企业确认问题解决。",
    "已组织专题对接会，达成解决方案并落实。",
    "已转园区职能部门办结，结果书面告知企业。",
)
COMMENTS = ("响应及时，感谢产业链党委。", "问题解决了，服务很好。", None, "办理周期稍长，但结果满意。")
REJECTION = "经核实，该事项属企业内部经营管理范畴，建议企业自行协商，不予受理。"
INFO_REQUEST = "请补充相关合同及付款凭证扫描件，以便协调。"
REOPEN_REASON = "问题仍未彻底解决，请继续跟进。"
# (final status, how many, created this many days ago (range), priority). Overdue ones are open and old.
MIX: tuple[tuple[TicketStatus, int, tuple[int, int], TicketPriority], ...] = (
    (TicketStatus.NEW, 2, (1, 2), TicketPriority.LOW),
    (TicketStatus.NEW, 2, (5, 9), TicketPriority.NORMAL),  # never answered: overdue, escalated
    (TicketStatus.ACCEPTED, 3, (2, 12), TicketPriority.NORMAL),
    (TicketStatus.IN_PROGRESS, 4, (2, 4), TicketPriority.LOW),
    (TicketStatus.IN_PROGRESS, 4, (14, 40), TicketPriority.NORMAL),  # past the resolution deadline
    (TicketStatus.IN_PROGRESS, 1, (6, 8), TicketPriority.URGENT),
    (TicketStatus.WAITING_ON_ENTERPRISE, 3, (5, 20), TicketPriority.NORMAL),
    (TicketStatus.RESOLVED, 3, (4, 6), TicketPriority.NORMAL),
    (TicketStatus.CLOSED, 18, (12, 110), TicketPriority.NORMAL),
    (TicketStatus.CLOSED, 3, (15, 60), TicketPriority.HIGH),
    (TicketStatus.REJECTED, 2, (10, 60), TicketPriority.NORMAL),
    (TicketStatus.REOPENED, 2, (6, 8), TicketPriority.NORMAL),
    (TicketStatus.DUPLICATE, 2, (3, 30), TicketPriority.NORMAL),
)


@dataclass(frozen=True)
class Raiser:
    enterprise_id: uuid.UUID
    chain_id: uuid.UUID
    requester: Actor  # its contact, or the liaison officer posted to it


def moment(day: date, hour: float) -> datetime:
    minutes = int(hour * 60)
    return datetime.combine(day, time(minutes // 60, minutes % 60), PARK_TIME).astimezone(UTC)


class _Clock:
    """The days of one ticket's life: each step is later than the last, none later than yesterday."""

    def __init__(self, rng: random.Random, today: date, days_ago: int) -> None:
        self.rng, self.today = rng, today
        self.day, self.hour = today - timedelta(days=days_ago), rng.uniform(9, 15)

    def at(self) -> datetime:
        return moment(self.day, self.hour)

    def later(self, days: int = 0) -> datetime:
        day = min(self.day + timedelta(days=days), self.today - timedelta(days=1))
        if day > self.day:
            self.day, self.hour = day, self.rng.uniform(9, 16)
        else:
            self.hour = min(self.hour + self.rng.uniform(0.3, 1.5), 23.9)
        return self.at()


class _Desk:
    """One ticket's people and the service calls they make."""

    def __init__(self, session: AsyncSession, raiser: Raiser, handler: Actor, ticket_id: uuid.UUID) -> None:
        self.session, self.raiser, self.handler, self.ticket_id = session, raiser, handler, ticket_id

    async def act(
        self, by: Actor, action: TicketAction, now: datetime, text: str | None = None, rating: int | None = None
    ) -> None:
        request = tickets.TransitionRequest(action, text=text, rating=rating)
        await tickets.transition(self.session, by, self.ticket_id, request, now=now)

    async def take(self, clock: _Clock) -> None:
        """Accepted and assigned to the chain's secretary, then worked on."""
        await self.act(self.handler, TicketAction.ACCEPT, clock.later())
        await tickets.assign(self.session, self.handler, self.ticket_id, self.handler.user_id, now=clock.later())

    async def resolve(self, clock: _Clock, rng: random.Random, days: int) -> None:
        await self.act(self.handler, TicketAction.START, clock.later(1))
        if rng.random() < 0.3:
            note = "已与相关职能部门电话沟通，约定现场办理。"
            await tickets.add_comment(self.session, self.handler, self.ticket_id, note, True, clock.later())
        await self.act(self.handler, TicketAction.RESOLVE, clock.later(days), rng.choice(RESOLUTIONS))


async def _work(desk: _Desk, status: TicketStatus, clock: _Clock, rng: random.Random) -> None:
    requester = desk.raiser.requester
    if status is TicketStatus.NEW:
        return
    if status is TicketStatus.REJECTED:
        await desk.act(desk.handler, TicketAction.REJECT, clock.later(1), REJECTION)
        return
    await desk.take(clock)
    if status is TicketStatus.ACCEPTED:
        return
    if status is TicketStatus.IN_PROGRESS:
        await desk.act(desk.handler, TicketAction.START, clock.later(1))
        await tickets.add_comment(
            desk.session, desk.handler, desk.ticket_id, "已受理，正在协调办理。", False, clock.later()
        )
        return
    if status is TicketStatus.WAITING_ON_ENTERPRISE:
        await desk.act(desk.handler, TicketAction.START, clock.later(1))
        await desk.act(desk.handler, TicketAction.REQUEST_INFO, clock.later(1), INFO_REQUEST)
        return
    # Most are solved within the SLA (35 working hours for a normal problem); some take two weeks.
    days = rng.choice((1, 1, 2, 2, 3, 3, 4, 14)) if status is TicketStatus.CLOSED else 1
    await desk.resolve(clock, rng, days)
    if status is TicketStatus.CLOSED:
        rating = rng.choices((5, 4, 3, 2), (55, 30, 10, 5))[0]
        await desk.act(requester, TicketAction.CLOSE, clock.later(1), rng.choice(COMMENTS), rating)
    elif status is TicketStatus.REOPENED:
        await desk.act(requester, TicketAction.REOPEN, clock.later(2), REOPEN_REASON)


async def _aspects(session: AsyncSession, cast: Cast) -> dict[str, taxonomy.TicketCategory]:
    # The worker seeds the taxonomy when it sees the park created; the demo needs it right away.
    await taxonomy.seed_reference_taxonomy(session, cast.tenant_id)
    return {c.code: c for c in await taxonomy.list_categories(session, cast.admin)}


async def load_tickets(
    session: AsyncSession, cast: Cast, raisers: list[Raiser], today: date, visits: dict[uuid.UUID, list[uuid.UUID]]
) -> None:
    aspects = await _aspects(session, cast)
    rng = random.Random(9)
    plan = [(status, rng.randint(*ago), priority) for status, count, ago, priority in MIX for _ in range(count)]
    # Oldest first, so a duplicate can point at a ticket raised before it.
    plan.sort(key=lambda item: -item[1])
    last_open: tuple[Raiser, str, str, uuid.UUID] | None = None  # (raiser, aspect, title, id): newest open one
    for number, (status, days_ago, priority) in enumerate(plan):
        raiser = raisers[number % len(raisers)]
        aspect = rng.choice(sorted(PROBLEMS))
        title = rng.choice(PROBLEMS[aspect])
        duplicate_of = None
        if status is TicketStatus.DUPLICATE and last_open:
            raiser, aspect, title, duplicate_of = last_open  # the same problem raised again (重复提交)
        handler = cast.secretaries[raiser.chain_id]
        clock = _Clock(rng, today, days_ago)
        from_visit = not raiser.requester.contact_enterprise_ids and visits.get(raiser.enterprise_id)
        ticket = await tickets.create_ticket(
            session,
            raiser.requester,
            tickets.TicketDraft(
                enterprise_id=raiser.enterprise_id,
                title=title,
                description=f"{title}，{rng.choice(ASKS)}",
                category_id=aspects[aspect].parent_id or aspects[aspect].id,
                aspect_id=aspects[aspect].id,
                priority=priority,
                visit_id=from_visit[-1] if from_visit else None,  # raised by the officer after a visit (走访)
            ),
            now=clock.at(),
        )
        desk = _Desk(session, raiser, handler, ticket.id)
        if duplicate_of is not None:
            request = tickets.TransitionRequest(TicketAction.MARK_DUPLICATE, duplicate_of_id=duplicate_of)
            await tickets.transition(session, handler, ticket.id, request, now=clock.later())
            continue
        await _work(desk, TicketStatus.IN_PROGRESS if status is TicketStatus.DUPLICATE else status, clock, rng)
        if status in (TicketStatus.IN_PROGRESS, TicketStatus.ACCEPTED):
            last_open = (raiser, aspect, title, ticket.id)
        if status is TicketStatus.IN_PROGRESS and days_ago >= 14 and number % 2:
            # 催办: the enterprise chases an overdue problem.
            await escalation.remind(session, raiser.requester, ticket.id, "已超过承诺办结时限，请尽快处理。")
    # The SLA sweep the worker runs every minute: overdue problems are escalated to the chain secretaries.
    await session.flush()  # the sweep reads the tickets back (sessions do not autoflush)
    while (await escalation.sweep_sla(session, cast.tenant_id)).tickets >= escalation.SWEEP_BATCH:
        pass


async def load_boxiang_tickets(session: AsyncSession, cast: Cast, enterprise_id: uuid.UUID) -> None:
    """Two problems 博翔新材料 raised today: one waiting to be accepted, one being worked on."""
    contact, handler = cast.contacts[enterprise_id], cast.secretaries[cast.chain_ids["新材料"]]
    aspects = await _aspects(session, cast)
    for title, aspect, handled in [
        ("新厂区用电增容申请迟迟未批复", "SUPPLY_AND_UTILITIES", True),
        ("急需招聘 20 名锂电材料工艺工程师", "TALENT_AND_RECRUITMENT", False),
    ]:
        ticket = await tickets.create_ticket(
            session,
            contact,
            tickets.TicketDraft(
                enterprise_id=enterprise_id,
                title=title,
                description=title + "，请产业链党委协调。",
                category_id=aspects[aspect].parent_id or aspects[aspect].id,
                aspect_id=aspects[aspect].id,
            ),
        )
        if handled:
            for action in (TicketAction.ACCEPT, TicketAction.START):
                await tickets.transition(session, handler, ticket.id, tickets.TransitionRequest(action))
