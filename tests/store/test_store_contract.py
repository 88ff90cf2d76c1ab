"""Behaviour every graph store must share (the parity suite for graph fetches)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from graph_service.model import (
    CreditRecord,
    Enterprise,
    Person,
    Provenance,
    RecordKind,
    Relation,
    RelationKind,
)
from graph_service.store.protocol import GraphStore, WriteBatch

NOW = datetime(2025, 1, 1, tzinfo=UTC)


def _prov(row: int, content: str = "") -> list[Provenance]:
    return [Provenance(source="test.csv", row=row, content_hash=f"h{row}{content}", loaded_at=NOW)]


def _ent(node_id: str, name: str, **fields: object) -> Enterprise:
    return Enterprise(id=node_id, name=name, provenance=_prov(1, node_id), attestations=1, **fields)  # type: ignore[arg-type]


def _rel(kind: RelationKind, source: str, target: str, **fields: object) -> Relation:
    return Relation(
        id=f"{kind}:{source}>{target}",
        kind=kind,
        source=source,
        target=target,
        provenance=_prov(2, f"{source}{target}"),
        attestations=1,
        **fields,  # type: ignore[arg-type]
    )


def _city() -> WriteBatch:
    """A small named graph.

    P1 -LEGAL_REP-> A -SHAREHOLDER(60%)-> ... ; A owns B (60%), B owns C (51%), C owns A
    (10%, a cycle); P1 is legal rep of A and D; D has a penalty R1; hub H has 5 branches.
    P2 was officer of B until 2020-12-31.
    """
    nodes = [
        _ent("A", "甲公司", uscc="91650102MA77AAA1XC"),
        _ent("B", "乙公司"),
        _ent("C", "丙公司"),
        _ent("D", "丁公司"),
        _ent("H", "总公司"),
        *[_ent(f"H{i}", f"分公司{i}", is_branch=True) for i in range(5)],
        Person(id="P1", name="王伟", id_hash="x1", provenance=_prov(3), attestations=1),
        Person(id="P2", name="李娜", id_hash="x2", provenance=_prov(4), attestations=1),
        CreditRecord(
            id="R1",
            name="乌市监罚〔2024〕1号",
            record_kind=RecordKind.PENALTY,
            decision_no="乌市监罚〔2024〕1号",
            valid_from=date(2024, 1, 1),
            valid_to=date(2025, 1, 1),
            provenance=_prov(5),
            attestations=1,
        ),
    ]
    relations = [
        _rel(RelationKind.LEGAL_REPRESENTATIVE_OF, "P1", "A"),
        _rel(RelationKind.LEGAL_REPRESENTATIVE_OF, "P1", "D"),
        _rel(RelationKind.SHAREHOLDER_OF, "A", "B", ratio=0.6),
        _rel(RelationKind.SHAREHOLDER_OF, "B", "C", ratio=0.51),
        _rel(RelationKind.SHAREHOLDER_OF, "C", "A", ratio=0.1),
        _rel(RelationKind.SUBJECT_OF, "D", "R1"),
        _rel(RelationKind.OFFICER_OF, "P2", "B", role="监事", valid_to=date(2020, 12, 31)),
        *[_rel(RelationKind.BRANCH_OF, f"H{i}", "H") for i in range(5)],
    ]
    keys = [("uscc:91650102MA77AAA1XC", "A"), ("name:甲公司", "A"), ("name:乙公司", "B")]
    return WriteBatch(nodes=nodes, relations=relations, keys=keys)


def test_upsert_reports_created_then_unchanged(graph_store: GraphStore) -> None:
    first = graph_store.upsert(_city())
    assert len(first.created) == 13 + 12 and not first.updated
    second = graph_store.upsert(_city())
    assert not second.created and not second.updated and len(second.unchanged) == 25
    stats = graph_store.stats()
    assert stats.nodes == {"CreditRecord": 1, "Enterprise": 10, "Person": 2}
    assert stats.relations["BRANCH_OF"] == 5 and sum(stats.relations.values()) == 12


def test_data_version_changes_only_with_data(graph_store: GraphStore) -> None:
    graph_store.upsert(_city())
    version = graph_store.stats().data_version
    graph_store.upsert(_city())
    assert graph_store.stats().data_version == version
    renamed = _ent("B", "乙有限公司", address="乌鲁木齐")
    renamed.provenance = _prov(9)
    graph_store.upsert(WriteBatch(nodes=[renamed]))
    assert graph_store.stats().data_version != version
    assert graph_store.data_version() == graph_store.stats().data_version


def test_merge_fills_gaps_keeps_name_and_adds_aliases(graph_store: GraphStore) -> None:
    graph_store.upsert(_city())
    incoming = _ent("B", "乙有限公司", address="乌鲁木齐", status="存续")
    incoming.provenance = _prov(9)
    result = graph_store.upsert(WriteBatch(nodes=[incoming]))
    assert result.updated == {"B"}
    node = graph_store.get_nodes(["B"])["B"]
    assert isinstance(node, Enterprise)
    assert (node.name, node.aliases, node.address) == ("乙公司", ["乙有限公司"], "乌鲁木齐")
    assert node.attestations == 2 and [p.row for p in node.provenance] == [1, 9]


def test_lookups_by_key_and_existence(graph_store: GraphStore) -> None:
    graph_store.upsert(_city())
    found = graph_store.lookup_keys(["uscc:91650102MA77AAA1XC", "name:乙公司", "name:none"])
    assert found == {"uscc:91650102MA77AAA1XC": ["A"], "name:乙公司": ["B"]}
    assert graph_store.existing(["A", "R1", "ZZ", "SHAREHOLDER_OF:A>B"]) == {
        "A",
        "R1",
        "SHAREHOLDER_OF:A>B",
    }
    assert set(graph_store.get_nodes(["A", "ZZ"])) == {"A"}


def test_neighbourhood_depth_and_direction(graph_store: GraphStore) -> None:
    graph_store.upsert(_city())
    one = graph_store.neighbourhood(["A"], 1)
    assert set(one.nodes) == {"A", "P1", "B", "C"}
    two = graph_store.neighbourhood(["A"], 2)
    assert set(two.nodes) == {"A", "P1", "B", "C", "D", "P2"}
    three = graph_store.neighbourhood(["A"], 3)
    assert "R1" in three.nodes
    assert {r.id for r in two.relations} >= {"SHAREHOLDER_OF:C>A", "LEGAL_REPRESENTATIVE_OF:P1>D"}
    assert all(r.source in two.nodes and r.target in two.nodes for r in two.relations)


def test_neighbourhood_filters_relation_kinds_and_as_of(graph_store: GraphStore) -> None:
    graph_store.upsert(_city())
    owners = graph_store.neighbourhood(["A"], 3, relation_kinds=[RelationKind.SHAREHOLDER_OF])
    assert set(owners.nodes) == {"A", "B", "C"}
    assert {r.kind for r in owners.relations} == {RelationKind.SHAREHOLDER_OF}
    before = graph_store.neighbourhood(["B"], 1, as_of=date(2020, 6, 1))
    after = graph_store.neighbourhood(["B"], 1, as_of=date(2021, 6, 1))
    assert "P2" in before.nodes and "P2" not in after.nodes


def test_neighbourhood_fanout_cap_truncates(graph_store: GraphStore) -> None:
    graph_store.upsert(_city())
    capped = graph_store.neighbourhood(["H"], 1, max_fanout=3)
    assert capped.truncated and len(capped.nodes) == 4
    assert set(capped.nodes) == {"H", "H0", "H1", "H2"}  # relations taken in id order
    full = graph_store.neighbourhood(["H"], 1, max_fanout=10)
    assert not full.truncated and len(full.nodes) == 6


def test_unknown_seed_gives_empty_subgraph(graph_store: GraphStore) -> None:
    graph_store.upsert(_city())
    empty = graph_store.neighbourhood(["nope"], 2)
    assert not empty.nodes and not empty.relations


def test_shortest_paths(graph_store: GraphStore) -> None:
    graph_store.upsert(_city())
    paths = graph_store.shortest_paths("B", "D")
    assert [p.nodes for p in paths] == [["B", "A", "P1", "D"]]
    assert [r.kind for r in paths[0].relations] == [
        RelationKind.SHAREHOLDER_OF,
        RelationKind.LEGAL_REPRESENTATIVE_OF,
        RelationKind.LEGAL_REPRESENTATIVE_OF,
    ]
    assert graph_store.shortest_paths("B", "D", max_hops=2) == []
    assert graph_store.shortest_paths("H0", "A") == []  # no connection
    owned = graph_store.shortest_paths("B", "D", relation_kinds=[RelationKind.SHAREHOLDER_OF])
    assert owned == []
    ties = graph_store.shortest_paths("H0", "H1")
    assert [p.nodes for p in ties] == [["H0", "H", "H1"]]


def test_networkx_view_of_a_subgraph(graph_store: GraphStore) -> None:
    graph_store.upsert(_city())
    graph = graph_store.neighbourhood(["A"], 3).to_networkx()
    assert graph.has_edge("C", "A") and graph.nodes["R1"]["kind"] == "CreditRecord"


def test_provenance_is_capped_and_reloads_past_the_cap_change_nothing(
    graph_store: GraphStore,
) -> None:
    from graph_service.model import MAX_PROVENANCE

    rows = [_ent("X", "某局") for _ in range(MAX_PROVENANCE + 5)]
    for row_number, node in enumerate(rows):
        node.provenance = _prov(row_number, "X")
    graph_store.upsert(WriteBatch(nodes=rows))
    node = graph_store.get_nodes(["X"])["X"]
    assert len(node.provenance) == MAX_PROVENANCE == node.attestations
    again = graph_store.upsert(WriteBatch(nodes=rows))
    assert again.unchanged == {"X"} and not again.updated
