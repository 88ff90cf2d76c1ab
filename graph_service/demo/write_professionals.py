"""professionals.xlsx: licensed professionals and the firms they are registered at.

Some certificates are registered at a second firm of the same kind (挂证); those persons are
remembered for truth.json.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from .constants import DEMO_AS_OF
from .context import Context
from .layouts import PROFESSIONALS
from .model import Enterprise, Kind
from .people import People, Person
from .util import Affine, add_years, fmt_date, rand_date, sub_rng

__all__ = ["write_professionals"]

_EARLIEST = date(2008, 1, 1)
_LATEST = date(2025, 6, 20)
# 执业类别 -> (staff range per firm, certificate number format from (serial, date))
_CATEGORIES: dict[str, tuple[tuple[int, int], Callable[[int, date], str]]] = {
    "律师": ((3, 15), lambda n, d: f"16501{d.year}{n % 2 + 1}{n:06d}"),
    "注册会计师": ((3, 12), lambda n, d: f"6501{n:08d}"),
    "注册税务师": ((2, 6), lambda n, d: f"6501{d.year}{n:05d}"),
    "资产评估师": ((2, 8), lambda n, d: f"65{d.year % 100:02d}00{n:06d}"),
    "执业医师": ((5, 20), lambda n, d: f"110650100{n:06d}"),
    "导游": ((2, 8), lambda n, d: f"D-6501-{n:06d}"),
    "注册建造师": ((1, 4), lambda n, d: f"新165{d.year % 100:02d}{n:07d}"),
}
_FIRM_CATEGORY = {
    "lawfirm": "律师",
    "cpa": "注册会计师",
    "taxagent": "注册税务师",
    "appraisal": "资产评估师",
    "hospital": "执业医师",
    "public_hospital": "执业医师",
    "travel": "导游",
    "construction": "注册建造师",
    "decoration": "注册建造师",
}
_HANGING = frozenset({"注册建造师", "注册会计师", "注册税务师", "资产评估师", "执业医师"})
_HANG_RATE = 0.05
_FORCED_HANGS = 3


def _category(ent: Enterprise, rng: random.Random, builders: int) -> str | None:
    """The 执业类别 registered at this enterprise; 40% of builders (the first two always)
    employ 注册建造师, so small cities also have certificates to hang."""
    if ent.planted or ent.kind == Kind.BRANCH or ent.status not in ("存续", "在业"):
        return None
    category = _FIRM_CATEGORY.get(ent.industry)
    if category == "注册建造师" and builders >= 2 and rng.random() >= 0.4:
        return None
    return category


def _status(rng: random.Random, registered: date) -> tuple[date, str]:
    """Validity end (renewed every 5 years) and state."""
    end = add_years(registered, 5)
    while end <= DEMO_AS_OF:
        end = add_years(end, 5)
    roll = rng.random()
    return end, "注销" if roll < 0.03 else "暂停执业" if roll < 0.05 else "有效"


def write_professionals(ctx: Context) -> None:
    """Staff of every professional firm, plus hung certificates."""
    w = ctx.world
    rng = sub_rng(w.seed, "professionals")
    firms: dict[str, list[Enterprise]] = {c: [] for c in _CATEGORIES}
    assigned: list[tuple[Enterprise, str]] = []
    for ent in w.enterprises:
        if (category := _category(ent, rng, len(firms["注册建造师"]))) is not None:
            firms[category].append(ent)
            assigned.append((ent, category))
    serials = {c: Affine(10**6, rng) for c in _CATEGORIES}
    out = ctx.writer(PROFESSIONALS)
    forced = _FORCED_HANGS

    def row(person: Person, category: str, cert: str, firm: Enterprise, day: date) -> None:
        end, state = _status(rng, day)
        out.write(
            [
                ctx.world.people.spell(person, rng),
                person.id_number,
                category,
                cert,
                firm.name,
                firm.uscc,
                fmt_date(day),
                fmt_date(end),
                state,
            ]
        )

    registered: dict[int, tuple[Person, list[str]]] = {}
    for firm, category in assigned:
        staff_range, number = _CATEGORIES[category]
        for _ in range(rng.randint(*staff_range)):
            person = _newcomer(w.people, rng, registered)
            earliest = max(_EARLIEST, firm.founded, add_years(person.birth, 23))
            day = rand_date(rng, earliest, max(earliest, _LATEST))
            cert = number(serials[category].take(), day)
            row(person, category, cert, firm, day)
            registered[person.pid] = (person, [firm.uscc])
            peers = firms[category]
            hangs = category in _HANGING and len(peers) > 1
            if hangs and (forced > 0 or rng.random() < _HANG_RATE):
                forced -= 1
                second = rng.choice(peers)
                while second is firm:
                    second = rng.choice(peers)
                row(person, category, cert, second, rand_date(rng, day, max(day, _LATEST)))
                registered[person.pid][1].append(second.uscc)
    ctx.multi_firm.update((pid, entry) for pid, entry in registered.items() if len(entry[1]) > 1)
    ctx.finish(out)


def _newcomer(
    people: People, rng: random.Random, registered: dict[int, tuple[Person, list[str]]]
) -> Person:
    """A pool person who holds no other professional registration (one profession each)."""
    for _ in range(20):
        person = people.pick(rng)
        if person.pid not in registered:
            return person
    return people.new()
