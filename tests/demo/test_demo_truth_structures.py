"""Planted structures in truth.json recomputed from the files: beneficial owners, cycles,
related bidder signals, unrelated bidders (no path within 3 hops), hung certificates."""

from __future__ import annotations

from collections import defaultdict, deque
from pathlib import Path

import pytest
from demo_files import clean_records, name_resolver, parse_ratio

from graph_service.demo import Truth
from graph_service.identifiers import name_key

Holdings = dict[str, list[tuple[str, str, float]]]  # target -> [(holder type, holder id, share)]


@pytest.fixture(scope="module")
def holdings(out_dir: Path, truth: Truth) -> Holdings:
    resolve = name_resolver(out_dir, {v: n.uscc for n in truth.name_variants for v in n.variants})
    found: Holdings = defaultdict(list)
    for r in clean_records(out_dir, truth, "shareholders"):
        target = r["企业统一社会信用代码"] or resolve[r["企业名称"]]
        holder = r["股东证件号码或统一社会信用代码"] or resolve[r["股东名称"]]
        found[target].append((r["股东类型"], holder, parse_ratio(r["出资比例"])))
    return found


def _person_shares(holdings: Holdings, target: str, factor: float = 1.0) -> dict[str, float]:
    shares: dict[str, float] = defaultdict(float)
    for kind, holder, share in holdings[target]:
        if kind == "自然人":
            shares[holder] += factor * share
        else:
            for person, part in _person_shares(holdings, holder, factor * share).items():
                shares[person] += part
    return shares


def test_beneficial_owners(holdings: Holdings, truth: Truth) -> None:
    assert len(truth.ownership) >= 15
    summed_only = 0
    for item in truth.ownership:
        shares = _person_shares(holdings, item.uscc)
        expected = {p: s for p, s in shares.items() if s >= 0.25 - 1e-9}
        assert {o.id_number: o.share for o in item.beneficial_owners} == pytest.approx(expected)
        for owner in item.beneficial_owners:
            direct = max((s for k, h, s in holdings[item.uscc] if h == owner.id_number), default=0)
            summed_only += direct < 0.25 and owner.share >= 0.25 and direct > 0
    assert summed_only > 0, "no owner reaching 25% only by adding a direct and an indirect stake"
    chains = [o for o in truth.ownership if any(k == "企业法人" for k, _, _ in holdings[o.uscc])]
    depth = max(_depth(holdings, o.uscc) for o in chains)
    assert depth >= 3


def _depth(holdings: Holdings, target: str) -> int:
    corporate = [h for k, h, _ in holdings[target] if k == "企业法人"]
    return 1 + max((_depth(holdings, h) for h in corporate), default=0)


def test_cycles(holdings: Holdings, truth: Truth) -> None:
    assert truth.ownership_cycles
    for cycle in truth.ownership_cycles:
        for i, member in enumerate(cycle):
            following = cycle[(i + 1) % len(cycle)]
            assert any(h == member for _, h, _ in holdings[following]), (member, following)


def test_related_bidder_signals(out_dir: Path, truth: Truth, holdings: Holdings) -> None:
    registry = {r["统一社会信用代码"]: r for r in clean_records(out_dir, truth, "enterprises")}
    signals = {s for item in truth.related_bidder_sets for s in item.signals}
    assert signals == {
        "shared_legal_representative",
        "common_shareholder",
        "shared_contact",
        "same_actual_controller",
    }
    for item in truth.related_bidder_sets:
        rows = [registry[m] for m in item.members]
        assert len(rows) >= 2
        reps = {r["法定代表人证件号码"] for r in rows}
        phones = {r["联系电话"] for r in rows}
        holders = [{h for _, h, _ in holdings[m]} for m in item.members]
        controllers = [_controllers(holdings, m) for m in item.members]
        assert (len(reps) == 1) == ("shared_legal_representative" in item.signals)
        assert (len(phones) == 1) == ("shared_contact" in item.signals)
        assert bool(set.intersection(*holders)) == ("common_shareholder" in item.signals)
        if "same_actual_controller" in item.signals:
            assert set.intersection(*controllers)


def _controllers(holdings: Holdings, target: str) -> set[str]:
    """Persons holding > 50% of a company that holds > 50% of the target."""
    found: set[str] = set()
    for kind, holder, share in holdings[target]:
        if kind == "企业法人" and share > 0.5:
            found |= {h for k, h, s in holdings[holder] if k == "自然人" and s > 0.5}
    return found


def test_unrelated_bidders_have_no_short_path(
    out_dir: Path, truth: Truth, holdings: Holdings
) -> None:
    graph: dict[str, set[str]] = defaultdict(set)

    def link(a: str, b: str) -> None:
        graph[a].add(b)
        graph[b].add(a)

    for r in clean_records(out_dir, truth, "enterprises"):
        company = r["统一社会信用代码"]
        link(company, r["法定代表人证件号码"])
        for contact in (r["联系电话"], r["电子邮箱"], r["住所"]):
            if contact:
                link(company, "contact:" + contact)
    for target, items in holdings.items():
        for _, holder, _ in items:
            link(target, holder)
    resolve = name_resolver(out_dir, {v: n.uscc for n in truth.name_variants for v in n.variants})
    for r in clean_records(out_dir, truth, "officers"):
        link(r["企业统一社会信用代码"] or resolve[r["企业名称"]], r["证件号码"])
    for r in clean_records(out_dir, truth, "branches"):
        link(r["分支机构统一社会信用代码"], r["隶属企业统一社会信用代码"])
    for r in clean_records(out_dir, truth, "professionals"):
        link(r["证件号码"], r["执业机构统一社会信用代码"])
    assert truth.unrelated_bidder_sets
    for members in truth.unrelated_bidder_sets:
        for start in members:
            near = _within(graph, start, 3)
            assert not near & (set(members) - {start}), members
    names = {
        r["统一社会信用代码"]: name_key(r["法定代表人"])
        for r in clean_records(out_dir, truth, "enterprises")
    }
    assert any(len({names[m] for m in s}) < len(s) for s in truth.unrelated_bidder_sets)


def _within(graph: dict[str, set[str]], start: str, hops: int) -> set[str]:
    seen, queue = {start: 0}, deque([start])
    while queue:
        node = queue.popleft()
        if seen[node] == hops:
            continue
        for nxt in graph[node]:
            if nxt not in seen:
                seen[nxt] = seen[node] + 1
                queue.append(nxt)
    return set(seen)


def test_multi_firm_professionals(out_dir: Path, truth: Truth) -> None:
    firms: dict[str, set[str]] = defaultdict(set)
    for r in clean_records(out_dir, truth, "professionals"):
        firms[r["证件号码"]].add(r["执业机构统一社会信用代码"])
    expected = {i: f for i, f in firms.items() if len(f) > 1}
    assert expected
    assert {p.id_number: set(p.firms) for p in truth.multi_firm_professionals} == expected
