from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from search import SearchDocument, SearchQuery


def test_document_defaults_and_validation() -> None:
    doc = SearchDocument(id="x", doc_type="entity", kind="Enterprise", title="天山公司")
    assert (doc.aliases, doc.text, doc.codes, doc.public, doc.date) == ([], "", [], True, None)
    with pytest.raises(ValidationError):
        SearchDocument(id="x", doc_type="entity", kind="Enterprise", title="t", region="6501")
    with pytest.raises(ValidationError):
        SearchDocument.model_validate({"id": "x", "doc_type": "node", "kind": "K", "title": "t"})


@pytest.mark.parametrize(
    "fields",
    [
        {"limit": 0},
        {"limit": 201},
        {"offset": -1},
        {"offset": 9_900, "limit": 200},
        {"region": "65010x"},
        {"region": "6501021"},
        {"date_from": date(2024, 1, 2), "date_to": date(2024, 1, 1)},
        {"doc_types": ["node"]},
    ],
)
def test_query_rejects(fields: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        SearchQuery.model_validate(fields)


def test_query_defaults() -> None:
    query = SearchQuery()
    assert (query.text, query.limit, query.offset, query.public_only) == ("", 20, 0, False)
