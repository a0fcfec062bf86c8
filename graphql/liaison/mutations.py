"""Mutations of the liaison context: post and end assignments, log visits."""

import strawberry
from strawberry.types import Info

from redchain.graphql.errors import mutate
from redchain.graphql.liaison.inputs import AssignLiaisonInput, EndLiaisonAssignmentInput, LogVisitInput
from redchain.graphql.liaison.types import LiaisonAssignment, LiaisonUserError, LiaisonVisit
from redchain.graphql.permissions import HasPerm, IsAuthenticated
from redchain.graphql.relay import decode_id
from redchain.services.liaison import service as liaison
from redchain.services.liaison.models import AssignmentKind as AssignmentKindEnum
from redchain.services.liaison.models import LiaisonAssignment as AssignmentRow
from redchain.services.permissions import Perm


@strawberry.type
class LiaisonAssignmentPayload:
    assignment: LiaisonAssignment | None = None
    user_errors: list[LiaisonUserError] = strawberry.field(default_factory=list)


@strawberry.type
class LogVisitPayload:
    visit: LiaisonVisit | None = None
    user_errors: list[LiaisonUserError] = strawberry.field(default_factory=list)


def _assignment(row: AssignmentRow) -> LiaisonAssignmentPayload:
    return LiaisonAssignmentPayload(assignment=LiaisonAssignment.from_row(row))


@strawberry.type
class LiaisonMutation:
    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.LIAISON_MANAGE)],
        description="Post a liaison officer or Party-building instructor to an enterprise (PARK_ADMIN, or "
        "CHAIN_STAFF within its chain).",
    )
    async def assign_liaison(self, info: Info, input: AssignLiaisonInput) -> LiaisonAssignmentPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            LiaisonAssignmentPayload,
            lambda s: liaison.assign(
                s,
                actor,
                decode_id(input.enterprise_id, "Enterprise", field="enterpriseId"),
                decode_id(input.officer_user_id, "User", field="officerUserId"),
                AssignmentKindEnum(input.kind),
                input.starts_on,
            ),
            _assignment,
        )

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.LIAISON_MANAGE)],
        description="End an assignment: from the day after `endsOn` the officer no longer covers the enterprise.",
    )
    async def end_liaison_assignment(self, info: Info, input: EndLiaisonAssignmentInput) -> LiaisonAssignmentPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            LiaisonAssignmentPayload,
            lambda s: liaison.end_assignment(s, actor, decode_id(input.id, "LiaisonAssignment"), input.ends_on),
            _assignment,
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Log a visit on one of your own active assignments (liaison officers only).",
    )
    async def log_visit(self, info: Info, input: LogVisitInput) -> LogVisitPayload:
        actor = info.context.require_actor()
        return await mutate(
            info,
            LogVisitPayload,
            lambda s: liaison.log_visit(
                s,
                actor,
                decode_id(input.assignment_id, "LiaisonAssignment", field="assignmentId"),
                input.visited_on,
                input.notes,
                input.follow_ups,
            ),
            lambda row: LogVisitPayload(visit=LiaisonVisit.from_row(row)),
        )
