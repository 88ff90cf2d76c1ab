"""Highlighted fragments computed in Python from the original text, for any backend.

Matching runs on a normalised copy (NFKC, lower case) mapped back to original offsets, so
full-width or upper-case text is highlighted as typed in the document. Fragments are
HTML-escaped apart from the ``<em>`` tags, so pages can show them as they are.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence

from search.analysis import is_cjk, is_word_char, query_terms
from search.documents import SearchDocument

FRAGMENT_SIZE = 80
MAX_FRAGMENTS = 3

Span = tuple[int, int]


def _normalised_with_offsets(text: str) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, the original character's index."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = unicodedata.normalize("NFKC", char).lower()
        chars.append(folded)
        origin.extend([index] * len(folded))
    return "".join(chars), origin


def _bounded(norm: str, start: int, end: int, term: str) -> bool:
    """Word terms must not start or end inside a longer word (ABC is not in ABCD)."""
    if is_cjk(term[0]) or is_cjk(term[-1]):
        return True
    before = norm[start - 1] if start > 0 else ""
    after = norm[end] if end < len(norm) else ""
    return not (before and is_word_char(before)) and not (after and is_word_char(after))


def match_spans(text: str, terms: Sequence[str]) -> list[Span]:
    """Merged, sorted original-text spans where any normalised term occurs."""
    norm, origin = _normalised_with_offsets(text)
    spans: list[Span] = []
    for term in terms:
        start = norm.find(term)
        while start >= 0:
            end = start + len(term)
            if _bounded(norm, start, end, term):
                spans.append((origin[start], origin[end - 1] + 1))
            start = norm.find(term, start + 1)
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _windows(spans: list[Span], length: int, size: int) -> list[tuple[int, int, list[Span]]]:
    """Group spans into windows of about ``size`` characters, padded around their matches."""
    groups: list[list[Span]] = []
    for span in spans:
        if groups and span[1] - groups[-1][0][0] <= size:
            groups[-1].append(span)
        else:
            groups.append([span])
    windows: list[tuple[int, int, list[Span]]] = []
    for group in groups:
        start, end = group[0][0], group[-1][1]
        pad = max(0, size - (end - start))
        start = max(0, start - pad // 2)
        end = min(length, max(end, start + size))
        start = max(0, min(start, end - size))
        if windows and start <= windows[-1][1]:
            previous = windows.pop()
            windows.append((previous[0], max(end, previous[1]), previous[2] + group))
        else:
            windows.append((start, end, group))
    return windows


def _render(text: str, start: int, end: int, spans: list[Span]) -> str:
    parts: list[str] = []
    cursor = start
    for span_start, span_end in spans:
        parts.append(html.escape(text[cursor:span_start]))
        parts.append(f"<em>{html.escape(text[span_start:span_end])}</em>")
        cursor = span_end
    parts.append(html.escape(text[cursor:end]))
    return "".join(parts)


def fragments(
    text: str,
    terms: Sequence[str],
    *,
    size: int = FRAGMENT_SIZE,
    max_fragments: int = MAX_FRAGMENTS,
) -> list[str]:
    """Up to ``max_fragments`` fragments of ~``size`` chars with matches wrapped in <em></em>."""
    spans = match_spans(text, terms)
    windows = _windows(spans, len(text), size)[:max_fragments]
    return [_render(text, start, end, group) for start, end, group in windows]


def highlight_document(document: SearchDocument, query_text: str) -> dict[str, list[str]]:
    """Fragments per field (title, aliases, text, codes) for the fields where the query occurs."""
    terms = query_terms(query_text)
    if not terms:
        return {}
    found: dict[str, list[str]] = {}
    title = fragments(document.title, terms, max_fragments=1)
    if title:
        found["title"] = title
    aliases = [fragment for alias in document.aliases for fragment in fragments(alias, terms)]
    if aliases:
        found["aliases"] = aliases[:MAX_FRAGMENTS]
    text = fragments(document.text, terms)
    if text:
        found["text"] = text
    codes = [fragment for code in document.codes for fragment in fragments(code, terms)]
    if codes:
        found["codes"] = codes[:MAX_FRAGMENTS]
    return found
