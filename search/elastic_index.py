"""The scale-out search backend: an Elasticsearch index behind an alias.

Every request names the alias ``{prefix}-documents``, so ``reset`` and ``rebuild`` swap in a
new concrete index while other handles and processes keep searching (search.elastic_aliases).
Writes refresh before returning, as the protocol promises they are visible on return.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any, Self

from elasticsearch import NotFoundError
from elasticsearch.helpers import streaming_bulk

from search import elastic_aliases as aliases
from search.documents import SearchDocument, SearchHit, SearchQuery, SearchResult
from search.elastic_client import connect, reachable
from search.elastic_mapping import INDEX_VERSION, from_elastic, to_elastic
from search.elastic_query import is_listing, search_request
from search.errors import SearchIndexClosed, SearchIndexIncompatible
from search.highlight import highlight_document

BULK_CHUNK_DOCS = 1000
BULK_CHUNK_BYTES = 20 * 1024 * 1024


class ElasticSearchIndex:
    """SearchIndex over the Elasticsearch server at ``url``, in indices named by ``index_prefix``.

    The index is created on first open. An index built with another INDEX_VERSION is refused
    (SearchIndexIncompatible) until ``reset`` or ``rebuild`` replaces it.
    """

    def __init__(self, url: str | None, index_prefix: str = "creditgraph") -> None:
        self.alias = aliases.alias_name(index_prefix)
        self._client = connect(url)
        self._url = url or ""
        self._closed = False
        try:
            with reachable(self._url):
                self._compatible = self._check(aliases.ensure(self._client, self.alias))
        except BaseException:
            self._client.close()
            raise

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _check(self, index: str) -> bool:
        return aliases.version(self._client, index) == INDEX_VERSION

    def _usable(self) -> str:
        """The alias, once the handle is known open and its index current."""
        if self._closed:
            raise SearchIndexClosed("search index is closed")
        if not self._compatible:
            raise SearchIndexIncompatible(
                f"Elasticsearch index {self.alias} was built by another version of creditgraph; "
                "rebuild it (reset or rebuild, e.g. `creditgraph reindex`)"
            )
        return self.alias

    def _bulk(self, actions: Iterable[dict[str, Any]], *, via_alias: bool) -> Iterator[Any]:
        """Bulk results per action; a 404 (deleting a missing id) is an answer, not an error.

        Through the alias, ``require_alias`` stops a dropped alias being auto-created as an
        index with a dynamic mapping.
        """
        for _, item in streaming_bulk(
            self._client,
            actions,
            chunk_size=BULK_CHUNK_DOCS,
            max_chunk_bytes=BULK_CHUNK_BYTES,
            ignore_status=(404,),
            require_alias=via_alias,
        ):
            yield item

    def _index_into(self, index: str, docs: Iterable[SearchDocument]) -> None:
        actions = ({"_index": index, "_id": doc.id, "_source": to_elastic(doc)} for doc in docs)
        for _ in self._bulk(actions, via_alias=index == self.alias):
            pass

    def upsert(self, docs: Iterable[SearchDocument]) -> int:
        """Index by id (the last of a batch wins), then refresh so searches see the batch."""
        latest = {doc.id: doc for doc in docs}
        if not latest:
            return 0
        alias = self._usable()
        with reachable(self._url):
            self._index_into(alias, latest.values())
            self._client.indices.refresh(index=alias)
        return len(latest)

    def delete(self, ids: Iterable[str]) -> int:
        unique = sorted(set(ids))
        if not unique:
            return 0
        alias = self._usable()
        actions = ({"_op_type": "delete", "_index": alias, "_id": doc_id} for doc_id in unique)
        with reachable(self._url):
            deleted: int = sum(
                item["delete"].get("result") == "deleted"
                for item in self._bulk(actions, via_alias=True)
            )
            if deleted:
                self._client.indices.refresh(index=alias)
        return deleted

    def get(self, id: str) -> SearchDocument | None:
        alias = self._usable()
        with reachable(self._url):
            try:
                found = self._client.get(index=alias, id=id)
            except NotFoundError as exc:
                if isinstance(exc.body, dict) and exc.body.get("found") is False:
                    return None  # the index answered: no such document
                raise
        return from_elastic(found["_source"])

    def search(self, query: SearchQuery) -> SearchResult:
        alias = self._usable()
        with reachable(self._url):
            found = self._client.search(index=alias, **search_request(query))
        listing = is_listing(query)
        hits: list[SearchHit] = []
        for hit in found["hits"]["hits"]:
            document = from_elastic(hit["_source"])
            hits.append(
                SearchHit(
                    id=document.id,
                    doc_type=document.doc_type,
                    kind=document.kind,
                    title=document.title,
                    score=0.0 if listing else float(hit["_score"] or 0.0),
                    highlights=highlight_document(document, query.text),
                    document=document,
                )
            )
        total: int = found["hits"]["total"]["value"]
        return SearchResult(total=total, hits=hits)

    def count(self) -> int:
        alias = self._usable()
        with reachable(self._url):
            counted: int = self._client.count(index=alias)["count"]
        return counted

    def refresh(self) -> None:
        alias = self._usable()
        with reachable(self._url):
            self._client.indices.refresh(index=alias)

    def rebuild(self, docs: Iterable[SearchDocument]) -> int:
        """Load ``docs`` into a new index, then swap it in; returns how many it holds.

        Searches keep using the old index until the swap, so there is no empty window. Writes
        through other handles during the load go to the old index and are lost with it.
        """
        if self._closed:
            raise SearchIndexClosed("search index is closed")
        with reachable(self._url):
            new = aliases.create_index(self._client, self.alias, bulk_loading=True)
            try:
                self._index_into(new, docs)
                self._client.indices.put_settings(index=new, settings={"refresh_interval": None})
                self._client.indices.refresh(index=new)
                loaded: int = self._client.count(index=new)["count"]
            except BaseException:
                self._client.indices.delete(index=new, ignore_unavailable=True)
                raise
            aliases.swap(self._client, self.alias, new)
        self._compatible = True
        return loaded

    def reset(self) -> None:
        """Swap in a new empty index (and the current mapping); the old one is deleted."""
        self.rebuild(())

    def drop(self) -> None:
        """Delete this prefix's indices and alias (tests, decommissioning); closes the handle."""
        if self._closed:
            raise SearchIndexClosed("search index is closed")
        with reachable(self._url):
            aliases.drop(self._client, self.alias)
        self.close()

    def close(self) -> None:
        """Close the connection pool; idempotent."""
        if not self._closed:
            self._closed = True
            self._client.close()
