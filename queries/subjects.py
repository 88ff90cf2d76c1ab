"""Finding the subject a user means: by USCC, ID number, node id or name.

A name that matches several entities is never guessed: the candidates are returned (or
``AmbiguousSubjectError`` raised) so the caller can choose.
"""

from __future__ import annotations

__all__ = ["SubjectCandidate", "find_subjects", "resolve_subject"]

from pydantic import BaseModel, Field

from graph_service.errors import AmbiguousSubjectError, NotFoundError
from graph_service.identifiers import (
    IdentityHasher,
    check_resident_id,
    check_uscc,
    name_key,
    normalize_code,
)
from graph_service.model import Enterprise, Node, Person
from graph_service.store.protocol import GraphStore


class SubjectCandidate(BaseModel):
    """An entity a query may mean, with what matched."""

    id: str = Field(examples=["E-91650102MA77XXXX1X"])
    kind: str = Field(examples=["Enterprise"])
    name: str
    uscc: str | None = None
    id_masked: str | None = None
    matched_on: str = Field(description="uscc, id_number, id, name or alias")


def _candidate(node: Node, matched_on: str) -> SubjectCandidate:
    return SubjectCandidate(
        id=node.id,
        kind=str(node.kind),
        name=node.name,
        uscc=node.uscc if isinstance(node, Enterprise) else None,
        id_masked=node.id_masked if isinstance(node, Person) else None,
        matched_on=matched_on,
    )


def _lookup_keys(text: str, hasher: IdentityHasher) -> list[tuple[str, str]]:
    code = normalize_code(text)
    keys: list[tuple[str, str]] = []
    if len(code) == 18:
        if check_uscc(code).well_formed:
            keys += [(f"uscc:{code}", "uscc"), (f"code:{code}", "uscc")]
        if check_resident_id(code).valid:
            keys.append((f"idh:{hasher.digest('resident_id', code)}", "id_number"))
    key = name_key(text)
    keys += [(f"name:{key}", "name"), (f"pn:{key}", "name"), (f"auth:{key}", "name")]
    return keys


def find_subjects(
    store: GraphStore, text: str, hasher: IdentityHasher, limit: int = 20
) -> list[SubjectCandidate]:
    """Every entity the text may mean: exact identifiers first, then names and aliases."""
    text = text.strip()
    if not text:
        return []
    direct = store.get_nodes([text])
    if direct:
        return [_candidate(direct[text], "id")]
    keys = _lookup_keys(text, hasher)
    found = store.lookup_keys(k for k, _ in keys)
    ordered: dict[str, str] = {}
    for key, matched_on in keys:
        for node_id in found.get(key, []):
            ordered.setdefault(node_id, matched_on)
        if ordered and matched_on in ("uscc", "id_number"):
            break
    nodes = store.get_nodes(list(ordered)[:limit])
    result = []
    for node_id, matched_on in ordered.items():
        node = nodes.get(node_id)
        if node is None:
            continue
        if matched_on == "name" and name_key(node.name) != name_key(text):
            matched_on = "alias"
        result.append(_candidate(node, matched_on))
    return result


def resolve_subject(store: GraphStore, text: str, hasher: IdentityHasher) -> SubjectCandidate:
    """Exactly one subject, or NotFoundError / AmbiguousSubjectError listing candidates."""
    candidates = find_subjects(store, text, hasher)
    if not candidates:
        raise NotFoundError(f"no enterprise or person matches {text!r}")
    if len(candidates) > 1:
        raise AmbiguousSubjectError(
            f"{text!r} matches {len(candidates)} entities; choose one by id or code",
            detail={"candidates": [c.model_dump() for c in candidates]},
        )
    return candidates[0]
