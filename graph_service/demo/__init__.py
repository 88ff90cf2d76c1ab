"""Synthetic 乌鲁木齐: a deterministic city of enterprises, people and credit records in the
national input formats, with a truth.json of everything planted (for tests and benchmarks).

    from graph_service.demo import generate_city, load_truth
    manifest = generate_city(Path("out"), scale=2000)
    truth = load_truth(manifest.truth_path)
"""

from __future__ import annotations

from .city import DEFAULT_SEED, CityManifest, ManifestFile, generate_city
from .constants import DEMO_AS_OF
from .layouts import LAYOUTS, FileLayout
from .truth import Truth, load_truth

__all__ = [
    "DEFAULT_SEED",
    "DEMO_AS_OF",
    "LAYOUTS",
    "CityManifest",
    "FileLayout",
    "ManifestFile",
    "Truth",
    "generate_city",
    "load_truth",
]
