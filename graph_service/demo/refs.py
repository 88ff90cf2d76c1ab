"""How other files refer to an enterprise: mostly code + registered name, sometimes a variant
spelling and sometimes the name alone, as department systems really do.

Every variant written is remembered for truth.json ("name_variants").
"""

from __future__ import annotations

import random

from .model import Enterprise, Kind

__all__ = ["Refs", "variant_options"]

_VARIANT_RATE = 0.03
_NAME_ONLY_SHARE = 0.35
_BARE_NAME_RATE = 0.01
_STATUS_NOTES = {"注销": ("（已注销）", "(已注销)"), "吊销": ("（吊销）",), "迁出": ("（已迁出）",)}


def variant_options(ent: Enterprise) -> list[str]:
    """Spellings of the enterprise that must still resolve to it."""
    name = ent.name
    options: list[str] = []
    if "（" in name:
        options.append(name.replace("（", "(").replace("）", ")"))
    if "有限责任公司" in name:
        options.append(name.replace("有限责任公司", "有限公司"))
    elif "有限公司" in name and "股份有限公司" not in name:
        options.append(name.replace("有限公司", "有限责任公司"))
    options.extend(name + note for note in _STATUS_NOTES.get(ent.status, ()))
    options.extend(ent.former)
    return options


class Refs:
    """Chooses the (code, name) pair written for a reference and records variants."""

    def __init__(self) -> None:
        self.variants: dict[str, tuple[str, list[str]]] = {}

    def company(self, ent: Enterprise, rng: random.Random) -> tuple[str, str]:
        """(USCC or "", name as written). Planted and institutional subjects stay exact."""
        if ent.planted or ent.kind not in (*Kind.CORPORATE, Kind.BRANCH, Kind.SOLE):
            return ent.uscc, ent.name
        roll = rng.random()
        if roll < _VARIANT_RATE:
            options = variant_options(ent)
            if options:
                text = rng.choice(options)
                self._record(ent, text)
                code = "" if rng.random() < _NAME_ONLY_SHARE else ent.uscc
                return code, text
        elif roll < _VARIANT_RATE + _BARE_NAME_RATE:
            return "", ent.name
        return ent.uscc, ent.name

    def _record(self, ent: Enterprise, text: str) -> None:
        canonical, seen = self.variants.setdefault(ent.uscc, (ent.name, []))
        if text not in seen:
            seen.append(text)
