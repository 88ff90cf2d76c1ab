"""Beneficial owners of a subject (股权穿透), with the chains that make each share."""

from __future__ import annotations

__all__ = ["OwnerShare", "OwnersReport", "owners_of"]

from pydantic import BaseModel, Field

from graph_service.model import Person, RelationKind
from graph_service.store.protocol import GraphStore
from queries.ownership import BENEFICIAL_OWNER_THRESHOLD, integrated_ownership
from queries.screening.engine import subject_ref
from queries.screening.models import SubjectRef

MAX_CHAIN = 6  # holding levels followed upwards


class OwnerShare(BaseModel):
    holder: SubjectRef
    share: float = Field(description="Integrated share: products along chains, summed")
    direct: float | None = Field(default=None, description="Direct share, if any")
    beneficial_owner: bool = Field(description="A natural person at or above the threshold")


class OwnersReport(BaseModel):
    subject: SubjectRef
    threshold: float = BENEFICIAL_OWNER_THRESHOLD
    owners: list[OwnerShare]
    truncated: bool = False


def owners_of(store: GraphStore, subject_id: str, max_fanout: int = 200) -> OwnersReport:
    """Every direct and indirect holder of ``subject_id`` with its integrated share.

    Beneficial owners follow 受益所有人信息管理办法 (2024) 第六条: natural persons holding 25% or
    more directly or indirectly. Cross-holding cycles terminate (each chain is simple).
    """
    subgraph = store.neighbourhood(
        [subject_id],
        MAX_CHAIN,
        relation_kinds=[RelationKind.SHAREHOLDER_OF],
        max_fanout=max_fanout,
    )
    direct = {
        rel.source: rel.ratio
        for rel in subgraph.relations
        if rel.target == subject_id and rel.ratio is not None
    }
    shares = integrated_ownership(subgraph, subject_id, MAX_CHAIN)
    owners = [
        OwnerShare(
            holder=subject_ref(subgraph.nodes[holder]),
            share=share,
            direct=direct.get(holder),
            beneficial_owner=isinstance(subgraph.nodes[holder], Person)
            and share + 1e-9 >= BENEFICIAL_OWNER_THRESHOLD,
        )
        for holder, share in shares.items()
        if holder in subgraph.nodes
    ]
    owners.sort(key=lambda o: (-o.share, o.holder.id))
    return OwnersReport(
        subject=subject_ref(subgraph.nodes[subject_id]),
        owners=owners,
        truncated=subgraph.truncated,
    )
