"""Breadth-first traversal over an adjacency function, shared by backends without a query engine.

A backend supplies ``edges_of(node_ids) -> relations``; these functions do the walking, so
fan-out caps, relation filters and as-of filters behave the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from graph_service.model import Node, Relation, RelationKind
from graph_service.store.protocol import GraphPath, Subgraph

EdgesOf = Callable[[Sequence[str], int, Sequence[RelationKind] | None], dict[str, list[Relation]]]
"""(node ids, cap per direction, relation kinds or None) -> relations touching each node,
in relation-id order. Kinds are filtered by the backend so a hub's other relations cannot
crowd the wanted ones out of the cap."""


def relation_allowed(
    rel: Relation, kinds: Sequence[RelationKind] | None, as_of: date | None
) -> bool:
    """Whether a relation may be followed under the kind and valid-time filters."""
    if kinds is not None and rel.kind not in kinds:
        return False
    return as_of is None or rel.valid_on(as_of)


def bfs_layers(
    edges_of: EdgesOf,
    seeds: Sequence[str],
    hops: int,
    kinds: Sequence[RelationKind] | None,
    as_of: date | None,
    max_fanout: int,
) -> tuple[dict[str, int], dict[str, Relation], bool]:
    """Distances of reached nodes, relations used, and whether a fan-out cap was hit."""
    distance = {seed: 0 for seed in seeds}
    used: dict[str, Relation] = {}
    truncated = False
    frontier = list(dict.fromkeys(seeds))
    for depth in range(1, hops + 1):
        if not frontier:
            break
        adjacency = edges_of(frontier, max_fanout + 1, kinds)
        next_frontier: list[str] = []
        for node_id in frontier:
            rels = [r for r in adjacency.get(node_id, []) if relation_allowed(r, kinds, as_of)]
            if len(rels) > max_fanout:
                truncated = True
                rels = rels[:max_fanout]
            for rel in rels:
                used[rel.id] = rel
                other = rel.target if rel.source == node_id else rel.source
                if other not in distance:
                    distance[other] = depth
                    next_frontier.append(other)
        frontier = next_frontier
    return distance, used, truncated


def all_shortest_paths(
    edges_of: EdgesOf,
    source: str,
    target: str,
    max_hops: int,
    kinds: Sequence[RelationKind] | None,
    as_of: date | None,
    limit: int,
    max_fanout: int = 10_000,
) -> list[tuple[list[str], list[Relation]]]:
    """All shortest undirected paths by breadth-first search from ``source``.

    Parents are recorded per node, then paths are read back from ``target``; ties are
    returned in id order so results are deterministic.
    """
    if source == target:
        return [([source], [])]
    parents: dict[str, list[tuple[str, Relation]]] = {source: []}
    frontier = [source]
    found = False
    for _ in range(max_hops):
        if not frontier or found:
            break
        adjacency = edges_of(frontier, max_fanout, kinds)
        layer: dict[str, list[tuple[str, Relation]]] = {}
        for node_id in frontier:
            for rel in adjacency.get(node_id, []):
                if not relation_allowed(rel, kinds, as_of):
                    continue
                other = rel.target if rel.source == node_id else rel.source
                if other in parents:
                    continue
                layer.setdefault(other, []).append((node_id, rel))
        parents.update(layer)
        found = target in layer
        frontier = sorted(layer)
    if target not in parents:
        return []
    paths = _unwind(parents, source, target, _MAX_PATHS)
    paths.sort(key=lambda path: (path[0], [r.id for r in path[1]]))
    return paths[:limit]


_MAX_PATHS = 1000  # shortest paths enumerated before sorting; ties beyond are not listed


def _unwind(
    parents: dict[str, list[tuple[str, Relation]]], source: str, target: str, limit: int
) -> list[tuple[list[str], list[Relation]]]:
    results: list[tuple[list[str], list[Relation]]] = []
    stack: list[tuple[str, list[str], list[Relation]]] = [(target, [target], [])]
    while stack and len(results) < limit:
        node, nodes, rels = stack.pop()
        if node == source:
            results.append((list(reversed(nodes)), list(reversed(rels))))
            continue
        for parent, rel in sorted(parents[node], key=lambda p: (p[0], p[1].id), reverse=True):
            stack.append((parent, [*nodes, parent], [*rels, rel]))
    return results


def unique(items: Iterable[str]) -> list[str]:
    """Order-preserving de-duplication."""
    return list(dict.fromkeys(items))


class Traversals:
    """``neighbourhood`` and ``shortest_paths`` of the GraphStore protocol, for a store that
    supplies ``get_nodes`` and ``_edges_of`` (the embedded store and Neo4j both do)."""

    def get_nodes(self, ids: Iterable[str]) -> dict[str, Node]:
        raise NotImplementedError

    def _edges_of(
        self, node_ids: Sequence[str], limit: int, kinds: Sequence[RelationKind] | None
    ) -> dict[str, list[Relation]]:
        raise NotImplementedError

    def neighbourhood(
        self,
        seeds: Sequence[str],
        hops: int,
        *,
        relation_kinds: Sequence[RelationKind] | None = None,
        as_of: date | None = None,
        max_fanout: int = 200,
    ) -> Subgraph:
        present = self.get_nodes(seeds)
        distance, used, truncated = bfs_layers(
            self._edges_of, list(present), hops, relation_kinds, as_of, max_fanout
        )
        nodes = self.get_nodes(distance)
        relations = sorted(
            (r for r in used.values() if r.source in nodes and r.target in nodes),
            key=lambda r: r.id,
        )
        return Subgraph(nodes=nodes, relations=relations, truncated=truncated)

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
        if not self.get_nodes([source, target]).keys() >= {source, target}:
            return []
        found = all_shortest_paths(
            self._edges_of, source, target, max_hops, relation_kinds, as_of, limit
        )
        return [GraphPath(nodes=nodes, relations=rels) for nodes, rels in found]
