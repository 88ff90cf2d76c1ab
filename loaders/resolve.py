"""Entity resolution: give each mention a node id, merging only on sound evidence.

Rules (shared/reference/standards.md, Names):
- an enterprise is found by a valid USCC, else by its normalised name or an alias; a name
  that points at an enterprise with a *different* valid USCC is not a match, and a name that
  points at several enterprises is ambiguous (the row is quarantined, not guessed);
- a code failing its check digit is kept on the node but never used to merge;
- a person is found by ID hash; without one, a person is the same person only as the same
  name at the same enterprise (同名同姓 elsewhere stays apart), or the one ID-bearing person of
  that name at that enterprise;
- an authority is one node per normalised name.
Lookups are batched per write batch, so the store is asked once per batch, not per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from graph_service.model import Enterprise, Node, NodeKind
from graph_service.store.protocol import GraphStore
from loaders.facts import Mention, RowFacts
from loaders.mappers.base import stable_id
from loaders.values import RowRejected


def enterprise_id(mention: Mention) -> str:
    if mention.uscc_key:
        return f"E-{mention.uscc_key}"
    if mention.stock_key:
        return stable_id("E", "stock", mention.stock_key)
    return stable_id("E", "name", mention.name_keys[0] if mention.name_keys else "")


def mention_keys(mention: Mention) -> list[str]:
    """Keys to look up for a mention before it has an id."""
    kind = mention.prototype.kind
    if kind == NodeKind.ENTERPRISE:
        keys = [f"uscc:{mention.uscc_key}"] if mention.uscc_key else []
        keys += [f"stock:{mention.stock_key}"] if mention.stock_key else []
        return (
            keys
            + [f"name:{k}" for k in mention.name_keys]
            + [f"contact:{c}" for c in mention.contacts]
        )
    if kind == NodeKind.PERSON and mention.id_hash:
        return [f"idh:{mention.id_hash}"]
    return []


@dataclass
class BatchResolver:
    """Resolves the mentions of one batch of rows against the store and each other."""

    store: GraphStore
    _local: dict[str, list[str]] = field(default_factory=dict)
    _found: dict[str, list[str]] = field(default_factory=dict)
    _uscc_of: dict[str, str | None] = field(default_factory=dict)

    def prepare(self, rows: Iterable[RowFacts]) -> None:
        """Fetch every key the batch may need, and the USCCs of name candidates."""
        keys = {key for facts in rows for m in facts.mentions for key in mention_keys(m)}
        self._found = self.store.lookup_keys(keys)
        candidates = {
            node_id
            for key, ids in self._found.items()
            if key.startswith("name:")
            for node_id in ids
        }
        nodes: dict[str, Node] = self.store.get_nodes(candidates) if candidates else {}
        for node_id, node in nodes.items():
            valid = isinstance(node, Enterprise) and node.uscc_valid
            self._uscc_of[node_id] = node.uscc if isinstance(node, Enterprise) and valid else None

    def _ids(self, key: str) -> list[str]:
        if key not in self._found and key.startswith("pname:"):
            # A person's context key needs the anchor's id, known only now: ask the store.
            self._found[key] = self.store.lookup_keys([key]).get(key, [])
        return list(dict.fromkeys(self._local.get(key, []) + self._found.get(key, [])))

    def _remember(self, key: str, node_id: str) -> None:
        ids = self._local.setdefault(key, [])
        if node_id not in ids:
            ids.append(node_id)

    def resolve_row(
        self, facts: RowFacts, context_id: str
    ) -> tuple[dict[str, str], list[tuple[str, str]]]:
        """Ids for each mention ref of the row, and the match keys to write.

        ``context_id`` anchors persons named without an ID number and without an
        enterprise (a natural-person party of one record).
        """
        ids: dict[str, str] = {}
        keys: list[tuple[str, str]] = []
        ordered = sorted(facts.mentions, key=lambda m: m.prototype.kind == NodeKind.PERSON)
        for mention in ordered:
            kind = mention.prototype.kind
            if kind == NodeKind.ENTERPRISE:
                node_id = self._resolve_enterprise(mention)
            elif kind == NodeKind.PERSON:
                anchor = ids.get(mention.anchor or "", context_id)
                node_id = self._resolve_person(mention, anchor, facts.warnings)
            else:
                node_id = stable_id("A", mention.name_keys[0] if mention.name_keys else "")
            ids[mention.ref] = node_id
            for key in self._keys_to_write(mention, node_id, ids):
                keys.append((key, node_id))
                self._remember(key, node_id)
        return ids, keys

    def _resolve_enterprise(self, mention: Mention) -> str:
        strong = [f"uscc:{mention.uscc_key}"] if mention.uscc_key else []
        strong += [f"stock:{mention.stock_key}"] if mention.stock_key else []
        for key in strong:
            by_code = self._ids(key)
            if by_code:
                return by_code[0]
        candidates: list[str] = []
        for key in mention.name_keys:
            for node_id in self._ids(f"name:{key}"):
                other = self._uscc_of.get(node_id)
                if mention.uscc_key and other and other != mention.uscc_key:
                    continue  # same name, different registered entity
                if node_id not in candidates:
                    candidates.append(node_id)
            if candidates:
                break
        if len(candidates) > 1:
            raise RowRejected(
                "ambiguous_reference",
                f"the name {mention.prototype.name!r} matches {len(candidates)} enterprises: "
                + ", ".join(candidates[:5]),
            )
        if candidates:
            return candidates[0]
        node_id = enterprise_id(mention)
        self._uscc_of[node_id] = mention.uscc_key
        return node_id

    def _resolve_person(self, mention: Mention, anchor: str, warnings: list[str]) -> str:
        if mention.id_hash:
            by_hash = self._ids(f"idh:{mention.id_hash}")
            return by_hash[0] if by_hash else f"P-{mention.id_hash[:24]}"
        name = mention.name_keys[0] if mention.name_keys else ""
        in_context = f"P-{stable_id('C', anchor, name)}"
        known = [i for i in self._ids(f"pname:{anchor}:{name}") if i != in_context]
        identified = [i for i in known if not i.startswith("P-C-")]
        if len(identified) == 1:
            return identified[0]
        warnings.append("person_kept_apart_no_identifier")
        return in_context

    def _keys_to_write(self, mention: Mention, node_id: str, ids: dict[str, str]) -> list[str]:
        keys = mention_keys(mention)
        kind = mention.prototype.kind
        if kind == NodeKind.PERSON:
            name = mention.name_keys[0] if mention.name_keys else ""
            keys.append(f"pn:{name}")
            if mention.anchor and mention.anchor in ids:
                keys.append(f"pname:{ids[mention.anchor]}:{name}")
        elif kind == NodeKind.AUTHORITY:
            keys += [f"auth:{k}" for k in mention.name_keys]
        uscc = getattr(mention.prototype, "uscc", None)
        if uscc and not mention.uscc_key:
            keys.append(f"code:{uscc}")  # look-up only: never used to merge
        return keys

    def contact_peers(self, mention: Mention, node_id: str) -> list[tuple[str, str]]:
        """(contact, other enterprise id) pairs for SHARES_CONTACT relations, capped."""
        peers: list[tuple[str, str]] = []
        for contact in mention.contacts:
            others = [i for i in self._ids(f"contact:{contact}") if i != node_id]
            peers += [(contact, other) for other in others[:20]]
        return peers
