"""Synthetic persons: valid resident IDs, Han and Uyghur names, spelling variants.

A person's spellings are recorded as they are written next to the ID number, so the truth can
list exactly which variants of one person occur in the files.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from graph_service.identifiers import make_resident_id

from .constants import DISTRICTS
from .util import rand_date, weighted
from .vocab_people import (
    HAN_GIVEN_FEMALE,
    HAN_GIVEN_MALE,
    HAN_SURNAME_WEIGHTS,
    HAN_SURNAMES,
    INTERPUNCT,
    INTERPUNCT_VARIANTS,
    UYGHUR_FEMALE,
    UYGHUR_MALE,
)

__all__ = ["People", "Person"]

_BIRTH_FIRST = date(1950, 1, 1)
_BIRTH_LAST = date(2000, 12, 31)
_UYGHUR_SHARE = 0.22
_VARIANT_PRONE_SHARE = 0.4
_VARIANT_RATE = 0.45
_HUB_SHARE = 0.03
_HUB_PICK_RATE = 0.12


@dataclass(slots=True, eq=False)
class Person:
    """One natural person; `spellings` holds the forms written beside the ID number."""

    pid: int
    id_number: str
    name: str
    birth: date
    male: bool
    uyghur: bool
    variant_prone: bool
    spellings: list[str] = field(default_factory=list)
    used: bool = False


class People:
    """Creates persons with unique ID numbers and hands them out to roles."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self.all: list[Person] = []
        self.pool: list[Person] = []
        self._hubs: list[Person] = []
        self._ids: set[str] = set()
        self._shown = 0

    def new(
        self,
        *,
        name: str | None = None,
        uyghur: bool | None = None,
        male: bool | None = None,
        avoid_year: int | None = None,
    ) -> Person:
        """A fresh person; `avoid_year` keeps the birth year at least 3 years away."""
        rng = self._rng
        is_uyghur = rng.random() < _UYGHUR_SHARE if uyghur is None else uyghur
        is_male = rng.random() < 0.55 if male is None else male
        birth = rand_date(rng, _BIRTH_FIRST, _BIRTH_LAST)
        while avoid_year is not None and abs(birth.year - avoid_year) < 3:
            birth = rand_date(rng, _BIRTH_FIRST, _BIRTH_LAST)
        region = weighted(rng, DISTRICTS, [d.weight for d in DISTRICTS]).code
        while True:
            sequence = rng.randrange(500) * 2 + (1 if is_male else 0)
            number = make_resident_id(region, birth, sequence)
            if number not in self._ids:
                break
        self._ids.add(number)
        full_name = name or self._name(is_uyghur, is_male)
        prone = is_uyghur and rng.random() < _VARIANT_PRONE_SHARE
        person = Person(len(self.all), number, full_name, birth, is_male, is_uyghur, prone)
        self.all.append(person)
        return person

    def _name(self, uyghur: bool, male: bool) -> str:
        rng = self._rng
        if uyghur:
            given = rng.choice(UYGHUR_MALE if male else UYGHUR_FEMALE)
            return f"{given}{INTERPUNCT}{rng.choice(UYGHUR_MALE)}"
        first, second = HAN_GIVEN_MALE if male else HAN_GIVEN_FEMALE
        surname = weighted(rng, HAN_SURNAMES, HAN_SURNAME_WEIGHTS)
        return surname + rng.choice(first) + rng.choice(second)

    def build_pool(self, size: int) -> None:
        """The shared pool ordinary enterprises draw from; its head are serial entrepreneurs."""
        self.pool = [self.new() for _ in range(size)]
        self._hubs = self.pool[: max(1, int(size * _HUB_SHARE))]

    def pick(self, rng: random.Random) -> Person:
        """A pool person; hubs come up far more often, as busy people do in registries."""
        if rng.random() < _HUB_PICK_RATE:
            return rng.choice(self._hubs)
        return rng.choice(self.pool)

    def pick_distinct(self, rng: random.Random, count: int, taken: list[Person]) -> list[Person]:
        """`count` pool persons not in `taken` (identity comparison, small lists)."""
        chosen: list[Person] = []
        while len(chosen) < count:
            person = self.pick(rng)
            if all(person is not other for other in (*taken, *chosen)):
                chosen.append(person)
        return chosen

    def namesake(self, other: Person) -> Person:
        """A different person with the same name (同名同姓): new ID, other birth year."""
        return self.new(
            name=other.name, uyghur=other.uyghur, male=other.male, avoid_year=other.birth.year
        )

    def spell(self, person: Person, rng: random.Random) -> str:
        """The name as written beside the ID number in one row; marks the person as used.

        The first variant-prone persons written a second time get each variant in turn, so
        every city shows all of them."""
        person.used = True
        text = person.name
        if person.variant_prone and person.spellings and self._shown < len(INTERPUNCT_VARIANTS):
            text = text.replace(INTERPUNCT, INTERPUNCT_VARIANTS[self._shown])
            self._shown += 1
        elif person.variant_prone and rng.random() < _VARIANT_RATE:
            text = text.replace(INTERPUNCT, rng.choice(INTERPUNCT_VARIANTS))
        if text not in person.spellings:
            person.spellings.append(text)
        return text
