"""shareholders.csv and officers.csv (股东及出资, 主要人员).

Planted companies use their planted holders and officers; ordinary ones draw people from the
shared pool while streaming, so nothing but the rows has to be kept in memory.
"""

from __future__ import annotations

import random
from datetime import date

from .context import Context
from .layouts import OFFICERS, SHAREHOLDERS
from .model import Enterprise, Holding, Kind
from .people import People, Person
from .util import add_years, fmt_amount, fmt_date, fmt_ratio, rand_date, split_points, sub_rng

__all__ = ["write_officers", "write_shareholders"]

_LAST_PAYMENT = date(2025, 6, 20)


def _ordinary_holders(ent: Enterprise, rng: random.Random, people: People) -> list[Holding]:
    if ent.sole_holder:
        if ent.corp_holder is not None:
            return [Holding(ent.corp_holder, 10000)]
        owner = ent.legal_rep if rng.random() < 0.85 else people.pick(rng)
        return [Holding(owner, 10000)]
    if ent.kind == Kind.JOINT_STOCK:
        count = rng.randint(3, 7)
    else:
        count = rng.choices((2, 3, 4, 5), (50, 30, 15, 5))[0]
    first = ent.legal_rep if rng.random() < 0.7 else people.pick(rng)
    persons = [first, *people.pick_distinct(rng, count - 1, [first])]
    holdings: list[Holding] = []
    remaining = 10000
    if ent.corp_holder is not None:
        stake = rng.randrange(3000, 7001, 100)
        holdings.append(Holding(ent.corp_holder, stake))
        remaining -= stake
    step = 500 if remaining % 500 == 0 and rng.random() < 0.6 else 100
    if remaining // step <= len(persons):
        step = 100
    shares = split_points(rng, len(persons), remaining, step)
    holdings.extend(Holding(p, s) for p, s in zip(persons, shares, strict=True))
    if len(holdings) > 2 and rng.random() < 0.03:
        holdings.pop()  # a registry extract missing one holder: the sum stays below 100%
    return holdings


def _paid_date(ent: Enterprise, holder: Person | Enterprise, rng: random.Random) -> date:
    """Founding day, a later transfer, or a subscription deadline still ahead; never before
    the holder was an adult (or, for a company, existed)."""
    able = add_years(holder.birth, 18) if isinstance(holder, Person) else holder.founded
    since = max(ent.founded, able)
    roll = rng.random()
    if roll < 0.6 and since == ent.founded:
        return since
    if roll < 0.85:
        return rand_date(rng, since, max(since, _LAST_PAYMENT))
    return date(rng.randint(2030, 2054), 12, 31)


def write_shareholders(ctx: Context) -> None:
    """Holders of every company; ratios per company sum to at most 100%."""
    w = ctx.world
    rng = sub_rng(w.seed, "shareholders")
    out = ctx.writer(SHAREHOLDERS)
    for ent in w.enterprises:
        if ent.kind not in Kind.CORPORATE or ent.etype == "律师事务所":
            continue
        holders = ent.holders if ent.holders is not None else _ordinary_holders(ent, rng, w.people)
        capital = ent.capital or 100.0
        for holding in holders:
            code, name = ctx.refs.company(ent, rng)
            holder = holding.holder
            if isinstance(holder, Person):
                holder_name, holder_type, holder_code = (
                    ctx.world.people.spell(holder, rng),
                    "自然人",
                    holder.id_number,
                )
            else:
                holder_code, holder_name = ctx.refs.company(holder, rng)
                holder_type = "企业法人"
            subscribed = round(capital * holding.basis_points / 10000, 4)
            roll = rng.random()
            paid = subscribed if roll < 0.5 else 0.0 if roll < 0.8 else round(subscribed * 0.3, 4)
            ratio = fmt_ratio(holding.basis_points, percent=rng.random() < 0.6)
            out.write(
                [
                    code,
                    name,
                    holder_name,
                    holder_type,
                    holder_code,
                    fmt_amount(subscribed),
                    fmt_amount(paid),
                    ratio,
                    fmt_date(_paid_date(ent, holder, rng)),
                ]
            )
    ctx.finish(out)


def _ordinary_officers(
    ent: Enterprise, rng: random.Random, people: People
) -> list[tuple[Person, str]]:
    rep = ent.legal_rep
    if ent.kind == Kind.JOINT_STOCK or (ent.capital or 0) >= 1000:
        size = rng.randint(2, 4)
        others = people.pick_distinct(rng, size + 3, [rep])
        board = [(p, "董事") for p in others[:size]]
        tail = [
            (others[size], "监事"),
            (others[size + 1], "经理"),
            (others[size + 2], "财务负责人"),
        ]
        return [(rep, "董事长"), *board, *tail]
    others = people.pick_distinct(rng, 3, [rep])
    manager = rep if rng.random() < 0.6 else others[1]
    roles = [(rep, "执行董事"), (manager, "经理"), (others[0], "监事")]
    if rng.random() < 0.2:
        roles.append((others[2], "财务负责人"))
    return roles


def write_officers(ctx: Context) -> None:
    """Main persons; a planted tax case's financial officer replaces a drawn one."""
    w = ctx.world
    rng = sub_rng(w.seed, "officers")
    out = ctx.writer(OFFICERS)
    for ent in w.enterprises:
        if ent.kind not in Kind.CORPORATE or ent.etype == "律师事务所":
            continue
        roles = ent.officers if ent.officers is not None else _ordinary_officers(ent, rng, w.people)
        if ent.extra_officers:
            roles = [r for r in roles if r[1] != "财务负责人"] + ent.extra_officers
        for person, role in roles:
            code, name = ctx.refs.company(ent, rng)
            out.write([code, name, ctx.world.people.spell(person, rng), person.id_number, role])
    ctx.finish(out)
