"""Build an Elasticsearch search request from a SearchQuery, using the engine-neutral clauses.

Semantics mirror search.tantivy_query: every clause must match; a clause is a dis_max (best
field wins) over phrases on title x3, aliases x2, body and codes-as-text, plus the exact code
x3 and, for codes of CODE_PREFIX_MIN+ characters, a code prefix. Filters add nothing to the score.

A lone CJK character at a clause edge ("A级", "用A") is matched with intervals over the
``starts``/``grams`` sub-fields (see search.elastic_mapping): term lookups only, so nothing is
expanded at query time however large the index grows.
"""

from __future__ import annotations

from typing import Any

from search.analysis import normalize_name
from search.clauses import Clause, parse_clauses
from search.documents import SearchQuery
from search.elastic_mapping import (
    AUTHORITY_KEY,
    CODE_BOOST,
    CODE_KEYS,
    GRAMS,
    REGION_PREFIXES,
    STARTS,
    TEXT_FIELDS,
    Json,
)

#: Listing order: newest first, undated last; the id makes ties and paging deterministic.
LISTING_SORT: list[Json] = [{"date": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]
RANKED_SORT: list[Json] = [{"_score": {"order": "desc"}}, {"id": "asc"}]


def is_listing(query: SearchQuery) -> bool:
    """No text: the query lists what the filters keep (newest first) instead of ranking."""
    return not query.text.strip()


def _token(token: str, field: str | None = None) -> Json:
    """An interval for one token as search.analysis produced it (not analysed again)."""
    rule: Json = {"query": token, "analyzer": "keyword"}
    if field is not None:
        rule["use_field"] = field
    return {"match": rule}


def _ends_with(field: str, char: str) -> Json:
    """Tokens ending with ``char``: itself, doubled, or holding it without starting with it."""
    inside = _token(char, f"{field}.{GRAMS}")
    inside["match"]["filter"] = {"not_overlapping": _token(char, f"{field}.{STARTS}")}
    return {"any_of": {"intervals": [_token(char), _token(char * 2), inside]}}


def _loose_phrase(field: str, clause: Clause, boost: float) -> Json:
    """The clause as consecutive intervals, its lone edge characters matched loosely.

    The middle is the clause text between the edge characters, analysed by the field's own
    analyzer like a phrase, so it finds what the same text finds in a document.
    """
    rules: list[Json] = []
    middle = clause.text
    middle_tokens = len(clause.tokens)
    if clause.loose_start:
        first = clause.tokens[0]
        rules.append(_ends_with(field, first))
        middle = middle[middle.index(first) + 1 :]
        middle_tokens -= 1
    last_rule: Json | None = None
    if clause.loose_end:
        last = clause.tokens[-1]
        last_rule = _token(last, f"{field}.{STARTS}")
        middle = middle[: middle.rindex(last)]
        middle_tokens -= 1
    if middle_tokens > 0:
        rules.append({"match": {"query": middle, "ordered": True, "max_gaps": 0}})
    if last_rule is not None:
        rules.append(last_rule)
    sequence = {"all_of": {"ordered": True, "max_gaps": 0, "intervals": rules}}
    return {"intervals": {field: {**sequence, "boost": boost}}}


def _phrase(field: str, clause: Clause, boost: float) -> Json:
    if len(clause.tokens) == 1 and clause.loose_start:  # a lone character: any token holding it
        return {"term": {f"{field}.{GRAMS}": {"value": clause.tokens[0], "boost": boost}}}
    if clause.loose_start or clause.loose_end:
        return _loose_phrase(field, clause, boost)
    return {"match_phrase": {field: {"query": clause.text, "boost": boost}}}


def _clause_query(clause: Clause) -> Json:
    alternatives = [_phrase(field, clause, boost) for field, boost in TEXT_FIELDS.items()]
    alternatives.append({"term": {CODE_KEYS: {"value": clause.code, "boost": CODE_BOOST}}})
    if clause.code_prefix:
        alternatives.append({"prefix": {CODE_KEYS: {"value": clause.code}}})
    return {"dis_max": {"queries": alternatives}}


def _filters(query: SearchQuery) -> list[Json]:
    filters: list[Json] = []
    if query.doc_types:
        filters.append({"terms": {"doc_type": list(query.doc_types)}})
    if query.kinds:
        filters.append({"terms": {"kind": list(query.kinds)}})
    if query.authority is not None:
        filters.append({"term": {AUTHORITY_KEY: normalize_name(query.authority)}})
    if query.region is not None:
        filters.append({"term": {REGION_PREFIXES: query.region}})
    if query.date_from is not None or query.date_to is not None:
        bounds: Json = {}
        if query.date_from is not None:
            bounds["gte"] = query.date_from.isoformat()
        if query.date_to is not None:
            bounds["lte"] = query.date_to.isoformat()
        filters.append({"range": {"date": bounds}})
    if query.public_only:
        filters.append({"term": {"public": True}})
    return filters


def build_query(query: SearchQuery) -> Json:
    """The query DSL; text with nothing searchable in it (only punctuation) matches nothing."""
    clauses = parse_clauses(query.text)
    if not clauses and not is_listing(query):
        return {"match_none": {}}
    must = [_clause_query(clause) for clause in clauses] or [{"match_all": {}}]
    return {"bool": {"must": must, "filter": _filters(query)}}


def search_request(query: SearchQuery) -> dict[str, Any]:
    """Keyword arguments for ``Elasticsearch.search``: one page, exact total, stable order."""
    return {
        "query": build_query(query),
        "from_": query.offset,
        "size": query.limit,
        "sort": LISTING_SORT if is_listing(query) else RANKED_SORT,
        "track_total_hits": True,
    }
