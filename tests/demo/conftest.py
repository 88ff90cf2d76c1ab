"""Generated cities shared by the demo tests (generation is fast; each runs once).

CREDITGRAPH_DEMO_SCALE / CREDITGRAPH_DEMO_SEED (see demo_files) run the consistency tests on
another city.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from demo_files import SCALE, SEED

from graph_service.demo import CityManifest, Truth, generate_city, load_truth


@pytest.fixture(scope="session")
def city(tmp_path_factory: pytest.TempPathFactory) -> CityManifest:
    """A city of 2000 enterprises: big enough for every planted structure several times."""
    return generate_city(tmp_path_factory.mktemp("city"), SCALE, SEED)


@pytest.fixture(scope="session")
def truth(city: CityManifest) -> Truth:
    return load_truth(city.truth_path)


@pytest.fixture(scope="session")
def out_dir(city: CityManifest) -> Path:
    return city.out_dir
