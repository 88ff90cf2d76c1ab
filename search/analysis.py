"""Chinese-aware analysis: NFKC, then CJK runs as overlapping bigrams, other words whole.

A 2-character word such as 处罚 or 建筑 is exactly one bigram, and a phrase such as
建筑工程有限公司 is a chain of bigrams at consecutive positions, so a phrase query over bigram
tokens matches it exactly and nothing else. This is what Elasticsearch's ``cjk`` analyzer does,
which keeps the embedded index and Elasticsearch in step without a dictionary segmenter.
"""

from __future__ import annotations

import re
import unicodedata

# Han (with extension A, compatibility ideographs and extensions B-I), kana and Hangul: the
# scripts the cjk_bigram filter bigrams.
_CJK = (
    "\u3040-\u30ff"  # hiragana, katakana
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\U00020000-\U0003ffff"  # CJK extensions B-I
)
_CJK_RE = re.compile(f"[{_CJK}]")
# A CJK run, or a run of other letters and digits ("_" and punctuation separate runs).
_RUN_RE = re.compile(f"(?P<cjk>[{_CJK}]+)|(?P<word>(?:(?![{_CJK}])[^\\W_])+)")


def normalize(text: str) -> str:
    """NFKC (full-width to half-width, compatibility forms folded), then lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def is_cjk(char: str) -> bool:
    """Whether a single character is in a bigrammed script."""
    return _CJK_RE.fullmatch(char) is not None


def is_word_char(char: str) -> bool:
    """Whether a character belongs to a Latin/digit-style word (letters or digits, not CJK)."""
    return char.isalnum() and not is_cjk(char)


def runs(text: str) -> list[tuple[str, bool]]:
    """Normalised runs of ``text`` as (run, is_cjk); punctuation and spaces are dropped."""
    return [
        (match.group(), match.lastgroup == "cjk") for match in _RUN_RE.finditer(normalize(text))
    ]


def bigrams(text: str) -> list[str]:
    """Index/query tokens: CJK runs as overlapping bigrams (a lone char as itself), words whole."""
    tokens: list[str] = []
    for run, cjk in runs(text):
        if cjk and len(run) > 1:
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            tokens.append(run)
    return tokens


def query_terms(text: str) -> list[str]:
    """Distinct normalised runs of a query, longest first: what highlighting looks for."""
    seen = dict.fromkeys(run for run, _ in runs(text))
    return sorted(seen, key=len, reverse=True)


def normalize_code(code: str) -> str:
    """Canonical form of an identifier (USCC, decision or case number) for exact matching."""
    return "".join(unicodedata.normalize("NFKC", code).split()).upper()


def normalize_name(name: str) -> str:
    """Canonical form of an exact-match name (authority): NFKC, trimmed."""
    return unicodedata.normalize("NFKC", name).strip()
