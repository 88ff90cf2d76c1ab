"""Fixtures for identifier tests: where the shared real-data folder lives."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder (env CREDITGRAPH_SHARED_DIR, else ../shared next to the repo).

    Missing data is an error, not a skip: the real-code tests must never pass vacuously.
    """
    configured = os.environ.get("CREDITGRAPH_SHARED_DIR")
    path = Path(configured) if configured else REPO_ROOT.parent / "shared"
    if not (path / "realdata").is_dir():
        message = f"shared data folder not found: {path} (set CREDITGRAPH_SHARED_DIR)"
        raise FileNotFoundError(message)
    return path


@pytest.fixture(scope="session")
def real_uscc_rows(shared_dir: Path) -> list[dict[str, str]]:
    """The 200 real codes from python-stdnum's doctests, with their published flags."""
    csv_path = shared_dir / "realdata" / "cn_identifiers" / "uscc_valid_from_python_stdnum.csv"
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 200, f"expected 200 real codes in {csv_path}, got {len(rows)}"
    return rows
