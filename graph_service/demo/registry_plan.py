"""Ordinary enterprises of the city: the mix of kinds, branches, pilot codes, agents' phones.

Ordinary enterprises share people from one pool (so legal representatives recur across
companies) but never touch the planted structures, whose truth must stay exact.
"""

from __future__ import annotations

import random

from .factory import new_branch, new_enterprise
from .model import Enterprise, Kind
from .vocab_business import PROFESSIONAL_FIRMS
from .world import World

__all__ = ["build_ordinary"]

# (kind, firm key or None, weight); professional firms are few but always present.
_MIX: tuple[tuple[str, str | None, float], ...] = (
    (Kind.COMPANY, None, 70.0),
    (Kind.JOINT_STOCK, None, 2.0),
    (Kind.SOLE, None, 22.0),
    (Kind.INSTITUTION, None, 1.0),
    (Kind.ASSOCIATION, None, 1.0),
    (Kind.FIRM, "lawfirm", 0.3),
    (Kind.FIRM, "cpa", 0.3),
    (Kind.FIRM, "taxagent", 0.2),
    (Kind.FIRM, "appraisal", 0.2),
    (Kind.FIRM, "hospital", 0.3),
    (Kind.FIRM, "travel", 0.5),
)
_BRANCH_SHARE = 0.06
_CORP_HOLDER_SHARE = 0.04
_SOLE_SHAREHOLDER_SHARE = 0.3


def build_ordinary(w: World, rng: random.Random, count: int) -> list[Enterprise]:
    """Create `count` ordinary enterprises, branches included; returns them."""
    branches = round(count * _BRANCH_SHARE)
    made: list[Enterprise] = []
    for firm in PROFESSIONAL_FIRMS:  # one operating firm of each kind, even in a tiny city
        made.append(new_enterprise(w, rng, Kind.FIRM, key=firm))
        made[-1].status = "存续"
    for kind in (Kind.JOINT_STOCK, Kind.INSTITUTION, Kind.ASSOCIATION):
        made.append(new_enterprise(w, rng, kind))
    weights = [m[2] for m in _MIX]
    while len(made) < count - branches:
        kind, key, _ = rng.choices(_MIX, weights)[0]
        made.append(new_enterprise(w, rng, kind, key=key))
    for ent in made:
        if ent.kind == Kind.COMPANY and rng.random() < _SOLE_SHAREHOLDER_SHARE:
            ent.sole_holder = True
            ent.etype = "有限责任公司(自然人独资)"
    _corporate_holders(rng, made)
    parents = [e for e in made if e.kind in (Kind.COMPANY, Kind.JOINT_STOCK)]
    while len(made) < count:
        parent = rng.choice(parents)
        if parent.branch_count < 4:
            made.append(new_branch(w, rng, parent))
    _pilot_codes(w, rng, made)
    _agents(rng, made)
    _two_former_names(w, made)
    return made


def _two_former_names(w: World, made: list[Enterprise]) -> None:
    """Make sure one company was renamed twice (曾用名 "A；B"), however small the city."""
    if any(len(e.former) >= 2 for e in made):
        return
    for ent in made:
        if ent.kind != Kind.COMPANY or not ent.former or "有限公司" not in ent.former[0]:
            continue
        for word in ("发展", "实业", "经贸"):
            candidate = ent.former[0].replace("有限公司", f"{word}有限公司")
            if w.names.claim(candidate):
                ent.former.append(candidate)
                return


def _corporate_holders(rng: random.Random, made: list[Enterprise]) -> None:
    """Some companies are held by an older company: a DAG, so no accidental cycles."""
    companies = [e for e in made if e.kind in (Kind.COMPANY, Kind.JOINT_STOCK)]
    for target in companies:
        if target.kind != Kind.COMPANY or rng.random() >= _CORP_HOLDER_SHARE:
            continue
        for _ in range(8):
            holder = rng.choice(companies)
            if holder.founded < target.founded:
                target.corp_holder = holder
                if target.sole_holder:
                    target.etype = "有限责任公司(法人独资)"
                break


def _pilot_codes(w: World, rng: random.Random, made: list[Enterprise]) -> None:
    """A handful of companies keep pilot-region codes that fail the check character."""
    companies = [e for e in made if e.kind == Kind.COMPANY]
    for ent in rng.sample(companies, max(3, w.scale // 20000)):
        ent.uscc = w.codes.pilot(ent.region)
        ent.pilot = True


def _agents(rng: random.Random, made: list[Enterprise]) -> None:
    """Bookkeeping agents register their own phone/e-mail for many clients (common, benign)."""
    companies = [e for e in made if e.kind == Kind.COMPANY]
    for _ in range(max(1, len(made) // 400)):
        agent = rng.choice(companies)
        for client in rng.sample(companies, rng.randint(3, 8)):
            if client is not agent:
                client.phone = agent.phone
                if agent.email and rng.random() < 0.5:
                    client.email = agent.email
