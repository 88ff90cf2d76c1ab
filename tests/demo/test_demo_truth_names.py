"""Names in truth.json against the files: variant spellings resolve to exactly one
enterprise, former names are registered, same-name persons stay apart, interpunct variants
of one person are all listed."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from demo_files import clean_records

from graph_service.demo import Truth
from graph_service.identifiers import name_key, split_status_suffix

# (kind, name column, code column, condition column, condition value) of person references.
_PERSON_COLUMNS = (
    ("enterprises", "法定代表人", "法定代表人证件号码", None, None),
    ("shareholders", "股东名称", "股东证件号码或统一社会信用代码", "股东类型", "自然人"),
    ("officers", "姓名", "证件号码", None, None),
    ("professionals", "姓名", "证件号码", None, None),
    ("penalties", "CF_XDR_MC", "CF_XDR_ZJHM", "CF_XDR_LB", "自然人"),
    (
        "dishonest_debtors",
        "被执行人姓名/名称",
        "证件号码/统一社会信用代码",
        "法定代表人或者负责人姓名",
        "",
    ),
    ("repairs", "主体名称", "证件号码", None, None),
)
# (kind, name column, code column) of enterprise references that may be varied.
_COMPANY_REFERENCES = (
    ("shareholders", "企业名称", "企业统一社会信用代码", None, None),
    ("shareholders", "股东名称", "股东证件号码或统一社会信用代码", "股东类型", "企业法人"),
    ("officers", "企业名称", "企业统一社会信用代码", None, None),
    ("penalties", "CF_XDR_MC", "CF_XDR_SHXYM", "CF_XDR_LB", "法人及非法人组织"),
    ("penalties", "CF_XDR_MC", "CF_XDR_SHXYM", "CF_XDR_LB", "个体工商户"),
)


def _registry_keys(out_dir: Path, truth: Truth) -> dict[str, str]:
    keys: dict[str, str] = {}
    for r in clean_records(out_dir, truth, "enterprises"):
        names = [r["企业名称"], *(n for n in r["曾用名"].split("；") if n)]
        for name in names:
            key = name_key(name)
            assert keys.setdefault(key, r["统一社会信用代码"]) == r["统一社会信用代码"], name
    return keys


def test_enterprise_count(out_dir: Path, truth: Truth) -> None:
    codes = [r["统一社会信用代码"] for r in clean_records(out_dir, truth, "enterprises")]
    assert len(codes) == len(set(codes)) == truth.enterprise_count


def test_variants_resolve_uniquely(out_dir: Path, truth: Truth) -> None:
    keys = _registry_keys(out_dir, truth)
    written: set[str] = set()
    name_only = 0
    for kind, name_col, code_col, cond_col, cond_value in _COMPANY_REFERENCES:
        for r in clean_records(out_dir, truth, kind):
            if cond_col is not None and r[cond_col] != cond_value:
                continue
            written.add(r[name_col])
            resolved = keys[name_key(r[name_col])]
            if r[code_col]:
                assert resolved == r[code_col], (kind, r[name_col])
            else:
                name_only += 1
    assert name_only > 5
    kinds = defaultdict(int)
    for item in truth.name_variants:
        assert keys[name_key(item.canonical_name)] == item.uscc
        for variant in item.variants:
            assert variant != item.canonical_name and variant in written
            assert keys[name_key(variant)] == item.uscc
            if split_status_suffix(variant)[1] is not None:
                kinds["status"] += 1
            else:
                kinds["bracket" if "(" in variant else "other"] += 1
    assert kinds["bracket"] and kinds["status"] and kinds["other"]


def test_former_names(out_dir: Path, truth: Truth) -> None:
    registered = {
        r["统一社会信用代码"]: r["曾用名"].split("；")
        for r in clean_records(out_dir, truth, "enterprises")
        if r["曾用名"]
    }
    assert {f.uscc: f.former for f in truth.former_names} == registered
    formers = {n for names in registered.values() for n in names}
    assert any(v in formers for item in truth.name_variants for v in item.variants)


def _spellings(out_dir: Path, truth: Truth) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for kind, name_col, id_col, cond_col, cond_value in _PERSON_COLUMNS:
        for r in clean_records(out_dir, truth, kind):
            if not r[id_col] or (cond_col is not None and r[cond_col] != cond_value):
                continue
            if r[name_col] not in found[r[id_col]]:
                found[r[id_col]].append(r[name_col])
    return found


def test_persons(out_dir: Path, truth: Truth) -> None:
    spellings = _spellings(out_dir, truth)
    assert len(spellings) == truth.person_count
    for id_number, names in spellings.items():
        assert len({name_key(n) for n in names}) == 1, (id_number, names)
    varied = {i: set(n) for i, n in spellings.items() if len(n) > 1}
    assert {p.id_number: set(p.spellings) for p in truth.interpunct_persons} == varied
    marks = {ch for p in truth.interpunct_persons for s in p.spellings for ch in s if ch in "·•.・"}
    assert marks == set("·•.・")
    assert any(
        all(ch not in s for ch in "·•.・") for p in truth.interpunct_persons for s in p.spellings
    )


def test_same_name_persons(out_dir: Path, truth: Truth) -> None:
    by_key: dict[str, set[str]] = defaultdict(set)
    for id_number, names in _spellings(out_dir, truth).items():
        by_key[name_key(names[0])].add(id_number)
    expected = {k: ids for k, ids in by_key.items() if len(ids) > 1}
    assert {name_key(g.name): set(g.id_numbers) for g in truth.same_name_persons} == expected
    different_years = [
        g for g in truth.same_name_persons if len({i[6:10] for i in g.id_numbers}) > 1
    ]
    assert len(different_years) >= 3
    assert any("·" in g.name for g in truth.same_name_persons)
