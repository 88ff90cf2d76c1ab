"""A table writer that numbers rows and plants dirty rows and exact duplicates.

Dirty rows are damaged copies of real rows (so they add no entity a loader could miss) and
are scheduled a few rows later, like re-sent records; every plant is written to the ledger
with its 1-based data row number.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .layouts import FileLayout
from .sinks import open_sink

__all__ = ["DirtSpec", "Ledger", "Mutation", "TableWriter"]

Row = list[str]
# Returns the damaged row, or None for an empty row.
Mutation = Callable[[Row, random.Random], Row | None]


@dataclass
class DirtSpec:
    """How a file gets damaged: reason code -> mutation, and an optional renumbering of
    dirty copies so that decision numbers of clean records stay unique."""

    mutations: dict[str, Mutation]
    refresh: Callable[[Row], Row] | None = None
    dirty_rate: float = 0.01
    duplicate_rate: float = 0.01


@dataclass
class Ledger:
    """Every planted dirty row and duplicate, for truth.json."""

    dirty: list[tuple[str, int, str]] = field(default_factory=list)
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass(order=True)
class _Pending:
    due: int
    seq: int
    reason: str = field(compare=False)  # "" means exact duplicate
    row: Row = field(compare=False)
    origin: int = field(compare=False)


class TableWriter:
    """Writes clean rows in order and interleaves the planted ones."""

    def __init__(
        self, out_dir: Path, layout: FileLayout, rng: random.Random, ledger: Ledger, dirt: DirtSpec
    ) -> None:
        self.layout = layout
        self.rows = 0
        self._sink = open_sink(out_dir, layout)
        self._rng = rng
        self._ledger = ledger
        self._dirt = dirt
        self._pending: list[_Pending] = []
        self._seq = 0
        self._planted: list[str] = []
        self._last: tuple[int, Row] | None = None

    def write(self, row: Row) -> int:
        """Write one clean row; returns its data row number."""
        if len(row) != len(self.layout.header):
            raise ValueError(f"{self.layout.filename}: row has {len(row)} fields")
        self._sink.write(row)
        self.rows += 1
        number = self.rows
        self._last = (number, row)
        rng = self._rng
        if rng.random() < self._dirt.duplicate_rate:
            self._schedule("", row, number)
        if rng.random() < self._dirt.dirty_rate:
            self._schedule(rng.choice(list(self._dirt.mutations)), row, number)
        self._flush(self.rows)
        return number

    def _schedule(self, reason: str, row: Row, origin: int) -> None:
        self._seq += 1
        due = self.rows + self._rng.randint(1, 40)
        heapq.heappush(self._pending, _Pending(due, self._seq, reason, list(row), origin))

    def _flush(self, upto: int) -> None:
        while self._pending and self._pending[0].due <= upto:
            item = heapq.heappop(self._pending)
            self._plant(item.reason, item.row, item.origin)

    def _plant(self, reason: str, row: Row, origin: int) -> None:
        name = self.layout.filename
        if not reason:
            self._sink.write(row)
            self.rows += 1
            self._ledger.duplicates.append((name, self.rows, origin))
            return
        damaged = self._dirt.mutations[reason](list(row), self._rng)
        if damaged is None:
            self._sink.write_empty()
        else:
            if self._dirt.refresh is not None:
                damaged = self._dirt.refresh(damaged)
            self._sink.write(damaged)
        self.rows += 1
        self._ledger.dirty.append((name, self.rows, reason))
        self._planted.append(reason)

    def close(self) -> int:
        """Flush what is scheduled, make sure every reason and a duplicate occur once."""
        self._flush(2**62)
        if self._last is not None:
            number, row = self._last
            for reason in self._dirt.mutations:
                if reason not in self._planted:
                    self._plant(reason, row, number)
            file_dups = [d for d in self._ledger.duplicates if d[0] == self.layout.filename]
            if not file_dups:
                self._plant("", row, number)
        self._sink.close()
        return self.rows
