"""Mutations of the liaison context: post and end assignments, log visits."""

import strawberry
from strawberry.types import Info

from redchain.graphql.errors import UserError, mutate
from redchain.graphql.liaison.inputs import AssignLiaisonInput, EndLiaisonAssignmentInput, LogVisitInput
from redchain.graphql.liaison.types import LiaisonAssignment, LiaisonVisit
from redchain.graphql.permissions import HasPerm, IsAuthenticated
from redchain.graphql.relay import decode_id
from redchain.services.liaison import service as liaison
from redchain.services.liaison.models import AssignmentKind as AssignmentKindEnum
from redchain.services.permissions import Perm


@strawberry.type
class LiaisonAssignmentPayload:
    assignment: LiaisonAssignment | None
    user_errors: list[UserError]


@strawberry.type
class LogVisitPayload:
    visit: LiaisonVisit | None
    user_errors: list[UserError]


@strawberry.type
class LiaisonMutation:
    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.LIAISON_MANAGE)],
        description="Post a liaison officer or Party-building instructor to an enterprise (PARK_ADMIN, or "
        "CHAIN_STAFF within its chain).",
    )
    async def assign_liaison(self, info: Info, input: AssignLiaisonInput) -> LiaisonAssignmentPayload:
        actor, locale = info.context.require_actor(), info.context.locale
        enterprise_id = decode_id(input.enterprise_id, "Enterprise", locale)
        officer_user_id = decode_id(input.officer_user_id, "User", locale)
        kind = AssignmentKindEnum(input.kind)
        row, errors = await mutate(
            info, lambda s: liaison.assign(s, actor, enterprise_id, officer_user_id, kind, input.starts_on)
        )
        return LiaisonAssignmentPayload(assignment=LiaisonAssignment.from_row(row) if row else None, user_errors=errors)

    @strawberry.mutation(
        permission_classes=[HasPerm(Perm.LIAISON_MANAGE)],
        description="End an assignment: from the day after `endsOn` the officer no longer covers the enterprise.",
    )
    async def end_liaison_assignment(self, info: Info, input: EndLiaisonAssignmentInput) -> LiaisonAssignmentPayload:
        actor = info.context.require_actor()
        assignment_id = decode_id(input.id, "LiaisonAssignment", info.context.locale)
        row, errors = await mutate(info, lambda s: liaison.end_assignment(s, actor, assignment_id, input.ends_on))
        return LiaisonAssignmentPayload(assignment=LiaisonAssignment.from_row(row) if row else None, user_errors=errors)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Log a visit on one of your own active assignments (liaison officers only).",
    )
    async def log_visit(self, info: Info, input: LogVisitInput) -> LogVisitPayload:
        actor = info.context.require_actor()
        assignment_id = decode_id(input.assignment_id, "LiaisonAssignment", info.context.locale)
        row, errors = await mutate(
            info, lambda s: liaison.log_visit(s, actor, assignment_id, input.visited_on, input.notes, input.follow_ups)
        )
        return LogVisitPayload(visit=LiaisonVisit.from_row(row) if row else None, user_errors=errors)
