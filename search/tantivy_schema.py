"""The embedded index's tantivy schema and the mapping of a SearchDocument onto it.

Text fields hold pre-analysed bigram tokens joined by spaces and read with tantivy's
``whitespace`` tokenizer, so token positions are consecutive and phrase queries over bigrams
behave as in Elasticsearch's ``cjk`` analyzer. The original document is stored as JSON and is
what ``get`` and hits return.
"""

from __future__ import annotations

import datetime

import tantivy

from search.analysis import bigrams, normalize_code, normalize_name
from search.documents import SearchDocument

ID = "id"
DOC_TYPE = "doc_type"
KIND = "kind"
TITLE = "title"
ALIASES = "aliases"
TEXT = "text"
CODES = "codes"
CODES_TEXT = "codes_text"
AUTHORITY = "authority"
REGION_PREFIX = "region_prefix"
DATE = "date"
PUBLIC = "public"
SOURCE = "source"

#: Analysed fields and their boosts. Codes are also analysed, so part of a decision number
#: (such as its year) finds it; a whole code matches the keyword field ``codes`` at CODE_BOOST.
TEXT_FIELDS: dict[str, float] = {TITLE: 3.0, ALIASES: 2.0, TEXT: 1.0, CODES_TEXT: 1.0}
CODE_BOOST = 3.0


def build_schema() -> tantivy.Schema:
    """Keyword fields use ``raw``; bigram text uses ``whitespace``; the document is stored."""
    builder = tantivy.SchemaBuilder()
    for keyword in (ID, DOC_TYPE, KIND, CODES, AUTHORITY, REGION_PREFIX):
        builder.add_text_field(keyword, stored=keyword == ID, tokenizer_name="raw")
    for field in TEXT_FIELDS:
        builder.add_text_field(field, tokenizer_name="whitespace", index_option="position")
    builder.add_date_field(DATE, indexed=True, fast=True)
    builder.add_boolean_field(PUBLIC, indexed=True)
    builder.add_bytes_field(SOURCE, stored=True)
    return builder.build()


def date_value(day: datetime.date) -> datetime.datetime:
    """Dates are indexed as naive midnight datetimes (queries use the same form)."""
    return datetime.datetime.combine(day, datetime.time())


def region_prefixes(region: str) -> list[str]:
    """Every prefix of a region code, so a prefix filter is a single term lookup."""
    return [region[:end] for end in range(1, len(region) + 1)]


def to_tantivy(doc: SearchDocument) -> tantivy.Document:
    """The indexed form of a document: analysed tokens, keywords and the stored JSON."""
    out = tantivy.Document()
    out.add_text(ID, doc.id)
    out.add_text(DOC_TYPE, doc.doc_type)
    out.add_text(KIND, doc.kind)
    out.add_text(TITLE, " ".join(bigrams(doc.title)))
    for alias in doc.aliases:
        out.add_text(ALIASES, " ".join(bigrams(alias)))
    out.add_text(TEXT, " ".join(bigrams(doc.text)))
    for code in sorted({normalize_code(code) for code in doc.codes} - {""}):
        out.add_text(CODES, code)
    for code in doc.codes:
        out.add_text(CODES_TEXT, " ".join(bigrams(code)))
    if doc.authority:
        out.add_text(AUTHORITY, normalize_name(doc.authority))
    for prefix in region_prefixes(doc.region or ""):
        out.add_text(REGION_PREFIX, prefix)
    if doc.date is not None:
        out.add_date(DATE, date_value(doc.date))
    out.add_boolean(PUBLIC, doc.public)
    out.add_bytes(SOURCE, doc.model_dump_json().encode())
    return out


def from_tantivy(stored: tantivy.Document) -> SearchDocument:
    """The original document back from its stored JSON."""
    source = stored.get_first(SOURCE)
    if not isinstance(source, bytes):
        raise ValueError("indexed document has no stored source")
    return SearchDocument.model_validate_json(source)
