"""Keyset pagination for Relay connections: stable under inserts, cheap at any depth."""

import base64
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar, cast

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped

T = TypeVar("T")
# A sort column: a table column or a model attribute (`col(Model.field)`).
SortKey = sa.ColumnElement[Any] | Mapped[Any]


class InvalidCursor(ValueError):
    pass


@dataclass(frozen=True)
class PageRequest:
    first: int
    after: str | None = None


@dataclass
class Page(Generic[T]):
    rows: list[T]
    cursors: list[str]
    has_next_page: bool
    has_previous_page: bool


def _encode(values: Sequence[Any]) -> str:
    raw = json.dumps([v.isoformat() if isinstance(v, datetime) else str(v) for v in values])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode(cursor: str, keys: Sequence[SortKey]) -> list[Any]:
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        # _encode writes strings only; anything else was not made by us.
        if not isinstance(raw, list) or len(raw) != len(keys) or not all(isinstance(v, str) for v in raw):
            raise InvalidCursor(cursor)
        values: list[Any] = []
        for text, key in zip(raw, keys, strict=True):
            kind = cast(sa.ColumnElement[Any], key).type.python_type
            if kind is datetime:
                values.append(datetime.fromisoformat(text))
            elif kind is uuid.UUID:
                values.append(uuid.UUID(text))
            else:
                values.append(kind(text))
        return values
    except (ValueError, TypeError, RecursionError) as exc:  # JSONDecodeError and binascii.Error are ValueErrors
        raise InvalidCursor(cursor) from exc


async def paginate(
    session: AsyncSession,
    stmt: sa.Select[Any],
    keys: Sequence[SortKey],
    page: PageRequest,
    descending: bool = True,
) -> Page[Any]:
    """Rows of `stmt` ordered by `keys` (unique together), `page.first` after the cursor."""
    if page.after:
        position = sa.tuple_(*_decode(page.after, keys))
        stmt = stmt.where(sa.tuple_(*keys) < position if descending else sa.tuple_(*keys) > position)
    order = [k.desc() for k in keys] if descending else [k.asc() for k in keys]
    rows = (await session.execute(stmt.order_by(*order).limit(page.first + 1))).all()
    has_next = len(rows) > page.first
    rows = rows[: page.first]
    key_count = len(keys)
    # The statement selects the entity first and its sort keys after it.
    return Page(
        rows=[row[0] for row in rows],
        cursors=[_encode(row[-key_count:]) for row in rows],
        has_next_page=has_next,
        has_previous_page=page.after is not None,
    )


async def count(session: AsyncSession, stmt: sa.Select[Any]) -> int:
    return int(await session.scalar(sa.select(sa.func.count()).select_from(stmt.order_by(None).subquery())) or 0)
