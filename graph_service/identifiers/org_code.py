"""组织机构代码 (GB 11714): the organisation code, also embedded in every USCC."""

from __future__ import annotations

import string

from ._text import normalize_code

__all__ = ["check_org_code", "org_code_check_char"]

_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_BODY_CHARS = frozenset(string.digits + string.ascii_uppercase)


def _char_value(ch: str) -> int:
    """Digits keep their value, letters count A=10 .. Z=35 (base-36 digits)."""
    return int(ch, 36)


def org_code_check_char(first8: str) -> str:
    """Check character for an 8-character body: '0'-'9' or 'X'.

    Raises ValueError on a wrong length or a character outside digits and capital letters.
    """
    body = normalize_code(first8)
    if len(body) != 8 or not set(body) <= _BODY_CHARS:
        raise ValueError(f"organisation code body must be 8 digits/capital letters: {first8!r}")
    value = 11 - sum(_char_value(c) * w for c, w in zip(body, _WEIGHTS, strict=True)) % 11
    if value == 10:
        return "X"
    if value == 11:
        return "0"
    return str(value)


def check_org_code(text: str) -> bool:
    """True for a well-formed organisation code with a correct check character.

    Accepts the printed form "XXXXXXXX-X" as well as the bare 9 characters.
    """
    code = normalize_code(text)
    if len(code) != 9 or not set(code[:8]) <= _BODY_CHARS:
        return False
    return org_code_check_char(code[:8]) == code[8]
