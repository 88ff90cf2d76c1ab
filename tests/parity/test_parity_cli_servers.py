"""`creditgraph load` and `creditgraph search` with CREDITGRAPH_GRAPH=neo4j and
CREDITGRAPH_SEARCH=elasticsearch, as a user would run them against the servers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from mini_city import A, write_mini_city

pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.elasticsearch,
    pytest.mark.skipif(
        not (os.environ.get("NEO4J_URI") and os.environ.get("ELASTICSEARCH_URL")),
        reason="set NEO4J_URI and ELASTICSEARCH_URL (make test starts the servers)",
    ),
]


def test_load_search_show_on_the_servers(tmp_path: Path) -> None:
    from graph_service.settings import Settings
    from graph_service.store.neo4j_store import Neo4jGraphStore

    neo4j = Neo4jGraphStore.from_settings(Settings(graph="neo4j"))
    neo4j.wipe()
    neo4j.close()
    prefix = f"cli-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "CREDITGRAPH_GRAPH": "neo4j",
        "CREDITGRAPH_SEARCH": "elasticsearch",
        "CREDITGRAPH_INDEX_PREFIX": prefix,
        "CREDITGRAPH_DATA_DIR": str(tmp_path / "data"),
        "CREDITGRAPH_PROGRESS": "0",
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "graph_service", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    try:
        files = write_mini_city(tmp_path / "input")
        loaded = run("load", *map(str, files))
        assert loaded.returncode == 0, loaded.stderr
        assert json.loads(loaded.stdout)["loaded"] == 19
        found = json.loads(run("search", "处罚", "--json").stdout)
        assert found["total"] == 1 and "<em>处罚</em>" in found["hits"][0]["highlights"]["text"][0]
        shown = json.loads(run("show", A, "--json").stdout)
        assert shown["entity"]["id"] == f"E-{A}" and shown["records"]
        stats = json.loads(run("stats", "--json").stdout)
        assert stats["nodes"]["Enterprise"] == 6
    finally:
        from search.elastic_index import ElasticSearchIndex

        index = ElasticSearchIndex(url=os.environ["ELASTICSEARCH_URL"], index_prefix=prefix)
        index.drop()
        index.close()
