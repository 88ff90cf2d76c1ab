"""Errors the search layer raises, so callers can tell setup problems from bad queries."""

from __future__ import annotations

from graph_service.errors import BackendError


class SearchError(BackendError):
    """Base class for search-layer failures (HTTP 503, CLI exit 5, one clear line)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class SearchBackendUnavailable(SearchError):
    """The configured backend cannot be used here (module or client library missing)."""


class SearchIndexIncompatible(SearchError):
    """An existing index on disk was built with another schema; rebuild it from the sources."""


class SearchIndexBusy(SearchError):
    """Another process holds the index's single writer (a load is already running)."""


class SearchIndexClosed(SearchError):
    """The handle was closed."""
