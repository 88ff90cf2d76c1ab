"""Header normalisation, column mapping and kind detection."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from graph_service.errors import InputError
from loaders.catalogue import KindSpec, load_catalogue

_UNIT_SUFFIX = re.compile(r"\((万元|元|万|%|人民币|人民币万元|yyyy-mm-dd)\)$")


def normalize_header(header: str) -> str:
    """Fold the ways one header is written: width, spaces, brackets, case, unit suffixes."""
    text = unicodedata.normalize("NFKC", header).strip().lstrip("\ufeff")
    text = re.sub(r"\s+", "", text)
    text = text.replace("【", "(").replace("】", ")")
    text = _UNIT_SUFFIX.sub("", text.lower())
    return text


@dataclass(frozen=True)
class ColumnMap:
    """Which source column feeds which canonical field of one kind."""

    kind: str
    columns: dict[str, str]  # canonical field -> source header as written
    unmapped: tuple[str, ...]  # source headers no field claims


def _alias_index(spec: KindSpec) -> dict[str, str]:
    index: dict[str, str] = {}
    for field, aliases in spec.fields.items():
        for alias in [field, *aliases]:
            index.setdefault(normalize_header(alias), field)
    return index


def map_columns(kind: str, headers: Sequence[str]) -> ColumnMap:
    """Map headers to the fields of ``kind``; raise InputError naming missing columns."""
    catalogue = load_catalogue()
    if kind not in catalogue.kinds:
        raise InputError(
            f"unknown kind {kind!r}; known kinds: {', '.join(sorted(catalogue.kinds))}"
        )
    spec = catalogue.kinds[kind]
    index = _alias_index(spec)
    columns: dict[str, str] = {}
    unmapped: list[str] = []
    for header in headers:
        field = index.get(normalize_header(header))
        if field is None:
            unmapped.append(header)
        else:
            columns.setdefault(field, header)
    missing = [f for f in spec.required if f not in columns]
    missing += [
        " or ".join(group) for group in spec.required_any if not any(f in columns for f in group)
    ]
    if missing:
        raise InputError(
            f"{kind} file lacks required column(s): {', '.join(missing)}",
            detail={"kind": kind, "missing": missing, "headers": list(headers)},
        )
    return ColumnMap(kind=kind, columns=columns, unmapped=tuple(unmapped))


def _score(spec: KindSpec, normalized: set[str]) -> tuple[int, int, int]:
    index = _alias_index(spec)
    fields = {index[h] for h in normalized if h in index}
    has_required = all(f in fields for f in spec.required) and all(
        any(f in fields for f in group) for group in spec.required_any
    )
    signature_hits = sum(1 for f in spec.signature if f in fields)
    return (int(has_required), signature_hits, len(fields))


def detect_kind(headers: Sequence[str]) -> str:
    """The kind whose required fields are present and whose signature fields match most."""
    normalized = {normalize_header(h) for h in headers if h}
    catalogue = load_catalogue()
    ranked = sorted(
        ((_score(spec, normalized), name) for name, spec in catalogue.kinds.items()),
        reverse=True,
    )
    (best_score, best), (second_score, second) = ranked[0], ranked[1]
    if not best_score[0] or best_score[1] == 0:
        raise InputError(
            "cannot tell the kind of this file from its headers; pass --kind",
            detail={"headers": list(headers), "kinds": sorted(catalogue.kinds)},
        )
    if best_score == second_score:
        raise InputError(
            f"headers fit both {best!r} and {second!r}; pass --kind",
            detail={"headers": list(headers)},
        )
    return best
