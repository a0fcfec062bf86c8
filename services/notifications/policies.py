"""Who has notifications: a person acting in a park. An API key or a park-less session has none."""

from redchain.services.actor import Actor
from redchain.services.errors import PermissionDenied


def is_recipient(actor: Actor) -> bool:
    return actor.user_id is not None and actor.tenant_id is not None


def require_recipient(actor: Actor) -> None:
    if not is_recipient(actor):
        raise PermissionDenied()
