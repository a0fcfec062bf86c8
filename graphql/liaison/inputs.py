"""Input objects of the liaison mutations."""

from datetime import date

import strawberry

from redchain.graphql.liaison.types import AssignmentKind


@strawberry.input
class AssignLiaisonInput:
    enterprise_id: strawberry.ID
    officer_user_id: strawberry.ID = strawberry.field(description="A user holding LIAISON_OFFICER in this park.")
    kind: AssignmentKind  # type: ignore[valid-type]
    starts_on: date | None = strawberry.field(default=None, description="Defaults to today (Asia/Shanghai).")


@strawberry.input
class EndLiaisonAssignmentInput:
    id: strawberry.ID
    ends_on: date | None = strawberry.field(
        default=None, description="The assignment's last day, inclusive; defaults to today (Asia/Shanghai)."
    )


@strawberry.input
class LogVisitInput:
    assignment_id: strawberry.ID
    visited_on: date
    notes: str
    follow_ups: str | None = strawberry.field(default=None, description="What was promised, to whom, by when.")
