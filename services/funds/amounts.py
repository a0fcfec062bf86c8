"""Amount rules: what an organisation is entitled to from a program, by its kind and member count.

Stored as JSON on the program, e.g. the start-up fund's default (5,000-10,000 yuan, in fen):
    {"minFen": 500000, "maxFen": 1000000, "defaultFen": 500000,
     "tiers": [{"organizationKinds": ["PARTY_COMMITTEE"], "amountFen": 1000000},
               {"minMembers": 15, "amountFen": 800000}]}
The first tier that matches wins; no match gives defaultFen.
"""

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic.alias_generators import to_camel

from redchain.services.funds.errors import InvalidAmountRule
from redchain.services.funds.models import ProgramKind
from redchain.services.registry.service import OrganizationKind

MAX_TIERS = 50


class _Rule(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid", frozen=True)


class AmountTier(_Rule):
    organization_kinds: tuple[OrganizationKind, ...] = ()  # empty: any kind
    min_members: int = Field(default=0, ge=0)
    amount_fen: int

    def matches(self, kind: OrganizationKind, members: int) -> bool:
        return (not self.organization_kinds or kind in self.organization_kinds) and members >= self.min_members


class AmountRule(_Rule):
    min_fen: int = Field(gt=0)
    max_fen: int = Field(gt=0)
    default_fen: int
    tiers: tuple[AmountTier, ...] = Field(default=(), max_length=MAX_TIERS)

    @model_validator(mode="after")
    def _within_bounds(self) -> "AmountRule":
        if self.min_fen > self.max_fen:
            raise ValueError("minFen is above maxFen")
        for amount in (self.default_fen, *(t.amount_fen for t in self.tiers)):
            if not self.min_fen <= amount <= self.max_fen:
                raise ValueError(f"{amount} is outside minFen..maxFen")
        return self

    def entitlement(self, kind: OrganizationKind, members: int) -> int:
        return next((t.amount_fen for t in self.tiers if t.matches(kind, members)), self.default_fen)

    def as_json(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, mode="json")


STARTUP_FUND_RULE = AmountRule(
    min_fen=500_000,
    max_fen=1_000_000,
    default_fen=500_000,
    tiers=(
        AmountTier(organization_kinds=(OrganizationKind.PARTY_COMMITTEE,), amount_fen=1_000_000),
        AmountTier(organization_kinds=(OrganizationKind.GENERAL_BRANCH,), amount_fen=800_000),
        AmountTier(min_members=15, amount_fen=800_000),
        AmountTier(organization_kinds=(OrganizationKind.JOINT_BRANCH,), amount_fen=600_000),
    ),
)


def parse_rule(raw: dict[str, Any] | None, kind: ProgramKind) -> AmountRule:
    """The program's rule; the start-up fund has a default, the other funds must state theirs."""
    if raw is None:
        if kind == ProgramKind.STARTUP_FUND:
            return STARTUP_FUND_RULE
        raise InvalidAmountRule("amountRule", why="required for this kind of fund")
    try:
        return AmountRule.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InvalidAmountRule("amountRule", why=f"{where}: {first['msg']}" if where else first["msg"]) from exc
