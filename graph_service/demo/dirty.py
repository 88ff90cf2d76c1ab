"""Which damage each file receives, and how (reason codes of truth.json).

Reason codes: missing_subject (name and identifiers blank), bad_date, bad_amount, bad_ratio
(share above 100%), empty_row (every field blank; "{}" in JSON lines).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from .layouts import (
    BRANCHES,
    DEBTORS,
    ENTERPRISES,
    LICENCES,
    LISTS,
    OFFICERS,
    PENALTIES,
    PROFESSIONALS,
    REPAIRS,
    SHAREHOLDERS,
    FileLayout,
)
from .numbering import Numbering
from .tables import DirtSpec, Mutation

__all__ = ["REASONS", "dirt_for"]

REASONS = ("missing_subject", "bad_date", "bad_amount", "bad_ratio", "empty_row")
BAD_DATES = ("2023-13-45", "去年", "2022-02-30", "20231", "31/31/2021")
BAD_AMOUNTS = ("一百万", "-5", "-0.5", "十万元")
BAD_RATIOS = ("150%", "1.5", "120%", "300%")

# file -> (subject columns, date column, amount column, has ratio, allows empty row)
_PLAN: dict[str, tuple[tuple[str, ...], str | None, str | None, bool, bool]] = {
    ENTERPRISES.kind: (("统一社会信用代码", "企业名称"), "成立日期", "注册资本(万元)", False, True),
    SHAREHOLDERS.kind: (
        ("企业统一社会信用代码", "企业名称"),
        "出资日期",
        "认缴出资额(万元)",
        True,
        True,
    ),
    OFFICERS.kind: (("企业统一社会信用代码", "企业名称"), None, None, False, True),
    BRANCHES.kind: (("分支机构统一社会信用代码", "分支机构名称"), None, None, False, True),
    PROFESSIONALS.kind: (("姓名", "证件号码"), "注册日期", None, False, False),
    PENALTIES.kind: (
        ("CF_XDR_MC", "CF_XDR_SHXYM", "CF_XDR_ZJHM"),
        "CF_JDRQ",
        "CF_NR_FK",
        False,
        True,
    ),
    LICENCES.kind: (("XK_XDR_MC", "XK_XDR_SHXYM"), "XK_JDRQ", None, False, True),
    DEBTORS.kind: (
        ("被执行人姓名/名称", "证件号码/统一社会信用代码"),
        "发布时间",
        None,
        False,
        True,
    ),
    LISTS.kind: (("主体名称", "统一社会信用代码", "证件号码"), "列入日期", None, False, True),
    REPAIRS.kind: (("主体名称", "统一社会信用代码", "证件号码"), "修复决定日期", None, False, True),
}

# Columns holding a record's own number: dirty copies get a fresh one.
_NUMBER_COLUMN = {
    PENALTIES.kind: "CF_WSH",
    LICENCES.kind: "XK_WSH",
    DEBTORS.kind: "案号",
    LISTS.kind: "决定文书号",
}


def _blank(indexes: list[int]) -> Mutation:
    def mutate(row: list[str], rng: random.Random) -> list[str] | None:
        for i in indexes:
            row[i] = ""
        return row

    return mutate


def _replace(index: int, values: tuple[str, ...]) -> Mutation:
    def mutate(row: list[str], rng: random.Random) -> list[str] | None:
        row[index] = rng.choice(values)
        return row

    return mutate


def _empty(row: list[str], rng: random.Random) -> list[str] | None:
    return None


def dirt_for(layout: FileLayout, numbering: Numbering) -> DirtSpec:
    """The damage plan of one file."""
    subject, date_col, amount_col, ratio, empty = _PLAN[layout.kind]
    mutations: dict[str, Mutation] = {"missing_subject": _blank([layout.col(c) for c in subject])}
    if date_col is not None:
        mutations["bad_date"] = _replace(layout.col(date_col), BAD_DATES)
    if amount_col is not None:
        mutations["bad_amount"] = _replace(layout.col(amount_col), BAD_AMOUNTS)
    if ratio:
        mutations["bad_ratio"] = _replace(layout.col("出资比例"), BAD_RATIOS)
    if empty:
        mutations["empty_row"] = _empty
    refresh: Callable[[list[str]], list[str]] | None = None
    if (column := _NUMBER_COLUMN.get(layout.kind)) is not None:
        index = layout.col(column)

        def refresh(row: list[str]) -> list[str]:
            row[index] = numbering.fresh_like(row[index])
            return row

    return DirtSpec(mutations, refresh)
