"""A park's SLA targets per priority: its own where it set them, the reference ones elsewhere. A change
applies to tickets raised afterwards; a ticket keeps the targets it was raised with."""

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.tickets.deadlines import REFERENCE_TARGETS, Targets
from redchain.services.tickets.errors import InvalidTarget
from redchain.services.tickets.models import TicketPriority
from redchain.services.tickets.policies import require_configure
from redchain.services.tickets.repository import TicketRepository

MAX_TARGET_HOURS = 700  # a hundred working days


@dataclass(frozen=True)
class PriorityTargets:
    priority: TicketPriority
    targets: Targets
    is_reference: bool  # the park has not set its own


async def for_priority(session: AsyncSession, tenant_id: uuid.UUID, priority: TicketPriority) -> Targets:
    policy = await TicketRepository(session).sla_policy(tenant_id, priority)
    if policy is None:
        return REFERENCE_TARGETS[priority]
    return Targets(policy.first_response_minutes * 60, policy.resolution_minutes * 60)


async def list_targets(session: AsyncSession, actor: Actor) -> list[PriorityTargets]:
    own = {TicketPriority(p.priority): p for p in await TicketRepository(session).sla_policies(actor.tenant_id)}
    return [
        PriorityTargets(
            priority, Targets(own[priority].first_response_minutes * 60, own[priority].resolution_minutes * 60), False
        )
        if priority in own
        else PriorityTargets(priority, REFERENCE_TARGETS[priority], True)
        for priority in TicketPriority
    ]


async def set_targets(
    session: AsyncSession, actor: Actor, priority: TicketPriority, first_response_minutes: int, resolution_minutes: int
) -> PriorityTargets:
    require_configure(actor)
    limit = MAX_TARGET_HOURS * 60
    if not (1 <= first_response_minutes <= limit and first_response_minutes <= resolution_minutes <= limit):
        raise InvalidTarget("resolutionMinutes", limit=MAX_TARGET_HOURS)
    repo = TicketRepository(session)
    before = await repo.sla_policy(actor.tenant_id, priority, for_update=True)
    snapshot = audit.snapshot(before, "first_response_minutes", "resolution_minutes") if before else None
    policy_id = await repo.upsert_sla_policy(
        actor.tenant_id, priority, first_response_minutes, resolution_minutes, actor.user_id
    )
    audit.record(
        session,
        actor,
        "ticket_sla_policy.set",
        "TicketSlaPolicy",
        policy_id,
        before=snapshot,
        after={
            "priority": priority.value,
            "first_response_minutes": first_response_minutes,
            "resolution_minutes": resolution_minutes,
        },
    )
    return PriorityTargets(priority, Targets(first_response_minutes * 60, resolution_minutes * 60), False)
