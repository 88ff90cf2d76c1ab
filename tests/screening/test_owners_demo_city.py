"""Beneficial owners (股权穿透) on hand-built chains and on the demo city's planted truth."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_service.demo import generate_city
from graph_service.demo.truth import load_truth
from graph_service.identifiers import IdentityHasher
from graph_service.model import RelationKind
from graph_service.settings import Settings
from graph_service.store.embedded import EmbeddedGraphStore
from graph_service.store.protocol import GraphStore
from loaders.pipeline import Loader
from queries.owners import owners_of
from queries.subjects import find_subjects

from graph_builder import GraphBuilder

HOLDS = RelationKind.SHAREHOLDER_OF


def test_chains_multiply_add_and_cycles_terminate(graph_store: GraphStore) -> None:
    (
        GraphBuilder()
        .person("P", "王伟")
        .person("Q", "李娜")
        .ent("A", "甲公司")
        .ent("B", "乙公司")
        .ent("T", "目标公司")
        .rel(HOLDS, "P", "A", ratio=0.6)
        .rel(HOLDS, "A", "T", ratio=0.5)
        .rel(HOLDS, "P", "T", ratio=0.1)
        .rel(HOLDS, "Q", "T", ratio=0.2)
        .rel(HOLDS, "T", "B", ratio=0.5)
        .rel(HOLDS, "B", "A", ratio=0.2)  # T -> B -> A -> T: a cycle
        .write(graph_store)
    )
    report = owners_of(graph_store, "T")
    shares = {o.holder.id: (o.share, o.beneficial_owner) for o in report.owners}
    assert shares["P"] == (pytest.approx(0.4), True)  # 0.6 × 0.5 + 0.1
    assert shares["Q"] == (0.2, False)  # below 25%
    assert shares["A"][0] == 0.5 and not shares["A"][1]  # companies are never beneficial owners
    assert shares["B"][0] == pytest.approx(0.1)  # 0.2 × 0.5 through A, cycle cut at T


def test_planted_beneficial_owners_are_found(tmp_path: Path) -> None:
    manifest = generate_city(tmp_path / "files", 300)
    settings = Settings(data_dir=tmp_path / "data", progress=False, batch_size=1000)
    store = EmbeddedGraphStore(settings.store_path)
    Loader(store, None, settings).load_paths([f.path for f in manifest.files])
    hasher = IdentityHasher(settings.id_secret)
    truth = load_truth(manifest.truth_path)
    assert truth.ownership
    for planted in truth.ownership:
        subject = [c for c in find_subjects(store, planted.uscc, hasher) if c.kind == "Enterprise"]
        report = owners_of(store, subject[0].id)
        found = {o.holder.id: o.share for o in report.owners if o.beneficial_owner}
        expected = {}
        for owner in planted.beneficial_owners:
            person = find_subjects(store, owner.id_number, hasher)
            expected[person[0].id] = pytest.approx(owner.share, abs=1e-6)
        assert found == expected, planted.uscc
    store.close()
