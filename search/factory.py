"""Open the configured search backend by name, importing scale-out clients only when asked."""

from __future__ import annotations

import importlib
from pathlib import Path

from search.errors import SearchBackendUnavailable
from search.protocol import SearchIndex
from search.tantivy_index import TantivySearchIndex

BACKENDS = ("embedded", "elasticsearch")


def open_search_index(
    kind: str,
    *,
    path: Path | None = None,
    url: str | None = None,
    index_prefix: str = "creditgraph",
) -> SearchIndex:
    """``embedded``: tantivy in ``path`` (RAM if None); ``elasticsearch``: the server at ``url``.

    Raises SearchBackendUnavailable when the Elasticsearch backend cannot be imported and
    ValueError for an unknown kind.
    """
    if kind == "embedded":
        return TantivySearchIndex(path)
    if kind == "elasticsearch":
        try:
            module = importlib.import_module("search.elastic_index")
        except ImportError as exc:
            raise SearchBackendUnavailable(
                f"the elasticsearch search backend is not available: {exc}"
            ) from exc
        index = module.ElasticSearchIndex(url=url, index_prefix=index_prefix)
        if not isinstance(index, SearchIndex):
            raise SearchBackendUnavailable("search.elastic_index does not implement SearchIndex")
        return index
    raise ValueError(f"unknown search backend {kind!r}; expected one of {', '.join(BACKENDS)}")
