"""Graph stores behind one protocol: embedded (SQLite + networkx) and Neo4j."""

from graph_service.store.protocol import (
    GraphPath,
    GraphStore,
    StoreStats,
    Subgraph,
    UpsertResult,
    WriteBatch,
)

__all__ = ["GraphPath", "GraphStore", "StoreStats", "Subgraph", "UpsertResult", "WriteBatch"]
