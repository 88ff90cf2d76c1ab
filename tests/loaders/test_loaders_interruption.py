"""A load killed half-way leaves a consistent store, and re-running it completes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from graph_service.identifiers import make_resident_id, make_uscc
from graph_service.settings import Settings
from graph_service.store.embedded import EmbeddedGraphStore
from loaders.pipeline import Loader
from search.documents import SearchQuery
from search.tantivy_index import TantivySearchIndex

ROWS = 6000


def _make_file(write_csv: Callable[..., Path]) -> Path:
    rows = []
    for i in range(ROWS):
        code = make_uscc("650102", f"MA{i:06d}")
        person = make_resident_id("650102", date(1970 + i % 30, 1 + i % 12, 1 + i % 28), i % 999)
        rows.append(
            [code, f"乌鲁木齐测试{i}号建筑有限公司", f"法人{i % 500}", person, "2020-01-01"]
        )
    return write_csv(
        "enterprises.csv",
        ["统一社会信用代码", "企业名称", "法定代表人", "法定代表人证件号码", "成立日期"],
        rows,
    )


def _count(store_path: Path, table: str) -> int:
    with sqlite3.connect(store_path) as db:
        try:
            return int(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        except sqlite3.OperationalError:  # the schema is not created yet
            return 0


def _snapshot(settings: Settings) -> tuple[set[str], set[str], int]:
    store = EmbeddedGraphStore(settings.store_path)
    index = TantivySearchIndex(settings.index_path)
    try:
        nodes = {n.id for n in store.iter_nodes()}
        with sqlite3.connect(settings.store_path) as db:
            relations = {row[0] for row in db.execute("SELECT id FROM relations")}
        return nodes, relations, index.search(SearchQuery(text="建筑", limit=1)).total
    finally:
        index.close()
        store.close()


def test_kill_then_rerun_matches_a_clean_load(
    tmp_path: Path, write_csv: Callable[..., Path]
) -> None:
    source = _make_file(write_csv)
    killed = Settings(data_dir=tmp_path / "killed", progress=False, batch_size=100)
    env = {
        **os.environ,
        "CREDITGRAPH_DATA_DIR": str(killed.data_dir),
        "CREDITGRAPH_BATCH_SIZE": "100",
        "CREDITGRAPH_PROGRESS": "false",
    }
    command = [sys.executable, "-m", "graph_service", "load", str(source)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if killed.store_path.exists() and _count(killed.store_path, "nodes") >= 1000:
            break
        assert process.poll() is None, "the load finished before it could be interrupted"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    partial_nodes = _count(killed.store_path, "nodes")
    assert 0 < partial_nodes < 2 * ROWS  # interrupted part-way
    # What was committed is whole: every legal-representative relation has both ends.
    with sqlite3.connect(killed.store_path) as db:
        dangling = db.execute(
            "SELECT COUNT(*) FROM relations r WHERE NOT EXISTS "
            "(SELECT 1 FROM nodes n WHERE n.id = r.source) OR NOT EXISTS "
            "(SELECT 1 FROM nodes n WHERE n.id = r.target)"
        ).fetchone()[0]
    assert dangling == 0

    from loaders.journal import LoadJournal

    journal = LoadJournal(killed.data_dir / "loads.sqlite3")
    assert journal.recent(1)[0]["status"] == "interrupted"  # killed, not "running" forever
    journal.close()
    rerun = subprocess.run(command, env=env, capture_output=True, timeout=300, check=True)
    assert b'"read": 6000' in rerun.stdout

    clean = Settings(data_dir=tmp_path / "clean", progress=False, batch_size=100)
    store = EmbeddedGraphStore(clean.store_path)
    index = TantivySearchIndex(clean.index_path)
    summary = Loader(store, index, clean).load_paths([source])
    index.close()
    store.close()
    assert summary.loaded == ROWS

    assert _snapshot(killed) == _snapshot(clean)


def test_a_second_concurrent_load_fails_with_a_clear_error(
    tmp_path: Path, write_csv: Callable[..., Path]
) -> None:
    from graph_service.errors import BackendError

    source = _make_file(write_csv)
    settings = Settings(data_dir=tmp_path / "data", progress=False, batch_size=100)
    first_store = EmbeddedGraphStore(settings.store_path)
    first_index = TantivySearchIndex(settings.index_path)
    Loader(first_store, first_index, settings).load_paths([source])  # holds the index writer
    second_store = EmbeddedGraphStore(settings.store_path)
    second_index = TantivySearchIndex(settings.index_path)
    try:
        with pytest.raises(BackendError, match="another load running"):
            Loader(second_store, second_index, settings).load_paths([source])
    finally:
        for closing in (second_index, second_store, first_index, first_store):
            closing.close()
