"""Errors the search layer raises, so callers can tell setup problems from bad queries."""

from __future__ import annotations


class SearchError(Exception):
    """Base class for search-layer failures."""


class SearchBackendUnavailable(SearchError):
    """The configured backend cannot be used here (module or client library missing)."""


class SearchIndexIncompatible(SearchError):
    """An existing index on disk was built with another schema; rebuild it from the sources."""


class SearchIndexClosed(SearchError):
    """The handle was closed."""
