"""Every USCC and ID number written is valid, except the planted pilot codes."""

from __future__ import annotations

from pathlib import Path

from demo_files import records
from stdnum.cn import uscc as stdnum_uscc

from graph_service.demo import Truth
from graph_service.demo.constants import DISTRICTS
from graph_service.identifiers import check_resident_id, check_uscc

_DISTRICT_CODES = {d.code for d in DISTRICTS}


def _codes(out_dir: Path) -> list[str]:
    found: list[str] = []
    for r in records(out_dir, "enterprises"):
        found.append(r["统一社会信用代码"])
    for r in records(out_dir, "shareholders"):
        found.append(r["企业统一社会信用代码"])
        if r["股东类型"] == "企业法人":
            found.append(r["股东证件号码或统一社会信用代码"])
    for r in records(out_dir, "officers"):
        found.append(r["企业统一社会信用代码"])
    for r in records(out_dir, "branches"):
        found += [r["分支机构统一社会信用代码"], r["隶属企业统一社会信用代码"]]
    for r in records(out_dir, "professionals"):
        found.append(r["执业机构统一社会信用代码"])
    for r in records(out_dir, "penalties"):
        found += [r["CF_XDR_SHXYM"], r["CF_CFJGDM"], r["CF_SJLYDM"]]
    for r in records(out_dir, "licences"):
        found += [r["XK_XDR_SHXYM"], r["XK_XKJGDM"], r["XK_LYDWDM"]]
    for r in records(out_dir, "dishonest_debtors"):
        if r["法定代表人或者负责人姓名"]:
            found.append(r["证件号码/统一社会信用代码"])
    for kind in ("lists", "repairs"):
        found += [r["统一社会信用代码"] for r in records(out_dir, kind)]
    return [code for code in found if code]


def _id_numbers(out_dir: Path) -> list[str]:
    found = [r["法定代表人证件号码"] for r in records(out_dir, "enterprises")]
    found += [
        r["股东证件号码或统一社会信用代码"]
        for r in records(out_dir, "shareholders")
        if r["股东类型"] == "自然人"
    ]
    found += [
        r["证件号码"]
        for kind in ("officers", "professionals", "lists", "repairs")
        for r in records(out_dir, kind)
    ]
    found += [r["CF_XDR_ZJHM"] for r in records(out_dir, "penalties")]
    found += [
        r["证件号码/统一社会信用代码"]
        for r in records(out_dir, "dishonest_debtors")
        if r["被执行人姓名/名称"] and not r["法定代表人或者负责人姓名"]
    ]
    return [number for number in found if number]


def test_uscc_valid_except_pilots(out_dir: Path, truth: Truth) -> None:
    pilots = set(truth.pilot_codes)
    codes = _codes(out_dir)
    assert len(codes) > truth.scale * 2
    for code in codes:
        result = check_uscc(code)
        if code in pilots:
            assert not result.valid and result.problem == "check_digit", code
        else:
            assert result.valid, (code, result.problem)
            assert stdnum_uscc.is_valid(code), code


def test_pilot_codes_are_kept(out_dir: Path, truth: Truth) -> None:
    assert len(truth.pilot_codes) >= 3
    registry = {r["统一社会信用代码"] for r in records(out_dir, "enterprises")}
    for code in truth.pilot_codes:
        assert code in registry
        assert not stdnum_uscc.is_valid(code)


def test_resident_ids_valid(out_dir: Path, truth: Truth) -> None:
    numbers = _id_numbers(out_dir)
    assert len(numbers) > truth.scale * 2
    for number in numbers:
        result = check_resident_id(number)
        assert result.valid, (number, result.problem)
        assert number[:6] in _DISTRICT_CODES
        assert result.birth_date is not None and 1950 <= result.birth_date.year <= 2000
