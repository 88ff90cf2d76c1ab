"""The backends a process uses, opened once from settings and closed together."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from graph_service.identifiers import IdentityHasher
from graph_service.settings import Settings
from graph_service.store.factory import open_graph_store
from graph_service.store.protocol import GraphStore
from search.factory import open_search_index
from search.protocol import SearchIndex


@dataclass
class Services:
    settings: Settings
    store: GraphStore
    index: SearchIndex
    hasher: IdentityHasher = field(init=False)

    def __post_init__(self) -> None:
        self.hasher = IdentityHasher(self.settings.id_secret)

    def close(self) -> None:
        self.index.close()
        self.store.close()


def open_services(settings: Settings) -> Services:
    """Open the graph store and the search index the settings choose."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    store = open_graph_store(settings)
    index = open_search_index(
        settings.search,
        path=settings.index_path,
        url=settings.elasticsearch_url,
        index_prefix=settings.index_prefix,
    )
    return Services(settings=settings, store=store, index=index)


@contextmanager
def services(settings: Settings) -> Iterator[Services]:
    opened = open_services(settings)
    try:
        yield opened
    finally:
        opened.close()
