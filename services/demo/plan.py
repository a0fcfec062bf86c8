"""The small demo park's registry, planned in memory from a fixed seed: about two hundred enterprises over
the six chains, organisations of every kind and state, members of every status, the formation pipeline and
the liaison officers' posts. Pure: the same plan every run; the loader stores it through the services."""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from redchain.services.demo_scale import names
from redchain.services.demo_scale.plan import AssignmentPlan, EnterprisePlan, MemberPlan, OrganizationPlan
from redchain.services.liaison.models import AssignmentKind
from redchain.services.registry.credit_code import make_credit_code
from redchain.services.registry.id_card import make_id_card
from redchain.services.registry.models import FormationMode, MemberStatus, OrganizationKind, OrganizationStatus
from redchain.services.registry.service import REFERENCE_CHAINS

SEED = 2026
ENTERPRISES = 200
# Another division than the reference-scale park's codes and ID cards, so SCALE=park adds to these.
CREDIT_DIVISION = "430104"
ID_CARD_DIVISION = "430124"
# The five every spec and walkthrough knows: (name, chain, area, employees, key enterprise).
NAMED_ENTERPRISES = [
    ("湖南博翔新材料科技有限公司", "新材料", "麓谷片区", 320, True),
    ("长沙远大锂电材料有限公司", "新材料", "麓谷片区", 860, True),
    ("长沙康瑞生物医药有限公司", "大健康", "岳麓片区", 140, False),
    ("湖南智造精工装备有限公司", "先进制造", "雷锋片区", 510, True),
    ("长沙云联移动科技有限公司", "移动互联网", "麓谷片区", 95, False),
]
BOXIANG, LITHIUM = 0, 1  # 博翔 has its own branch and contact; 远大锂电 is kept in touch by 刘洋
# Searches the specs make must keep finding only the named enterprise.
RESERVED_WORDS = ("博翔", "锂电", "远大", "康瑞", "智造", "云联")
CHAIN_WEIGHTS = (20, 14, 22, 16, 16, 12)
# Officers by index into cast.OFFICERS.
LIU_YANG, ZHAO_LEI, SUN_TING = 0, 1, 2
UNREACHED_KEYS = 3  # key enterprises left with neither organisation nor officer: the 失联 risk list
VISIT_NOTES = (
    ("了解企业用工需求，对接园区人才服务中心专场招聘", "两周内反馈招聘会安排"),
    ("企业反映三季度用电负荷紧张，已联系供电部门现场查看", "跟进错峰用电方案"),
    ("宣讲园区惠企政策，收集企业融资需求", "推荐对接园区金融服务中心"),
    ("指导企业党员发展工作，讲解入党程序", None),
    ("协助企业筹备成立党支部，摸排党员组织关系", "下月协助召开党员大会"),
    ("了解原材料供应情况，协调物流通行", None),
    ("走访企业负责人，听取对园区营商环境的意见", "意见汇总报党工委"),
)


@dataclass
class DemoOrganization(OrganizationPlan):
    dissolved_on: date | None = None
    applies_for_funds: bool = False  # formed this year: its enterprise's contact applies for the start-up fund


@dataclass
class DemoPark:
    enterprises: list[EnterprisePlan]
    organizations: list[DemoOrganization]
    members: list[MemberPlan]
    assignments: list[AssignmentPlan]


def _enterprises(rng: random.Random) -> list[EnterprisePlan]:
    planned = [
        EnterprisePlan(
            credit_code=make_credit_code(serial + 1, division=CREDIT_DIVISION),
            name=name,
            chain=chain,
            area=area,
            address=names.address(rng),
            employee_count=employees,
            is_key=is_key,
            contact_name="企业党建联系人",
        )
        for serial, (name, chain, area, employees, is_key) in enumerate(NAMED_ENTERPRISES)
    ]
    taken = {e.name for e in planned}
    while len(planned) < ENTERPRISES:
        chain = rng.choices(REFERENCE_CHAINS, CHAIN_WEIGHTS)[0]
        name = names.enterprise_name(rng, chain)
        if name in taken or any(word in name for word in RESERVED_WORDS):
            continue
        taken.add(name)
        roll = rng.random()
        employees = (
            rng.randint(8, 60) if roll < 0.6 else rng.randint(61, 400) if roll < 0.92 else rng.randint(401, 2600)
        )
        planned.append(
            EnterprisePlan(
                credit_code=make_credit_code(len(planned) + 1, division=CREDIT_DIVISION),
                name=name,
                chain=chain,
                area=rng.choice(names.AREAS),
                address=names.address(rng),
                employee_count=employees,
                contact_name=names.person_name(rng),
                contact_phone=names.phone(rng),
            )
        )
    return planned


def _days_ago(rng: random.Random, today: date, low: int, high: int) -> date:
    return today - timedelta(days=rng.randint(low, high))


def _organizations(rng: random.Random, enterprises: list[EnterprisePlan], today: date) -> list[DemoOrganization]:
    generated = enterprises[len(NAMED_ENTERPRISES) :]
    by_size = sorted(generated, key=lambda e: (-e.employee_count, e.credit_code))
    boxiang = enterprises[BOXIANG]
    planned = [
        # 博翔's branch, formed today: its application for the start-up fund waits for the chain's review.
        DemoOrganization(
            f"{boxiang.name}党支部",
            OrganizationKind.BRANCH,
            FormationMode.STANDALONE,
            OrganizationStatus.FORMED,
            today,
            boxiang.chain,
            [boxiang.credit_code],
            4,
        )
    ]

    def standalone(
        host: EnterprisePlan, kind: OrganizationKind, suffix: str, members: tuple[int, int], formed_on: date | None
    ) -> DemoOrganization:
        mode = FormationMode.BUSINESS_NEED if kind is OrganizationKind.TEMPORARY_BRANCH else FormationMode.STANDALONE
        if kind is OrganizationKind.BRANCH and rng.random() < 0.2:
            mode = FormationMode.MASS_ORGANIZATION  # 群团促建: the trade union came first
        org = DemoOrganization(
            f"{host.name}{suffix}",
            kind,
            mode,
            OrganizationStatus.FORMED if formed_on else OrganizationStatus.PREPARING,
            formed_on,
            host.chain,
            [host.credit_code],
            rng.randint(*members),
        )
        planned.append(org)
        return org

    for host in by_size[:2]:
        standalone(host, OrganizationKind.PARTY_COMMITTEE, "委员会", (30, 45), _days_ago(rng, today, 1800, 3600))
        host.is_key = True
    for host in by_size[2:5]:
        standalone(host, OrganizationKind.GENERAL_BRANCH, "党总支", (15, 25), _days_ago(rng, today, 1100, 3000))
    by_size[2].is_key = True
    midsize = [e for e in by_size[5:120] if e.employee_count >= 30]
    hosts = rng.sample(midsize, 14 + 9 + 4 + 2)
    for host in hosts[:14]:
        standalone(host, OrganizationKind.BRANCH, "党支部", (3, 12), _days_ago(rng, today, 400, 3000))
    for host in hosts[14:23]:  # formed this year: eligible for the start-up fund (启动经费)
        standalone(
            host, OrganizationKind.BRANCH, "党支部", (3, 9), _days_ago(rng, today, 20, 300)
        ).applies_for_funds = True
    for host in hosts[23:27]:  # 组建中: members gathered, not yet three full ones or not yet voted
        standalone(host, OrganizationKind.BRANCH, "党支部", (1, 4), None)
    for host in hosts[27:29]:  # formed years ago, dissolved when the enterprise shrank
        org = standalone(host, OrganizationKind.BRANCH, "党支部", (3, 4), _days_ago(rng, today, 1000, 1500))
        org.status, org.dissolved_on = OrganizationStatus.DISSOLVED, _days_ago(rng, today, 60, 200)
    used = {code for org in planned for code in org.enterprise_codes}
    sites = [e for e in by_size[5:] if e.chain == "先进制造" and e.credit_code not in used][:2]
    for host in sites:
        standalone(host, OrganizationKind.TEMPORARY_BRANCH, "项目临时党支部", (3, 6), _days_ago(rng, today, 90, 400))
    used |= {e.credit_code for e in sites}
    # Joint branches (联合党支部): small enterprises of one chain and one area, two to four to a branch.
    small = [e for e in generated if e.employee_count < 30 and e.credit_code not in used]
    groups: dict[tuple[str | None, str], list[EnterprisePlan]] = {}
    for enterprise in small:
        groups.setdefault((enterprise.chain, enterprise.area), []).append(enterprise)
    pools = sorted((pool for pool in groups.values() if len(pool) >= 2), key=lambda p: (-len(p), p[0].credit_code))
    for number, pool in enumerate(pools[:5], start=1):
        covered = pool[: rng.randint(2, min(4, len(pool)))]
        recent = number <= 2
        planned.append(
            DemoOrganization(
                f"{covered[0].area}{covered[0].chain}产业第{number}联合党支部",
                OrganizationKind.JOINT_BRANCH,
                FormationMode.JOINT,
                OrganizationStatus.FORMED,
                _days_ago(rng, today, 30, 200) if recent else _days_ago(rng, today, 500, 1500),
                covered[0].chain,
                [e.credit_code for e in covered],
                rng.randint(6, 12),
                applies_for_funds=recent,
            )
        )
    # Area branches (片区支部) gather floating members by where they came to; no enterprise, no chain.
    for area in names.AREAS[:2]:
        planned.append(
            DemoOrganization(
                f"{area}流动党员党支部",
                OrganizationKind.AREA_BRANCH,
                FormationMode.AREA_BLOCK,
                OrganizationStatus.FORMED,
                _days_ago(rng, today, 300, 900),
                None,
                [],
                rng.randint(8, 14),
                area=area,
            )
        )
    return planned


class _IdCards:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.issued: set[str] = set()

    def new(self) -> str:
        while True:
            born = date(1962, 1, 1) + timedelta(days=self.rng.randint(0, 365 * 40))
            number = make_id_card(self.rng.randint(0, 999), born, ID_CARD_DIVISION)
            if number not in self.issued:
                self.issued.add(number)
                return number


def _status(rng: random.Random) -> MemberStatus:
    return rng.choices(list(MemberStatus), (70, 12, 9, 9))[0]


def _joined(rng: random.Random, status: MemberStatus, today: date) -> date | None:
    if status is MemberStatus.FULL:
        return today - timedelta(days=rng.randint(400, 365 * 30))
    if status is MemberStatus.PROBATIONARY:
        return today - timedelta(days=rng.randint(10, 360))
    return None


def _members(
    rng: random.Random, enterprises: list[EnterprisePlan], organizations: list[DemoOrganization], today: date
) -> list[MemberPlan]:
    cards = _IdCards(rng)
    planned: list[MemberPlan] = []

    def add(org: int | None, enterprise: str | None, status: MemberStatus, floating_in: str | None) -> None:
        planned.append(
            MemberPlan(
                names.person_name(rng),
                cards.new(),
                status,
                org,
                enterprise,
                _joined(rng, status, today),
                floating_in is not None,
                floating_in,
                names.phone(rng),
            )
        )

    for index, org in enumerate(organizations):
        for n in range(org.member_count):
            # It takes three full members to form an organisation; one being formed may have fewer.
            if org.status is OrganizationStatus.PREPARING:
                status = MemberStatus.FULL if n < org.member_count - 1 else MemberStatus.ACTIVIST
            else:
                status = MemberStatus.FULL if n < 3 else _status(rng)
            if org.kind is OrganizationKind.AREA_BRANCH:
                add(index, None, status, org.area)
            else:
                floating = rng.random() < 0.04
                add(index, rng.choice(org.enterprise_codes), status, rng.choice(names.AREAS) if floating else None)
    # The formation pipeline: 3+ full members and no organisation yet.
    in_orgs = {code for org in organizations for code in org.enterprise_codes}
    for enterprise in pipeline_enterprises(enterprises, in_orgs):
        for _ in range(rng.randint(3, 5)):
            add(None, enterprise.credit_code, MemberStatus.FULL, None)
    return planned


def pipeline_enterprises(enterprises: list[EnterprisePlan], in_orgs: set[str]) -> list[EnterprisePlan]:
    candidates = [e for e in enterprises[len(NAMED_ENTERPRISES) :] if e.credit_code not in in_orgs]
    return [e for e in candidates if 60 <= e.employee_count <= 400][:6]


def _assignments(
    rng: random.Random, enterprises: list[EnterprisePlan], organizations: list[DemoOrganization], today: date
) -> list[AssignmentPlan]:
    """Officers on key enterprises without an organisation (but a few), instructors where one is being formed."""
    covered = {
        code for org in organizations if org.status is OrganizationStatus.FORMED for code in org.enterprise_codes
    }
    preparing = [org.enterprise_codes[0] for org in organizations if org.status is OrganizationStatus.PREPARING]
    lithium = enterprises[LITHIUM].credit_code
    uncovered_keys = [e.credit_code for e in enterprises if e.is_key and e.credit_code not in covered]
    reached = [code for code in uncovered_keys if code != lithium][UNREACHED_KEYS:]
    planned = [AssignmentPlan(lithium, LIU_YANG, AssignmentKind.LIAISON_OFFICER, today - timedelta(days=300), None)]
    planned += [
        AssignmentPlan(
            code, ZHAO_LEI if n % 2 else LIU_YANG, AssignmentKind.LIAISON_OFFICER, _days_ago(rng, today, 150, 600), None
        )
        for n, code in enumerate(reached)
    ]
    planned += [
        AssignmentPlan(code, SUN_TING, AssignmentKind.PARTY_INSTRUCTOR, _days_ago(rng, today, 150, 400), None)
        for code in preparing
    ]
    for assignment in planned:
        span = min(150, (today - assignment.starts_on).days)
        for _ in range(rng.randint(1, 5)):
            notes, follow_ups = rng.choice(VISIT_NOTES)
            assignment.visits.append((today - timedelta(days=rng.randint(1, span)), notes, follow_ups))
    return planned


def plan_demo_park(today: date) -> DemoPark:
    rng = random.Random(SEED)
    enterprises = _enterprises(rng)
    # Key enterprises (重点企业): the big ones with their own committee, and large ones without (officers).
    organizations = _organizations(rng, enterprises, today)
    in_orgs = {code for org in organizations for code in org.enterprise_codes}
    large = [
        e for e in enterprises[len(NAMED_ENTERPRISES) :] if e.employee_count > 150 and e.credit_code not in in_orgs
    ]
    for enterprise in large[:12]:
        enterprise.is_key = True
    members = _members(rng, enterprises, organizations, today)
    return DemoPark(enterprises, organizations, members, _assignments(rng, enterprises, organizations, today))
