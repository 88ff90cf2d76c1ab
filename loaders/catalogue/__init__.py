"""The input-kind catalogue: which columns each national format has, as data."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, Field

CATALOGUE_PATH = Path(__file__).with_name("kinds.yaml")


class KindSpec(BaseModel):
    """One input kind: its canonical fields with accepted headers, and what it requires."""

    label: str
    required: list[str]
    required_any: list[list[str]] = Field(default_factory=list)
    signature: list[str] = Field(default_factory=list)
    fields: dict[str, list[str]]


class Catalogue(BaseModel):
    version: str
    kinds: dict[str, KindSpec]


@lru_cache(maxsize=1)
def load_catalogue(path: Path = CATALOGUE_PATH) -> Catalogue:
    """Read and validate the catalogue once; a bad file fails loudly at start-up."""
    with path.open(encoding="utf-8") as handle:
        catalogue = Catalogue.model_validate(yaml.safe_load(handle))
    for name, spec in catalogue.kinds.items():
        needed = set(spec.required) | set(spec.signature)
        needed |= {field for group in spec.required_any for field in group}
        unknown = needed - set(spec.fields)
        if unknown:
            raise ValueError(f"kind {name!r} names fields it does not define: {sorted(unknown)}")
    return catalogue
