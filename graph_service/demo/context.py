"""What the file writers share: output folder, ledgers, references, and the records and
repairs collected for truth.json and repairs.csv."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .dirty import dirt_for
from .layouts import FileLayout
from .model import Enterprise
from .people import Person
from .refs import Refs
from .tables import Ledger, TableWriter
from .util import sub_rng
from .world import World

__all__ = ["ACTIVE_STATES", "Context", "PlannedRecord", "RepairEvent", "Subject"]

Subject = Enterprise | Person
# States whose record is in force on DEMO_AS_OF (a removal or repair comes later, if at all).
ACTIVE_STATES = frozenset({"active", "removed_later", "repaired_later"})


@dataclass(slots=True, eq=False)
class PlannedRecord:
    """A record relevant to restrictions, with its planted state on DEMO_AS_OF.

    state: active | expired | removed | removed_later | repaired | repaired_later |
    not_started.
    """

    subject: Subject
    kind: str
    list_type: str | None
    decision_no: str
    state: str


@dataclass(slots=True, eq=False)
class RepairEvent:
    """A 信用修复 / 移出 decision about one record (a row of repairs.csv)."""

    subject: Subject
    repair_type: str
    original_no: str
    day: date
    authority: str


@dataclass
class Context:
    """Per-run state of the writers."""

    out_dir: Path
    world: World
    ledger: Ledger = field(default_factory=Ledger)
    refs: Refs = field(default_factory=Refs)
    rows: dict[str, int] = field(default_factory=dict)
    records: list[PlannedRecord] = field(default_factory=list)
    repairs: list[RepairEvent] = field(default_factory=list)
    multi_firm: dict[int, tuple[Person, list[str]]] = field(default_factory=dict)
    tax_responsible: list[tuple[Enterprise, Person, str]] = field(default_factory=list)

    def writer(self, layout: FileLayout) -> TableWriter:
        """A writer whose planting draws from its own generator (content stays independent)."""
        rng = sub_rng(self.world.seed, f"dirt/{layout.kind}")
        return TableWriter(
            self.out_dir, layout, rng, self.ledger, dirt_for(layout, self.world.numbering)
        )

    def finish(self, writer: TableWriter) -> None:
        """Close a writer and remember its row count."""
        self.rows[writer.layout.filename] = writer.close()
