"""The embedded search backend: a tantivy index on disk (or in RAM), no server needed."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Self

import tantivy

from search.documents import SearchDocument, SearchHit, SearchQuery, SearchResult
from search.errors import SearchIndexBusy, SearchIndexClosed, SearchIndexIncompatible
from search.highlight import highlight_document
from search.tantivy_query import build_query, is_listing
from search.tantivy_schema import DATE, ID, build_schema, from_tantivy, to_tantivy

WRITER_HEAP_BYTES = 50_000_000
WRITER_THREADS = 1


class TantivySearchIndex:
    """SearchIndex over tantivy, persistent in ``path`` (created if missing) or in RAM if None.

    The writer (which holds the directory lock) is opened on the first write and kept until
    ``close``; read-only handles, e.g. in an API process, never take the lock.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        schema = build_schema()
        if path is None:
            self._index = tantivy.Index(schema)
        else:
            path.mkdir(parents=True, exist_ok=True)
            try:
                self._index = tantivy.Index(schema, str(path), reuse=True)
            except ValueError as exc:
                if "schema does not match" not in str(exc):
                    raise
                raise SearchIndexIncompatible(
                    f"search index at {path} has another schema; delete it and re-index"
                ) from exc
        self._schema = schema
        self._writer: tantivy.IndexWriter | None = None
        self._lock = threading.Lock()
        self._closed = False

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _open(self) -> tantivy.Index:
        if self._closed:
            raise SearchIndexClosed("search index is closed")
        return self._index

    def _writer_locked(self) -> tantivy.IndexWriter:
        """The writer, opened lazily; call with ``self._lock`` held."""
        self._open()
        if self._writer is None:
            try:
                self._writer = self._index.writer(WRITER_HEAP_BYTES, WRITER_THREADS)
            except ValueError as error:
                if "LockBusy" not in str(error):
                    raise
                raise SearchIndexBusy(
                    f"the search index at {self.path} is being written by another process "
                    "(is another load running?); wait for it to finish and run this again"
                ) from error
        return self._writer

    def _commit_locked(self, writer: tantivy.IndexWriter) -> None:
        try:
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        self._index.reload()

    def _existing(self, ids: list[str]) -> int:
        query = tantivy.Query.term_set_query(self._schema, ID, ids)
        return _total(self._open().searcher().search(query, 1, count=True))

    def upsert(self, docs: Iterable[SearchDocument]) -> int:
        """Delete-by-id then add, in one commit per call (the batch is atomic)."""
        latest = {doc.id: doc for doc in docs}
        if not latest:
            return 0
        prepared = [to_tantivy(doc) for doc in latest.values()]
        with self._lock:
            writer = self._writer_locked()
            for doc_id in latest:
                writer.delete_documents_by_term(ID, doc_id)
            for doc in prepared:
                writer.add_document(doc)
            self._commit_locked(writer)
        return len(prepared)

    def delete(self, ids: Iterable[str]) -> int:
        unique = sorted(set(ids))
        if not unique:
            return 0
        with self._lock:
            existing = self._existing(unique)
            if existing:
                writer = self._writer_locked()
                for doc_id in unique:
                    writer.delete_documents_by_term(ID, doc_id)
                self._commit_locked(writer)
        return existing

    def get(self, id: str) -> SearchDocument | None:
        searcher = self._open().searcher()
        hits = searcher.search(tantivy.Query.term_query(self._schema, ID, id), 1).hits
        return from_tantivy(searcher.doc(hits[0][1])) if hits else None

    def search(self, query: SearchQuery) -> SearchResult:
        searcher = self._open().searcher()
        engine_query = build_query(self._schema, query)
        listing = is_listing(query)
        found = searcher.search(
            engine_query,
            query.limit,
            count=True,
            order_by_field=DATE if listing else None,
            offset=query.offset,
        )
        hits: list[SearchHit] = []
        for score, address in found.hits:
            document = from_tantivy(searcher.doc(address))
            hits.append(
                SearchHit(
                    id=document.id,
                    doc_type=document.doc_type,
                    kind=document.kind,
                    title=document.title,
                    score=0.0 if listing else float(score),
                    highlights=highlight_document(document, query.text),
                    document=document,
                )
            )
        return SearchResult(total=_total(found), hits=hits)

    def count(self) -> int:
        return self._open().searcher().num_docs

    def refresh(self) -> None:
        self._open().reload()

    def reset(self) -> None:
        with self._lock:
            writer = self._writer_locked()
            writer.delete_all_documents()
            self._commit_locked(writer)

    def close(self) -> None:
        """Finish background merges and release the directory lock; idempotent."""
        with self._lock:
            if self._writer is not None:
                self._writer.wait_merging_threads()
                self._writer = None
            self._closed = True


def _total(result: tantivy.SearchResult) -> int:
    """The hit count (the stub omits ``SearchResult.count``, which exists when count=True)."""
    count: int = result.count  # type: ignore[attr-defined]
    return count
