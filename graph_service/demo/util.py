"""Small deterministic helpers: seeded sub-generators, dates, amounts, bijective counters.

Every random choice goes through a `random.Random` seeded from (seed, section) so one
section's changes never shift another's output.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from math import gcd
from typing import TypeVar

__all__ = [
    "Affine",
    "add_months",
    "add_years",
    "days",
    "fmt_amount",
    "fmt_date",
    "fmt_ratio",
    "rand_date",
    "split_points",
    "sub_rng",
    "weighted",
]

T = TypeVar("T")


def sub_rng(seed: int, section: str) -> random.Random:
    """A generator for one section; string seeds hash with SHA-512, not the salted hash()."""
    return random.Random(f"creditgraph-demo/{seed}/{section}")


def weighted(rng: random.Random, items: Sequence[T], weights: Sequence[float]) -> T:
    """One weighted choice (thin wrapper so call sites stay short)."""
    return rng.choices(items, weights)[0]


def add_months(day: date, months: int) -> date:
    """Same day-of-month `months` later, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def add_years(day: date, years: int) -> date:
    """Same date `years` later; 29 February becomes 28 February."""
    return add_months(day, 12 * years)


def rand_date(rng: random.Random, start: date, end: date) -> date:
    """Uniform date in [start, end]."""
    return date.fromordinal(rng.randint(start.toordinal(), end.toordinal()))


def days(n: int) -> timedelta:
    """Shorthand for a day offset."""
    return timedelta(days=n)


def fmt_date(day: date | None) -> str:
    """ISO date, or empty for a missing one."""
    return "" if day is None else day.isoformat()


def fmt_amount(value: float) -> str:
    """万元 amount with at most four decimals and no trailing zeros (5, 12.5, 0.3333)."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text or "0"


def fmt_ratio(basis_points: int, percent: bool) -> str:
    """A share as "60%" / "33.33%" or as "0.6" / "0.3333"; both forms occur in registries."""
    if percent:
        return fmt_amount(basis_points / 100) + "%"
    return fmt_amount(basis_points / 10000)


def split_points(rng: random.Random, parts: int, total: int, step: int) -> list[int]:
    """Split `total` into `parts` positive multiples of `step` (random sizes)."""
    units = total // step
    if parts <= 1:
        return [total]
    cuts = sorted(rng.sample(range(1, units), parts - 1))
    bounds = [0, *cuts, units]
    return [(bounds[i + 1] - bounds[i]) * step for i in range(parts)]


class Affine:
    """A bijection i -> (a*i + b) mod m: unique, scattered numbers without a set of used ones."""

    def __init__(self, modulus: int, rng: random.Random) -> None:
        self.modulus = modulus
        factor = rng.randrange(modulus // 3, modulus - 1)
        while gcd(factor, modulus) != 1:
            factor += 1
        self._factor = factor
        self._offset = rng.randrange(modulus)
        self._next = 0

    def take(self) -> int:
        """The next value; raises once the modulus is exhausted instead of repeating."""
        if self._next >= self.modulus:
            raise OverflowError("Affine counter exhausted")
        value = (self._factor * self._next + self._offset) % self.modulus
        self._next += 1
        return value
