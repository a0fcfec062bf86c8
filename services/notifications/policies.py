"""Who has notifications: a person acting in a park. An API key or the worker has none."""

from redchain.services.actor import Actor, ActorKind
from redchain.services.errors import PermissionDenied


def is_recipient(actor: Actor) -> bool:
    return actor.kind is ActorKind.USER and actor.user_id is not None


def require_recipient(actor: Actor) -> None:
    if not is_recipient(actor):
        raise PermissionDenied()
