from __future__ import annotations

import sys
from pathlib import Path

import pytest

from search import SearchBackendUnavailable, SearchIndex, open_search_index
from search.tantivy_index import TantivySearchIndex


def test_embedded_in_ram_and_on_disk(tmp_path: Path) -> None:
    in_ram = open_search_index("embedded")
    on_disk = open_search_index("embedded", path=tmp_path / "idx")
    assert isinstance(in_ram, TantivySearchIndex)
    assert isinstance(on_disk, SearchIndex)
    assert (tmp_path / "idx").is_dir()
    in_ram.close()
    on_disk.close()


def test_elasticsearch_unavailable_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "search.elastic_index", None)  # import now fails
    with pytest.raises(SearchBackendUnavailable, match="elasticsearch"):
        open_search_index("elasticsearch", url="http://localhost:9200")


def test_unknown_backend() -> None:
    with pytest.raises(ValueError, match="unknown search backend"):
        open_search_index("solr")
