"""The reference park, planned in memory from a fixed seed: the same plan every run, so loading is idempotent
and figures are comparable between runs. Everything refers to enterprises by credit code; the loader maps
codes to IDs once the enterprises are stored."""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from redchain.services.demo_scale import names
from redchain.services.liaison.models import AssignmentKind
from redchain.services.registry.credit_code import make_credit_code
from redchain.services.registry.id_card import make_id_card
from redchain.services.registry.models import FormationMode, MemberStatus, OrganizationKind, OrganizationStatus
from redchain.services.registry.service import REFERENCE_CHAINS

SEED = 3  # seed 003, the Changsha High-tech Zone report
ENTERPRISES = 38_000
KEY_ENTERPRISES = 100
MEMBERS = 20_000
FORMED_RECENTLY = 531  # "531 formed in two years"
# 830 organisations (kind, how many, members each).
ORGANIZATIONS: tuple[tuple[OrganizationKind, int, tuple[int, int]], ...] = (
    (OrganizationKind.PARTY_COMMITTEE, 30, (60, 160)),
    (OrganizationKind.GENERAL_BRANCH, 50, (25, 50)),
    (OrganizationKind.BRANCH, 560, (3, 24)),
    (OrganizationKind.JOINT_BRANCH, 140, (8, 24)),
    (OrganizationKind.TEMPORARY_BRANCH, 25, (3, 10)),
    (OrganizationKind.AREA_BRANCH, 25, (30, 70)),
)
PREPARING = 30  # branches still being formed (组建中)
CHAIN_WEIGHTS = (18, 14, 22, 16, 17, 13)
NO_CHAIN_SHARE = 0.06
PIPELINE_ENTERPRISES = 200  # enterprises with 3+ members and no organisation yet
OFFICERS = 12
UNREACHED_KEYS = 8  # key enterprises left with neither organisation nor officer: the 失联 risk list
VISIT_NOTES = (
    ("了解企业用工需求，对接园区人才服务中心专场招聘", "两周内反馈招聘会安排"),
    ("企业反映三季度用电负荷紧张，已联系供电部门现场查看", "跟进错峰用电方案"),
    ("宣讲园区惠企政策，收集企业融资需求", "推荐对接园区金融服务中心"),
    ("指导企业党员发展工作，讲解入党程序", None),
    ("协助企业筹备成立党支部，摸排党员组织关系", "下月协助召开党员大会"),
    ("了解原材料供应情况，协调物流通行", None),
    ("走访企业负责人，听取对园区营商环境的意见", "意见汇总报党工委"),
    ("协调企业与周边社区的施工噪音纠纷", "一周后回访调解结果"),
)


@dataclass
class EnterprisePlan:
    credit_code: str
    name: str
    chain: str | None
    area: str
    address: str
    employee_count: int
    is_key: bool = False
    contact_name: str | None = None
    contact_phone: str | None = None


@dataclass
class OrganizationPlan:
    name: str
    kind: OrganizationKind
    mode: FormationMode
    status: OrganizationStatus
    formed_on: date | None
    chain: str | None
    enterprise_codes: list[str]
    member_count: int
    area: str | None = None  # an area branch's area: where its floating members came to


@dataclass
class MemberPlan:
    name: str
    id_card: str
    status: MemberStatus
    organization: int | None  # index into ParkPlan.organizations
    enterprise_code: str | None
    joined_on: date | None
    is_floating: bool
    inflow_area: str | None
    phone: str


@dataclass
class AssignmentPlan:
    enterprise_code: str
    officer: int  # index of the officer
    kind: AssignmentKind
    starts_on: date
    ends_on: date | None
    visits: list[tuple[date, str, str | None]] = field(default_factory=list)


@dataclass
class ParkPlan:
    enterprises: list[EnterprisePlan]
    organizations: list[OrganizationPlan]
    members: list[MemberPlan]
    assignments: list[AssignmentPlan]


def _employees(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.70:
        return rng.randint(3, 50)
    if roll < 0.90:
        return rng.randint(51, 300)
    if roll < 0.98:
        return rng.randint(301, 1000)
    return rng.randint(1001, 8000)


def _enterprises(rng: random.Random) -> list[EnterprisePlan]:
    planned = []
    for serial in range(1, ENTERPRISES + 1):
        chain = None if rng.random() < NO_CHAIN_SHARE else rng.choices(REFERENCE_CHAINS, CHAIN_WEIGHTS)[0]
        with_contact = rng.random() < 0.6
        trade = chain or rng.choice(REFERENCE_CHAINS)
        planned.append(
            EnterprisePlan(
                credit_code=make_credit_code(serial),
                name=names.enterprise_name(rng, trade),
                chain=chain,
                area=rng.choice(names.AREAS),
                address=names.address(rng),
                employee_count=_employees(rng),
                contact_name=names.person_name(rng) if with_contact else None,
                contact_phone=names.phone(rng) if with_contact else None,
            )
        )
    return planned


def _formed_on(rng: random.Random, today: date, recently: bool) -> date:
    if recently:
        return today - timedelta(days=rng.randint(1, 730))
    return today - timedelta(days=rng.randint(731, 365 * 14))


def _organizations(rng: random.Random, enterprises: list[EnterprisePlan], today: date) -> list[OrganizationPlan]:
    by_size = sorted(enterprises, key=lambda e: (-e.employee_count, e.credit_code))
    used: set[str] = set()
    planned: list[OrganizationPlan] = []

    def standalone(kind: OrganizationKind, hosts: list[EnterprisePlan], suffix: str, sizes: tuple[int, int]) -> None:
        for host in hosts:
            used.add(host.credit_code)
            mode = (
                FormationMode.BUSINESS_NEED
                if kind is OrganizationKind.TEMPORARY_BRANCH
                else rng.choice((FormationMode.STANDALONE,) * 4 + (FormationMode.MASS_ORGANIZATION,))
            )
            planned.append(
                OrganizationPlan(
                    f"{host.name}{suffix}",
                    kind,
                    mode,
                    OrganizationStatus.FORMED,
                    None,
                    host.chain,
                    [host.credit_code],
                    rng.randint(*sizes),
                )
            )

    sizes = {kind: members for kind, _, members in ORGANIZATIONS}
    count = {kind: how_many for kind, how_many, _ in ORGANIZATIONS}
    standalone(OrganizationKind.PARTY_COMMITTEE, by_size[:30], "委员会", sizes[OrganizationKind.PARTY_COMMITTEE])
    standalone(OrganizationKind.GENERAL_BRANCH, by_size[30:80], "党总支", sizes[OrganizationKind.GENERAL_BRANCH])
    midsize = [e for e in by_size[80:6000] if e.employee_count >= 30]
    standalone(
        OrganizationKind.BRANCH,
        rng.sample(midsize, count[OrganizationKind.BRANCH]),
        "党支部",
        sizes[OrganizationKind.BRANCH],
    )
    sites = [e for e in enterprises if e.chain == "先进制造" and e.credit_code not in used]
    standalone(
        OrganizationKind.TEMPORARY_BRANCH,
        rng.sample(sites, count[OrganizationKind.TEMPORARY_BRANCH]),
        "项目临时党支部",
        sizes[OrganizationKind.TEMPORARY_BRANCH],
    )
    # Joint branches (联合党支部): small enterprises of one chain and one area, two to six to a branch.
    groups: dict[tuple[str | None, str], list[EnterprisePlan]] = {}
    for enterprise in enterprises:
        if enterprise.employee_count < 30 and enterprise.chain and enterprise.credit_code not in used:
            groups.setdefault((enterprise.chain, enterprise.area), []).append(enterprise)
    pools = [groups[key] for key in sorted(groups, key=str)]
    for number in range(1, count[OrganizationKind.JOINT_BRANCH] + 1):
        pool = rng.choice(pools)
        covered = [pool.pop(rng.randrange(len(pool))) for _ in range(rng.randint(2, 6))]
        planned.append(
            OrganizationPlan(
                f"{covered[0].area}{covered[0].chain}产业第{number}联合党支部",
                OrganizationKind.JOINT_BRANCH,
                FormationMode.JOINT,
                OrganizationStatus.FORMED,
                None,
                covered[0].chain,
                [e.credit_code for e in covered],
                rng.randint(*sizes[OrganizationKind.JOINT_BRANCH]),
            )
        )
    # Area branches (片区支部) gather floating members, by area, with no enterprise of their own.
    for number in range(count[OrganizationKind.AREA_BRANCH]):
        area = names.AREAS[number % len(names.AREAS)]
        planned.append(
            OrganizationPlan(
                f"{area}流动党员第{number // len(names.AREAS) + 1}党支部",
                OrganizationKind.AREA_BRANCH,
                FormationMode.AREA_BLOCK,
                OrganizationStatus.FORMED,
                None,
                None,
                [],
                rng.randint(*sizes[OrganizationKind.AREA_BRANCH]),
                area=area,
            )
        )
    # Dates: 531 formed in the last two years, the rest earlier; a few branches still being formed.
    branches = [org for org in planned if org.kind is OrganizationKind.BRANCH]
    for org in rng.sample(branches, PREPARING):
        org.status = OrganizationStatus.PREPARING
    formed = [org for org in planned if org.status is OrganizationStatus.FORMED]
    recent = set(map(id, rng.sample(formed, FORMED_RECENTLY)))
    for org in formed:
        org.formed_on = _formed_on(rng, today, id(org) in recent)
    return planned


class _IdCards:
    DIVISIONS = (
        "430102",
        "430103",
        "430104",
        "430105",
        "430111",
        "430112",
        "430121",
        "430181",
        "430202",
        "430302",
        "430402",
        "430502",
        "430602",
        "430702",
        "430802",
        "430902",
        "431002",
        "431102",
    )

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.issued: set[str] = set()

    def new(self) -> str:
        while True:
            born = date(1960, 1, 1) + timedelta(days=self.rng.randint(0, 365 * 43))
            number = make_id_card(self.rng.randint(0, 999), born, self.rng.choice(self.DIVISIONS))
            if number not in self.issued:
                self.issued.add(number)
                return number


def _status(rng: random.Random) -> MemberStatus:
    return rng.choices(list(MemberStatus), (85, 7, 4, 4))[0]


def _joined(rng: random.Random, status: MemberStatus, today: date) -> date | None:
    if status is MemberStatus.FULL:
        return today - timedelta(days=rng.randint(400, 365 * 45))
    if status is MemberStatus.PROBATIONARY:
        return today - timedelta(days=rng.randint(1, 364))
    return None


def _members(
    rng: random.Random, enterprises: list[EnterprisePlan], organizations: list[OrganizationPlan], today: date
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

    in_orgs = {code for org in organizations for code in org.enterprise_codes}
    pipeline = rng.sample(
        [e for e in enterprises if e.credit_code not in in_orgs and e.employee_count >= 10], PIPELINE_ENTERPRISES
    )
    for enterprise in pipeline:
        for _ in range(rng.randint(3, 6)):
            add(None, enterprise.credit_code, MemberStatus.FULL, None)
    # The rest fill the organisations; the first three of each are full members (it takes three to form one).
    room = MEMBERS - len(planned)
    scale = room / sum(org.member_count for org in organizations)  # a little over 1: rounding down fits
    for org in organizations:
        org.member_count = max(3, int(org.member_count * scale))
    for org in rng.sample(organizations, room - sum(org.member_count for org in organizations)):
        org.member_count += 1
    for index, org in enumerate(organizations):
        for n in range(org.member_count):
            status = MemberStatus.FULL if n < 3 else _status(rng)
            if org.kind is OrganizationKind.AREA_BRANCH:
                add(index, None, status, org.area)
            else:
                floating = rng.random() < 0.02
                add(index, rng.choice(org.enterprise_codes), status, rng.choice(names.AREAS) if floating else None)
    return planned


def _assignments(
    rng: random.Random, enterprises: list[EnterprisePlan], organizations: list[OrganizationPlan], today: date
) -> list[AssignmentPlan]:
    """Officers on the key enterprises that have no organisation of their own, but for a few."""
    covered = {
        code for org in organizations if org.status is OrganizationStatus.FORMED for code in org.enterprise_codes
    }
    uncovered_keys = [e for e in enterprises if e.is_key and e.credit_code not in covered]
    planned = []
    for number, enterprise in enumerate(uncovered_keys[UNREACHED_KEYS:]):
        starts_on = today - timedelta(days=rng.randint(60, 700))
        assignment = AssignmentPlan(
            enterprise.credit_code, number % OFFICERS, AssignmentKind.LIAISON_OFFICER, starts_on, None
        )
        for _ in range(rng.randint(0, 8)):
            visited_on = today - timedelta(days=rng.randint(0, min(180, (today - starts_on).days)))
            notes, follow_ups = rng.choice(VISIT_NOTES)
            assignment.visits.append((visited_on, notes, follow_ups))
        planned.append(assignment)
        if rng.random() < 0.2:  # an instructor too (党建指导员), helping the enterprise form a branch
            planned.append(
                AssignmentPlan(
                    enterprise.credit_code, (number + 5) % OFFICERS, AssignmentKind.PARTY_INSTRUCTOR, starts_on, None
                )
            )
    return planned


def plan_park(today: date) -> ParkPlan:
    rng = random.Random(SEED)
    enterprises = _enterprises(rng)
    organizations = _organizations(rng, enterprises, today)
    # Key enterprises (重点企业): some large ones with their own organisation, most without (they get officers).
    hosts = {
        org.enterprise_codes[0]
        for org in organizations
        if org.kind in (OrganizationKind.PARTY_COMMITTEE, OrganizationKind.GENERAL_BRANCH)
    }
    in_orgs = {code for org in organizations for code in org.enterprise_codes}
    large = [e for e in enterprises if e.employee_count > 300 and e.credit_code not in in_orgs]
    keys = rng.sample(sorted(hosts), 35) + [e.credit_code for e in rng.sample(large, KEY_ENTERPRISES - 35)]
    key_codes = set(keys)
    for enterprise in enterprises:
        enterprise.is_key = enterprise.credit_code in key_codes
    members = _members(rng, enterprises, organizations, today)
    return ParkPlan(enterprises, organizations, members, _assignments(rng, enterprises, organizations, today))
