"""Planted structures with a known answer: ownership chains, cross-holding cycles, related
and unrelated bidder sets.

Every planted company gets its own fresh people (never the shared pool), so the only links
between planted companies are the ones planted here and the truth stays exact.
"""

from __future__ import annotations

import random

from .factory import LLC_NATURAL, new_enterprise
from .model import Enterprise, Holding, Kind
from .people import Person
from .world import World

__all__ = ["build_planted"]

_BID_INDUSTRIES = ("construction", "decoration", "tech", "environment", "labour")


def build_planted(w: World, rng: random.Random) -> None:
    """Create all planted structures and register them in `w.planted`."""
    n, planted = w.scale, w.planted
    for index in range(max(3, n // 400)):
        chain = _chain(w, rng, textbook=index == 0)
        planted.chains.append(chain)
        planted.ownership_targets.extend(chain)
    for _ in range(max(2, n // 2000)):
        planted.cycles.append(_cycle(w, rng))
    per_signal = max(2, n // 5000)
    for _ in range(per_signal):
        planted.related_sets.append((_shared_rep(w, rng), ["shared_legal_representative"]))
        planted.related_sets.append((_common_holder(w, rng), ["common_shareholder"]))
        planted.related_sets.append((_shared_contact(w, rng, None), ["shared_contact"]))
        members, holdings = _same_controller(w, rng)
        planted.ownership_targets.extend([*holdings, *members])
        planted.related_sets.append((members, ["same_actual_controller"]))
    for _ in range(max(1, n // 10000)):
        members = _shared_contact(w, rng, _shared_rep(w, rng))
        planted.related_sets.append((members, ["shared_legal_representative", "shared_contact"]))
    for index in range(max(3, n // 5000)):
        planted.unrelated_sets.append(_unrelated(w, rng, index))


def _company(
    w: World,
    rng: random.Random,
    rep: Person | None = None,
    *,
    bidder: bool = False,
    zihao: str | None = None,
) -> Enterprise:
    rep = rep or w.people.new()
    key = rng.choice(_BID_INDUSTRIES) if bidder else None
    ent = new_enterprise(w, rng, Kind.COMPANY, key=key, planted=True, legal_rep=rep, zihao=zihao)
    ent.officers = [(rep, "执行董事"), (w.people.new(), "监事"), (w.people.new(), "经理")]
    return ent


def _hold(ent: Enterprise, holders: list[Holding]) -> None:
    """Set planted holders and the matching 企业类型."""
    ent.holders = holders
    if len(holders) == 1:
        corporate = isinstance(holders[0].holder, Enterprise)
        ent.etype = "有限责任公司(法人独资)" if corporate else "有限责任公司(自然人独资)"
    else:
        ent.etype = LLC_NATURAL


def _own(w: World, rng: random.Random, ent: Enterprise) -> None:
    """Plain ownership: the legal representative alone or with one fresh partner."""
    if rng.random() < 0.4:
        _hold(ent, [Holding(ent.legal_rep, 10000)])
        return
    main = rng.randrange(5100, 9001, 100)
    _hold(ent, [Holding(ent.legal_rep, main), Holding(w.people.new(), 10000 - main)])


def _chain(w: World, rng: random.Random, textbook: bool) -> list[Enterprise]:
    """person -> A -> B (-> C -> D). Stakes keep the top owner at >= 25% of every level. In
    a diamond the top company's minority holder also holds the last directly; in the
    `textbook` chain (30% of the top, 80% into the last, 15% direct) that person reaches
    25% only by adding both paths.
    """
    owner, minority = w.people.new(), w.people.new()
    levels = rng.choice((2, 3, 3, 4))
    diamond = textbook or rng.random() < 0.5
    chain: list[Enterprise] = []
    for level in range(levels):
        ent = _company(w, rng, owner if level == 0 else None)
        if level == 0:
            main = 7000 if textbook else rng.randrange(7000, 9001, 100)
            _hold(ent, [Holding(owner, main), Holding(minority, 10000 - main)])
        else:
            last = level == levels - 1
            main = 10000 if rng.random() < 0.35 and not (last and diamond) else 8000
            if not textbook and main < 10000:
                main = rng.randrange(8000, 9501, 100)
            holders = [Holding(chain[-1], main)]
            if main < 10000:
                holders.append(Holding(w.people.new(), 10000 - main))
            _hold(ent, holders)
        chain.append(ent)
    target = chain[-1]
    if diamond and target.holders is not None:
        rest = target.holders[1]
        direct = 1500 if textbook else min(rest.basis_points - 100, rng.randrange(1000, 2001, 100))
        if direct > 0:
            rest.basis_points -= direct
            target.holders.insert(1, Holding(minority, direct))
    return chain


def _cycle(w: World, rng: random.Random) -> list[Enterprise]:
    """Each member holds 10-20% of the next; the last holds a share of the first."""
    members = [_company(w, rng) for _ in range(rng.choice((2, 2, 3)))]
    for i, ent in enumerate(members):
        share = rng.randrange(1000, 2001, 100)
        _hold(ent, [Holding(members[i - 1], share), Holding(w.people.new(), 10000 - share)])
    return members


def _shared_rep(w: World, rng: random.Random) -> list[Enterprise]:
    """One person is legal representative of every member but holds no shares."""
    rep = w.people.new()
    members = [_company(w, rng, rep, bidder=True) for _ in range(rng.choice((2, 3)))]
    for ent in members:
        main = rng.randrange(5000, 10001, 500)
        holders = [Holding(w.people.new(), main)]
        if main < 10000:
            holders.append(Holding(w.people.new(), 10000 - main))
        _hold(ent, holders)
    return members


def _common_holder(w: World, rng: random.Random) -> list[Enterprise]:
    """One person holds 20-49% of every member; legal representatives differ."""
    holder = w.people.new()
    members = [_company(w, rng, bidder=True) for _ in range(rng.choice((2, 3)))]
    for ent in members:
        stake = rng.randrange(2000, 4901, 100)
        _hold(ent, [Holding(ent.legal_rep, 10000 - stake), Holding(holder, stake)])
    return members


def _shared_contact(
    w: World, rng: random.Random, members: list[Enterprise] | None
) -> list[Enterprise]:
    """Members register the same phone and e-mail (often the same person filed them)."""
    if members is None:
        members = [_company(w, rng, bidder=True) for _ in range(rng.choice((2, 3, 4)))]
        for ent in members:
            _own(w, rng, ent)
    first = members[0]
    first.email = first.email or w.contacts.email()
    for ent in members[1:]:
        ent.phone, ent.email = first.phone, first.email
    return members


def _same_controller(w: World, rng: random.Random) -> tuple[list[Enterprise], list[Enterprise]]:
    """One person controls two holding companies, each controlling one member."""
    controller = w.people.new()
    members: list[Enterprise] = []
    holdings: list[Enterprise] = []
    for _ in range(2):
        holding = _company(w, rng)
        main = rng.randrange(6000, 9001, 100)
        _hold(holding, [Holding(controller, main), Holding(w.people.new(), 10000 - main)])
        member = _company(w, rng, bidder=True)
        stake = 10000 if rng.random() < 0.3 else rng.randrange(6000, 9001, 100)
        holders = [Holding(holding, stake)]
        if stake < 10000:
            holders.append(Holding(member.legal_rep, 10000 - stake))
        _hold(member, holders)
        holdings.append(holding)
        members.append(member)
    return members, holdings


def _unrelated(w: World, rng: random.Random, index: int) -> list[Enterprise]:
    """Three companies with nothing in common; traps: same-name legal representatives
    (different persons) and a shared 字号 on every other set."""
    first = w.people.new(uyghur=True if index == 0 else None)
    second = w.people.namesake(first) if index % 2 == 0 else w.people.new()
    zihao = w.names.zihao() if index % 2 == 1 else None
    members = [
        _company(w, rng, rep, bidder=True, zihao=zihao) for rep in (first, second, w.people.new())
    ]
    for ent in members:
        _own(w, rng, ent)
    return members
