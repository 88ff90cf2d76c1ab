"""Rebuilding a search index from the embedded graph store (bulk path for a new index)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import islice

from graph_service.store.embedded import EmbeddedGraphStore
from search.documents import SearchDocument
from search.from_model import to_search_document
from search.protocol import SearchIndex


def documents_from_store(store: EmbeddedGraphStore) -> Iterator[SearchDocument]:
    """Every searchable node as a document, records carrying their subjects' ids."""
    subjects: dict[str, list[str]] = defaultdict(list)
    for _, kind, source, target, _ in store.iter_relation_rows():
        if kind == "SUBJECT_OF":
            subjects[target].append(source)
    for node in store.iter_nodes():
        document = to_search_document(node, subjects.get(node.id))
        if document is not None:
            yield document


def reindex(store: EmbeddedGraphStore, index: SearchIndex, batch: int = 5000) -> int:
    """Replace the index's contents with documents built from the store; returns the count.

    A backend with ``rebuild`` (Elasticsearch) builds a new index and swaps its alias, so
    searches keep answering from the old index until the new one is complete.
    """
    rebuild = getattr(index, "rebuild", None)
    if rebuild is not None:
        return int(rebuild(documents_from_store(store)))
    index.reset()
    total = 0
    documents = documents_from_store(store)
    while chunk := list(islice(documents, batch)):
        total += index.upsert(chunk)
    index.refresh()
    return total
