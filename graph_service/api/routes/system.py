"""Health, statistics and load status."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from graph_service.api.deps import ServicesDep
from graph_service.store.protocol import StoreStats
from loaders.journal import LoadJournal

router = APIRouter(tags=["system"])


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    graph: str = Field(examples=["embedded"])
    search: str = Field(examples=["embedded"])
    documents: int = Field(description="Documents in the search index")
    data_version: str


@router.get("/health", response_model=Health)
def health(services: ServicesDep) -> Health:
    """Whether both backends answer, and which ones are configured."""
    stats = services.store.stats()
    return Health(
        status="ok",
        graph=services.settings.graph,
        search=services.settings.search,
        documents=services.index.count(),
        data_version=stats.data_version,
    )


@router.get("/stats", response_model=StoreStats)
def stats(services: ServicesDep) -> StoreStats:
    """Nodes and relations by kind."""
    return services.store.stats()


@router.get("/loads")
def loads(services: ServicesDep, limit: int = 50) -> list[dict[str, Any]]:
    """Recent loads with their status (completed, interrupted, running) and summaries."""
    journal = LoadJournal(services.settings.data_dir / "loads.sqlite3")
    try:
        return journal.recent(limit)
    finally:
        journal.close()
