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


def variant_options(ent: Enterprise) -> list[tuple[str, str]]:
    """(kind, spelling) pairs of the enterprise that must still resolve to it."""
    name = ent.name
    options: list[tuple[str, str]] = []
    if "（" in name:
        options.append(("bracket", name.replace("（", "(").replace("）", ")")))
    if "有限责任公司" in name:
        options.append(("legal_form", name.replace("有限责任公司", "有限公司")))
    elif "有限公司" in name and "股份有限公司" not in name:
        options.append(("legal_form", name.replace("有限公司", "有限责任公司")))
    options.extend(("status", name + note) for note in _STATUS_NOTES.get(ent.status, ()))
    options.extend(("former", former) for former in ent.former)
    return options


class Refs:
    """Chooses the (code, name) pair written for a reference and records variants.

    The first reference that can show a variant kind not yet written does so (and the very
    first variant is written without a code), so even the smallest city has every kind.
    """

    def __init__(self) -> None:
        self.variants: dict[str, tuple[str, list[str]]] = {}
        self._kinds: list[str] = []

    def company(self, ent: Enterprise, rng: random.Random) -> tuple[str, str]:
        """(USCC or "", name as written). Planted and institutional subjects stay exact."""
        if ent.planted or ent.kind not in (*Kind.CORPORATE, Kind.BRANCH, Kind.SOLE):
            return ent.uscc, ent.name
        options = variant_options(ent)
        unseen = [o for o in options if o[0] not in self._kinds]
        roll = rng.random()
        if unseen or (options and roll < _VARIANT_RATE):
            if unseen:
                kind, text = unseen[0]
            else:
                kind = rng.choice(list(dict.fromkeys(k for k, _ in options)))
                text = rng.choice([t for k, t in options if k == kind])
            first = not self._kinds
            if kind not in self._kinds:
                self._kinds.append(kind)
            self._record(ent, text)
            name_only = first or rng.random() < _NAME_ONLY_SHARE
            return ("" if name_only else ent.uscc), text
        if _VARIANT_RATE <= roll < _VARIANT_RATE + _BARE_NAME_RATE:
            return "", ent.name
        return ent.uscc, ent.name

    def _record(self, ent: Enterprise, text: str) -> None:
        seen = self.variants.setdefault(ent.uscc, (ent.name, []))[1]
        if text not in seen:
            seen.append(text)
