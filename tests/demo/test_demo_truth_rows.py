"""truth.json against the files: planted dirty rows and duplicates are exactly where the
truth says, and every other row is clean."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest
from demo_files import (
    LAYOUT,
    name_resolver,
    parse_amount,
    parse_date,
    parse_ratio,
    read_rows,
)

from graph_service.demo import Truth

# kind -> (subject columns, required dates, optional dates, amount columns)
_Spec = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]
CHECKS: dict[str, _Spec] = {
    "enterprises": (
        ("统一社会信用代码", "企业名称"),
        ("成立日期", "核准日期"),
        (),
        ("注册资本(万元)",),
    ),
    "shareholders": (
        ("企业统一社会信用代码", "企业名称"),
        ("出资日期",),
        (),
        ("认缴出资额(万元)", "实缴出资额(万元)"),
    ),
    "officers": (("企业统一社会信用代码", "企业名称"), (), (), ()),
    "branches": (("分支机构统一社会信用代码", "分支机构名称"), (), (), ()),
    "professionals": (("姓名", "证件号码"), ("注册日期", "有效期至"), (), ()),
    "penalties": (
        ("CF_XDR_MC", "CF_XDR_SHXYM", "CF_XDR_ZJHM"),
        ("CF_JDRQ", "CF_YXQ", "CF_GSJZQ"),
        (),
        ("CF_NR_FK",),
    ),
    "licences": (("XK_XDR_MC", "XK_XDR_SHXYM"), ("XK_JDRQ", "XK_YXQZ", "XK_YXQZI"), (), ()),
    "dishonest_debtors": (
        ("被执行人姓名/名称", "证件号码/统一社会信用代码"),
        ("立案时间", "发布时间"),
        (),
        (),
    ),
    "lists": (("主体名称", "统一社会信用代码", "证件号码"), ("列入日期",), ("移出日期",), ()),
    "repairs": (("主体名称", "统一社会信用代码", "证件号码"), ("修复决定日期",), (), ()),
}


def _defects(kind: str, row: list[str]) -> set[str]:
    """The reason codes a row deserves, judged from its content alone."""
    layout = LAYOUT[kind]
    value = dict(zip(layout.header, row, strict=True))
    if not any(row):
        return {"empty_row"}
    subject, required, optional, amounts = CHECKS[kind]
    found: set[str] = set()
    if not any(value[c] for c in subject):
        found.add("missing_subject")
    for col in (*required, *optional):
        if value[col] or col in required:
            try:
                parse_date(value[col])
            except ValueError:
                found.add("bad_date")
    for col in amounts:
        if value[col]:
            try:
                parse_amount(value[col])
            except ValueError:
                found.add("bad_amount")
    if kind == "shareholders" and not 0 < parse_ratio_or_big(value["出资比例"]) <= 1:
        found.add("bad_ratio")
    return found


def parse_ratio_or_big(text: str) -> float:
    try:
        return parse_ratio(text)
    except ValueError:
        return 99.0


@pytest.mark.parametrize("kind", list(CHECKS))
def test_dirty_rows_exactly_as_planted(out_dir: Path, truth: Truth, kind: str) -> None:
    name = LAYOUT[kind].filename
    rows = read_rows(out_dir, kind)
    planted = {d.row: d.reason for d in truth.dirty_rows if d.file == name}
    assert planted, f"no dirty rows planted in {name}"
    for number, row in enumerate(rows, start=1):
        defects = _defects(kind, row)
        if number in planted:
            assert planted[number] in defects, (name, number, planted[number], row)
            assert len(defects) == 1, (name, number, defects)
        else:
            assert not defects, (name, number, defects, row)


@pytest.mark.parametrize("kind", list(CHECKS))
def test_exact_duplicates_exactly_as_planted(out_dir: Path, truth: Truth, kind: str) -> None:
    name = LAYOUT[kind].filename
    rows = read_rows(out_dir, kind)
    dirty = {d.row for d in truth.dirty_rows if d.file == name}
    declared = {d.row: d.duplicate_of_row for d in truth.exact_duplicates if d.file == name}
    assert declared, f"no duplicates planted in {name}"
    for row, original in declared.items():
        assert original < row and rows[row - 1] == rows[original - 1]
        assert original not in dirty and original not in declared
    first_seen: dict[tuple[str, ...], int] = {}
    for number, row in enumerate(rows, start=1):
        if number in dirty:
            continue
        key = tuple(row)
        if key in first_seen:
            assert declared.get(number) == first_seen[key], (name, number)
        else:
            assert number not in declared
            first_seen[key] = number


def test_reason_codes_cover_the_brief(truth: Truth) -> None:
    reasons = Counter(d.reason for d in truth.dirty_rows)
    assert set(reasons) == {"missing_subject", "bad_date", "bad_amount", "bad_ratio", "empty_row"}
    total_rows = sum(truth.row_counts.values())
    planted = len(truth.dirty_rows) + len(truth.exact_duplicates)
    assert 0.005 < planted / total_rows < 0.05


def test_ratios_per_company_at_most_one(out_dir: Path, truth: Truth) -> None:
    """Shares of one company sum to <= 100% (bad_ratio rows and duplicates aside); companies
    referenced by name only are resolved through the truth's variants and the registry."""
    name = LAYOUT["shareholders"].filename
    skip = {d.row for d in truth.dirty_rows if d.file == name}
    skip |= {d.row for d in truth.exact_duplicates if d.file == name}
    by_name = name_resolver(out_dir, {v: n.uscc for n in truth.name_variants for v in n.variants})
    totals: dict[str, float] = defaultdict(float)
    for number, row in enumerate(read_rows(out_dir, "shareholders"), start=1):
        if number not in skip:
            totals[row[0] or by_name[row[1]]] += parse_ratio(row[7])
    assert len(totals) > truth.scale // 4
    assert max(totals.values()) <= 1 + 1e-9
    assert min(totals.values()) > 0
