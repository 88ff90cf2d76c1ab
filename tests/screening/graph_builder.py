"""Small named graphs for screening scenarios, written straight through the store protocol."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from graph_service.model import (
    CreditRecord,
    Enterprise,
    ListType,
    Person,
    Provenance,
    RecordKind,
    Relation,
    RelationKind,
)
from graph_service.store.protocol import GraphStore, WriteBatch

LOADED = datetime(2025, 1, 1, tzinfo=UTC)


class GraphBuilder:
    """Collects nodes, relations and match keys; ``write`` upserts them in one batch."""

    def __init__(self) -> None:
        self.batch = WriteBatch()
        self._row = 0

    def _prov(self) -> dict[str, Any]:
        self._row += 1
        provenance = Provenance(
            source="scenario.csv", row=self._row, content_hash=f"h{self._row}", loaded_at=LOADED
        )
        return {"provenance": [provenance], "attestations": 1, "recorded_at": LOADED}

    def ent(self, node_id: str, name: str, uscc: str | None = None) -> GraphBuilder:
        self.batch.nodes.append(
            Enterprise(id=node_id, name=name, uscc=uscc, uscc_valid=bool(uscc), **self._prov())
        )
        self.batch.keys.append((f"name:{name}", node_id))
        if uscc:
            self.batch.keys.append((f"uscc:{uscc}", node_id))
        return self

    def person(self, node_id: str, name: str) -> GraphBuilder:
        self.batch.nodes.append(Person(id=node_id, name=name, id_hash=node_id, **self._prov()))
        self.batch.keys.append((f"pn:{name}", node_id))
        return self

    def rel(self, kind: RelationKind, source: str, target: str, **fields: Any) -> GraphBuilder:
        rel_id = f"{kind}:{source}>{target}" + (f":{fields['role']}" if "role" in fields else "")
        self.batch.relations.append(
            Relation(id=rel_id, kind=kind, source=source, target=target, **fields, **self._prov())
        )
        return self

    def record(
        self,
        record_id: str,
        holder: str,
        kind: RecordKind,
        start: date,
        end: date | None = None,
        *,
        list_type: ListType | None = None,
        decision_no: str | None = None,
        recorded_at: datetime | None = None,
        **fields: Any,
    ) -> GraphBuilder:
        stamp = self._prov()
        if recorded_at is not None:
            stamp["recorded_at"] = recorded_at
        self.batch.nodes.append(
            CreditRecord(
                id=record_id,
                name=decision_no or record_id,
                record_kind=kind,
                list_type=list_type,
                decision_no=decision_no or record_id,
                valid_from=start,
                valid_to=end,
                **fields,
                **stamp,
            )
        )
        return self.rel(RelationKind.SUBJECT_OF, holder, record_id)

    def repair(self, holder: str, original: str, on: date, kind: str = "信用修复") -> GraphBuilder:
        return self.record(
            f"repair-{original}",
            holder,
            RecordKind.REPAIR,
            on,
            repairs_decision_no=original,
            repair_type=kind,
        )

    def write(self, store: GraphStore) -> GraphStore:
        store.upsert(self.batch)
        return store
