"""Update inputs, one rule for every mutation (README, API conventions): a field left out keeps its value,
null clears a field that may be empty, null for a field that may not is a REQUIRED userError naming it."""

from collections.abc import Callable
from typing import Any, TypeVar

import strawberry

from redchain.services.errors import Required
from redchain.services.updates import UNSET, Unset

T = TypeVar("T")
R = TypeVar("R")

UPDATE_INPUT = (
    "A partial update: a field left out keeps its value; null clears a field that may be empty; "
    "null for a field that may not is a REQUIRED userError."
)


def _as_is(value: Any) -> Any:
    return value


def optional(value: T | None, decode: Callable[[T], R] = _as_is) -> R | Unset | None:
    """A field null clears: strawberry's UNSET (left out) becomes the services' UNSET."""
    if value is strawberry.UNSET:
        return UNSET
    return None if value is None else decode(value)


def required(field: str, value: T | None, decode: Callable[[T], R] = _as_is) -> R | Unset:
    """A field that cannot be cleared: null is refused as a userError on `field` (camelCase)."""
    if value is strawberry.UNSET:
        return UNSET
    if value is None:
        raise Required(field)
    return decode(value)
