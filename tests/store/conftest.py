"""The graph-store contract runs on every backend: embedded always, Neo4j when NEO4J_URI is set.

Each test gets an empty store: a fresh SQLite file, or a Neo4j database wiped before use.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph_service.store.embedded import EmbeddedGraphStore
from graph_service.store.protocol import GraphStore

BACKENDS = ["embedded"] + (["neo4j"] if os.environ.get("NEO4J_URI") else [])


@pytest.fixture(params=BACKENDS)
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
