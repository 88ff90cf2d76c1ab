"""Integrated ownership and beneficial owners (股权穿透) over a fetched subgraph.

Indirect ownership multiplies ratios along a chain and adds across chains; a chain stops
when it would revisit a node, so cross-holdings terminate. Beneficial owners follow
受益所有人信息管理办法 (2024): natural persons holding 25% or more directly or indirectly.

References: 中国人民银行 国家市场监督管理总局令〔2024〕第3号 受益所有人信息管理办法, 第六条.
"""

from __future__ import annotations

__all__ = [
    "BENEFICIAL_OWNER_THRESHOLD",
    "CONTROL_THRESHOLD",
    "actual_controllers",
    "beneficial_owners",
    "integrated_ownership",
]

from collections import defaultdict

from graph_service.model import Person, RelationKind
from graph_service.store.protocol import Subgraph

BENEFICIAL_OWNER_THRESHOLD = 0.25
CONTROL_THRESHOLD = 0.5  # 控股: 50% or more (公司法 第二百六十五条, "百分之五十以上")
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


def actual_controllers(subgraph: Subgraph, target: str, max_depth: int = 10) -> set[str]:
    """Natural persons who control ``target`` (实际控制人) through shareholdings.

    A person controls when every link of some chain up from the target is a controlling
    stake (50% or more), or when the person's integrated share reaches 50%. Agreements and
    voting trusts are not in the data, so control through them is not seen.
    """
    holders = _holders(subgraph)
    found: set[str] = set()
    frontier, seen = [target], {target}
    for _ in range(max_depth):
        next_frontier = []
        for node in frontier:
            for holder, ratio in holders.get(node, []):
                if ratio + 1e-9 < CONTROL_THRESHOLD or holder in seen:
                    continue
                seen.add(holder)
                if isinstance(subgraph.nodes.get(holder), Person):
                    found.add(holder)
                next_frontier.append(holder)
        frontier = next_frontier
    for holder, share in integrated_ownership(subgraph, target, max_depth).items():
        if share + 1e-9 >= CONTROL_THRESHOLD and isinstance(subgraph.nodes.get(holder), Person):
            found.add(holder)
    return found
