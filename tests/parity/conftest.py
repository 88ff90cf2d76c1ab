"""The parity suite: one set of behaviour tests, run on every backend pair.

``backend`` yields a loaded ``Loaded`` bundle for the embedded pair (SQLite + tantivy) and,
when NEO4J_URI and/or ELASTICSEARCH_URL are set (``make test`` sets both after starting
the servers), for the server pair (Neo4j + Elasticsearch; an unset one stays embedded).
Each server test wipes Neo4j and uses its own Elasticsearch index prefix, deleted afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from graph_service.settings import Settings
from graph_service.store.protocol import GraphStore
from loaders.pipeline import Loader
from search.protocol import SearchIndex

from backend_bundle import Loaded
from mini_city import write_mini_city

NEO4J = bool(os.environ.get("NEO4J_URI"))
ELASTICSEARCH = bool(os.environ.get("ELASTICSEARCH_URL"))
SERVERS = NEO4J or ELASTICSEARCH
BACKENDS = [
    "embedded",
    pytest.param("servers", marks=[pytest.mark.neo4j, pytest.mark.elasticsearch]),
]
if not SERVERS:
    BACKENDS = ["embedded"]


def _open(backend: str, tmp_path: Path) -> tuple[Settings, GraphStore, SearchIndex]:
    if backend == "embedded":
        settings = Settings(data_dir=tmp_path / "data", progress=False, batch_size=7)
    else:
        settings = Settings(
            data_dir=tmp_path / "data",
            progress=False,
            batch_size=7,
            graph="neo4j" if NEO4J else "embedded",
            search="elasticsearch" if ELASTICSEARCH else "embedded",
            index_prefix=f"parity-{uuid.uuid4().hex[:10]}",
        )
    from graph_service.store.factory import open_graph_store
    from search.factory import open_search_index

    store = open_graph_store(settings)
    wipe: Callable[[], None] | None = getattr(store, "wipe", None)
    if wipe is not None:
        wipe()
    index = open_search_index(
        settings.search,
        path=settings.index_path,
        url=settings.elasticsearch_url,
        index_prefix=settings.index_prefix,
    )
    index.reset()
    return settings, store, index


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Loaded]:
    settings, store, index = _open(request.param, tmp_path)
    files = write_mini_city(tmp_path / "input")
    loader = Loader(store, index, settings)
    summary = loader.load_paths(files)
    yield Loaded(request.param, settings, store, index, loader, files, summary)
    loader.close()
    drop = getattr(index, "drop", None)
    if drop is not None:
        drop()
    index.close()
    store.close()
