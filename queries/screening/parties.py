"""Who a record's measures reach: the parties related to its holder, read from a subgraph.

Each function answers from the holder's side (its legal representative, officers,
controlling shareholders, actual controllers, parent, branches), so one computation serves
screening the holder, its people and the companies those people lead.
"""

from __future__ import annotations

__all__ = ["CONTROL_THRESHOLD", "KEY_PERSON_PARTIES", "Relations", "parties_of"]

from collections import defaultdict
from dataclasses import dataclass, field

from graph_service.model import Relation, RelationKind
from graph_service.store.protocol import Subgraph
from queries.ownership import CONTROL_THRESHOLD, actual_controllers
from queries.rules.schema import Party

KEY_PERSON_PARTIES = (
    Party.LEGAL_REPRESENTATIVE,
    Party.CONTROLLING_SHAREHOLDER,
    Party.ACTUAL_CONTROLLER,
)


@dataclass
class Relations:
    """Relations of a subgraph indexed by endpoint and kind."""

    incoming: dict[tuple[str, RelationKind], list[Relation]] = field(
        default_factory=lambda: defaultdict(list)
    )
    outgoing: dict[tuple[str, RelationKind], list[Relation]] = field(
        default_factory=lambda: defaultdict(list)
    )

    @classmethod
    def of(cls, subgraph: Subgraph) -> Relations:
        index = cls()
        for rel in subgraph.relations:
            index.incoming[(rel.target, rel.kind)].append(rel)
            index.outgoing[(rel.source, rel.kind)].append(rel)
        return index


def parties_of(
    holder: str,
    party: Party,
    subgraph: Subgraph,
    relations: Relations,
    responsible_roles: frozenset[str],
) -> dict[str, list[Relation]]:
    """Node ids playing ``party`` for ``holder``, each with the relations that make it so."""
    found: dict[str, list[Relation]] = {}
    if party == Party.SUBJECT:
        return {holder: []}
    if party in (Party.LEGAL_REPRESENTATIVE, Party.RESPONSIBLE_PERSONS):
        for rel in relations.incoming[(holder, RelationKind.LEGAL_REPRESENTATIVE_OF)]:
            found[rel.source] = [rel]
    if party in (Party.OFFICERS, Party.RESPONSIBLE_PERSONS):
        for rel in relations.incoming[(holder, RelationKind.OFFICER_OF)]:
            if party == Party.OFFICERS or (rel.role or "") in responsible_roles:
                found.setdefault(rel.source, [rel])
    if party == Party.CONTROLLING_SHAREHOLDER:
        for rel in relations.incoming[(holder, RelationKind.SHAREHOLDER_OF)]:
            if (rel.ratio or 0) >= CONTROL_THRESHOLD:
                found[rel.source] = [rel]
    if party == Party.ACTUAL_CONTROLLER:
        for owner in sorted(actual_controllers(subgraph, holder)):
            found[owner] = []
    if party == Party.PARENT:
        for rel in relations.outgoing[(holder, RelationKind.BRANCH_OF)]:
            found[rel.target] = [rel]
    if party == Party.BRANCHES:
        for rel in relations.incoming[(holder, RelationKind.BRANCH_OF)]:
            found[rel.source] = [rel]
    return found
