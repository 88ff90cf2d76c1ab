"""Screening the synthetic city against the ground truth it planted (DEMO_AS_OF)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from graph_service.demo import DEMO_AS_OF, generate_city
from graph_service.demo.truth import Truth, load_truth
from graph_service.identifiers import IdentityHasher
from graph_service.settings import Settings
from graph_service.store.embedded import EmbeddedGraphStore
from loaders.pipeline import Loader
from queries.rules.loader import load_catalogue
from queries.rules.schema import Domain
from queries.screening.service import screen_subject

CATALOGUE = load_catalogue()
PROCUREMENT = Domain.GOVERNMENT_PROCUREMENT


@dataclass
class City:
    store: EmbeddedGraphStore
    truth: Truth
    hasher: IdentityHasher


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[City]:
    root = tmp_path_factory.mktemp("screen-city")
    manifest = generate_city(root / "files", 600)
    settings = Settings(data_dir=root / "data", progress=False, batch_size=1000)
    store = EmbeddedGraphStore(settings.store_path)
    Loader(store, None, settings).load_paths([f.path for f in manifest.files])
    yield City(store, load_truth(manifest.truth_path), IdentityHasher(settings.id_secret))
    store.close()


def _verdict(city: City, subject: str, domain: Domain = PROCUREMENT) -> str:
    return screen_subject(city.store, city.hasher, CATALOGUE, subject, domain, DEMO_AS_OF).verdict


def test_every_planted_restricted_subject_is_restricted(city: City) -> None:
    assert city.truth.restricted_subjects
    for item in city.truth.restricted_subjects:
        verdict = screen_subject(
            city.store, city.hasher, CATALOGUE, item.uscc, PROCUREMENT, DEMO_AS_OF
        )
        assert verdict.verdict == "restricted", item
        kinds = {f.record.kind for f in verdict.findings if f.level == "restricted"}
        assert kinds & {"dishonest_debtor", "list_entry"}


def test_enterprises_led_by_a_restricted_person_get_a_warning(city: City) -> None:
    restricted = {item.uscc for item in city.truth.restricted_subjects}
    for item in city.truth.key_person_restricted:
        if item.uscc in restricted:
            continue
        verdict = screen_subject(
            city.store, city.hasher, CATALOGUE, item.uscc, PROCUREMENT, DEMO_AS_OF
        )
        assert verdict.verdict == "warning", item
        persons = {step.node for f in verdict.findings if f.level == "warning" for step in f.path}
        assert any(node and node.startswith("P-") for node in persons)


def test_inactive_records_do_not_restrict_their_holders(city: City) -> None:
    restricted = {item.uscc for item in city.truth.restricted_subjects}
    checked = 0
    for record in city.truth.active_records:
        if record.active_on_as_of or not record.subject_uscc or record.subject_uscc in restricted:
            continue
        if record.kind not in ("dishonest_debtor", "list_entry"):
            continue
        verdict = screen_subject(
            city.store, city.hasher, CATALOGUE, record.subject_uscc, PROCUREMENT, DEMO_AS_OF
        )
        assert verdict.verdict != "restricted", record
        assert record.decision_no in {r.decision_no for r in verdict.inactive_records}
        checked += 1
    assert checked > 0


def test_unrelated_bidders_are_not_restricted(city: City) -> None:
    for members in city.truth.unrelated_bidder_sets:
        for uscc in members:
            assert _verdict(city, uscc) in {"clear", "info"}, uscc
