"""Decision and case numbers (文书号, 案号), unique per prefix and year.

Repairs point at records by these numbers, so two records must never share one.
"""

from __future__ import annotations

import random
import re

__all__ = ["Numbering"]

_DOC_RE = re.compile(r"^(?P<prefix>.+)〔(?P<year>\d{4})〕(?P<seq>\d+)号$")
_CASE_RE = re.compile(r"^（(?P<year>\d{4})）(?P<prefix>.+?)(?P<seq>\d+)号$")


class Numbering:
    """Counters per (style, prefix, year) that start at a random small number and climb."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._last: dict[tuple[str, str, int], int] = {}

    def _bump(self, style: str, prefix: str, year: int) -> int:
        key = (style, prefix, year)
        last = self._last.get(key)
        if last is None:  # courts number thousands of cases a year, agencies fewer decisions
            last = self._rng.randint(100, 3000) if style == "case" else self._rng.randint(1, 150)
        value = last + self._rng.randint(1, 3)
        self._last[key] = value
        return value

    def doc(self, prefix: str, year: int) -> str:
        """Administrative style: 乌市监处罚〔2023〕123号."""
        return f"{prefix}〔{year}〕{self._bump('doc', prefix, year)}号"

    def case(self, prefix: str, year: int) -> str:
        """Court style: （2023）新0102执1234号, where prefix is court code + case word."""
        return f"（{year}）{prefix}{self._bump('case', prefix, year)}号"

    def fresh_like(self, number: str) -> str:
        """A new, unused number of the same style, prefix and year as `number`."""
        if match := _DOC_RE.match(number):
            return self.doc(match["prefix"], int(match["year"]))
        if match := _CASE_RE.match(number):
            return self.case(match["prefix"], int(match["year"]))
        raise ValueError(f"not a decision or case number: {number!r}")
