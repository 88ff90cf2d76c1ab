"""居民身份证号码 (GB 11643-1999): the 18-character resident ID number.

The region is not checked against a county table on purpose: people keep the number of the
county where they were first registered, even if that county code is newer than their birth.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ._text import normalize_code
from .pseudonym import is_masked

__all__ = [
    "ResidentIdCheck",
    "check_resident_id",
    "make_resident_id",
    "mask_id_number",
    "resident_id_check_char",
]

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_EARLIEST_BIRTH = date(1900, 1, 1)


def resident_id_check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character ('0'-'9' or 'X'); ValueError unless 17 digits."""
    body = normalize_code(first17)
    if len(body) != 17 or not body.isdigit():
        raise ValueError(f"resident ID body must be 17 digits: {first17!r}")
    total = sum(int(c) * w for c, w in zip(body, _WEIGHTS, strict=True))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def _parse_birth(digits: str) -> date | None:
    """The YYYYMMDD date, or None when it is not a calendar date."""
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


@dataclass(frozen=True)
class ResidentIdCheck:
    """Outcome of checking one number; `problem` is the first failure, None when valid.

    problem is one of "empty", "length", "alphabet", "check_digit", "birth_date" (not a
    calendar date or before 1900) or "birth_date_future".
    """

    number: str
    well_formed: bool
    check_ok: bool
    birth_date: date | None
    gender: str | None
    region: str | None
    problem: str | None

    @property
    def valid(self) -> bool:
        """Well formed, correct check character and a plausible birth date."""
        return self.well_formed and self.check_ok and self.birth_date is not None


def check_resident_id(text: str) -> ResidentIdCheck:
    """Normalise and check a number; never raises, so callers can keep and report bad input."""
    number = normalize_code(text)
    problem: str | None = None
    if not number:
        problem = "empty"
    elif len(number) != 18:
        problem = "length"
    elif not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        problem = "alphabet"
    if problem is not None:
        return ResidentIdCheck(number, False, False, None, None, None, problem)
    check_ok = resident_id_check_char(number[:17]) == number[17]
    birth = _parse_birth(number[6:14])
    today = date.today()
    if not check_ok:
        problem = "check_digit"
    elif birth is None or birth < _EARLIEST_BIRTH:
        problem = "birth_date"
    elif birth > today:
        problem = "birth_date_future"
    if birth is not None and not _EARLIEST_BIRTH <= birth <= today:
        birth = None
    gender = "male" if int(number[16]) % 2 == 1 else "female"
    return ResidentIdCheck(number, True, check_ok, birth, gender, number[:6], problem)


def make_resident_id(region6: str, birth: date, sequence: int) -> str:
    """Build a valid number for synthetic data; an odd sequence means male."""
    if len(region6) != 6 or not region6.isdigit():
        raise ValueError(f"region must be 6 digits: {region6!r}")
    if not 0 <= sequence <= 999:
        raise ValueError(f"sequence must be 0..999: {sequence}")
    if not _EARLIEST_BIRTH <= birth <= date.today():
        raise ValueError(f"birth date must be between 1900-01-01 and today: {birth}")
    body = f"{region6}{birth:%Y%m%d}{sequence:03d}"
    return body + resident_id_check_char(body)


def mask_id_number(number: str) -> str:
    """Display form that hides the birth date and sequence: 650102********123X.

    Numbers of 15+ characters keep the first 6 and last 4; shorter ones (passports) keep at
    most 2 at each end and always mask at least half. Already-masked input is only normalised.
    """
    text = normalize_code(number)
    if is_masked(text):
        return text
    if len(text) >= 15:
        head, tail = 6, 4
    else:
        head = tail = min(2, len(text) // 4)
    return text[:head] + "*" * (len(text) - head - tail) + text[len(text) - tail :]
