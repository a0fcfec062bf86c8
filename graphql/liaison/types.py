"""GraphQL types of the liaison context."""

from datetime import date, datetime

import strawberry
from strawberry.types import Info

from redchain.graphql.errors import UserError, error_code_enum
from redchain.graphql.liaison.dataloaders import LiaisonAssignmentByIdLoader
from redchain.graphql.registry.dataloaders import EnterpriseByIdLoader
from redchain.graphql.registry.types import Enterprise
from redchain.graphql.relay import Node, encode_id
from redchain.graphql.tenancy.dataloaders import UserByIdLoader
from redchain.graphql.tenancy.types import User
from redchain.infra.clock import park_today
from redchain.services.liaison.errors import LiaisonErrorCode as LiaisonErrorCodeEnum
from redchain.services.liaison.models import AssignmentKind as AssignmentKindEnum
from redchain.services.liaison.models import LiaisonAssignment as AssignmentRow
from redchain.services.liaison.models import LiaisonVisit as VisitRow
from redchain.services.liaison.policies import AssignmentStatus as AssignmentStatusEnum
from redchain.services.liaison.policies import status_on
from redchain.services.liaison.service import OfficerWorkload as WorkloadRow

AssignmentKind = strawberry.enum(
    AssignmentKindEnum, description="LIAISON_OFFICER 驻企联络员 or PARTY_INSTRUCTOR 党建指导员."
)
AssignmentStatus = strawberry.enum(AssignmentStatusEnum, description="From the dates, on today's date in the park.")


async def _officer(info: Info, user_id: object) -> User:
    return User.from_row(await info.context.loader(UserByIdLoader).load(user_id))


async def _enterprise(info: Info, enterprise_id: object) -> Enterprise | None:
    # Null once the caller's scope no longer holds the enterprise (an officer's ended assignment).
    row = await info.context.loader(EnterpriseByIdLoader).load(enterprise_id)
    return Enterprise.from_row(row) if row else None


@strawberry.type(description="An officer posted to an enterprise for a period (派驻).")
class LiaisonAssignment(Node):
    kind: AssignmentKind  # type: ignore[valid-type]
    starts_on: date
    ends_on: date | None = strawberry.field(description="The last day, inclusive; null while open-ended.")
    created_at: datetime
    row: strawberry.Private[AssignmentRow]

    @strawberry.field
    def status(self) -> AssignmentStatus:  # type: ignore[valid-type]
        return status_on(self.row, park_today())

    @strawberry.field
    def enterprise_id(self) -> strawberry.ID:
        return encode_id("Enterprise", self.row.enterprise_id)

    @strawberry.field
    async def enterprise(self, info: Info) -> Enterprise | None:
        return await _enterprise(info, self.row.enterprise_id)

    @strawberry.field
    async def officer(self, info: Info) -> User:
        return await _officer(info, self.row.officer_user_id)

    @classmethod
    def from_row(cls, row: AssignmentRow) -> "LiaisonAssignment":
        return cls(
            id=encode_id("LiaisonAssignment", row.id),
            kind=AssignmentKindEnum(row.kind),
            starts_on=row.starts_on,
            ends_on=row.ends_on,
            created_at=row.created_at,
            row=row,
        )


@strawberry.type(description="A visit an officer logged on one of its assignments (走访记录).")
class LiaisonVisit(Node):
    visited_on: date
    notes: str
    follow_ups: str | None
    created_at: datetime
    row: strawberry.Private[VisitRow]

    @strawberry.field
    def enterprise_id(self) -> strawberry.ID:
        return encode_id("Enterprise", self.row.enterprise_id)

    @strawberry.field
    async def enterprise(self, info: Info) -> Enterprise | None:
        return await _enterprise(info, self.row.enterprise_id)

    @strawberry.field
    async def officer(self, info: Info) -> User:
        return await _officer(info, self.row.officer_user_id)

    @strawberry.field
    async def assignment(self, info: Info) -> LiaisonAssignment | None:
        row = await info.context.loader(LiaisonAssignmentByIdLoader).load(self.row.assignment_id)
        return LiaisonAssignment.from_row(row) if row else None

    @classmethod
    def from_row(cls, row: VisitRow) -> "LiaisonVisit":
        return cls(
            id=encode_id("LiaisonVisit", row.id),
            visited_on=row.visited_on,
            notes=row.notes,
            follow_ups=row.follow_ups,
            created_at=row.created_at,
            row=row,
        )


@strawberry.type(description="One officer's load: what it covers now and how often it visits.")
class OfficerWorkload:
    active_assignments: int
    key_enterprises: int = strawberry.field(description="Key enterprises (重点企业) among its active assignments.")
    visits_last_30_days: int
    visits_last_90_days: int
    last_visit_on: date | None
    visits_this_month: int = strawberry.field(description="Visits in the current calendar month (Asia/Shanghai).")
    row: strawberry.Private[WorkloadRow]

    @strawberry.field
    async def officer(self, info: Info) -> User:
        return await _officer(info, self.row.officer_user_id)

    @classmethod
    def from_row(cls, row: WorkloadRow) -> "OfficerWorkload":
        return cls(
            active_assignments=row.active_assignments,
            key_enterprises=row.key_enterprises,
            visits_last_30_days=row.visits_last_30_days,
            visits_last_90_days=row.visits_last_90_days,
            last_visit_on=row.last_visit_on,
            visits_this_month=row.visits_this_month,
            row=row,
        )


LiaisonErrorCode = error_code_enum("LiaisonErrorCode", LiaisonErrorCodeEnum)


@strawberry.type(description="A rule or validation failure of a liaison mutation.")
class LiaisonUserError(UserError):
    code: LiaisonErrorCode  # type: ignore[valid-type]
