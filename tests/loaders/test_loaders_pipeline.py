"""Loading registry and record files: counts, resolution, provenance, idempotence."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from graph_service.identifiers import make_resident_id, make_uscc
from graph_service.identifiers.decision import decision_key
from graph_service.model import CreditRecord, Enterprise, Person, RecordKind, RelationKind
from graph_service.store.embedded import EmbeddedGraphStore
from loaders.pipeline import Loader
from loaders.summary import LoadSummary
from search.documents import SearchQuery
from search.tantivy_index import TantivySearchIndex

ENTERPRISE_HEADER = [
    "统一社会信用代码",
    "企业名称",
    "法定代表人",
    "法定代表人证件号码",
    "成立日期",
    "注册资本(万元)",
    "曾用名",
    "联系电话",
]
USCC_A = make_uscc("650102", "MA77AAA1")
USCC_B = make_uscc("650103", "MA77BBB2")
ID_WANG = make_resident_id("650102", date(1975, 3, 4), 11)
ID_WANG_2 = make_resident_id("650104", date(1988, 9, 1), 21)
ID_MAMAT = make_resident_id("650105", date(1980, 1, 2), 31)


def _balanced(summary: LoadSummary) -> bool:
    return summary.read == summary.loaded + summary.merged + sum(summary.quarantined.values())


@pytest.fixture
def registry(write_csv: Callable[..., Path]) -> list[Path]:
    enterprises = write_csv(
        "enterprises.csv",
        ENTERPRISE_HEADER,
        [
            [
                USCC_A,
                "乌鲁木齐天成建筑工程有限公司",
                "王伟",
                ID_WANG,
                "2010-01-02",
                "500",
                "天成建筑",
                "0991-5550001",
            ],
            [
                USCC_B,
                "新疆远航商贸有限公司",
                "王伟",
                ID_WANG_2,
                "2015/6/7",
                "100",
                "",
                "0991-5550001",
            ],
            ["", "乌鲁木齐红山餐饮店", "买买提·艾力", ID_MAMAT, "2018年3月1日", "10", "", ""],
        ],
    )
    shareholders = write_csv(
        "shareholders.csv",
        [
            "企业统一社会信用代码",
            "企业名称",
            "股东名称",
            "股东类型",
            "股东证件号码或统一社会信用代码",
            "出资比例",
        ],
        [
            [
                USCC_B,
                "新疆远航商贸有限公司",
                "乌鲁木齐天成建筑工程有限责任公司",
                "企业法人",
                "",
                "60%",
            ],
            [USCC_B, "新疆远航商贸有限公司", "买买提•艾力", "自然人", ID_MAMAT, "0.4"],
        ],
    )
    return [enterprises, shareholders]


def test_registry_load_counts_resolution_and_contacts(
    loader: Loader, store: EmbeddedGraphStore, registry: list[Path]
) -> None:
    summary = loader.load_paths(registry)
    assert (summary.read, summary.loaded, summary.merged) == (5, 5, 0)
    assert _balanced(summary)
    stats = store.stats()
    assert stats.nodes == {"Enterprise": 3, "Person": 3}
    assert stats.relations["SHAREHOLDER_OF"] == 2
    assert stats.relations["SHARES_CONTACT"] == 1  # same phone, two companies
    # 有限责任公司 spelling without a code resolved to the registered company by name.
    holders = store.neighbourhood([f"E-{USCC_B}"], 1, relation_kinds=[RelationKind.SHAREHOLDER_OF])
    assert f"E-{USCC_A}" in holders.nodes
    # The interpunct variant with the same ID number is one person.
    persons = [n for n in store.iter_nodes("Person") if isinstance(n, Person)]
    assert sorted(p.name for p in persons) == ["买买提·艾力", "王伟", "王伟"]


def test_id_numbers_never_stored_in_clear(
    loader: Loader, store: EmbeddedGraphStore, registry: list[Path], settings: object
) -> None:
    bad = registry[0].parent / "bad.csv"
    bad.write_text(
        f"企业名称,法定代表人,法定代表人证件号码,成立日期\n坏公司,王伟,{ID_WANG},2023-13-45\n"
    )
    summary = loader.load_paths([*registry, bad])
    assert summary.quarantined == {"bad_date": 1}
    data_dir = Path(store.path).parent
    stored = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.suffix == ".jsonl" for p in stored)  # the quarantine file is among them
    for path in stored:
        raw = path.read_bytes()
        for number in (ID_WANG, ID_WANG_2, ID_MAMAT):
            assert number.encode() not in raw, path
    wang = [n for n in store.iter_nodes("Person") if isinstance(n, Person) and n.name == "王伟"]
    assert all(p.id_hash and p.id_masked and "*" in p.id_masked for p in wang)
    assert {p.id_masked for p in wang} == {
        ID_WANG[:6] + "*" * 8 + ID_WANG[-4:],
        ID_WANG_2[:6] + "*" * 8 + ID_WANG_2[-4:],
    }


def test_same_file_twice_changes_nothing(
    loader: Loader, store: EmbeddedGraphStore, registry: list[Path]
) -> None:
    first = loader.load_paths(registry)
    before = {n.id: n.model_dump_json() for n in store.iter_nodes()}
    second = loader.load_paths(registry)
    after = {n.id: n.model_dump_json() for n in store.iter_nodes()}
    assert before == after
    assert second.data_version == first.data_version
    assert (second.loaded, second.merged) == (0, first.loaded)
    assert _balanced(second)


def test_duplicate_rows_merge_and_keep_both_attestations(
    loader: Loader, store: EmbeddedGraphStore, write_csv: Callable[..., Path]
) -> None:
    row = [USCC_A, "乌鲁木齐天成建筑工程有限公司", "", "", "2010-01-02", "500", "", ""]
    variant = [USCC_A, "乌鲁木齐天成建筑工程有限公司（已注销）", "", "", "", "", "", ""]
    path = write_csv("dups.csv", ENTERPRISE_HEADER, [row, row, variant])
    summary = loader.load_paths([path])
    assert (summary.loaded, summary.merged) == (1, 2)
    node = store.get_nodes([f"E-{USCC_A}"])[f"E-{USCC_A}"]
    assert isinstance(node, Enterprise)
    assert node.attestations == 2  # identical rows are one attestation; the variant another
    assert node.status == "已注销"
    assert {p.row for p in node.provenance} == {1, 3}


def test_pilot_code_kept_with_warning_but_never_merges(
    loader: Loader, store: EmbeddedGraphStore, write_csv: Callable[..., Path]
) -> None:
    path = write_csv(
        "pilot.csv",
        ENTERPRISE_HEADER,
        [
            ["91350100M0001TGQXM", "福州甲公司", "", "", "", "", "", ""],
            ["91350100M0001TGQXM", "福州乙公司", "", "", "", "", "", ""],
        ],
    )
    summary = loader.load_paths([path])
    assert summary.warnings["uscc_check_digit"] == 2
    companies = [n for n in store.iter_nodes("Enterprise") if isinstance(n, Enterprise)]
    assert len(companies) == 2
    assert all(c.uscc == "91350100M0001TGQXM" and c.uscc_valid is False for c in companies)


def test_same_name_persons_without_identifier_stay_apart(
    loader: Loader, store: EmbeddedGraphStore, write_csv: Callable[..., Path]
) -> None:
    path = write_csv(
        "officers.csv",
        ["企业统一社会信用代码", "企业名称", "姓名", "证件号码", "职务"],
        [
            [USCC_A, "甲公司", "张伟", "", "董事"],
            [USCC_B, "乙公司", "张伟", "", "监事"],
            [USCC_A, "甲公司", "张伟", "", "经理"],
        ],
    )
    summary = loader.load_paths([path])
    persons = [n for n in store.iter_nodes("Person") if isinstance(n, Person)]
    assert len(persons) == 2  # one per enterprise: same name at one enterprise is one person
    assert all(p.identity_basis == "name_in_context" for p in persons)
    assert summary.warnings["person_kept_apart_no_identifier"] == 3
    assert any("同名同姓" in note for note in summary.notes)


def test_penalty_links_subject_authority_and_is_searchable(
    loader: Loader,
    store: EmbeddedGraphStore,
    index: TantivySearchIndex,
    registry: list[Path],
    write_csv: Callable[..., Path],
) -> None:
    loader.load_paths(registry)
    penalties = write_csv(
        "penalties.csv",
        [
            "CF_XDR_MC",
            "CF_XDR_SHXYM",
            "CF_FRDB",
            "CF_WSH",
            "CF_CFLB",
            "CF_NR_FK",
            "CF_JDRQ",
            "CF_GSJZQ",
            "CF_CFJG",
            "CF_SY",
        ],
        [
            [
                "天成建筑",
                "",
                "王伟",
                "乌建罚〔2024〕7号",
                "罚款",
                "2.5",
                "2024-05-01",
                "2025-05-01",
                "乌鲁木齐市住房和城乡建设局",
                "建筑工程未取得施工许可擅自施工",
            ],
        ],
        encoding="gb18030",
    )
    summary = loader.load_paths([penalties])
    assert summary.files[0].encoding == "gb18030"
    assert summary.loaded == 1
    records = [n for n in store.iter_nodes("CreditRecord") if isinstance(n, CreditRecord)]
    assert len(records) == 1
    record = records[0]
    assert record.record_kind == RecordKind.PENALTY
    assert (record.valid_from, record.valid_to) == (date(2024, 5, 1), date(2025, 5, 1))
    assert record.severity == "ordinary" and record.fine_amount == 2.5
    # The short name (an alias from 曾用名) found the registered company.
    around = store.neighbourhood([record.id], 1)
    assert f"E-{USCC_A}" in around.nodes
    assert any(n.kind == "Authority" for n in around.nodes.values())
    hits = index.search(SearchQuery(text="施工许可")).hits
    assert [h.id for h in hits] == [record.id]
    assert "<em>施工许可</em>" in hits[0].highlights["text"][0]
    assert hits[0].document.subject_ids == [f"E-{USCC_A}"]


def test_debtor_listing_term_lists_and_repairs(
    loader: Loader,
    store: EmbeddedGraphStore,
    write_jsonl: Callable[..., Path],
    write_csv: Callable[..., Path],
) -> None:
    debtors = write_jsonl(
        "debtors.jsonl",
        [
            {
                "被执行人姓名/名称": "新疆远航商贸有限公司",
                "证件号码/统一社会信用代码": USCC_B,
                "案号": "（2023）新0102执1234号",
                "执行法院": "乌鲁木齐市天山区人民法院",
                "发布时间": "2023-03-01",
                "履行情况": "全部未履行",
                "法定代表人或者负责人姓名": "王伟",
            }
        ],
    )
    lists = write_csv(
        "lists.csv",
        [
            "名单类型",
            "主体名称",
            "统一社会信用代码",
            "列入日期",
            "列入原因",
            "作出决定机关",
            "移出日期",
            "移出原因",
        ],
        [
            [
                "政府采购严重违法失信行为记录名单",
                "新疆远航商贸有限公司",
                USCC_B,
                "2024-01-01",
                "提供虚假材料",
                "乌鲁木齐市财政局",
                "2026-12-31",
                "",
            ],
            [
                "A级纳税人",
                "新疆远航商贸有限公司",
                USCC_B,
                "2022-04-01",
                "",
                "国家税务总局乌鲁木齐市税务局",
                "",
                "",
            ],
        ],
    )
    repairs = write_csv(
        "repairs.csv",
        [
            "主体名称",
            "统一社会信用代码",
            "修复类型",
            "原记录文书号",
            "修复决定日期",
            "修复决定机关",
        ],
        [
            [
                "新疆远航商贸有限公司",
                USCC_B,
                "移出",
                "（2023）新0102执1234号",
                "2024-02-01",
                "乌鲁木齐市天山区人民法院",
            ]
        ],
    )
    summary = loader.load_paths([repairs, lists, debtors])  # order fixed by kind, not by call
    assert [Path(f.path).name for f in summary.files] == [
        "debtors.jsonl",
        "lists.csv",
        "repairs.csv",
    ]
    assert summary.loaded == 4
    records = {
        (n.record_kind, n.list_type): n
        for n in store.iter_nodes("CreditRecord")
        if isinstance(n, CreditRecord)
    }
    debtor = records[(RecordKind.DISHONEST_DEBTOR, None)]
    assert debtor.valid_to == date(2025, 3, 1)  # two-year default listing term
    assert (RecordKind.RED_LIST, "tax_a_grade") in records
    procurement = records[(RecordKind.LIST_ENTRY, "procurement_violation")]
    assert procurement.valid_to == date(2026, 12, 31) and procurement.removed_on is None
    repair = records[(RecordKind.REPAIR, None)]
    assert repair.repairs_decision_no == debtor.decision_no
    key = f"dec:{decision_key(debtor.decision_no or '')}"
    assert store.lookup_keys([key]) == {key: [debtor.id]}  # found by decision number


def test_xlsx_and_json_array_and_english_headers(
    loader: Loader, store: EmbeddedGraphStore, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(
        [
            "name",
            "id_number",
            "profession",
            "certificate_no",
            "firm_name",
            "firm_uscc",
            "registered_on",
        ]
    )
    sheet.append(
        [
            "李娜",
            ID_WANG_2,
            "律师",
            "16501201810001",
            "新疆远航律师事务所",
            USCC_B,
            date(2019, 5, 6),
        ]
    )
    xlsx = tmp_path / "professionals.xlsx"
    workbook.save(xlsx)
    summary = loader.load_paths([xlsx])
    assert summary.files[0].kind == "professionals" and summary.loaded == 1
    assert store.stats().relations == {"HOLDS": 1, "REGISTERED_AT": 1}
    array = tmp_path / "companies.json"
    array.write_text(
        json.dumps(
            {
                "data": [
                    {"uscc": USCC_B, "company_name": "Xinjiang Yuanhang", "founded": "2015-06-07"}
                ]
            }
        ),
        encoding="utf-8",
    )
    summary = loader.load_paths([array])
    assert summary.files[0].kind == "enterprises" and summary.loaded == 0  # firm known by code
    node = store.get_nodes([f"E-{USCC_B}"])[f"E-{USCC_B}"]
    assert "Xinjiang Yuanhang" in node.aliases
