"""Resident ID card numbers (居民身份证号码, GB 11643-1999): validation, keyed hashing, masking.

The number itself is never stored: a keyed hash finds the same person again (imports match on it),
and the last four characters are kept for display.
"""

import hashlib
import hmac
import re
from datetime import date
from enum import StrEnum

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"  # ISO 7064 MOD 11-2: index is the weighted sum mod 11
SHAPE = re.compile(r"^\d{17}[\dX]$")


class IdCardRule(StrEnum):
    FORMAT = "FORMAT"  # 17 digits and a digit or X
    BIRTH_DATE = "BIRTH_DATE"  # characters 7-14 are a real date
    CHECK_DIGIT = "CHECK_DIGIT"  # ISO 7064 MOD 11-2


def normalize(number: str) -> str:
    return number.strip().upper()


def check_digit(first17: str) -> str:
    return CHECK_CHARACTERS[sum(int(c) * w for c, w in zip(first17, WEIGHTS, strict=True)) % 11]


def broken_rule(number: str) -> IdCardRule | None:
    """The first rule `number` breaks, or None for a valid number. Expects a normalised number."""
    if not SHAPE.match(number):
        return IdCardRule.FORMAT
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return IdCardRule.BIRTH_DATE
    if born.year < 1900 or born > date.today():
        return IdCardRule.BIRTH_DATE
    if check_digit(number[:17]) != number[17]:
        return IdCardRule.CHECK_DIGIT
    return None


def keyed_hash(number: str, pepper: str) -> str:
    # HMAC rather than a bare hash: ID numbers are few enough to enumerate without a secret key.
    return hmac.new(pepper.encode(), number.encode(), hashlib.sha256).hexdigest()


def mask(last4: str | None) -> str | None:
    return "*" * 14 + last4 if last4 else None


def make_id_card(serial: int, born: date = date(1985, 7, 1), division: str = "430104") -> str:
    """A valid number for demo and test data."""
    body = f"{division}{born:%Y%m%d}{serial % 1000:03d}"
    return body + check_digit(body)
