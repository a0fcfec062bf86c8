"""Queries of the liaison context: each caller sees the assignments and visits its role allows."""

import strawberry
from strawberry.types import Info

from redchain.graphql.liaison.dataloaders import LiaisonAssignmentByIdLoader, LiaisonVisitByIdLoader
from redchain.graphql.liaison.types import AssignmentStatus, LiaisonAssignment, LiaisonVisit, OfficerWorkload
from redchain.graphql.permissions import IsAuthenticated
from redchain.graphql.relay import Connection, decode_optional_id, loaded_node, paged
from redchain.services.liaison import service as liaison
from redchain.services.liaison.policies import AssignmentStatus as AssignmentStatusEnum
from redchain.services.liaison.service import AssignmentFilter, VisitFilter

loaded_node("LiaisonAssignment", LiaisonAssignmentByIdLoader, LiaisonAssignment.from_row)


loaded_node("LiaisonVisit", LiaisonVisitByIdLoader, LiaisonVisit.from_row)


@strawberry.type
class LiaisonQuery:
    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="Newest first. Officers see their own, chain staff their chain's, enterprise contacts their "
        "enterprise's; park admins, auditors and liaison:read keys all.",
    )
    async def liaison_assignments(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        enterprise_id: strawberry.ID | None = None,
        officer_user_id: strawberry.ID | None = None,
        status: AssignmentStatus | None = None,  # type: ignore[valid-type]
    ) -> Connection[LiaisonAssignment]:
        actor = info.context.require_actor()
        where = AssignmentFilter(
            enterprise_id=decode_optional_id(enterprise_id, "Enterprise", field="enterpriseId"),
            officer_user_id=decode_optional_id(officer_user_id, "User", field="officerUserId"),
            status=AssignmentStatusEnum(status) if status else None,
        )
        return await paged(
            info,
            first,
            after,
            LiaisonAssignment.from_row,
            fetch=lambda s, page: liaison.list_assignments(s, actor, where, page),
            count=lambda s: liaison.count_assignments(s, actor, where),
        )

    @strawberry.field(permission_classes=[IsAuthenticated], description="Visits, most recently logged first.")
    async def visits(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        enterprise_id: strawberry.ID | None = None,
        assignment_id: strawberry.ID | None = None,
        officer_user_id: strawberry.ID | None = None,
    ) -> Connection[LiaisonVisit]:
        actor = info.context.require_actor()
        where = VisitFilter(
            enterprise_id=decode_optional_id(enterprise_id, "Enterprise", field="enterpriseId"),
            assignment_id=decode_optional_id(assignment_id, "LiaisonAssignment", field="assignmentId"),
            officer_user_id=decode_optional_id(officer_user_id, "User", field="officerUserId"),
        )
        return await paged(
            info,
            first,
            after,
            LiaisonVisit.from_row,
            fetch=lambda s, page: liaison.list_visits(s, actor, where, page),
            count=lambda s: liaison.count_visits(s, actor, where),
        )

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="Every liaison officer of the park, busiest first (an officer sees only itself). Counts cover "
        "what you may read: chain staff see the load within their chain.",
    )
    async def officer_workload(self, info: Info) -> list[OfficerWorkload]:
        actor = info.context.require_actor()
        async with info.context.read() as session:
            rows = await liaison.officer_workload(session, actor)
        return [OfficerWorkload.from_row(row) for row in rows]
