"""What every mapper shares: a row view by canonical field, and the mapper signature."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph_service.identifiers import (
    check_resident_id,
    check_uscc,
    is_masked,
    is_person_like_name,
    normalize_code,
)
from loaders.facts import RowFacts
from loaders.headers import ColumnMap
from loaders.mentions import MentionFactory
from loaders.values import RowRejected, text


@dataclass(frozen=True)
class Row:
    """Cells of one source row read by canonical field name."""

    cells: dict[str, Any]
    columns: ColumnMap

    def get(self, field: str) -> Any:
        header = self.columns.columns.get(field)
        return None if header is None else self.cells.get(header)

    def text(self, field: str) -> str | None:
        return text(self.get(field))


Mapper = Callable[[Row, MentionFactory], RowFacts]


def stable_id(prefix: str, *parts: str | None) -> str:
    """A deterministic id from content, so reloading a row finds the same element."""
    digest = hashlib.sha256("|".join(p or "" for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:20]}"


def require_subject(name: str | None, *codes: str | None, who: str = "the subject") -> None:
    """Refuse a row whose party (``who``) has neither a name nor a code."""
    if not name and not any(codes):
        raise RowRejected("missing_subject", f"neither a name nor a code identifies {who}")


def subject_identity(name: str | None, code: str | None) -> str:
    """The part of a record's id that says whom it is about (code first, else name)."""
    return normalize_code(code) if code else f"name:{name or ''}"


def looks_like_person(code: str | None, declared_type: str | None, name: str | None) -> bool:
    """Decide whether a party is a natural person from its declared type, code and name."""
    if declared_type:
        if "自然人" in declared_type or declared_type in {"个人", "person", "natural_person"}:
            return True
        if any(word in declared_type for word in ("法人", "组织", "企业", "个体", "单位")):
            return False
    if code:
        normalized = normalize_code(code)
        if is_masked(normalized):
            return True
        if check_resident_id(normalized).valid:
            return True
        if check_uscc(normalized).well_formed:
            return False
    return bool(name) and is_person_like_name(name or "")
