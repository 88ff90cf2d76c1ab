"""Build a tantivy query from a SearchQuery, using the engine-neutral clauses.

Each clause is a disjunction (best field wins) over title x3, aliases x2, body and codes;
clauses are all required; filters are required but add nothing to the score.
"""

from __future__ import annotations

import re

import tantivy

from search.analysis import normalize_name
from search.clauses import Clause, parse_clauses
from search.documents import SearchQuery
from search.tantivy_schema import (
    AUTHORITY,
    CODE_BOOST,
    CODES,
    DATE,
    DOC_TYPE,
    KIND,
    PUBLIC,
    REGION_PREFIX,
    TEXT_FIELDS,
    date_value,
)


def _phrase(schema: tantivy.Schema, field: str, clause: Clause) -> tantivy.Query:
    """Phrase over the clause's tokens; a lone CJK character at an edge widens to bigrams."""
    if len(clause.tokens) == 1 and clause.loose_start:  # a lone character: itself or a bigram
        char = re.escape(clause.tokens[0])
        return tantivy.Query.regex_query(schema, field, f"{char}.?|.{char}")
    if clause.loose_start or clause.loose_end:
        patterns = [re.escape(token) for token in clause.tokens]
        if clause.loose_start:
            patterns[0] = f".?{patterns[0]}"
        if clause.loose_end:
            patterns[-1] = f"{patterns[-1]}.?"
        regexes: list[str | tuple[int, str]] = list(patterns)
        return tantivy.Query.regex_phrase_query(schema, field, regexes)
    if len(clause.tokens) == 1:  # tantivy panics on a one-term phrase
        return tantivy.Query.term_query(schema, field, clause.tokens[0])
    words: list[str | tuple[int, str]] = list(clause.tokens)
    return tantivy.Query.phrase_query(schema, field, words)


def _clause_query(schema: tantivy.Schema, clause: Clause) -> tantivy.Query:
    alternatives = [
        tantivy.Query.boost_query(_phrase(schema, field, clause), boost)
        for field, boost in TEXT_FIELDS.items()
    ]
    alternatives.append(
        tantivy.Query.boost_query(tantivy.Query.term_query(schema, CODES, clause.code), CODE_BOOST)
    )
    if clause.code_prefix:
        prefix = re.escape(clause.code)
        alternatives.append(tantivy.Query.regex_query(schema, CODES, f"{prefix}.+"))
    return tantivy.Query.disjunction_max_query(alternatives)


def _filters(schema: tantivy.Schema, query: SearchQuery) -> list[tantivy.Query]:
    filters: list[tantivy.Query] = []
    if query.doc_types:
        filters.append(tantivy.Query.term_set_query(schema, DOC_TYPE, list(query.doc_types)))
    if query.kinds:
        filters.append(tantivy.Query.term_set_query(schema, KIND, query.kinds))
    if query.authority is not None:
        authority = normalize_name(query.authority)
        filters.append(tantivy.Query.term_query(schema, AUTHORITY, authority))
    if query.region is not None:
        filters.append(tantivy.Query.term_query(schema, REGION_PREFIX, query.region))
    if query.date_from is not None or query.date_to is not None:
        filters.append(
            tantivy.Query.range_query(
                schema,
                DATE,
                tantivy.FieldType.Date,
                date_value(query.date_from) if query.date_from else None,
                date_value(query.date_to) if query.date_to else None,
            )
        )
    if query.public_only:
        filters.append(tantivy.Query.term_query(schema, PUBLIC, True))
    return filters


def is_listing(query: SearchQuery) -> bool:
    """No text: the query lists what the filters keep (newest first) instead of ranking."""
    return not query.text.strip()


def build_query(schema: tantivy.Schema, query: SearchQuery) -> tantivy.Query:
    """The tantivy query; text with nothing searchable in it (only punctuation) matches nothing."""
    clauses = parse_clauses(query.text)
    if not clauses and not is_listing(query):
        return tantivy.Query.empty_query()
    required = [_clause_query(schema, clause) for clause in clauses] or [tantivy.Query.all_query()]
    required += [tantivy.Query.const_score_query(f, 0.0) for f in _filters(schema, query)]
    if len(required) == 1:
        return required[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in required])
