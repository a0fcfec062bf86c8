"""Input checks shared by the registry's aggregates: text limits and normalisation."""

from typing import Any

from redchain.services.errors import TooLong
from redchain.services.registry.errors import Negative, Required


def required_text(field: str, value: str, limit: int) -> str:
    value = value.strip()
    if not value:
        raise Required(field)
    if len(value) > limit:
        raise TooLong(field, limit=limit)
    return value


def optional_text(field: str, value: str | None, limit: int) -> str | None:
    """Blank text is stored as None, so "" and null mean the same."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if len(value) > limit:
        raise TooLong(field, limit=limit)
    return value


def non_negative(field: str, value: int) -> int:
    if value < 0:
        raise Negative(field)
    return value


def changed_fields(obj: Any, values: dict[str, Any]) -> dict[str, Any]:
    """The entries of `values` that differ from `obj`'s attributes."""
    return {name: value for name, value in values.items() if getattr(obj, name) != value}
