"""Embedded-backend specifics: RAM mode, schema guard, locking, handles sharing a directory."""

from __future__ import annotations

from pathlib import Path

import pytest
import tantivy

from search import SearchDocument, SearchIndexClosed, SearchIndexIncompatible, SearchQuery
from search.errors import SearchIndexBusy
from search.tantivy_index import TantivySearchIndex


def _doc(doc_id: str, title: str) -> SearchDocument:
    return SearchDocument(id=doc_id, doc_type="record", kind="penalty", title=title)


def test_in_ram_index() -> None:
    with TantivySearchIndex() as index:
        assert index.upsert([_doc("a", "行政处罚")]) == 1
        assert index.search(SearchQuery(text="处罚")).total == 1


def test_other_schema_on_disk_is_refused(tmp_path: Path) -> None:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("other", stored=True)
    tantivy.Index(builder.build(), str(tmp_path))
    with pytest.raises(SearchIndexIncompatible):
        TantivySearchIndex(tmp_path)


def test_closed_handle_refuses_work(tmp_path: Path) -> None:
    index = TantivySearchIndex(tmp_path)
    index.upsert([_doc("a", "行政处罚")])
    index.close()
    index.close()  # idempotent
    with pytest.raises(SearchIndexClosed):
        index.count()
    with pytest.raises(SearchIndexClosed):
        index.upsert([_doc("b", "警告")])


def test_reader_handle_sees_writes_after_refresh(tmp_path: Path) -> None:
    writer = TantivySearchIndex(tmp_path)
    reader = TantivySearchIndex(tmp_path)  # reading never takes the directory lock
    writer.upsert([_doc("a", "行政处罚")])
    reader.refresh()
    assert reader.get("a") == _doc("a", "行政处罚")
    writer.close()
    reader.close()


def test_one_writer_per_directory(tmp_path: Path) -> None:
    first = TantivySearchIndex(tmp_path)
    second = TantivySearchIndex(tmp_path)
    first.upsert([_doc("a", "行政处罚")])
    with pytest.raises(SearchIndexBusy, match="being written by another process"):
        second.upsert([_doc("b", "警告")])
    first.close()
    assert second.upsert([_doc("b", "警告")]) == 1
    second.close()


def test_regex_metacharacters_in_codes_are_literal() -> None:
    with TantivySearchIndex() as index:
        index.upsert(
            [
                SearchDocument(
                    id="a", doc_type="record", kind="penalty", title="t", codes=["A.B*(C)+[1]"]
                ),
                SearchDocument(id="b", doc_type="record", kind="penalty", title="t", codes=["AXB"]),
            ]
        )
        assert {hit.id for hit in index.search(SearchQuery(text="A.B*(C")).hits} == {"a"}
        assert {hit.id for hit in index.search(SearchQuery(text="A.B*(C)+[1]")).hits} == {"a"}
