"""Backend selection for the graph store, made here and only here.

``CREDITGRAPH_GRAPH=embedded`` (default) opens the SQLite store under the data directory;
``CREDITGRAPH_GRAPH=neo4j`` connects to ``NEO4J_URI``. The Neo4j driver is imported only
when chosen, so the embedded default runs without it configured.
"""

from __future__ import annotations

from graph_service.settings import Settings
from graph_service.store.protocol import GraphStore


def open_graph_store(settings: Settings) -> GraphStore:
    """Open the configured graph store."""
    if settings.graph == "neo4j":
        from graph_service.store.neo4j_store import Neo4jGraphStore

        neo4j_store: GraphStore = Neo4jGraphStore.from_settings(settings)
        return neo4j_store
    from graph_service.store.embedded import EmbeddedGraphStore

    return EmbeddedGraphStore(settings.store_path)
