"""Collusion signals among bidders, against the demo city's planted related and unrelated sets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graph_service.demo import generate_city
from graph_service.demo.truth import Truth, load_truth
from graph_service.model import RelationKind
from graph_service.settings import Settings
from graph_service.store.embedded import EmbeddedGraphStore
from graph_service.store.protocol import GraphStore
from loaders.pipeline import Loader
from queries.collusion import related_bidders

from graph_builder import GraphBuilder


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[EmbeddedGraphStore, Truth]]:
    root = tmp_path_factory.mktemp("collusion")
    manifest = generate_city(root / "files", 400)
    settings = Settings(data_dir=root / "data", progress=False, batch_size=1000)
    store = EmbeddedGraphStore(settings.store_path)
    Loader(store, None, settings).load_paths([f.path for f in manifest.files])
    yield store, load_truth(manifest.truth_path)
    store.close()


def _ids(store: EmbeddedGraphStore, codes: list[str]) -> list[str]:
    found = store.lookup_keys(f"uscc:{c}" for c in codes)
    return [found[f"uscc:{c}"][0] for c in codes]


def test_planted_related_sets_show_their_signals(
    city: tuple[EmbeddedGraphStore, Truth],
) -> None:
    store, truth = city
    assert truth.related_bidder_sets
    for planted in truth.related_bidder_sets:
        report = related_bidders(store, _ids(store, planted.members))
        found = {signal for pair in report.pairs for signal in pair.signals}
        assert set(planted.signals) <= found, planted
        assert report.groups == [sorted(_ids(store, planted.members))]
        assert all(pair.paths or "same_actual_controller" in pair.signals for pair in report.pairs)


def test_planted_unrelated_sets_show_nothing(city: tuple[EmbeddedGraphStore, Truth]) -> None:
    store, truth = city
    for members in truth.unrelated_bidder_sets:
        report = related_bidders(store, _ids(store, members))
        assert report.pairs == [] and report.groups == [], members


def test_signal_names_and_evidence(graph_store: GraphStore) -> None:
    (
        GraphBuilder()
        .ent("A", "甲公司")
        .ent("B", "乙公司")
        .ent("C", "丙公司")
        .person("P", "王伟")
        .rel(RelationKind.LEGAL_REPRESENTATIVE_OF, "P", "A")
        .rel(RelationKind.LEGAL_REPRESENTATIVE_OF, "P", "B")
        .rel(RelationKind.SHARES_CONTACT, "B", "C", contact="0991-1234567")
        .write(graph_store)
    )
    report = related_bidders(graph_store, ["A", "B", "C"], max_hops=2)
    signals = {(p.a.id, p.b.id): p.signals for p in report.pairs}
    assert signals[("A", "B")] == ["shared_legal_representative"]
    assert signals[("B", "C")] == ["shared_contact"]
    assert ("A", "C") not in signals  # three hops apart, beyond max_hops=2
    assert report.groups == [["A", "B", "C"]]
    path = next(p for p in report.pairs if p.a.id == "A").paths[0]
    assert [s.node or s.rel for s in path] == [
        "A", "LEGAL_REPRESENTATIVE_OF", "P", "LEGAL_REPRESENTATIVE_OF", "B",
    ]  # fmt: skip
