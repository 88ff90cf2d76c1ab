"""The synthetic city through the real loaders, checked against the ground truth it planted."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph_service.demo import generate_city
from graph_service.demo.truth import load_truth
from graph_service.identifiers import IdentityHasher
from graph_service.model import Enterprise, Person, RelationKind
from graph_service.settings import Settings
from graph_service.store.embedded import EmbeddedGraphStore
from loaders.pipeline import Loader
from loaders.summary import LoadSummary
from queries.subjects import find_subjects
from search.tantivy_index import TantivySearchIndex

SCALE = 400


@dataclass
class City:
    settings: Settings
    store: EmbeddedGraphStore
    summary: LoadSummary
    truth: object
    hasher: IdentityHasher
    files: list[Path]


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[City]:
    root = tmp_path_factory.mktemp("city")
    manifest = generate_city(root / "files", SCALE)
    settings = Settings(data_dir=root / "data", progress=False, batch_size=500)
    store = EmbeddedGraphStore(settings.store_path)
    index = TantivySearchIndex(settings.index_path)
    files = [f.path for f in manifest.files]
    summary = Loader(store, index, settings).load_paths(files)
    index.close()
    yield City(
        settings,
        store,
        summary,
        load_truth(manifest.truth_path),
        IdentityHasher(settings.id_secret),
        files,
    )
    store.close()


def _enterprise(city: City, uscc: str) -> Enterprise:
    """The one enterprise with this code (pilot codes are found by look-up, not merge keys)."""
    found = [c.id for c in find_subjects(city.store, uscc, city.hasher) if c.kind == "Enterprise"]
    assert len(found) == 1, uscc
    node = city.store.get_nodes(found)[found[0]]
    assert isinstance(node, Enterprise)
    return node


def test_counts_balance_and_match_the_planted_city(city: City) -> None:
    summary, truth = city.summary, city.truth
    assert summary.read == summary.loaded + summary.merged + sum(summary.quarantined.values())
    stats = city.store.stats()
    assert stats.nodes["Enterprise"] == truth.enterprise_count  # type: ignore[attr-defined]
    assert stats.nodes["Person"] == truth.person_count  # type: ignore[attr-defined]
    assert not [f for f in summary.files if f.error]


def test_every_planted_dirty_row_is_quarantined_with_its_reason(city: City) -> None:
    planted = Counter((d.file, d.row, d.reason) for d in city.truth.dirty_rows)  # type: ignore[attr-defined]
    found: Counter[tuple[str, int, str]] = Counter()
    for path in city.settings.quarantine_dir.glob("*.jsonl"):
        source = path.name.rsplit("-", 1)[0]
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            name = next(f.name for f in city.files if f.stem == source)
            found[(name, entry["row"], entry["reason"])] += 1
    assert found == planted


def test_exact_duplicates_merge(city: City) -> None:
    duplicates = len(city.truth.exact_duplicates)  # type: ignore[attr-defined]
    assert duplicates > 0 and city.summary.merged >= duplicates


def test_name_variants_and_former_names_resolve_to_the_registered_enterprise(city: City) -> None:
    for item in city.truth.name_variants:  # type: ignore[attr-defined]
        for variant in item.variants:
            ids = [c.id for c in find_subjects(city.store, variant, city.hasher)]
            assert _enterprise(city, item.uscc).id in ids, variant
    for item in city.truth.former_names:  # type: ignore[attr-defined]
        node = _enterprise(city, item.uscc)
        assert set(item.former) <= {node.name, *node.aliases}


def test_pilot_codes_are_kept_not_merged(city: City) -> None:
    for code in city.truth.pilot_codes:  # type: ignore[attr-defined]
        nodes = [c for c in find_subjects(city.store, code, city.hasher) if c.kind == "Enterprise"]
        assert len(nodes) == 1 and nodes[0].uscc == code
        assert city.store.lookup_keys([f"uscc:{code}"]) == {}  # never a merge key
    assert city.summary.warnings["uscc_check_digit"] >= len(city.truth.pilot_codes)  # type: ignore[attr-defined]


def test_same_name_persons_stay_apart_and_interpunct_spellings_join(city: City) -> None:
    for item in city.truth.same_name_persons:  # type: ignore[attr-defined]
        ids = {
            c.id
            for number in item.id_numbers
            for c in find_subjects(city.store, number, city.hasher)
        }
        assert len(ids) == len(item.id_numbers), item.name
    for item in city.truth.interpunct_persons:  # type: ignore[attr-defined]
        found = find_subjects(city.store, item.id_number, city.hasher)
        assert len(found) == 1
        person = city.store.get_nodes([found[0].id])[found[0].id]
        assert isinstance(person, Person)
        for spelling in item.spellings:
            assert found[0].id in {c.id for c in find_subjects(city.store, spelling, city.hasher)}


def test_multi_firm_professionals_are_one_person_at_several_firms(city: City) -> None:
    for item in city.truth.multi_firm_professionals:  # type: ignore[attr-defined]
        person = find_subjects(city.store, item.id_number, city.hasher)
        assert len(person) == 1
        around = city.store.neighbourhood(
            [person[0].id], 2, relation_kinds=[RelationKind.HOLDS, RelationKind.REGISTERED_AT]
        )
        firms = {n.uscc for n in around.nodes.values() if isinstance(n, Enterprise)}
        assert set(item.firms) <= firms


def test_reload_of_the_city_changes_nothing(city: City, tmp_path: Path) -> None:
    before = city.store.stats()
    index = TantivySearchIndex(city.settings.index_path)
    again = Loader(city.store, index, city.settings).load_paths(city.files)
    index.close()
    assert again.loaded == 0 and city.store.stats() == before
