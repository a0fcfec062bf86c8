"""Queries of the tickets context."""

import strawberry
from strawberry.types import Info

from redchain.graphql.errors import ApiError, ErrorCode
from redchain.graphql.permissions import IsAuthenticated
from redchain.graphql.registry.queries import search_text
from redchain.graphql.relay import Connection, decode_id, decode_optional_id, loaded_node, paged
from redchain.graphql.tickets.dataloaders import TicketByIdLoader, TicketCategoryByIdLoader
from redchain.graphql.tickets.inputs import PeriodInput, TicketFilterInput
from redchain.graphql.tickets.types import (
    Ticket,
    TicketCategory,
    TicketCategoryFigures,
    TicketChainFigures,
    TicketFigures,
    TicketSlaTarget,
    TicketStats,
    TicketStatusCount,
)
from redchain.infra.models_base import utcnow
from redchain.services.tickets import service as tickets
from redchain.services.tickets import stats, targets, taxonomy
from redchain.services.tickets.models import TicketPriority, TicketStatus
from redchain.services.tickets.service import TicketFilter

loaded_node("Ticket", TicketByIdLoader, Ticket.from_row)


loaded_node("TicketCategory", TicketCategoryByIdLoader, TicketCategory.from_row)


def ticket_filter(info: Info, where: TicketFilterInput | None) -> TicketFilter:
    if where is None:
        return TicketFilter()
    return TicketFilter(
        statuses=tuple(TicketStatus(s) for s in where.statuses or ()),
        priority=TicketPriority(where.priority) if where.priority else None,
        chain_id=decode_optional_id(where.chain_id, "IndustryChain", field="filter.chainId"),
        enterprise_id=decode_optional_id(where.enterprise_id, "Enterprise", field="filter.enterpriseId"),
        category_id=decode_optional_id(where.category_id, "TicketCategory", field="filter.categoryId"),
        aspect_id=decode_optional_id(where.aspect_id, "TicketCategory", field="filter.aspectId"),
        assignee_user_id=decode_optional_id(where.assignee_id, "User", field="filter.assigneeId"),
        unassigned=where.unassigned,
        overdue_at=utcnow() if where.overdue else None,
        created_from=where.created_from,
        created_before=where.created_before,
        search=search_text(where.search, info.context.locale),
    )


@strawberry.type
class TicketsQuery:
    @strawberry.field(permission_classes=[IsAuthenticated], description="Tickets you may see, newest first.")
    async def tickets(
        self, info: Info, first: int | None = None, after: str | None = None, filter: TicketFilterInput | None = None
    ) -> Connection[Ticket]:
        actor = info.context.require_actor()
        where = ticket_filter(info, filter)
        return await paged(
            info,
            first,
            after,
            Ticket.from_row,
            fetch=lambda s, page: tickets.list_tickets(s, actor, where, page),
            count=lambda s: tickets.count_tickets(s, actor, where),
        )

    @strawberry.field(permission_classes=[IsAuthenticated], description="NOT_FOUND outside your scope.")
    async def ticket(self, info: Info, id: strawberry.ID) -> Ticket:
        row = await info.context.loader(TicketByIdLoader).load(decode_id(id, "Ticket"))
        if row is None:
            raise ApiError(ErrorCode.NOT_FOUND, info.context.locale)
        return Ticket.from_row(row)

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="The park's problem taxonomy: categories with their aspects, in display order.",
    )
    async def ticket_categories(self, info: Info, include_archived: bool = False) -> list[TicketCategory]:
        actor = info.context.require_actor()
        async with info.context.read() as session:
            rows = await taxonomy.list_categories(session, actor, include_archived)
        return [
            TicketCategory.from_row(c, [a for a in rows if a.parent_id == c.id]) for c in rows if c.parent_id is None
        ]

    @strawberry.field(permission_classes=[IsAuthenticated], description="The park's SLA targets per priority.")
    async def ticket_sla_targets(self, info: Info) -> list[TicketSlaTarget]:
        actor = info.context.require_actor()
        async with info.context.read() as session:
            return [TicketSlaTarget.from_value(v) for v in await targets.list_targets(session, actor)]

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="Figures over the tickets you may see: in total, by chain and by category.",
    )
    async def ticket_stats(
        self,
        info: Info,
        period: PeriodInput,
        chain_id: strawberry.ID | None = None,
        category_id: strawberry.ID | None = None,
    ) -> TicketStats:
        actor = info.context.require_actor()
        chain = decode_optional_id(chain_id, "IndustryChain", field="chainId")
        category = decode_optional_id(category_id, "TicketCategory", field="categoryId")
        async with info.context.read() as session:
            result = await stats.ticket_stats(session, actor, period.start, period.end, chain, category)
        return TicketStats(
            total=TicketFigures.from_row(result.total),
            by_chain=[TicketChainFigures(figures=TicketFigures.from_row(r), chain_key=r.key) for r in result.by_chain],
            by_category=[
                TicketCategoryFigures(figures=TicketFigures.from_row(r), category_key=r.key) for r in result.by_category
            ],
            by_status=[
                TicketStatusCount(status=s, count=result.by_status[s]) for s in TicketStatus if s in result.by_status
            ],
        )

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="The filtered list as CSV (UTF-8 with BOM), newest first, at most 10,000 rows.",
    )
    async def tickets_csv(self, info: Info, filter: TicketFilterInput | None = None) -> str:
        actor = info.context.require_actor()
        where = ticket_filter(info, filter)
        async with info.context.read() as session:
            return await stats.export_csv(session, actor, where)
