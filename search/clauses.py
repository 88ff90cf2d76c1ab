"""Turn user query text into clauses, independent of any engine.

Every backend builds its engine query from these clauses, so the embedded index and
Elasticsearch agree on what a query means: whitespace separates clauses that must all match,
a quoted phrase is one clause, and a clause is a phrase over its bigram tokens (or a code).

A lone CJK character at either edge of a clause (级 in "A级") is indexed in documents only
inside a bigram (A级纳税人 gives a, 级纳, ...), so backends match it loosely: at the start, any
token ending with it; at the end, any token starting with it; alone, any token holding it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from search.analysis import bigrams, is_cjk, normalize_code

# A quoted phrase (ASCII quotes after NFKC, or Chinese curly quotes), else a bare word.
_CLAUSE_RE = re.compile(r'"([^"]*)"|“([^”]*)”|(\S+)')

#: Codes shorter than this match exactly only; longer ones also match as a prefix.
CODE_PREFIX_MIN = 4


@dataclass(frozen=True)
class Clause:
    """One required part of a query: a phrase over ``tokens``, or the identifier ``code``."""

    text: str
    tokens: tuple[str, ...]
    code: str

    @property
    def loose_start(self) -> bool:
        """The first token is a lone CJK character: match it as any token ending with it."""
        return _lone_cjk(self.tokens[0])

    @property
    def loose_end(self) -> bool:
        """The last token is a lone CJK character: match it as any token starting with it."""
        return _lone_cjk(self.tokens[-1])

    @property
    def code_prefix(self) -> bool:
        """Whether the clause may also match codes that start with it."""
        return len(self.code) >= CODE_PREFIX_MIN


def _lone_cjk(token: str) -> bool:
    return len(token) == 1 and is_cjk(token)


def parse_clauses(text: str) -> list[Clause]:
    """Clauses of a query; parts with no searchable characters (punctuation only) are dropped."""
    clauses: list[Clause] = []
    for match in _CLAUSE_RE.finditer(unicodedata.normalize("NFKC", text)):
        part = next(group for group in match.groups() if group is not None)
        tokens = tuple(bigrams(part))
        if tokens:
            clauses.append(Clause(text=part, tokens=tokens, code=normalize_code(part)))
    return clauses
