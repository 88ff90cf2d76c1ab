"""Administrative penalty themes: authority, 违法行为, 违法事实 template, basis and outcomes.

The Chinese texts live in penalty_themes.json beside this module (texts are data, and long
lines of legal prose do not belong in code). Themes are chosen by the subject's sector, so
builders get construction penalties and restaurants food-safety ones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["Outcome", "Theme", "named_theme", "person_themes", "sector_themes"]

_DATA = Path(__file__).with_suffix(".json")  # package data: penalty_themes.json

Outcome = tuple[tuple[str, ...], float, float]  # (处罚类别..., fine low, fine high in 万元)


@dataclass(frozen=True)
class Theme:
    """One kind of violation. `authority` is an Authorities key, or "samr_district" for the
    subject's district bureau; `field` marks 消防/安全生产 (one-year minimum publication)."""

    authority: str
    doc: str
    act: str
    facts: str
    basis: str
    outcomes: tuple[Outcome, ...]
    licence: str
    items: tuple[str, ...]
    field: str | None


def _theme(raw: dict[str, Any]) -> Theme:
    outcomes = tuple(
        (tuple(o["categories"]), float(o["fine"][0]), float(o["fine"][1])) for o in raw["outcomes"]
    )
    return Theme(
        authority=raw["authority"],
        doc=raw["doc"],
        act=raw["act"],
        facts=raw["facts"],
        basis=raw["basis"],
        outcomes=outcomes,
        licence=raw["licence"],
        items=tuple(raw["items"]),
        field=raw["field"],
    )


@cache
def _load() -> tuple[dict[str, Theme], dict[str, tuple[Theme, ...]], tuple[Theme, ...]]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    themes = {key: _theme(raw) for key, raw in data["themes"].items()}
    sectors = {s: tuple(themes[k] for k in keys) for s, keys in data["sectors"].items()}
    return themes, sectors, tuple(themes[k] for k in data["person"])


def named_theme(key: str) -> Theme:
    """One theme by its key in the data file (e.g. "air", "fire_equipment")."""
    return _load()[0][key]


def sector_themes(sector: str) -> tuple[Theme, ...]:
    """Themes that fit an enterprise of the sector (trade themes for unknown sectors)."""
    sectors = _load()[1]
    return sectors.get(sector, sectors["trade"])


def person_themes() -> tuple[Theme, ...]:
    """Themes for natural persons (illegal transport, unlicensed practice, guides, fire)."""
    return _load()[2]
