"""enterprises.csv and branches.csv: the registry rows (登记信息, 分支机构)."""

from __future__ import annotations

from .context import Context
from .layouts import BRANCHES, ENTERPRISES
from .model import Kind
from .util import fmt_amount, fmt_date, sub_rng

__all__ = ["write_branches", "write_enterprises"]


def write_enterprises(ctx: Context) -> None:
    """One row per enterprise, branches included, in the shuffled city order."""
    rng = sub_rng(ctx.world.seed, "enterprises")
    out = ctx.writer(ENTERPRISES)
    for ent in ctx.world.enterprises:
        rep = ent.legal_rep
        out.write(
            [
                ent.uscc,
                ent.name,
                ctx.world.people.spell(rep, rng),
                rep.id_number,
                ent.etype,
                fmt_date(ent.founded),
                "" if ent.capital is None else fmt_amount(ent.capital),
                ent.status,
                ent.address,
                ent.scope,
                "；".join(ent.former),
                ent.registrar,
                fmt_date(ent.approved),
                ent.phone,
                ent.email,
            ]
        )
    ctx.finish(out)


def write_branches(ctx: Context) -> None:
    """Branch -> parent rows; the person in charge is the branch's 法定代表人 column."""
    out = ctx.writer(BRANCHES)
    for ent in ctx.world.enterprises:
        if ent.kind != Kind.BRANCH or ent.parent is None:
            continue
        parent = ent.parent
        out.write([ent.uscc, ent.name, parent.uscc, parent.name, ent.legal_rep.name])
    ctx.finish(out)
