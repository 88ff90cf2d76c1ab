"""Entity lookup and neighbourhoods."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query

from graph_service.api.deps import ServicesDep
from graph_service.errors import InputError, NotFoundError
from graph_service.model import RelationKind
from graph_service.store.protocol import Subgraph
from queries.entity_view import EntityView, entity_view
from queries.owners import OwnersReport, owners_of
from queries.subjects import SubjectCandidate, find_subjects

router = APIRouter(prefix="/entities", tags=["entities"])


@router.get("", response_model=list[SubjectCandidate])
def lookup(
    services: ServicesDep,
    q: Annotated[
        str,
        Query(
            title="USCC, ID number, node id or name",
            min_length=1,
            examples=["91650102MA7ABCDE1X", "乌鲁木齐天成建筑工程有限公司"],
        ),
    ],
) -> list[SubjectCandidate]:
    """Every entity the query may mean. A name shared by several entities lists them all;
    an ID number is matched through its keyed hash and never echoed back."""
    return find_subjects(services.store, q, services.hasher)


@router.get("/{entity_id}", response_model=EntityView)
def show(
    services: ServicesDep,
    entity_id: Annotated[str, Path(title="Node id", examples=["E-91650102MA7ABCDE1X"])],
) -> EntityView:
    """One entity with its direct relations and the credit records it is the subject of."""
    return entity_view(services.store, entity_id, services.settings.max_fanout)


@router.get("/{entity_id}/owners", response_model=OwnersReport)
def owners(
    services: ServicesDep,
    entity_id: Annotated[str, Path(title="Node id", examples=["E-91650102MA7277E087"])],
) -> OwnersReport:
    """Direct and indirect shareholders with integrated shares (products along chains,
    summed across chains; cycles terminate) and the beneficial owners (natural persons
    with 25% or more, 受益所有人信息管理办法 2024)."""
    if not services.store.get_nodes([entity_id]):
        raise NotFoundError(f"no node with id {entity_id!r}")
    return owners_of(services.store, entity_id, services.settings.max_fanout)


@router.get("/{entity_id}/neighbourhood", response_model=Subgraph)
def neighbourhood(
    services: ServicesDep,
    entity_id: Annotated[str, Path(title="Node id")],
    hops: Annotated[int, Query(ge=1, le=4, title="Depth")] = 2,
    kinds: Annotated[list[RelationKind] | None, Query(title="Relation kinds to follow")] = None,
    as_of: Annotated[date | None, Query(title="Only relations valid on this date")] = None,
    max_fanout: Annotated[int, Query(ge=1, le=1000, title="Cap per node")] = 200,
) -> Subgraph:
    """Nodes and relations within ``hops`` of the entity; ``truncated`` when a cap was hit."""
    found = services.store.neighbourhood(
        [entity_id], hops, relation_kinds=kinds, as_of=as_of, max_fanout=max_fanout
    )
    if entity_id not in found.nodes:
        raise InputError(f"no node with id {entity_id!r}")
    return found
