"""Concrete indices behind one alias, so a rebuilt index replaces the old one without downtime.

Readers and writers only ever name the alias ``{prefix}-documents``; each (re)build creates
``{prefix}-documents-v{INDEX_VERSION}-{UTC timestamp}`` and one atomic alias update moves every
reader to it, after which the old index is deleted.
"""

from __future__ import annotations

import datetime
import re

from elasticsearch import BadRequestError, Elasticsearch, NotFoundError

from search.elastic_mapping import INDEX_VERSION, index_body
from search.errors import SearchIndexIncompatible

_PREFIX_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


def alias_name(prefix: str) -> str:
    """The alias every handle reads and writes through; checks the prefix is a valid name."""
    if not _PREFIX_RE.fullmatch(prefix):
        raise ValueError(f"index prefix {prefix!r}: use lower-case letters, digits, '-', '_', '.'")
    return f"{prefix}-documents"


def _is_concrete(alias: str, name: str) -> bool:
    return re.fullmatch(rf"{re.escape(alias)}-v\d+-\d{{20}}", name) is not None


def create_index(client: Elasticsearch, alias: str, *, bulk_loading: bool = False) -> str:
    """A new, empty concrete index for ``alias`` (not yet behind it); returns its name."""
    while True:
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d%H%M%S%f")
        name = f"{alias}-v{INDEX_VERSION}-{stamp}"
        try:
            client.indices.create(index=name, **index_body(bulk_loading=bulk_loading))
        except BadRequestError as exc:
            if exc.error == "resource_already_exists_exception":
                continue  # created within the same microsecond: take the next stamp
            raise
        return name


def behind(client: Elasticsearch, alias: str) -> list[str]:
    """The concrete indices the alias points at (none if it does not exist), sorted by name."""
    try:
        found = client.indices.get_alias(name=alias)
    except NotFoundError:
        if client.indices.exists(index=alias):
            raise SearchIndexIncompatible(
                f"{alias} is an index, not an alias; delete it or choose another index prefix"
            ) from None
        return []
    return sorted(found.body)


def swap(client: Elasticsearch, alias: str, new: str) -> None:
    """Point ``alias`` at ``new`` alone in one atomic update, then delete what it pointed at."""
    old = behind(client, alias)
    actions: list[dict[str, dict[str, object]]] = [
        {"remove": {"index": f"{alias}-v*", "alias": alias, "must_exist": False}},
        {"add": {"index": new, "alias": alias}},
    ]
    client.indices.update_aliases(actions=actions)
    stale = [name for name in old if name != new]
    if stale:
        client.indices.delete(index=",".join(stale), ignore_unavailable=True)


def ensure(client: Elasticsearch, alias: str) -> str:
    """The index behind ``alias``, created on first use.

    When two handles create it at once, both keep the newest and drop the others.
    """
    current = behind(client, alias)
    if not current:
        client.indices.update_aliases(
            actions=[{"add": {"index": create_index(client, alias), "alias": alias}}]
        )
        current = behind(client, alias)
    *extra, newest = current
    if extra:
        client.indices.update_aliases(
            actions=[
                {"remove": {"index": name, "alias": alias, "must_exist": False}} for name in extra
            ]
        )
        client.indices.delete(index=",".join(extra), ignore_unavailable=True)
    return newest


def version(client: Elasticsearch, index: str) -> int | None:
    """The INDEX_VERSION an index was created with (None if it carries none)."""
    mappings = client.indices.get_mapping(index=index).body
    meta = mappings.get(index, {}).get("mappings", {}).get("_meta", {})
    found = meta.get("index_version")
    return found if isinstance(found, int) else None


def drop(client: Elasticsearch, alias: str) -> list[str]:
    """Delete every concrete index of ``alias`` (the alias goes with them); returns their names."""
    found = client.indices.get(index=f"{alias}-v*").body
    names = sorted(name for name in found if _is_concrete(alias, name))
    if names:
        client.indices.delete(index=",".join(names), ignore_unavailable=True)
    return names
