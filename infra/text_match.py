"""Substring matching in SQL, with LIKE's wildcards in the searched text matching themselves."""

from typing import Any

import sqlalchemy as sa

LIKE_ESCAPE = str.maketrans({"\\": "\\\\", "%": "\\%", "_": "\\_"})


def contains(column: Any, text: str) -> sa.ColumnElement[bool]:
    """Case-insensitive substring match of `text` in `column` (a column or a model attribute)."""
    return column.ilike(f"%{text.translate(LIKE_ESCAPE)}%", escape="\\")  # type: ignore[no-any-return]
