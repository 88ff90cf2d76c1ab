"""Full-text search over entities and credit records behind one protocol.

The embedded backend (tantivy) needs no server; Elasticsearch serves larger deployments.
Both analyse Chinese as character bigrams and pass the same contract tests.
"""

from search.documents import SearchDocument, SearchHit, SearchQuery, SearchResult
from search.errors import (
    SearchBackendUnavailable,
    SearchError,
    SearchIndexClosed,
    SearchIndexIncompatible,
)
from search.factory import open_search_index
from search.protocol import SearchIndex

__all__ = [
    "SearchBackendUnavailable",
    "SearchDocument",
    "SearchError",
    "SearchHit",
    "SearchIndex",
    "SearchIndexClosed",
    "SearchIndexIncompatible",
    "SearchQuery",
    "SearchResult",
    "open_search_index",
]
