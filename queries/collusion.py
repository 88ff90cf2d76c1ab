"""Signals that bidders in one tender are related (围标串标): shared people, owners, contacts.

For each pair of bidders the graph is searched for short connections through registry
relations only (legal representatives, officers, shareholders, branches, shared phone or
email, professionals' registrations) — never through authorities or credit records, which
link unrelated companies. Each connection is named by its shape, and pairs whose actual
controllers (natural persons holding 50% or more through any chain) coincide are flagged too.
"""

from __future__ import annotations

__all__ = ["COLLUSION_RELATIONS", "BidderPair", "RelatedReport", "related_bidders"]

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

import networkx as nx
from pydantic import BaseModel, Field

from graph_service.model import Relation, RelationKind
from graph_service.store.protocol import GraphPath, GraphStore
from queries.owners import MAX_CHAIN
from queries.ownership import actual_controllers
from queries.screening.engine import subject_ref
from queries.screening.models import PathStep, SubjectRef

COLLUSION_RELATIONS = (
    RelationKind.LEGAL_REPRESENTATIVE_OF,
    RelationKind.OFFICER_OF,
    RelationKind.SHAREHOLDER_OF,
    RelationKind.BRANCH_OF,
    RelationKind.SHARES_CONTACT,
    RelationKind.REGISTERED_AT,
    RelationKind.HOLDS,
)
_TWO_STEP = {
    (RelationKind.LEGAL_REPRESENTATIVE_OF, RelationKind.LEGAL_REPRESENTATIVE_OF): (
        "shared_legal_representative"
    ),
    (RelationKind.SHAREHOLDER_OF, RelationKind.SHAREHOLDER_OF): "common_shareholder",
    (RelationKind.OFFICER_OF, RelationKind.OFFICER_OF): "shared_officer",
    (RelationKind.LEGAL_REPRESENTATIVE_OF, RelationKind.OFFICER_OF): "shared_officer",
    (RelationKind.OFFICER_OF, RelationKind.LEGAL_REPRESENTATIVE_OF): "shared_officer",
    (RelationKind.BRANCH_OF, RelationKind.BRANCH_OF): "same_parent",
}
_ONE_STEP = {
    RelationKind.SHARES_CONTACT: "shared_contact",
    RelationKind.SHAREHOLDER_OF: "shareholding",
    RelationKind.BRANCH_OF: "branch",
}


class BidderPair(BaseModel):
    a: SubjectRef
    b: SubjectRef
    signals: list[str] = Field(
        description="shared_legal_representative, common_shareholder, shared_contact, "
        "same_actual_controller, shared_officer, shareholding, branch, same_parent, "
        "connected_in_N_hops"
    )
    paths: list[list[PathStep]] = Field(default_factory=list)


class RelatedReport(BaseModel):
    bidders: list[SubjectRef]
    pairs: list[BidderPair] = Field(description="Only pairs with at least one signal")
    groups: list[list[str]] = Field(description="Bidder ids connected by any signal")
    max_hops: int


def _signal(path: GraphPath) -> str:
    kinds = [rel.kind for rel in path.relations]
    if len(kinds) == 1 and kinds[0] in _ONE_STEP:
        return _ONE_STEP[kinds[0]]
    if len(kinds) == 2 and (kinds[0], kinds[1]) in _TWO_STEP:
        return _TWO_STEP[(kinds[0], kinds[1])]
    if kinds and all(k == RelationKind.SHARES_CONTACT for k in kinds):
        return "shared_contact"
    return f"connected_in_{len(kinds)}_hops"


def _steps(path: GraphPath, names: dict[str, str]) -> list[PathStep]:
    steps = [PathStep(node=path.nodes[0], name=names.get(path.nodes[0]))]
    for rel, node in zip(path.relations, path.nodes[1:], strict=True):
        source = rel.provenance[0] if rel.provenance else None
        where = f"{source.source}#{source.row}" if source and source.row else None
        steps.append(PathStep(rel=str(rel.kind), source=where))
        steps.append(PathStep(node=node, name=names.get(node)))
    return steps


def _controllers(store: GraphStore, bidder: str) -> set[str]:
    subgraph = store.neighbourhood(
        [bidder], MAX_CHAIN, relation_kinds=[RelationKind.SHAREHOLDER_OF]
    )
    return actual_controllers(subgraph, bidder)


@dataclass
class _Ties:
    """A bidder's direct ties: who represents, holds, serves, shares contacts with it."""

    by_signal: dict[str, dict[str, Relation]]  # signal -> other node -> relation to it

    @classmethod
    def of(cls, bidder: str, store: GraphStore, as_of: date | None) -> _Ties:
        around = store.neighbourhood(
            [bidder], 1, relation_kinds=COLLUSION_RELATIONS, as_of=as_of, max_fanout=500
        )
        ties: dict[str, dict[str, Relation]] = defaultdict(dict)
        for rel in around.relations:
            if rel.kind == RelationKind.SHARES_CONTACT:
                ties["shared_contact"][rel.source if rel.target == bidder else rel.target] = rel
            elif rel.target == bidder and rel.kind in _SHARED_ROLE:
                ties[_SHARED_ROLE[rel.kind]][rel.source] = rel
            elif rel.source == bidder and rel.kind == RelationKind.BRANCH_OF:
                ties["same_parent"][rel.target] = rel
        return cls(dict(ties))


_SHARED_ROLE = {
    RelationKind.LEGAL_REPRESENTATIVE_OF: "shared_legal_representative",
    RelationKind.SHAREHOLDER_OF: "common_shareholder",
    RelationKind.OFFICER_OF: "shared_officer",
}


def _pair_signals(
    a: str, b: str, ties: dict[str, _Ties], names: dict[str, str]
) -> tuple[list[str], list[list[PathStep]]]:
    signals: list[str] = []
    paths: list[list[PathStep]] = []
    contact = ties[a].by_signal.get("shared_contact", {}).get(b)
    if contact is not None:
        signals.append("shared_contact")
        paths.append(_steps(GraphPath(nodes=[a, b], relations=[contact]), names))
    for signal in (
        "shared_legal_representative",
        "common_shareholder",
        "shared_officer",
        "same_parent",
    ):
        mine, theirs = ties[a].by_signal.get(signal, {}), ties[b].by_signal.get(signal, {})
        for middle in sorted(set(mine) & set(theirs)):
            if signal not in signals:
                signals.append(signal)
            path = GraphPath(nodes=[a, middle, b], relations=[mine[middle], theirs[middle]])
            paths.append(_steps(path, names))
    return signals, paths


def related_bidders(
    store: GraphStore,
    bidder_ids: Sequence[str],
    *,
    max_hops: int = 3,
    as_of: date | None = None,
) -> RelatedReport:
    """Every pair of bidders with a signal: a direct tie (shared legal representative,
    shareholder, officer, contact, parent), the same actual controller, or failing those a
    connection within ``max_hops``; each with evidence paths."""
    nodes = store.get_nodes(bidder_ids)
    ids = [b for b in dict.fromkeys(bidder_ids) if b in nodes]
    ties = {b: _Ties.of(b, store, as_of) for b in ids}
    controllers = {b: _controllers(store, b) for b in ids}
    middles = {m for t in ties.values() for others in t.by_signal.values() for m in others}
    names = {n: node.name for n, node in store.get_nodes(middles | set(ids)).items()}
    pairs: list[BidderPair] = []
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    for a, b in combinations(ids, 2):
        signals, paths = _pair_signals(a, b, ties, names)
        if controllers[a] & controllers[b]:
            signals.append("same_actual_controller")
        if not signals:
            found = store.shortest_paths(
                a, b, max_hops=max_hops, relation_kinds=COLLUSION_RELATIONS, as_of=as_of, limit=3
            )
            if found:
                more = store.get_nodes({x for p in found for x in p.nodes})
                names.update({n: node.name for n, node in more.items()})
                signals = list(dict.fromkeys(_signal(p) for p in found))
                paths = [_steps(p, names) for p in found]
        if not signals:
            continue
        pairs.append(
            BidderPair(
                a=subject_ref(nodes[a]), b=subject_ref(nodes[b]), signals=signals, paths=paths
            )
        )
        graph.add_edge(a, b)
    groups = sorted(
        (sorted(c) for c in nx.connected_components(graph) if len(c) > 1), key=lambda g: g[0]
    )
    return RelatedReport(
        bidders=[subject_ref(nodes[b]) for b in ids], pairs=pairs, groups=groups, max_hops=max_hops
    )
