"""The Neo4j bulk path: export the embedded graph, create it in Neo4j, get the same graph."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from graph_service.settings import Settings
from graph_service.store.embedded import EmbeddedGraphStore
from graph_service.store.neo4j_bulk import (
    NODES_FILE,
    RELATIONSHIPS_FILE,
    admin_import_command,
    export_admin_csv,
)
from loaders.pipeline import Loader
from search.tantivy_index import TantivySearchIndex

from mini_city import A, write_mini_city


@pytest.fixture
def embedded(tmp_path: Path) -> EmbeddedGraphStore:
    settings = Settings(data_dir=tmp_path / "data", progress=False)
    store = EmbeddedGraphStore(settings.store_path)
    index = TantivySearchIndex(None)
    Loader(store, index, settings).load_paths(write_mini_city(tmp_path / "input"))
    return store


def test_export_writes_neo4j_admin_layout(embedded: EmbeddedGraphStore, tmp_path: Path) -> None:
    counts = export_admin_csv(embedded, tmp_path / "export")
    stats = embedded.stats()
    assert counts.nodes == sum(stats.nodes.values())
    assert counts.relationships == sum(stats.relations.values())
    with (tmp_path / "export" / NODES_FILE).open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["id:ID(Node)", ":LABEL", "kind", "name", "data"]
    assert [f"E-{A}", "Node;Enterprise"] == rows[1 + [r[0] for r in rows[1:]].index(f"E-{A}")][:2]
    with (tmp_path / "export" / RELATIONSHIPS_FILE).open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header[:3] == [":START_ID(Node)", ":END_ID(Node)", ":TYPE"]
    assert "neo4j-admin database import full" in admin_import_command(tmp_path / "export")


@pytest.mark.neo4j
@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="set NEO4J_URI (make test does)")
def test_bulk_create_gives_the_same_graph(embedded: EmbeddedGraphStore, tmp_path: Path) -> None:
    from graph_service.store.neo4j_bulk import bulk_create
    from graph_service.store.neo4j_store import Neo4jGraphStore

    export_admin_csv(embedded, tmp_path / "export")
    neo4j = Neo4jGraphStore.from_settings(Settings(graph="neo4j"))
    try:
        neo4j.wipe()
        counts = bulk_create(neo4j, tmp_path / "export", batch=7)
        expected = embedded.stats()
        assert counts.nodes == sum(expected.nodes.values())
        assert neo4j.stats().nodes == expected.nodes
        assert neo4j.stats().relations == expected.relations
        for seed in (f"E-{A}",):
            ours = embedded.neighbourhood([seed], 2)
            theirs = neo4j.neighbourhood([seed], 2)
            assert ours == theirs
        assert neo4j.lookup_keys([f"uscc:{A}"]) == {f"uscc:{A}": [f"E-{A}"]}
        with pytest.raises(Exception, match="empty Neo4j"):
            bulk_create(neo4j, tmp_path / "export")
    finally:
        neo4j.close()
