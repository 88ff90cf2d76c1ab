"""Elasticsearch-backend specifics: alias swaps, the strict mapping, versions, connection errors.

Tests in ``TestWithServer`` are marked ``elasticsearch`` and skipped unless ELASTICSEARCH_URL
is set; the connection-error tests need no server and always run.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator

import pytest
from elasticsearch import BadRequestError, Elasticsearch

from search import (
    SearchBackendUnavailable,
    SearchDocument,
    SearchIndexClosed,
    SearchIndexIncompatible,
    SearchQuery,
)
from search.analysis import bigrams
from search.elastic_index import ElasticSearchIndex
from search.elastic_mapping import INDEX_VERSION, index_body

URL = os.environ.get("ELASTICSEARCH_URL", "")
SERVER = [
    pytest.mark.elasticsearch,
    pytest.mark.skipif(
        not URL,
        reason="ELASTICSEARCH_URL is not set; start a server with "
        "`bash scripts/services.sh up elasticsearch` and export "
        "ELASTICSEARCH_URL=http://127.0.0.1:9200",
    ),
]


def _doc(doc_id: str, title: str) -> SearchDocument:
    return SearchDocument(id=doc_id, doc_type="record", kind="penalty", title=title)


def _ids(index: ElasticSearchIndex, text: str = "") -> set[str]:
    return {hit.id for hit in index.search(SearchQuery(text=text, limit=200)).hits}


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port  # nothing listens once the probe is closed


def test_closed_port_is_unavailable() -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    with pytest.raises(SearchBackendUnavailable, match="cannot reach Elasticsearch") as caught:
        ElasticSearchIndex(url, index_prefix="cgtest-closed")
    assert url in str(caught.value)


def test_error_hides_credentials() -> None:
    url = f"http://elastic:s3cret@127.0.0.1:{_closed_port()}"
    with pytest.raises(SearchBackendUnavailable) as caught:
        ElasticSearchIndex(url)
    assert "s3cret" not in str(caught.value)


def test_missing_url_is_unavailable() -> None:
    with pytest.raises(SearchBackendUnavailable, match="ELASTICSEARCH_URL"):
        ElasticSearchIndex(None)


def test_bad_prefix_is_refused() -> None:
    with pytest.raises(ValueError, match="index prefix"):
        ElasticSearchIndex("http://127.0.0.1:1", index_prefix="Bad Prefix")


class TestWithServer:
    pytestmark = SERVER

    @pytest.fixture
    def client(self) -> Iterator[Elasticsearch]:
        opened = Elasticsearch(URL)
        yield opened
        opened.close()

    @pytest.fixture
    def prefix(self, client: Elasticsearch) -> Iterator[str]:
        """A prefix of the test's own; every index under it is deleted afterwards."""
        name = f"cgtest-{uuid.uuid4().hex[:12]}"
        yield name
        found = client.indices.get(index=f"{name}-*").body
        if found:
            client.indices.delete(index=",".join(found), ignore_unavailable=True)

    @pytest.fixture
    def index(self, prefix: str) -> Iterator[ElasticSearchIndex]:
        with ElasticSearchIndex(URL, index_prefix=prefix) as opened:
            yield opened

    @staticmethod
    def behind(client: Elasticsearch, alias: str) -> list[str]:
        return sorted(client.indices.get_alias(name=alias).body)

    def test_one_versioned_index_behind_the_alias(
        self, index: ElasticSearchIndex, prefix: str, client: Elasticsearch
    ) -> None:
        assert index.alias == f"{prefix}-documents"
        (concrete,) = self.behind(client, index.alias)
        assert concrete.startswith(f"{prefix}-documents-v{INDEX_VERSION}-")
        again = ElasticSearchIndex(URL, index_prefix=prefix)  # reopening reuses it
        assert self.behind(client, index.alias) == [concrete]
        again.close()

    def test_rebuild_swaps_alias_without_downtime(
        self, index: ElasticSearchIndex, client: Elasticsearch
    ) -> None:
        index.upsert([_doc("old1", "行政处罚决定书"), _doc("old2", "警告")])
        (old,) = self.behind(client, index.alias)
        other = ElasticSearchIndex(URL, index_prefix=index.alias.removesuffix("-documents"))
        seen_during_load: list[set[str]] = []

        def documents() -> Iterator[SearchDocument]:
            for number in range(1, 2001):
                if number == 1500:  # a chunk is in the new index; searches still use the old
                    seen_during_load.append(_ids(index, "处罚"))
                    seen_during_load.append(_ids(other, "处罚"))
                yield _doc(f"new{number}", f"第{number}号罚款决定")

        assert index.rebuild(documents()) == 2000
        assert seen_during_load == [{"old1"}, {"old1"}]
        (new,) = self.behind(client, index.alias)
        assert new != old and not client.indices.exists(index=old)
        assert index.count() == 2000 and other.count() == 2000
        assert _ids(other, "处罚") == set()
        assert _ids(other, "第1999号") == {"new1999"}
        other.close()

    def test_failed_rebuild_keeps_the_old_index(
        self, index: ElasticSearchIndex, client: Elasticsearch
    ) -> None:
        index.upsert([_doc("old", "警告")])
        before = self.behind(client, index.alias)

        def broken() -> Iterator[SearchDocument]:
            yield _doc("new", "罚款")
            raise RuntimeError("source went away")

        with pytest.raises(RuntimeError, match="source went away"):
            index.rebuild(broken())
        assert self.behind(client, index.alias) == before
        assert _ids(index) == {"old"}
        leftovers = client.indices.get(index=f"{index.alias}-*").body
        assert sorted(leftovers) == before

    def test_reset_swaps_in_an_empty_index(
        self, index: ElasticSearchIndex, client: Elasticsearch
    ) -> None:
        index.upsert([_doc("a", "警告")])
        (old,) = self.behind(client, index.alias)
        index.reset()
        (new,) = self.behind(client, index.alias)
        assert new != old and not client.indices.exists(index=old)
        assert index.count() == 0

    def test_mapping_is_strict(self, index: ElasticSearchIndex, client: Elasticsearch) -> None:
        (concrete,) = self.behind(client, index.alias)
        mapping = client.indices.get_mapping(index=concrete)[concrete]["mappings"]
        assert mapping["dynamic"] == "strict"
        assert mapping["_meta"] == {"index_version": INDEX_VERSION}
        with pytest.raises(BadRequestError, match="strict_dynamic_mapping_exception"):
            client.index(
                index=index.alias,
                id="x",
                document={"id": "x", "doc_type": "record", "kind": "penalty", "colour": "red"},
            )

    def test_other_version_is_refused_until_reset(self, prefix: str, client: Elasticsearch) -> None:
        alias = f"{prefix}-documents"
        body = index_body()
        body["mappings"] = {**body["mappings"], "_meta": {"index_version": INDEX_VERSION - 1}}
        client.indices.create(index=f"{alias}-v0-20000101000000000000", **body)
        client.indices.put_alias(index=f"{alias}-v0-20000101000000000000", name=alias)
        index = ElasticSearchIndex(URL, index_prefix=prefix)
        with pytest.raises(SearchIndexIncompatible, match="rebuild"):
            index.search(SearchQuery(text="警告"))
        with pytest.raises(SearchIndexIncompatible):
            index.upsert([_doc("a", "警告")])
        index.reset()
        assert index.upsert([_doc("a", "警告")]) == 1
        assert _ids(index, "警告") == {"a"}
        index.close()

    def test_an_index_named_like_the_alias_is_refused(
        self, prefix: str, client: Elasticsearch
    ) -> None:
        client.indices.create(index=f"{prefix}-documents")
        with pytest.raises(SearchIndexIncompatible, match="not an alias"):
            ElasticSearchIndex(URL, index_prefix=prefix)

    def test_drop_deletes_everything_and_closes(
        self, index: ElasticSearchIndex, client: Elasticsearch
    ) -> None:
        index.upsert([_doc("a", "警告")])
        index.drop()
        assert client.indices.get(index=f"{index.alias}*").body == {}
        with pytest.raises(SearchIndexClosed):
            index.count()
        index.close()  # still idempotent

    @pytest.mark.parametrize(
        "text",
        [
            "乌鲁木齐市市场监督管理局",
            "纳税信用A级纳税人",
            "ＸＹＺ科技有限公司 ABC Construction Ltd.",
            "(2023)新0102执1234号 乌市监罚〔2023〕15号 91650102MA77ABCD1X",
            "决定给予警告并处罚款5000元。",
        ],
    )
    def test_analyzer_agrees_with_search_analysis(
        self, index: ElasticSearchIndex, client: Elasticsearch, text: str
    ) -> None:
        """The cjk analyzer (stopwords off) gives the embedded index's tokens for such text.

        Known differences (the standard tokenizer keeps these whole): 1,000  3.5  a_b  a.b.
        """
        tokens = client.indices.analyze(index=index.alias, analyzer="cjk_text", text=text)
        assert [token["token"] for token in tokens["tokens"]] == bigrams(text)
