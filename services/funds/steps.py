"""An application's steps as its applicant and reviewers follow them (审核记录): each change and review
decision with its reason, read back from the audit log that the workflow writes in the same transaction."""

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from redchain.services.actor import Actor
from redchain.services.audit import service as audit
from redchain.services.funds import service as funds
from redchain.services.funds.models import ApplicationStatus
from redchain.services.funds.workflow import Action

ACTION_PREFIX = "fund_application."


@dataclass(frozen=True)
class ApplicationStep:
    action: Action
    status: ApplicationStatus  # where the step left the application
    reason: str | None
    at: datetime
    actor_user_id: uuid.UUID | None  # None: the worker (payments)


async def steps_by_application(
    session: AsyncSession, actor: Actor | None, application_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[ApplicationStep]]:
    """Oldest first, for the applications the actor may read (others get none)."""
    if actor is None:
        return {}
    visible = [a.id for a in await funds.applications_by_ids(session, actor, application_ids)]
    found: dict[uuid.UUID, list[ApplicationStep]] = defaultdict(list)
    for entry in await audit.history_of(session, actor, "FundApplication", visible, ACTION_PREFIX):
        after = entry.after or {}
        assert entry.object_id is not None
        found[entry.object_id].append(
            ApplicationStep(
                action=Action(entry.action.removeprefix(ACTION_PREFIX).upper()),
                status=ApplicationStatus(after["status"]),
                reason=after.get("reason"),
                at=entry.created_at,
                actor_user_id=entry.actor_user_id,
            )
        )
    return found
