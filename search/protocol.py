"""The search-index protocol: the operations every search backend answers.

The embedded tantivy index and the Elasticsearch index both implement it, and one contract
suite (tests/search/test_contract.py) runs against each, so callers never depend on an engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from search.documents import SearchDocument, SearchQuery, SearchResult


@runtime_checkable
class SearchIndex(Protocol):
    """Operations the product needs from a full-text search backend."""

    def upsert(self, docs: Iterable[SearchDocument]) -> int:
        """Index documents, replacing any with the same id; visible to search on return.

        Idempotent by id (within a batch the last one wins). Returns how many were written.
        """
        ...

    def delete(self, ids: Iterable[str]) -> int:
        """Remove documents by id; returns how many existed. Unknown ids are ignored."""
        ...

    def get(self, id: str) -> SearchDocument | None:
        """The stored document with this id, or None."""
        ...

    def search(self, query: SearchQuery) -> SearchResult:
        """One page of hits, best first (newest first when listing without text), and the total."""
        ...

    def count(self) -> int:
        """Number of documents in the index."""
        ...

    def refresh(self) -> None:
        """Make writes by other handles or processes visible to this one's searches."""
        ...

    def reset(self) -> None:
        """Drop every document (the index itself stays usable)."""
        ...

    def close(self) -> None:
        """Release writers, locks and connections; the handle is unusable afterwards."""
        ...
