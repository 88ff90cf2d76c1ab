"""What the parity fixture hands each test: a backend pair with the mini city loaded."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graph_service.settings import Settings
from graph_service.store.protocol import GraphStore
from loaders.pipeline import Loader
from loaders.summary import LoadSummary
from search.protocol import SearchIndex


@dataclass
class Loaded:
    backend: str
    settings: Settings
    store: GraphStore
    index: SearchIndex
    loader: Loader
    files: list[Path]
    summary: LoadSummary
