"""The graph-store protocol: the few operations every backend answers.

Backends fetch; ``queries/`` reasons over what they fetch. Keeping the protocol to lookups,
batch upserts, neighbourhoods and paths is what lets the embedded store and Neo4j give the
same answers (tests/parity runs one suite on both).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Protocol

import networkx as nx
from pydantic import BaseModel, Field

from graph_service.model import Node, Relation, RelationKind


class WriteBatch(BaseModel):
    """Elements to upsert in one transaction, plus the match keys that resolve to nodes.

    A match key is ``"<namespace>:<value>"``: ``uscc:`` valid codes, ``idh:`` ID hashes,
    ``name:`` normalised organisation names and aliases, ``pname:<anchor>:`` a person's name
    at one enterprise, ``pn:`` a person's name (lookup only), ``dec:`` decision numbers.
    """

    nodes: list[Node] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    keys: list[tuple[str, str]] = Field(default_factory=list, description="(key, node id)")


class UpsertResult(BaseModel):
    created: set[str] = Field(default_factory=set)
    updated: set[str] = Field(default_factory=set)
    unchanged: set[str] = Field(default_factory=set)
    nodes: dict[str, Node] = Field(
        default_factory=dict, description="The stored (merged) state of every node written"
    )


class Subgraph(BaseModel):
    """Nodes and relations fetched around some seeds; ``truncated`` if a fan-out cap bit."""

    nodes: dict[str, Node] = Field(default_factory=dict)
    relations: list[Relation] = Field(default_factory=list)
    truncated: bool = False

    def to_networkx(self) -> nx.MultiDiGraph:
        """A networkx view for the algorithms in ``queries/`` (node and edge data attached)."""
        graph = nx.MultiDiGraph()
        for node_id, node in self.nodes.items():
            graph.add_node(node_id, kind=str(node.kind), node=node)
        for rel in self.relations:
            graph.add_edge(rel.source, rel.target, key=rel.id, kind=str(rel.kind), rel=rel)
        return graph


class GraphPath(BaseModel):
    """A path as alternating node ids and relations: nodes[i] -relations[i]- nodes[i+1]."""

    nodes: list[str]
    relations: list[Relation]


class StoreStats(BaseModel):
    nodes: dict[str, int]
    relations: dict[str, int]
    data_version: str


class GraphStore(Protocol):
    """Operations the product needs from a graph backend."""

    def upsert(self, batch: WriteBatch) -> UpsertResult:
        """Merge nodes and relations (``model.merge``) and add match keys, atomically."""
        ...

    def lookup_keys(self, keys: Iterable[str]) -> dict[str, list[str]]:
        """Node ids for each match key that exists (sorted ids; absent keys left out)."""
        ...

    def existing(self, ids: Iterable[str]) -> set[str]:
        """Which of these node or relation ids are already stored."""
        ...

    def get_nodes(self, ids: Iterable[str]) -> dict[str, Node]:
        """Nodes by id; unknown ids are left out."""
        ...

    def neighbourhood(
        self,
        seeds: Sequence[str],
        hops: int,
        *,
        relation_kinds: Sequence[RelationKind] | None = None,
        as_of: date | None = None,
        max_fanout: int = 200,
    ) -> Subgraph:
        """Nodes within ``hops`` of the seeds, following relations in both directions.

        Only relations of ``relation_kinds`` (all when None) that held on ``as_of`` (any
        time when None) are followed. Each node expands at most ``max_fanout`` relations,
        in id order, so hub nodes cannot flood a fetch; ``truncated`` reports it.
        """
        ...

    def shortest_paths(
        self,
        source: str,
        target: str,
        *,
        max_hops: int = 6,
        relation_kinds: Sequence[RelationKind] | None = None,
        as_of: date | None = None,
        limit: int = 10,
    ) -> list[GraphPath]:
        """All shortest undirected paths (up to ``limit``) within ``max_hops``."""
        ...

    def data_version(self) -> str:
        """A token that changes whenever the data changes (cheap: no counting)."""
        ...

    def stats(self) -> StoreStats:
        """Counts by kind and the data version (changes whenever the data changes)."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...
