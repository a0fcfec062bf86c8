"""Unified social credit codes (统一社会信用代码, GB 32100-2015): validation and, for demo data, generation."""

from enum import StrEnum

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, Z, S, V
VALUES = {c: i for i, c in enumerate(ALPHABET)}
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


class CreditCodeRule(StrEnum):
    LENGTH = "LENGTH"  # exactly 18 characters
    CHARSET = "CHARSET"  # digits and upper-case letters other than I, O, Z, S, V
    DIVISION = "DIVISION"  # characters 3-8 are the administrative division code, all digits
    CHECK_CHARACTER = "CHECK_CHARACTER"  # the 18th character is the weighted check of the first 17


def check_character(first17: str) -> str:
    total = sum(VALUES[c] * w for c, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def broken_rule(code: str) -> CreditCodeRule | None:
    """The first rule `code` breaks, or None for a valid code. Expects a normalised code."""
    if len(code) != 18:
        return CreditCodeRule.LENGTH
    if any(c not in VALUES for c in code):
        return CreditCodeRule.CHARSET
    if not code[2:8].isdigit():
        return CreditCodeRule.DIVISION
    if check_character(code[:17]) != code[17]:
        return CreditCodeRule.CHECK_CHARACTER
    return None


def normalize(code: str) -> str:
    return code.strip().upper()


def make_credit_code(serial: int, division: str = "430100") -> str:
    """A valid code for demo and test data: enterprise (91), the given division, a serial number."""
    body = "91" + division
    n = serial
    for _ in range(9):
        body += ALPHABET[n % 31]
        n //= 31
    return body + check_character(body)
