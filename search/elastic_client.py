"""Connecting to Elasticsearch, and turning "the server is not there" into one clear error."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

from elasticsearch import (
    ConnectionError,
    ConnectionTimeout,
    Elasticsearch,
    UnsupportedProductError,
)

from search.errors import SearchBackendUnavailable

REQUEST_TIMEOUT_S = 60.0
MAX_RETRIES = 1


def redact(url: str) -> str:
    """The URL without user and password, fit for error messages and logs."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit(parts._replace(netloc=netloc))


@contextmanager
def reachable(url: str) -> Iterator[None]:
    """Re-raise connection failures (refused, timed out, not Elasticsearch) as unavailable."""
    try:
        yield
    except (ConnectionError, ConnectionTimeout, UnsupportedProductError) as exc:
        raise SearchBackendUnavailable(
            f"cannot reach Elasticsearch at {redact(url)}: {exc}"
        ) from exc


def connect(url: str | None) -> Elasticsearch:
    """A client for ``url`` that has answered once, so a wrong URL fails here, not later."""
    if not url:
        raise SearchBackendUnavailable(
            "the elasticsearch search backend needs a server URL (set ELASTICSEARCH_URL)"
        )
    client = Elasticsearch(url, request_timeout=REQUEST_TIMEOUT_S, max_retries=MAX_RETRIES)
    try:
        with reachable(url):
            client.info()
    except BaseException:
        client.close()
        raise
    return client
