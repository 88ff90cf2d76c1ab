"""Full-text search over public disclosures and entities."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from graph_service.api.deps import ServicesDep
from search.documents import SearchQuery, SearchResult

router = APIRouter(tags=["search"])


@router.get("/search", response_model=SearchResult)
def search(
    services: ServicesDep,
    q: Annotated[str, Query(title="Words or a quoted phrase", examples=["建筑工程 处罚"])] = "",
    kind: Annotated[list[str] | None, Query(title="Kinds, e.g. penalty, Enterprise")] = None,
    authority: Annotated[str | None, Query(title="Exact authority name")] = None,
    region: Annotated[str | None, Query(title="Region prefix", examples=["6501"])] = None,
    date_from: Annotated[date | None, Query(title="From (inclusive)")] = None,
    date_to: Annotated[date | None, Query(title="To (inclusive)")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> SearchResult:
    """Each word must match (2-character words such as 处罚 work; quotes make a phrase);
    hits carry highlighted fragments with matches in <em> tags."""
    query = SearchQuery(
        text=q,
        kinds=kind or [],
        authority=authority,
        region=region,
        date_from=date_from,
        date_to=date_to,
        limit=limit,
        offset=offset,
    )
    return services.index.search(query)
