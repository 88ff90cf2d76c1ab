"""One entity with its relations and credit records: what `show` and the API display."""

from __future__ import annotations

__all__ = ["EntityView", "RelatedEntity", "entity_view"]

from pydantic import BaseModel, Field

from graph_service.errors import NotFoundError
from graph_service.model import CreditRecord, Node, RelationKind
from graph_service.store.protocol import GraphStore


class RelatedEntity(BaseModel):
    relation: RelationKind
    direction: str = Field(description="out: this entity is the source; in: the target")
    id: str
    kind: str
    name: str
    role: str | None = None
    ratio: float | None = None


class EntityView(BaseModel):
    entity: Node
    related: list[RelatedEntity]
    records: list[CreditRecord]
    truncated: bool = False


def entity_view(store: GraphStore, node_id: str, max_fanout: int = 200) -> EntityView:
    """The node, its direct neighbours (not records) and the records it is subject of."""
    sub = store.neighbourhood([node_id], 1, max_fanout=max_fanout)
    if node_id not in sub.nodes:
        raise NotFoundError(f"no node with id {node_id!r}")
    related: list[RelatedEntity] = []
    records: list[CreditRecord] = []
    for rel in sub.relations:
        other_id = rel.target if rel.source == node_id else rel.source
        other = sub.nodes.get(other_id)
        if other is None:
            continue
        if isinstance(other, CreditRecord) and rel.kind == RelationKind.SUBJECT_OF:
            records.append(other)
            continue
        related.append(
            RelatedEntity(
                relation=rel.kind,
                direction="out" if rel.source == node_id else "in",
                id=other.id,
                kind=str(other.kind),
                name=other.name,
                role=rel.role,
                ratio=rel.ratio,
            )
        )
    records.sort(key=lambda r: (r.valid_from is None, r.valid_from), reverse=True)
    return EntityView(
        entity=sub.nodes[node_id], related=related, records=records, truncated=sub.truncated
    )
