"""What the calendar tells people: the in-app notice that next year's schedule is missing."""

import uuid
from dataclasses import asdict, dataclass
from typing import Any

NEXT_YEAR_MISSING = "HOLIDAY_CALENDAR_NEXT_YEAR_MISSING"  # the notification's kind
# The notice of a year has one ID everywhere, so the notifications' unique (park, event, recipient) key
# makes it once per year per admin in each park, whichever worker sends it and however often.
_NAMESPACE = uuid.UUID("5f0c3a52-8a0e-4a43-9d55-0b7a2c1e6a11")


def next_year_missing_id(year: int) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, f"{NEXT_YEAR_MISSING}:{year}")


@dataclass(frozen=True)
class NextYearMissing:
    year: int
    provisional: bool  # only the statutory holidays are known, without the published 调休 days

    def data(self) -> dict[str, Any]:
        return asdict(self)
