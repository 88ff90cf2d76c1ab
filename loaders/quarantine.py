"""Quarantine: rejected rows kept whole, with their source position and reason."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from graph_service.identifiers import check_resident_id, mask_id_number


def _scrub(cells: dict[str, Any]) -> dict[str, Any]:
    """Mask every cell that holds a valid resident ID number: it must not leave the loader."""
    scrubbed: dict[str, Any] = {}
    for key, value in cells.items():
        if isinstance(value, str) and len(value.strip()) >= 18:
            for token in re.findall(r"[0-9]{17}[0-9Xx]", value):
                if check_resident_id(token).valid:
                    value = value.replace(token, mask_id_number(token))
        scrubbed[key] = value
    return scrubbed


class QuarantineFile:
    """A JSON-lines file next to the store, one per source file, rewritten on each load.

    Rewriting (not appending) keeps a re-run idempotent: loading a file twice leaves one
    quarantine entry per rejected row.
    """

    def __init__(self, folder: Path, source: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        tag = hashlib.sha256(str(source.resolve()).encode()).hexdigest()[:8]
        self.path = folder / f"{source.stem}-{tag}.jsonl"
        self._handle = self.path.open("w", encoding="utf-8")
        self.reasons: Counter[str] = Counter()

    def add(self, row: int, reason: str, detail: str | None, cells: dict[str, Any]) -> None:
        """Keep the row; full ID numbers in it are masked (the source row number finds them)."""
        entry = {"row": row, "reason": reason, "detail": detail, "cells": _scrub(cells)}
        self._handle.write(json.dumps(entry, ensure_ascii=False, default=str) + "\n")
        self.reasons[reason] += 1

    def close(self) -> None:
        self._handle.close()
        if not self.reasons:
            self.path.unlink(missing_ok=True)
