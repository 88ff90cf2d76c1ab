"""The load journal: which files were loaded, when, and how it ended (for `load status`)."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS loads (
    id INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT NOT NULL, sha256 TEXT NOT NULL,
    kind TEXT, started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL,
    summary TEXT, pid INTEGER
)
"""


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class LoadJournal:
    """A small SQLite table beside the store; backend-independent."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(_SCHEMA)
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(loads)")}
        if "pid" not in columns:  # journals written before the pid column
            self._db.execute("ALTER TABLE loads ADD COLUMN pid INTEGER")

    def start(self, path: Path, sha256: str, kind: str) -> int:
        cursor = self._db.execute(
            "INSERT INTO loads (path, sha256, kind, started_at, status, pid) VALUES (?,?,?,?,?,?)",
            (str(path), sha256, kind, datetime.now(UTC).isoformat(), "running", os.getpid()),
        )
        return int(cursor.lastrowid or 0)

    def finish(self, load_id: int, status: str, summary: dict[str, Any]) -> None:
        self._db.execute(
            "UPDATE loads SET finished_at=?, status=?, summary=? WHERE id=?",
            (
                datetime.now(UTC).isoformat(),
                status,
                json.dumps(summary, ensure_ascii=False),
                load_id,
            ),
        )

    def completed_before(self, sha256: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM loads WHERE sha256=? AND status='completed' LIMIT 1", (sha256,)
        ).fetchone()
        return row is not None

    def recent(self, limit: int = 50) -> list[dict[str, Any]]:
        """Newest loads first; a "running" load whose process is gone reads "interrupted"
        (it was killed: re-run it to complete it)."""
        rows = self._db.execute(
            "SELECT id, path, sha256, kind, started_at, finished_at, status, summary, pid "
            "FROM loads ORDER BY id DESC LIMIT ?",
            (limit,),
        ).fetchall()
        names = ["id", "path", "sha256", "kind", "started_at", "finished_at", "status", "summary"]
        result = []
        for row in rows:
            item = dict(zip(names, row[:-1], strict=True))
            item["summary"] = json.loads(item["summary"]) if item["summary"] else None
            if item["status"] == "running" and not _alive(row[-1]):
                item["status"] = "interrupted"
            result.append(item)
        return result

    def close(self) -> None:
        self._db.close()
