"""The Neo4j graph store: the same protocol as the embedded store, on a Neo4j server.

Layout: every node carries the label ``Node`` plus its kind label (``Enterprise``…), with
``id``, ``kind``, ``name`` and ``data`` (the model as JSON, the exact source for parity);
relations carry their kind as type with ``id``, ``data``, ``valid_from``, ``valid_to``.
Match keys are ``MatchKey`` nodes (``key``, ``node_id``). Labels and relationship types in
query text come only from the model's enums, never from input; every value is a parameter.

Writes go through managed transactions (``execute_write``), which the driver retries on
transient errors; each batch reads the stored elements, merges them with the same
``model.merge`` as the embedded store, and writes back only what changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j.exceptions import ServiceUnavailable

from graph_service.errors import BackendError
from graph_service.model import Node, NodeKind, Relation, RelationKind
from graph_service.settings import Settings
from graph_service.store.batch_merge import merge_into
from graph_service.store.codec import decode_node, encode
from graph_service.store.protocol import (
    StoreStats,
    UpsertResult,
    WriteBatch,
)
from graph_service.store.traversal import Traversals

_SCHEMA = [
    "CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT match_key IF NOT EXISTS FOR (k:MatchKey) REQUIRE k.pair IS UNIQUE",
    "CREATE INDEX match_key_key IF NOT EXISTS FOR (k:MatchKey) ON (k.key)",
    "CREATE INDEX node_name IF NOT EXISTS FOR (n:Node) ON (n.name)",
] + [
    f"CREATE INDEX rel_{kind.value.lower()} IF NOT EXISTS FOR ()-[r:{kind.value}]-() ON (r.id)"
    for kind in RelationKind
]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _relation_kind_of(rel_id: str) -> RelationKind | None:
    """Relation ids start with their kind (loaders.pipeline.relation_id)."""
    prefix = rel_id.split(":", 1)[0]
    return RelationKind(prefix) if prefix in RelationKind.__members__ else None


class Neo4jGraphStore(Traversals):
    """A GraphStore on Neo4j 5+ through the official driver (pooled, thread-safe)."""

    def __init__(self, driver: Driver, database: str = "neo4j") -> None:
        self._driver = driver
        self._database = database
        try:
            driver.verify_connectivity()
        except (ServiceUnavailable, OSError) as error:
            raise BackendError(f"Neo4j is unreachable: {error}") from error
        for statement in _SCHEMA:
            self._driver.execute_query(statement, database_=database)

    @classmethod
    def from_settings(cls, settings: Settings) -> Neo4jGraphStore:
        driver = GraphDatabase.driver(
            settings.neo4j_uri,
            auth=(settings.neo4j_user, settings.neo4j_password),
            max_connection_pool_size=20,
        )
        return cls(driver, settings.neo4j_database)

    # -- writes -------------------------------------------------------------------------

    def upsert(self, batch: WriteBatch) -> UpsertResult:
        with self._driver.session(database=self._database) as session:
            result: UpsertResult = session.execute_write(self._upsert_tx, batch)
        return result

    def _upsert_tx(self, tx: ManagedTransaction, batch: WriteBatch) -> UpsertResult:
        result = UpsertResult()
        stored_nodes = _read_nodes(tx, [n.id for n in batch.nodes])
        changed_nodes = merge_into(stored_nodes, batch.nodes, result)
        by_kind: dict[NodeKind, list[dict[str, Any]]] = defaultdict(list)
        for node in changed_nodes.values():
            by_kind[node.kind].append({"id": node.id, "name": node.name, "data": encode(node)})
        for kind, rows in by_kind.items():
            tx.run(
                f"UNWIND $rows AS row MERGE (n:Node {{id: row.id}}) SET n:{kind.value}, "
                "n.kind = $kind, n.name = row.name, n.data = row.data",
                rows=rows,
                kind=kind.value,
            ).consume()
        stored_rels = _read_relations(tx, [(r.kind, r.id) for r in batch.relations])
        changed_rels = merge_into(stored_rels, batch.relations, result)
        rels_by_kind: dict[RelationKind, list[dict[str, Any]]] = defaultdict(list)
        for rel in changed_rels.values():
            rels_by_kind[rel.kind].append(
                {
                    "id": rel.id,
                    "source": rel.source,
                    "target": rel.target,
                    "data": encode(rel),
                    "valid_from": _iso(rel.valid_from),
                    "valid_to": _iso(rel.valid_to),
                }
            )
        for rel_kind, rows in rels_by_kind.items():
            tx.run(
                "UNWIND $rows AS row MATCH (a:Node {id: row.source}) "
                "MATCH (b:Node {id: row.target}) "
                f"MERGE (a)-[r:{rel_kind.value} {{id: row.id}}]->(b) "
                "SET r.data = row.data, r.valid_from = row.valid_from, "
                "r.valid_to = row.valid_to",
                rows=rows,
            ).consume()
        if batch.keys:
            tx.run(
                "UNWIND $keys AS k MERGE (m:MatchKey {pair: k[0] + '\\u0000' + k[1]}) "
                "ON CREATE SET m.key = k[0], m.node_id = k[1]",
                keys=[list(k) for k in dict.fromkeys(batch.keys)],
            ).consume()
        if changed_nodes or changed_rels:
            tx.run(
                "MERGE (m:Meta {id: 'meta'}) SET m.version = coalesce(m.version, 0) + 1"
            ).consume()
        result.nodes = {n.id: stored_nodes[n.id] for n in batch.nodes}
        return result

    # -- reads --------------------------------------------------------------------------

    def _read(self, query: str, **params: Any) -> list[Any]:
        records, _, _ = self._driver.execute_query(
            query, params, database_=self._database, routing_="r"
        )
        return list(records)

    def lookup_keys(self, keys: Iterable[str]) -> dict[str, list[str]]:
        wanted = list(dict.fromkeys(keys))
        found: dict[str, list[str]] = {}
        if not wanted:
            return found
        for record in self._read(
            "UNWIND $keys AS key MATCH (m:MatchKey {key: key}) "
            "RETURN m.key AS key, m.node_id AS node_id ORDER BY key, node_id",
            keys=wanted,
        ):
            found.setdefault(record["key"], []).append(record["node_id"])
        return found

    def existing(self, ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(ids))
        present = {
            r["id"]
            for r in self._read(
                "UNWIND $ids AS x MATCH (n:Node {id: x}) RETURN n.id AS id", ids=wanted
            )
        }
        by_kind: dict[RelationKind, list[str]] = defaultdict(list)
        for rel_id in wanted:
            kind = _relation_kind_of(rel_id)
            if kind is not None and rel_id not in present:
                by_kind[kind].append(rel_id)
        for kind, rel_ids in by_kind.items():
            present.update(
                r["id"]
                for r in self._read(
                    f"UNWIND $ids AS x MATCH ()-[r:{kind.value} {{id: x}}]->() RETURN r.id AS id",
                    ids=rel_ids,
                )
            )
        return present

    def get_nodes(self, ids: Iterable[str]) -> dict[str, Node]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        rows = self._read(
            "UNWIND $ids AS x MATCH (n:Node {id: x}) RETURN n.data AS data", ids=wanted
        )
        nodes = (decode_node(r["data"]) for r in rows)
        return {n.id: n for n in nodes}

    def _edges_of(
        self, node_ids: Sequence[str], limit: int, kinds: Sequence[RelationKind] | None
    ) -> dict[str, list[Relation]]:
        """Relations touching each node, in id order, at most ``limit`` per direction."""
        types = "|".join(k.value for k in kinds) if kinds is not None else ""
        if kinds is not None and not types:
            return {node_id: [] for node_id in node_ids}
        pattern = f"[r:{types}]" if types else "[r]"
        rows = self._read(
            "UNWIND $ids AS x MATCH (n:Node {id: x}) "
            f"CALL (n) {{ MATCH (n)-{pattern}->() RETURN r ORDER BY r.id LIMIT $limit "
            f"UNION MATCH (n)<-{pattern}-() RETURN r ORDER BY r.id LIMIT $limit }} "
            "RETURN x AS id, r.data AS data",
            ids=list(node_ids),
            limit=limit,
        )
        adjacency: dict[str, list[Relation]] = {node_id: [] for node_id in node_ids}
        for row in rows:
            adjacency[row["id"]].append(Relation.model_validate_json(row["data"]))
        for rels in adjacency.values():
            rels.sort(key=lambda r: r.id)
        return adjacency

    def data_version(self) -> str:
        meta = self._read("MATCH (m:Meta {id: 'meta'}) RETURN m.version AS version")
        return str(meta[0]["version"]) if meta else "0"

    def stats(self) -> StoreStats:
        nodes = {
            r["kind"]: r["count"]
            for r in self._read("MATCH (n:Node) RETURN n.kind AS kind, count(*) AS count")
        }
        rels: dict[str, int] = {}
        for kind in RelationKind:
            count = self._read(f"MATCH ()-[r:{kind.value}]->() RETURN count(r) AS count")
            if count and count[0]["count"]:
                rels[kind.value] = count[0]["count"]
        meta = self._read("MATCH (m:Meta {id: 'meta'}) RETURN m.version AS version")
        version = str(meta[0]["version"]) if meta else "0"
        return StoreStats(nodes=nodes, relations=rels, data_version=version)

    def run_write(self, query: str, **params: Any) -> None:
        """One write query in a managed (retried) transaction; for the bulk path."""
        with self._driver.session(database=self._database) as session:
            session.execute_write(lambda tx: tx.run(query, params).consume())

    def wipe(self) -> None:
        """Delete everything (tests and rebuilds), in batches to bound memory."""
        with self._driver.session(database=self._database) as session:
            # CALL … IN TRANSACTIONS needs an auto-commit transaction (session.run).
            # Relationships first: a hub (an authority with thousands of records) deleted
            # with DETACH in one batch would overflow the transaction memory pool.
            session.run(
                "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS"
            ).consume()
            session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS").consume()

    def close(self) -> None:
        self._driver.close()


def _read_nodes(tx: ManagedTransaction, ids: list[str]) -> dict[str, Node]:
    if not ids:
        return {}
    rows = tx.run(
        "UNWIND $ids AS x MATCH (n:Node {id: x}) RETURN n.data AS data",
        ids=list(dict.fromkeys(ids)),
    )
    nodes = [decode_node(r["data"]) for r in rows]
    return {n.id: n for n in nodes}


def _read_relations(
    tx: ManagedTransaction, wanted: list[tuple[RelationKind, str]]
) -> dict[str, Relation]:
    by_kind: dict[RelationKind, list[str]] = defaultdict(list)
    for kind, rel_id in dict.fromkeys(wanted):
        by_kind[kind].append(rel_id)
    found: dict[str, Relation] = {}
    for kind, ids in by_kind.items():
        rows = tx.run(
            f"UNWIND $ids AS x MATCH ()-[r:{kind.value} {{id: x}}]->() RETURN r.data AS data",
            ids=ids,
        )
        for row in rows:
            rel = Relation.model_validate_json(row["data"])
            found[rel.id] = rel
    return found
