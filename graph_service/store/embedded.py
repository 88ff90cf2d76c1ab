"""The embedded graph store: SQLite (WAL) as the source of truth, networkx for algorithms.

SQLite gives durable, atomic batches with no server: a load killed half-way leaves every
committed batch intact and nothing of the batch in flight. Nodes and relations are stored
as JSON documents with indexed columns for the lookups the product makes.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import networkx as nx

from graph_service.model import Node, Relation, RelationKind
from graph_service.store.batch_merge import merge_into
from graph_service.store.codec import decode_node, encode
from graph_service.store.protocol import (
    StoreStats,
    UpsertResult,
    WriteBatch,
)
from graph_service.store.traversal import Traversals

_SCHEMA = """
CREATE TABLE IF NOT EXISTS nodes (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS relations (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS relations_source ON relations (source, id);
CREATE INDEX IF NOT EXISTS relations_target ON relations (target, id);
CREATE INDEX IF NOT EXISTS relations_source_kind ON relations (source, kind, id);
CREATE INDEX IF NOT EXISTS relations_target_kind ON relations (target, kind, id);
CREATE TABLE IF NOT EXISTS match_keys (
    key TEXT NOT NULL, node_id TEXT NOT NULL, PRIMARY KEY (key, node_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

_CHUNK = 500  # SQLite's bound-parameter limit is generous, but chunks keep plans cheap


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _placeholders(count: int) -> str:
    return ",".join("?" * count)


class EmbeddedGraphStore(Traversals):
    """A GraphStore on one SQLite file. Safe to share between threads (one lock)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.RLock()
        # Another process (a load while the API serves) may hold the write lock for a batch.
        self._db = sqlite3.connect(
            path, check_same_thread=False, isolation_level=None, timeout=60.0
        )
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=OFF")
        self._db.executescript(_SCHEMA)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # -- writes -------------------------------------------------------------------------

    def upsert(self, batch: WriteBatch) -> UpsertResult:
        result = UpsertResult()
        with self._transaction() as db:
            stored_nodes = self._fetch_nodes(db, [n.id for n in batch.nodes])
            changed_nodes = merge_into(stored_nodes, batch.nodes, result)
            db.executemany(
                "INSERT INTO nodes (id, kind, name, data) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET name=excluded.name, data=excluded.data",
                [(n.id, str(n.kind), n.name, encode(n)) for n in changed_nodes.values()],
            )
            stored_rels = self._fetch_relations(db, [r.id for r in batch.relations])
            changed_rels = merge_into(stored_rels, batch.relations, result)
            db.executemany(
                "INSERT INTO relations (id, kind, source, target, data) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET data=excluded.data",
                [(r.id, str(r.kind), r.source, r.target, encode(r)) for r in changed_rels.values()],
            )
            db.executemany(
                "INSERT OR IGNORE INTO match_keys (key, node_id) VALUES (?, ?)", batch.keys
            )
            if changed_nodes or changed_rels:
                self._bump_version(db)
        result.nodes = {n.id: stored_nodes[n.id] for n in batch.nodes}
        return result

    def _bump_version(self, db: sqlite3.Connection) -> None:
        row = db.execute("SELECT value FROM meta WHERE key='data_version'").fetchone()
        counter = int(row[0].split("-")[0]) + 1 if row else 1
        db.execute(
            "INSERT INTO meta (key, value) VALUES ('data_version', ?) "
            "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            (f"{counter}-{hashlib.sha256(str(self.path).encode()).hexdigest()[:8]}",),
        )

    # -- reads --------------------------------------------------------------------------

    def _fetch_nodes(self, db: sqlite3.Connection, ids: Sequence[str]) -> dict[str, Node]:
        found: dict[str, Node] = {}
        unique_ids = list(dict.fromkeys(ids))
        for chunk in _chunks(unique_ids):
            sql = f"SELECT data FROM nodes WHERE id IN ({_placeholders(len(chunk))})"
            for (data,) in db.execute(sql, chunk):
                node = decode_node(data)
                found[node.id] = node
        return found

    def _fetch_relations(self, db: sqlite3.Connection, ids: Sequence[str]) -> dict[str, Relation]:
        found: dict[str, Relation] = {}
        unique_ids = list(dict.fromkeys(ids))
        for chunk in _chunks(unique_ids):
            sql = f"SELECT data FROM relations WHERE id IN ({_placeholders(len(chunk))})"
            for (data,) in db.execute(sql, chunk):
                rel = Relation.model_validate_json(data)
                found[rel.id] = rel
        return found

    def lookup_keys(self, keys: Iterable[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        with self._lock:
            for chunk in _chunks(list(dict.fromkeys(keys))):
                sql = (
                    "SELECT key, node_id FROM match_keys "
                    f"WHERE key IN ({_placeholders(len(chunk))}) ORDER BY key, node_id"
                )
                for key, node_id in self._db.execute(sql, chunk):
                    found.setdefault(key, []).append(node_id)
        return found

    def existing(self, ids: Iterable[str]) -> set[str]:
        present: set[str] = set()
        with self._lock:
            for chunk in _chunks(list(dict.fromkeys(ids))):
                marks = _placeholders(len(chunk))
                sql = (
                    f"SELECT id FROM nodes WHERE id IN ({marks}) "
                    f"UNION SELECT id FROM relations WHERE id IN ({marks})"
                )
                present.update(row[0] for row in self._db.execute(sql, [*chunk, *chunk]))
        return present

    def get_nodes(self, ids: Iterable[str]) -> dict[str, Node]:
        with self._lock:
            return self._fetch_nodes(self._db, list(ids))

    def _edges_of(
        self, node_ids: Sequence[str], limit: int, kinds: Sequence[RelationKind] | None
    ) -> dict[str, list[Relation]]:
        """Relations touching each node, in id order, at most ``limit`` per direction."""
        adjacency: dict[str, list[Relation]] = {}
        kind_filter, kind_args = "", []
        if kinds is not None:
            kind_filter = f" AND kind IN ({_placeholders(len(kinds))})"
            kind_args = [str(k) for k in kinds]
        sql = (
            f"SELECT data FROM (SELECT id, data FROM relations WHERE source = ?{kind_filter} "
            f"ORDER BY id LIMIT ?) UNION ALL SELECT data FROM (SELECT id, data "
            f"FROM relations WHERE target = ?{kind_filter} ORDER BY id LIMIT ?)"
        )
        with self._lock:
            for node_id in node_ids:
                rows = self._db.execute(
                    sql, (node_id, *kind_args, limit, node_id, *kind_args, limit)
                ).fetchall()
                rels = sorted(
                    (Relation.model_validate_json(r[0]) for r in rows), key=lambda r: r.id
                )
                adjacency[node_id] = rels
        return adjacency

    def data_version(self) -> str:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key='data_version'").fetchone()
        return str(row[0]) if row else "0"

    def stats(self) -> StoreStats:
        with self._lock:
            nodes = dict(self._db.execute("SELECT kind, COUNT(*) FROM nodes GROUP BY kind"))
            rels = dict(self._db.execute("SELECT kind, COUNT(*) FROM relations GROUP BY kind"))
            row = self._db.execute("SELECT value FROM meta WHERE key='data_version'").fetchone()
        return StoreStats(nodes=nodes, relations=rels, data_version=row[0] if row else "0")

    def iter_nodes(self, kind: str | None = None) -> Iterator[Node]:
        """Every node (of one kind), for index rebuilds and exports."""
        sql = "SELECT data FROM nodes" + (" WHERE kind = ?" if kind else "") + " ORDER BY id"
        with self._lock:
            cursor = self._db.execute(sql, (kind,) if kind else ())
            while rows := cursor.fetchmany(10_000):
                for (data,) in rows:
                    yield decode_node(data)

    def iter_relation_rows(self) -> Iterator[tuple[str, str, str, str, str]]:
        """(id, kind, source, target, JSON) of every relation, for exports."""
        with self._lock:
            cursor = self._db.execute(
                "SELECT id, kind, source, target, data FROM relations ORDER BY id"
            )
            while rows := cursor.fetchmany(10_000):
                yield from rows

    def iter_node_rows(self) -> Iterator[tuple[str, str, str, str]]:
        """(id, kind, name, JSON) of every node, for exports."""
        with self._lock:
            cursor = self._db.execute("SELECT id, kind, name, data FROM nodes ORDER BY id")
            while rows := cursor.fetchmany(10_000):
                yield from rows

    def iter_keys(self) -> Iterator[tuple[str, str]]:
        """(match key, node id) pairs, for exports."""
        with self._lock:
            cursor = self._db.execute("SELECT key, node_id FROM match_keys ORDER BY key, node_id")
            while rows := cursor.fetchmany(10_000):
                yield from rows

    def networkx_view(self) -> nx.MultiDiGraph:
        """The whole graph in memory, for whole-graph algorithms on one machine."""
        graph = nx.MultiDiGraph()
        with self._lock:
            for node_id, kind, name in self._db.execute("SELECT id, kind, name FROM nodes"):
                graph.add_node(node_id, kind=kind, name=name)
            for rel_id, kind, source, target in self._db.execute(
                "SELECT id, kind, source, target FROM relations"
            ):
                graph.add_edge(source, target, key=rel_id, kind=kind)
        return graph

    def close(self) -> None:
        with self._lock:
            self._db.close()
