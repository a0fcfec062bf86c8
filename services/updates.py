"""Partial updates, one rule in every context: a field left out (UNSET) keeps its value, None clears a
nullable field. The API refuses null for a required field before a service sees it (graphql/updates.py)."""

from enum import Enum
from typing import Any


class Unset(Enum):
    """A field left out of a partial update (as opposed to None, which clears it)."""

    UNSET = "UNSET"


UNSET = Unset.UNSET


def given(changes: Any) -> dict[str, Any]:
    """The fields of a changes dataclass that were given (not UNSET)."""
    return {name: value for name, value in vars(changes).items() if value is not UNSET}
