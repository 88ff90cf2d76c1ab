"""Readers for the generated city, independent of the generator's own code paths.

Each file is read with the encoding the loaders are told to expect, so a wrong encoding or
header fails here first.
"""

from __future__ import annotations

import csv
import json
import os
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from graph_service.demo import DEFAULT_SEED, LAYOUTS, FileLayout, Truth

LAYOUT = {layout.kind: layout for layout in LAYOUTS}
# CREDITGRAPH_DEMO_SCALE / CREDITGRAPH_DEMO_SEED run the consistency tests on another city.
SCALE = int(os.environ.get("CREDITGRAPH_DEMO_SCALE", "2000"))
SEED = int(os.environ.get("CREDITGRAPH_DEMO_SEED", str(DEFAULT_SEED)))


def read_header_and_rows(out_dir: Path, kind: str) -> tuple[list[str], list[list[str]]]:
    """(header, data rows as strings in header order); "{}" JSON lines become blank rows."""
    layout = LAYOUT[kind]
    path = out_dir / layout.filename
    if layout.fmt == "csv":
        with path.open(encoding=layout.encoding, newline="") as handle:
            rows = list(csv.reader(handle))
        return rows[0], rows[1:]
    if layout.fmt == "jsonl":
        data: list[list[str]] = []
        keys: list[str] = list(layout.header)
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record:
                assert list(record) == keys, f"keys differ in {path.name}: {list(record)}"
            data.append([str(record.get(k, "")) for k in keys])
        return keys, data
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["执业人员"]
    values = [
        ["" if v is None else str(v) for v in row]
        for row in book.active.iter_rows(values_only=True)
    ]
    book.close()
    return values[0], values[1:]


def read_rows(out_dir: Path, kind: str) -> list[list[str]]:
    return read_header_and_rows(out_dir, kind)[1]


def column(layout_kind: str, name: str) -> int:
    layout: FileLayout = LAYOUT[layout_kind]
    return layout.col(name)


def records(out_dir: Path, kind: str) -> list[dict[str, str]]:
    header, rows = read_header_and_rows(out_dir, kind)
    return [dict(zip(header, row, strict=True)) for row in rows]


def parse_date(text: str) -> date:
    """Strict ISO date (raises on the planted bad dates)."""
    if len(text) != 10:
        raise ValueError(text)
    return date.fromisoformat(text)


def parse_amount(text: str) -> float:
    """Non-negative decimal amount (raises on the planted bad amounts)."""
    value = float(text)
    if value < 0:
        raise ValueError(text)
    return value


def parse_ratio(text: str) -> float:
    """ "60%" or "0.6" -> 0.6."""
    if text.endswith("%"):
        return float(text[:-1]) / 100
    return float(text)


def name_resolver(out_dir: Path, variants: dict[str, str]) -> dict[str, str]:
    """Written name -> USCC: registered names plus the truth's variant spellings."""
    resolved = {r[1]: r[0] for r in read_rows(out_dir, "enterprises") if r[0] and r[1]}
    resolved.update(variants)
    return resolved


def clean_records(out_dir: Path, truth: Truth, kind: str) -> list[dict[str, str]]:
    """Rows that are neither planted dirty rows nor exact duplicates."""
    name = LAYOUT[kind].filename
    skip = {d.row for d in truth.dirty_rows if d.file == name}
    skip |= {d.row for d in truth.exact_duplicates if d.file == name}
    return [r for i, r in enumerate(records(out_dir, kind), start=1) if i not in skip]
