"""Integrated ownership and beneficial owners (股权穿透) over a fetched subgraph.

Indirect ownership multiplies ratios along a chain and adds across chains; a chain stops
when it would revisit a node, so cross-holdings terminate. Beneficial owners follow
受益所有人信息管理办法 (2024): natural persons holding 25% or more directly or indirectly.

References: 中国人民银行 国家市场监督管理总局令〔2024〕第3号 受益所有人信息管理办法, 第六条.
"""

from __future__ import annotations

__all__ = ["BENEFICIAL_OWNER_THRESHOLD", "beneficial_owners", "integrated_ownership"]

from collections import defaultdict

from graph_service.model import Person, RelationKind
from graph_service.store.protocol import Subgraph

BENEFICIAL_OWNER_THRESHOLD = 0.25
_MIN_SHARE = 1e-6  # chains thinner than this are dropped (they cannot reach any threshold)


def _holders(subgraph: Subgraph) -> dict[str, list[tuple[str, float]]]:
    holders: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for rel in subgraph.relations:
        if rel.kind == RelationKind.SHAREHOLDER_OF and rel.ratio:
            holders[rel.target].append((rel.source, rel.ratio))
    return holders


def integrated_ownership(subgraph: Subgraph, target: str, max_depth: int = 10) -> dict[str, float]:
    """Each direct or indirect holder's total share of ``target`` (sum over simple chains).

    Complexity: the number of simple holder chains up to ``max_depth``; chains below
    1e-6 are pruned. Example: P owns 60% of A, A owns 50% of T, P owns 10% of T → P: 0.4.
    """
    holders = _holders(subgraph)
    shares: dict[str, float] = defaultdict(float)

    def walk(node: str, share: float, path: frozenset[str], depth: int) -> None:
        if depth == max_depth:
            return
        for holder, ratio in holders.get(node, []):
            if holder in path:
                continue  # a cross-holding cycle: stop this chain
            through = share * ratio
            if through < _MIN_SHARE:
                continue
            shares[holder] += through
            walk(holder, through, path | {holder}, depth + 1)

    walk(target, 1.0, frozenset({target}), 0)
    return {holder: round(share, 6) for holder, share in shares.items()}


def beneficial_owners(
    subgraph: Subgraph, target: str, threshold: float = BENEFICIAL_OWNER_THRESHOLD
) -> dict[str, float]:
    """Natural persons whose integrated share of ``target`` is at least ``threshold``."""
    shares = integrated_ownership(subgraph, target)
    return {
        holder: share
        for holder, share in shares.items()
        if share + 1e-9 >= threshold and isinstance(subgraph.nodes.get(holder), Person)
    }
