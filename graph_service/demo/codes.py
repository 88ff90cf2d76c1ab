"""Unique 统一社会信用代码 for synthetic organisations, and planted pilot-style codes.

Organisation bodies come from bijective counters, so codes never repeat and no set of used
codes is needed.
"""

from __future__ import annotations

import random

from graph_service.identifiers import USCC_ALPHABET, check_uscc, make_uscc

from .util import Affine

__all__ = ["CodeAllocator"]

_BASE = len(USCC_ALPHABET)


def _base31(value: int, width: int) -> str:
    chars: list[str] = []
    for _ in range(width):
        value, digit = divmod(value, _BASE)
        chars.append(USCC_ALPHABET[digit])
    return "".join(reversed(chars))


class CodeAllocator:
    """Hands out org bodies: 8 digits (pre-2016 codes) or MA7 + 5 characters (newer ones)."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._digits = Affine(10**8, rng)
        self._modern = Affine(_BASE**5, rng)
        self._pilots = 0

    def uscc(
        self, region: str, *, modern: bool, registration: str = "9", entity_type: str = "1"
    ) -> str:
        """A valid code; registration/entity type follow GB 32100 (91 company, 92 个体户...)."""
        body = "MA7" + _base31(self._modern.take(), 5) if modern else f"{self._digits.take():08d}"
        return make_uscc(region, body, registration, entity_type)

    def pilot(self, region: str) -> str:
        """A pilot-region style code (like 91350100M0001TGQXM) whose check character fails."""
        self._pilots += 1
        tail = "".join(self._rng.choice(USCC_ALPHABET) for _ in range(3))
        valid = make_uscc(region, f"M{self._pilots:04d}{tail}")
        wrong = USCC_ALPHABET[(USCC_ALPHABET.index(valid[17]) + self._rng.randint(1, 30)) % _BASE]
        code = valid[:17] + wrong
        if check_uscc(code).valid:
            raise AssertionError(f"pilot code unexpectedly valid: {code}")
        return code
