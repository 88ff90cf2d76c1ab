"""Files are readable with the stated encodings, carry the exact national headers and use
the documented vocabularies."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from demo_files import (
    LAYOUT,
    SCALE,
    SEED,
    clean_records,
    parse_date,
    read_header_and_rows,
    records,
)

from graph_service.demo import LAYOUTS, CityManifest, Truth
from graph_service.demo.util import add_months

# The headers as the brief states them (a guard against accidental edits of layouts.py).
BRIEF_HEADERS = {
    "enterprises": "统一社会信用代码,企业名称,法定代表人,法定代表人证件号码,企业类型,"
    "成立日期,注册资本(万元),登记状态,住所,经营范围,曾用名,登记机关,核准日期,"
    "联系电话,电子邮箱",
    "shareholders": "企业统一社会信用代码,企业名称,股东名称,股东类型,"
    "股东证件号码或统一社会信用代码,认缴出资额(万元),实缴出资额(万元),出资比例,出资日期",
    "officers": "企业统一社会信用代码,企业名称,姓名,证件号码,职务",
    "branches": "分支机构统一社会信用代码,分支机构名称,隶属企业统一社会信用代码,"
    "隶属企业名称,负责人",
    "professionals": "姓名,证件号码,执业类别,证书编号,执业机构名称,"
    "执业机构统一社会信用代码,注册日期,有效期至,状态",
    "penalties": "CF_XDR_MC,CF_XDR_LB,CF_XDR_SHXYM,CF_FRDB,CF_XDR_ZJLX,CF_XDR_ZJHM,CF_WSH,CF_WFXW,"
    "CF_SY,CF_YJ,CF_CFLB,CF_NR,CF_NR_FK,CF_JDRQ,CF_YXQ,CF_GSJZQ,CF_CFJG,CF_CFJGDM,CF_SJLY,"
    "CF_SJLYDM,BZ",
    "licences": "XK_XDR_MC,XK_XDR_SHXYM,XK_XKWS,XK_WSH,XK_XKLB,XK_XKZS,XK_XKBH,XK_NR,XK_JDRQ,"
    "XK_YXQZ,XK_YXQZI,XK_XKJG,XK_XKJGDM,XK_ZT,XK_LYDW,XK_LYDWDM",
    "dishonest_debtors": "被执行人姓名/名称,证件号码/统一社会信用代码,案号,执行法院,省份,"
    "执行依据文号,作出执行依据单位,立案时间,发布时间,履行情况,失信被执行人行为具体情形,"
    "法定代表人或者负责人姓名",
    "lists": "名单类型,主体名称,统一社会信用代码,证件号码,决定文书号,列入日期,列入原因,"
    "作出决定机关,移出日期,移出原因",
    "repairs": "主体名称,统一社会信用代码,证件号码,修复类型,原记录文书号,修复决定日期,修复决定机关",
}
PENALTY_CATEGORIES = {
    "警告",
    "通报批评",
    "罚款",
    "没收违法所得",
    "暂扣许可证",
    "吊销许可证",
    "限制开展生产经营活动",
    "责令停产停业",
    "限制从业",
    "行政拘留",
    "其他",
}


@pytest.mark.parametrize("kind", list(BRIEF_HEADERS))
def test_header_and_row_count(city: CityManifest, truth: Truth, kind: str) -> None:
    header, rows = read_header_and_rows(city.out_dir, kind)
    assert ",".join(header) == BRIEF_HEADERS[kind]
    item = city.file(kind)
    assert item.path == city.out_dir / LAYOUT[kind].filename
    assert item.rows == len(rows) == truth.row_counts[item.path.name]
    assert all(len(row) == len(header) for row in rows)


def test_manifest(city: CityManifest, truth: Truth) -> None:
    assert [f.kind for f in city.files] == [layout.kind for layout in LAYOUTS]
    assert city.truth_path.exists() and city.truth_path.name == "truth.json"
    assert truth.as_of == date(2025, 6, 30)
    assert (truth.scale, truth.seed) == (city.scale, city.seed) == (SCALE, SEED)
    assert truth.enterprise_count == city.scale


def test_encodings(out_dir: Path) -> None:
    assert (out_dir / "enterprises.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    for name in (
        "shareholders.csv",
        "officers.csv",
        "branches.csv",
        "licences.csv",
        "lists.csv",
        "repairs.csv",
        "dishonest_debtors.jsonl",
    ):
        raw = (out_dir / name).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        raw.decode("utf-8")
    penalties = (out_dir / "penalties.csv").read_bytes()
    assert penalties.decode("gb18030").startswith("CF_XDR_MC,")
    with pytest.raises(UnicodeDecodeError):
        penalties.decode("utf-8")
    for line in (out_dir / "dishonest_debtors.jsonl").read_text(encoding="utf-8").splitlines():
        assert isinstance(json.loads(line), dict)


def test_registry_vocabularies(out_dir: Path, truth: Truth) -> None:
    enterprises = clean_records(out_dir, truth, "enterprises")
    types = Counter(r["企业类型"] for r in enterprises)
    wanted_types = (
        "有限责任公司(自然人投资或控股)",
        "股份有限公司(非上市、自然人投资或控股)",
        "个体工商户",
        "分公司",
        "事业单位",
        "社会团体",
        "有限责任公司(法人独资)",
    )
    for wanted in wanted_types:
        assert types[wanted] > 0, wanted
    assert {r["登记状态"] for r in enterprises} == {"存续", "在业", "吊销", "注销", "迁出"}
    assert any(len(r["曾用名"].split("；")) >= 2 for r in enterprises)
    shareholders = clean_records(out_dir, truth, "shareholders")
    assert {r["股东类型"] for r in shareholders} == {"自然人", "企业法人"}
    ratios = [r["出资比例"] for r in shareholders]
    assert any(v.endswith("%") for v in ratios) and any(v.startswith("0.") for v in ratios)
    roles = {r["职务"] for r in clean_records(out_dir, truth, "officers")}
    assert roles == {"董事长", "董事", "监事", "经理", "财务负责人", "执行董事"}
    categories = {r["执业类别"] for r in clean_records(out_dir, truth, "professionals")}
    assert categories == {
        "律师",
        "注册会计师",
        "注册建造师",
        "执业医师",
        "注册税务师",
        "资产评估师",
        "导游",
    }


def test_record_vocabularies(out_dir: Path, truth: Truth) -> None:
    penalties = clean_records(out_dir, truth, "penalties")
    assert {r["CF_XDR_LB"] for r in penalties} == {"法人及非法人组织", "自然人", "个体工商户"}
    for r in penalties:
        assert set(r["CF_CFLB"].split("；")) <= PENALTY_CATEGORIES
        if r["CF_XDR_LB"] == "自然人":
            assert r["CF_XDR_ZJLX"] == "身份证" and len(r["CF_XDR_ZJHM"]) == 18
        decided, until = parse_date(r["CF_JDRQ"]), parse_date(r["CF_GSJZQ"])
        assert until in {add_months(decided, m) for m in (3, 12, 36)}
        assert r["CF_CFJG"].startswith(("乌鲁木齐", "国家税务总局乌鲁木齐"))
        assert r["CF_CFJGDM"].startswith("1165")
    text = "".join(r["CF_SY"] for r in penalties)
    for phrase in ("建筑工程", "消防", "食品安全", "大气污染", "价格", "处罚"):
        assert phrase in text, phrase
    licences = clean_records(out_dir, truth, "licences")
    assert any(r["XK_YXQZI"] == "2099-12-31" for r in licences)
    debtors = clean_records(out_dir, truth, "dishonest_debtors")
    assert {r["省份"] for r in debtors} == {"新疆"}
    assert {r["履行情况"] for r in debtors} == {"全部未履行", "部分未履行"}
    assert all(r["执行法院"].endswith("人民法院") for r in debtors)
    lists = clean_records(out_dir, truth, "lists")
    assert {r["名单类型"] for r in lists} == {
        "经营异常名录",
        "严重违法失信名单",
        "重大税收违法失信主体",
        "政府采购严重违法失信行为记录名单",
        "A级纳税人",
    }
    assert {r["修复类型"] for r in clean_records(out_dir, truth, "repairs")} == {"信用修复", "移出"}


@pytest.mark.parametrize(
    ("kind", "column"),
    [
        ("penalties", "CF_WSH"),
        ("licences", "XK_WSH"),
        ("dishonest_debtors", "案号"),
        ("lists", "决定文书号"),
    ],
)
def test_decision_numbers_unique(out_dir: Path, truth: Truth, kind: str, column: str) -> None:
    numbers = [r[column] for r in records(out_dir, kind) if r[column]]
    duplicated = {n for n, c in Counter(numbers).items() if c > 1}
    name = LAYOUT[kind].filename
    dup_rows = {d.row for d in truth.exact_duplicates if d.file == name}
    rows = records(out_dir, kind)
    # Only exact duplicate rows may repeat a number.
    for number in duplicated:
        hits = [i for i, r in enumerate(rows, start=1) if r[column] == number]
        assert len([i for i in hits if i not in dup_rows]) == 1, number
