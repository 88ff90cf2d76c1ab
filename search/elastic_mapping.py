"""The Elasticsearch index: analysis settings, the strict mapping and the document layout.

Text is analysed by the ``cjk`` analyzer (standard tokenizer, width folding, lower case,
bigrams), the same tokens search.analysis produces for the embedded index, with its English
stopword list switched off: otherwise the ``a`` of "A级" is dropped and "A级" finds "B级".
Each text field has two sub-fields at the same token positions, so queries can ask for a lone
CJK character at a phrase edge without wildcards or scripts: ``starts`` holds each token's first
character and ``grams`` every character of each token (see search.elastic_query).

The original SearchDocument fields are the ``_source`` (what ``get`` and hits return); the
derived keyword fields (``*_key``, ``code_keys``, ``region_prefixes``) sit beside them.
"""

from __future__ import annotations

from typing import Any

from search.analysis import normalize_code, normalize_name
from search.documents import SearchDocument

Json = dict[str, Any]

#: Bump when the mapping, the analysis settings or the document layout change in a way an
#: existing index cannot serve (a new or renamed field, another analyzer). Handles then refuse
#: to read or write an older index until ``reset`` or ``rebuild`` swaps in a new one.
INDEX_VERSION = 1

TITLE = "title"
ALIASES = "aliases"
TEXT = "text"
CODES = "codes"
CODE_KEYS = "code_keys"
AUTHORITY_KEY = "authority_key"
REGION_PREFIXES = "region_prefixes"
STARTS = "starts"
GRAMS = "grams"

#: Analysed fields and their query-time boosts, as in the embedded index; ``codes`` is the
#: codes-as-text field (part of a decision number finds it), CODE_KEYS the exact one.
TEXT_FIELDS: dict[str, float] = {TITLE: 3.0, ALIASES: 2.0, TEXT: 1.0, CODES: 1.0}
CODE_BOOST = 3.0

_CJK_FILTERS = ["cjk_width", "lowercase", "cjk_bigram"]

ANALYSIS: Json = {
    "analyzer": {
        "cjk_text": {"type": "cjk", "stopwords": "_none_"},
        "cjk_starts": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [*_CJK_FILTERS, "first_character"],
        },
        "cjk_grams": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [*_CJK_FILTERS, "characters"],
        },
    },
    "filter": {
        # Both keep every gram at its token's position, so intervals can mix the fields.
        "first_character": {"type": "edge_ngram", "min_gram": 1, "max_gram": 1},
        "characters": {"type": "ngram", "min_gram": 1, "max_gram": 1},
    },
}

_KEYWORD: Json = {"type": "keyword"}
_SOURCE_ONLY: Json = {"type": "keyword", "index": False, "doc_values": False}


def _text(*, raw: bool = False) -> Json:
    fields: Json = {
        STARTS: {"type": "text", "analyzer": "cjk_starts"},
        GRAMS: {"type": "text", "analyzer": "cjk_grams"},
    }
    if raw:
        fields["raw"] = {"type": "keyword", "ignore_above": 256}
    return {"type": "text", "analyzer": "cjk_text", "fields": fields}


MAPPING: Json = {
    "dynamic": "strict",
    "_meta": {"index_version": INDEX_VERSION},
    "properties": {
        "id": _KEYWORD,
        "doc_type": _KEYWORD,
        "kind": _KEYWORD,
        TITLE: _text(raw=True),
        ALIASES: _text(),
        TEXT: _text(),
        CODES: _text(),
        CODE_KEYS: _KEYWORD,
        "authority": _SOURCE_ONLY,  # as given; filters use AUTHORITY_KEY
        AUTHORITY_KEY: _KEYWORD,
        "region": _SOURCE_ONLY,  # as given; filters use REGION_PREFIXES
        REGION_PREFIXES: _KEYWORD,
        "date": {"type": "date", "format": "strict_date"},
        "subject_ids": _KEYWORD,
        "public": {"type": "boolean"},
    },
}


def index_body(*, bulk_loading: bool = False) -> Json:
    """Settings and mapping for a new concrete index; ``bulk_loading`` turns refresh off.

    One shard keeps scores exact on a small index; a replica is added when a second node exists.
    """
    settings: Json = {
        "number_of_shards": 1,
        "auto_expand_replicas": "0-1",
        "analysis": ANALYSIS,
    }
    if bulk_loading:
        settings["refresh_interval"] = "-1"
    return {"settings": settings, "mappings": MAPPING}


def region_prefixes(region: str) -> list[str]:
    """Every prefix of a region code, so a prefix filter is a single term lookup."""
    return [region[:end] for end in range(1, len(region) + 1)]


def to_elastic(doc: SearchDocument) -> Json:
    """The indexed form: the document as JSON plus the derived keyword fields."""
    body = doc.model_dump(mode="json")
    body[CODE_KEYS] = sorted({normalize_code(code) for code in doc.codes} - {""})
    body[AUTHORITY_KEY] = normalize_name(doc.authority) if doc.authority else None
    body[REGION_PREFIXES] = region_prefixes(doc.region or "")
    return body


def from_elastic(source: Json) -> SearchDocument:
    """The original document back from ``_source`` (derived fields dropped)."""
    return SearchDocument.model_validate(
        {name: source[name] for name in SearchDocument.model_fields if name in source}
    )
