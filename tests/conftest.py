"""Shared fixtures. Reach for:

- ``settings``: Settings pointing at a fresh data folder under tmp_path (progress bars off);
- ``store`` / ``index``: the embedded graph store and search index in that folder;
- ``loader``: a Loader over both; ``write_csv`` / ``write_jsonl``: make input files;
- ``shared_dir``: the read-only shared folder with real public samples (never skipped);
- ``graph_store``: an empty graph store, once per backend (embedded; Neo4j when NEO4J_URI
  is set) — the fixture of every contract and parity suite over graph fetches.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from graph_service.settings import Settings
from graph_service.store.embedded import EmbeddedGraphStore
from graph_service.store.protocol import GraphStore
from loaders.pipeline import Loader
from search.tantivy_index import TantivySearchIndex

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", progress=False, batch_size=50)


@pytest.fixture
def store(settings: Settings) -> Iterator[EmbeddedGraphStore]:
    opened = EmbeddedGraphStore(settings.store_path)
    yield opened
    opened.close()


@pytest.fixture
def index(settings: Settings) -> Iterator[TantivySearchIndex]:
    opened = TantivySearchIndex(settings.index_path)
    yield opened
    opened.close()


@pytest.fixture
def loader(
    store: EmbeddedGraphStore, index: TantivySearchIndex, settings: Settings
) -> Iterator[Loader]:
    opened = Loader(store, index, settings)
    yield opened
    opened.close()


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    def write(name: str, header: list[str], rows: list[list[Any]], encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        with path.open("w", encoding=encoding, newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
        return path

    return write


@pytest.fixture
def write_jsonl(tmp_path: Path) -> Callable[[str, list[dict[str, Any]]], Path]:
    def write(name: str, items: list[dict[str, Any]]) -> Path:
        path = tmp_path / name
        path.write_text(
            "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8"
        )
        return path

    return write


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder (CREDITGRAPH_SHARED_DIR, else ../shared beside the repository)."""
    configured = os.environ.get("CREDITGRAPH_SHARED_DIR")
    path = Path(configured) if configured else REPO_ROOT.parent / "shared"
    if not (path / "realdata").is_dir():
        raise FileNotFoundError(f"shared data folder not found: {path}")
    return path


GRAPH_BACKENDS = ["embedded"] + (["neo4j"] if os.environ.get("NEO4J_URI") else [])


@pytest.fixture(params=GRAPH_BACKENDS)
def graph_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    if request.param == "embedded":
        store: GraphStore = EmbeddedGraphStore(tmp_path / "graph.sqlite3")
    else:
        from graph_service.settings import Settings
        from graph_service.store.neo4j_store import Neo4jGraphStore

        neo4j = Neo4jGraphStore.from_settings(Settings(graph="neo4j"))
        neo4j.wipe()
        store = neo4j
    yield store
    store.close()
