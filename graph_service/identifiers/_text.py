"""Character-level helpers shared by the identifier and name modules."""

from __future__ import annotations

import re

__all__ = ["CJK_CHARS", "ZERO_WIDTH", "contains_cjk", "normalize_code", "to_halfwidth"]

# Unified ideographs (BMP, extension A, compatibility) and the supplementary planes (ext. B+).
CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_RE = re.compile(f"[{CJK_CHARS}]")

# Invisible characters scraped web pages leave behind; str.isspace() misses them.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# Separators in typed codes: hyphens and dashes of every width, plus the invisible ones.
_CODE_NOISE = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63" + ZERO_WIDTH)


_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: ord(" ")}
_CODE_DROP = {ord(ch): None for ch in _CODE_NOISE}


def to_halfwidth(text: str) -> str:
    """Map the full-width ASCII block (FF01-FF5E) to ASCII and U+3000 to a space.

    Chinese input methods emit these variants (Ａ vs A); they must not split identities.
    """
    return text.translate(_HALFWIDTH)


def normalize_code(text: str) -> str:
    """Canonical form of a typed code: half-width, upper case, no spaces or dashes.

    Done before any check so formatting noise is never mistaken for a bad code.
    """
    return "".join(text.translate(_HALFWIDTH).translate(_CODE_DROP).split()).upper()


def contains_cjk(text: str) -> bool:
    """True when the text has at least one Chinese character."""
    return _CJK_RE.search(text) is not None
