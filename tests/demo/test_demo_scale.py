"""Generation is fast and works from the smallest supported city up."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from graph_service.demo import generate_city, load_truth


def test_scale_2000_is_fast(tmp_path: Path) -> None:
    start = time.perf_counter()
    manifest = generate_city(tmp_path, 2000)
    elapsed = time.perf_counter() - start
    assert elapsed < 10, f"scale 2000 took {elapsed:.1f}s"
    assert sum(f.rows for f in manifest.files) > 2000 * 5


def test_smallest_city_has_every_structure(tmp_path: Path) -> None:
    truth = load_truth(generate_city(tmp_path, 200).truth_path)
    assert truth.enterprise_count == 200
    for field in (
        "name_variants",
        "former_names",
        "same_name_persons",
        "interpunct_persons",
        "pilot_codes",
        "ownership",
        "ownership_cycles",
        "related_bidder_sets",
        "unrelated_bidder_sets",
        "restricted_subjects",
        "key_person_restricted",
        "tax_responsible_persons",
        "multi_firm_professionals",
    ):
        assert getattr(truth, field), field


def test_too_small_city_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least"):
        generate_city(tmp_path, 50)
