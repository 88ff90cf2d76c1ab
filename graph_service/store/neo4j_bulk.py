"""Bulk path for first loads into Neo4j.

Entity resolution needs lookups row by row, which is what the embedded store is good at;
writing a resolved graph into an empty Neo4j needs no reads at all. So a large first load
goes: ``creditgraph load`` (embedded) → ``export_admin_csv`` → either Neo4j's own offline
importer (``neo4j-admin database import full``, fastest, server stopped) or
``bulk_create`` (UNWIND … CREATE in large batches over Bolt, server running).

The CSV layout is the one ``neo4j-admin database import`` reads: ``:ID``/``:LABEL`` headers
for nodes, ``:START_ID``/``:END_ID``/``:TYPE`` for relationships.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from graph_service.errors import InputError
from graph_service.model import NodeKind, RelationKind
from graph_service.store.embedded import EmbeddedGraphStore
from graph_service.store.neo4j_store import Neo4jGraphStore

NODES_FILE = "nodes.csv"
RELATIONSHIPS_FILE = "relationships.csv"
KEYS_FILE = "match_keys.csv"
NODE_HEADER = ["id:ID(Node)", ":LABEL", "kind", "name", "data"]
REL_HEADER = [":START_ID(Node)", ":END_ID(Node)", ":TYPE", "id", "data", "valid_from", "valid_to"]
KEY_HEADER = ["pair:ID(MatchKey)", ":LABEL", "key", "node_id"]

csv.field_size_limit(sys.maxsize)


@dataclass
class BulkCounts:
    nodes: int = 0
    relationships: int = 0
    keys: int = 0


def admin_import_command(folder: Path, database: str = "neo4j") -> str:
    """The neo4j-admin command that imports an exported folder (server stopped)."""
    return (
        f"neo4j-admin database import full {database} --overwrite-destination "
        f"--nodes={folder / NODES_FILE} --nodes={folder / KEYS_FILE} "
        f"--relationships={folder / RELATIONSHIPS_FILE} --multiline-fields=true"
    )


def export_admin_csv(store: EmbeddedGraphStore, folder: Path) -> BulkCounts:
    """Write the whole embedded graph in neo4j-admin import layout."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = BulkCounts()
    with (folder / NODES_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(NODE_HEADER)
        for node_id, kind, name, data in store.iter_node_rows():
            writer.writerow([node_id, f"Node;{kind}", kind, name, data])
            counts.nodes += 1
    with (folder / RELATIONSHIPS_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(REL_HEADER)
        for rel_id, kind, source, target, data in store.iter_relation_rows():
            valid = _valid_range(data)
            writer.writerow([source, target, kind, rel_id, data, *valid])
            counts.relationships += 1
    with (folder / KEYS_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(KEY_HEADER)
        for key, node_id in store.iter_keys():
            writer.writerow([f"{key}\u0000{node_id}", "MatchKey", key, node_id])
            counts.keys += 1
    (folder / "IMPORT.txt").write_text(admin_import_command(folder) + "\n", encoding="utf-8")
    return counts


def _valid_range(data: str) -> tuple[str, str]:
    from graph_service.model import Relation

    rel = Relation.model_validate_json(data)
    return (
        rel.valid_from.isoformat() if rel.valid_from else "",
        rel.valid_to.isoformat() if rel.valid_to else "",
    )


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def bulk_create(store: Neo4jGraphStore, folder: Path, batch: int = 5000) -> BulkCounts:
    """Create an exported graph in an *empty* Neo4j with large CREATE batches (no reads)."""
    if any(store.stats().nodes.values()):
        raise InputError("bulk_create needs an empty Neo4j database; wipe it or use load")
    counts = BulkCounts()
    nodes = _rows(folder / NODES_FILE)
    while chunk := list(islice(nodes, batch)):
        by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in chunk:
            by_kind[row["kind"]].append(
                {"id": row["id:ID(Node)"], "name": row["name"], "data": row["data"]}
            )
        for kind, rows in by_kind.items():
            label = NodeKind(kind).value  # from the model's enum, never from the file
            store.run_write(
                f"UNWIND $rows AS row CREATE (n:Node:{label} {{id: row.id, kind: $kind, "
                "name: row.name, data: row.data})",
                rows=rows,
                kind=label,
            )
        counts.nodes += len(chunk)
    relationships = _rows(folder / RELATIONSHIPS_FILE)
    while chunk := list(islice(relationships, batch)):
        rels_by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in chunk:
            rels_by_kind[row[":TYPE"]].append(
                {
                    "source": row[":START_ID(Node)"],
                    "target": row[":END_ID(Node)"],
                    "id": row["id"],
                    "data": row["data"],
                    "valid_from": row["valid_from"] or None,
                    "valid_to": row["valid_to"] or None,
                }
            )
        for kind, rows in rels_by_kind.items():
            rel_type = RelationKind(kind).value
            store.run_write(
                "UNWIND $rows AS row MATCH (a:Node {id: row.source}) "
                "MATCH (b:Node {id: row.target}) "
                f"CREATE (a)-[:{rel_type} {{id: row.id, data: row.data, "
                "valid_from: row.valid_from, valid_to: row.valid_to}]->(b)",
                rows=rows,
            )
        counts.relationships += len(chunk)
    keys = _rows(folder / KEYS_FILE)
    while chunk := list(islice(keys, batch)):
        store.run_write(
            "UNWIND $rows AS row CREATE (:MatchKey {pair: row.pair, key: row.key, "
            "node_id: row.node_id})",
            rows=[
                {"pair": r["pair:ID(MatchKey)"], "key": r["key"], "node_id": r["node_id"]}
                for r in chunk
            ],
        )
        counts.keys += len(chunk)
    store.run_write("MERGE (m:Meta {id: 'meta'}) SET m.version = coalesce(m.version, 0) + 1")
    return counts
