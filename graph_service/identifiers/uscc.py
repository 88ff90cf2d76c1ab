"""统一社会信用代码 (GB 32100-2015): the 18-character unified social credit code.

Pilot-region codes that fail the check are legal, so `check_uscc` reports instead of raising:
the loader keeps the record and warns, and never "corrects" a code.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._text import normalize_code
from .org_code import check_org_code, org_code_check_char

__all__ = [
    "USCC_ALPHABET",
    "UsccCheck",
    "check_uscc",
    "complete_uscc",
    "make_uscc",
    "normalize_code",
    "uscc_check_char",
]

# Digits and capital letters without I, O, Z, S, V; a character's value is its index.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUES = {ch: i for i, ch in enumerate(USCC_ALPHABET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc_check_char(first17: str) -> str:
    """Check character for the first 17 characters (mod 31 over USCC_ALPHABET).

    Raises ValueError on a wrong length or a character outside the alphabet.
    """
    body = normalize_code(first17)
    if len(body) != 17 or not all(c in _VALUES for c in body):
        raise ValueError(f"USCC body must be 17 characters of {USCC_ALPHABET}: {first17!r}")
    total = sum(_VALUES[c] * w for c, w in zip(body, _WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


@dataclass(frozen=True)
class UsccCheck:
    """Outcome of checking one code; `problem` is the first failure, None when valid.

    problem is one of "empty", "length", "alphabet", "check_digit", "org_code_check".
    """

    code: str
    well_formed: bool
    check_ok: bool
    org_code_ok: bool
    region: str | None
    problem: str | None

    @property
    def valid(self) -> bool:
        """Both GB 32100 and the embedded GB 11714 check pass (pilot codes do not)."""
        return self.well_formed and self.check_ok and self.org_code_ok


def check_uscc(text: str) -> UsccCheck:
    """Normalise and check a code; never raises, so bad input can be kept and reported."""
    code = normalize_code(text)
    problem: str | None = None
    if not code:
        problem = "empty"
    elif len(code) != 18:
        problem = "length"
    elif not all(c in _VALUES for c in code):
        problem = "alphabet"
    if problem is not None:
        return UsccCheck(code, False, False, False, None, problem)
    check_ok = uscc_check_char(code[:17]) == code[17]
    org_code_ok = check_org_code(code[8:17])
    if not check_ok:
        problem = "check_digit"
    elif not org_code_ok:
        problem = "org_code_check"
    # GB/T 2260 region codes are digits; a letter there leaves the region unknown.
    region = code[2:8] if code[2:8].isdigit() else None
    return UsccCheck(code, True, check_ok, org_code_ok, region, problem)


def complete_uscc(first17: str) -> str:
    """Append the check character to a normalised 17-character body."""
    body = normalize_code(first17)
    return body + uscc_check_char(body)


def make_uscc(region6: str, org_body8: str, registration: str = "9", entity_type: str = "1") -> str:
    """Build a fully valid code (both checks) for synthetic data.

    The org body must use USCC_ALPHABET: GB 11714 allows I, O, Z, S, V but a USCC cannot hold them.
    """
    region, body = normalize_code(region6), normalize_code(org_body8)
    head = normalize_code(registration) + normalize_code(entity_type)
    if len(region) != 6 or not region.isdigit():
        raise ValueError(f"region must be 6 digits: {region6!r}")
    if len(head) != 2 or not all(c in _VALUES for c in head):
        raise ValueError(f"registration/entity type must be one USCC character each: {head!r}")
    if len(body) != 8 or not all(c in _VALUES for c in body):
        raise ValueError(f"org body must be 8 characters of {USCC_ALPHABET}: {org_body8!r}")
    return complete_uscc(head + region + body + org_code_check_char(body))
