"""The city being generated: shared allocators plus what later files must agree on."""

from __future__ import annotations

from dataclasses import dataclass, field

from .authorities import Authorities
from .codes import CodeAllocator
from .contacts import Contacts
from .model import Enterprise
from .naming import NameBook
from .numbering import Numbering
from .people import People
from .util import sub_rng

__all__ = ["Planted", "World"]


@dataclass
class Planted:
    """Structures planted on purpose; the truth file is computed from these."""

    chains: list[list[Enterprise]] = field(default_factory=list)
    cycles: list[list[Enterprise]] = field(default_factory=list)
    ownership_targets: list[Enterprise] = field(default_factory=list)
    related_sets: list[tuple[list[Enterprise], list[str]]] = field(default_factory=list)
    unrelated_sets: list[list[Enterprise]] = field(default_factory=list)


@dataclass
class World:
    """Allocators keep identifiers unique across files; lists keep the generation order."""

    seed: int
    scale: int
    people: People
    codes: CodeAllocator
    names: NameBook
    contacts: Contacts
    numbering: Numbering
    authorities: Authorities
    enterprises: list[Enterprise] = field(default_factory=list)
    planted: Planted = field(default_factory=Planted)

    @classmethod
    def create(cls, scale: int, seed: int) -> World:
        """Fresh allocators, each with its own seeded generator."""
        codes = CodeAllocator(sub_rng(seed, "codes"))
        return cls(
            seed=seed,
            scale=scale,
            people=People(sub_rng(seed, "people")),
            codes=codes,
            names=NameBook(sub_rng(seed, "names")),
            contacts=Contacts(sub_rng(seed, "contacts")),
            numbering=Numbering(sub_rng(seed, "numbering")),
            authorities=Authorities(codes),
        )
