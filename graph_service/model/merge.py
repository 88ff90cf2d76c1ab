"""How a new attestation of an element merges into what the store already holds.

Written once for every backend, so Neo4j and the embedded store merge identically: values
already known are kept, gaps are filled, lists are unioned, the first name stays the display
name and other names become aliases, and a row seen before (same content hash) changes
nothing.
"""

from __future__ import annotations

from typing import Any, TypeVar

from graph_service.model.elements import MAX_PROVENANCE, Element

E = TypeVar("E", bound=Element)

_KEEP_FIRST = {"id", "kind", "provenance", "attestations", "recorded_at", "name", "aliases"}


def merge_element(existing: E, incoming: E) -> E:
    """Merge ``incoming`` into ``existing``; returns ``existing`` itself when nothing changes."""
    if type(existing) is not type(incoming):
        raise TypeError(f"cannot merge {type(incoming).__name__} into {type(existing).__name__}")
    old: dict[str, Any] = existing.model_dump()
    new: dict[str, Any] = incoming.model_dump()
    merged = dict(old)
    for field, value in new.items():
        if field in _KEEP_FIRST:
            continue
        current = old.get(field)
        if isinstance(current, list):
            merged[field] = current + [v for v in value if v not in current]
        elif current is None and value is not None:
            merged[field] = value
    _merge_names(old, new, merged)
    _merge_provenance(old, new, merged)
    if old.get("recorded_at") is None:
        merged["recorded_at"] = new.get("recorded_at")
    if merged == old:
        return existing
    return type(existing).model_validate(merged)


def _merge_names(old: dict[str, Any], new: dict[str, Any], merged: dict[str, Any]) -> None:
    if "name" not in old:
        return
    aliases: list[str] = list(old.get("aliases") or [])
    for candidate in [new.get("name"), *(new.get("aliases") or [])]:
        if candidate and candidate != old["name"] and candidate not in aliases:
            aliases.append(candidate)
    merged["aliases"] = aliases


def _merge_provenance(old: dict[str, Any], new: dict[str, Any], merged: dict[str, Any]) -> None:
    # Beyond the cap a row cannot be told apart from one seen before, so it changes nothing:
    # counting it would make every reload of a busy node (an authority) look like news.
    seen = {p["content_hash"] for p in old["provenance"]}
    room = MAX_PROVENANCE - len(old["provenance"])
    fresh = [p for p in new["provenance"] if p["content_hash"] not in seen][: max(room, 0)]
    if not fresh:
        return
    merged["provenance"] = old["provenance"] + fresh
    merged["attestations"] = old["attestations"] + len(fresh)
