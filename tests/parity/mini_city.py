"""A small, hand-made city in national formats, for the parity suite.

Every fact here is chosen so a test can state its consequence: a shareholding chain with a
cycle, a shared legal representative, a shared phone, a branch, a penalty, a debtor listing
with a repair, a procurement-list entry that ends, and one bad row.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

from graph_service.identifiers import make_resident_id, make_uscc

A = make_uscc("650102", "MA77PAR1")  # 天山建工: the penalised builder
B = make_uscc("650103", "MA77PAR2")  # 远航商贸: owned 60% by A
C = make_uscc("650104", "MA77PAR3")  # 红山物流: owned 51% by B, owns 10% of A (cycle)
D = make_uscc("650105", "MA77PAR4")  # 博格达科技: same legal representative as A
E = make_uscc("650106", "MA77PAR5")  # 雪莲餐饮: unrelated, shares a phone with D
BRANCH = make_uscc("650102", "MA77PAR6")
WANG = make_resident_id("650102", date(1975, 3, 4), 11)
MAMAT = make_resident_id("650105", date(1980, 1, 2), 31)
LI = make_resident_id("650104", date(1990, 6, 7), 42)
NAMES = {
    A: "乌鲁木齐天山建筑工程有限公司",
    B: "新疆远航商贸有限公司",
    C: "乌鲁木齐红山物流有限公司",
    D: "新疆博格达科技有限公司",
    E: "乌鲁木齐雪莲餐饮有限公司",
    BRANCH: "乌鲁木齐天山建筑工程有限公司米东分公司",
}


def _csv(path: Path, header: list[str], rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_mini_city(folder: Path) -> list[Path]:
    """Write the files and return their paths (load order is decided by the loader)."""
    folder.mkdir(parents=True, exist_ok=True)
    enterprises = _csv(
        folder / "enterprises.csv",
        [
            "统一社会信用代码",
            "企业名称",
            "法定代表人",
            "法定代表人证件号码",
            "企业类型",
            "成立日期",
            "曾用名",
            "联系电话",
        ],
        [
            [A, NAMES[A], "王伟", WANG, "有限责任公司", "2010-01-02", "天山建工", "0991-1110001"],
            [B, NAMES[B], "李娜", LI, "有限责任公司", "2015-06-07", "", "0991-1110002"],
            [C, NAMES[C], "李娜", LI, "有限责任公司", "2016-02-03", "", "0991-1110003"],
            [D, NAMES[D], "王伟", WANG, "有限责任公司", "2019-09-09", "", "0991-1119999"],
            [E, NAMES[E], "买买提·艾力", MAMAT, "有限责任公司", "2020-05-05", "", "0991-1119999"],
            [BRANCH, NAMES[BRANCH], "王伟", WANG, "分公司", "2012-01-01", "", ""],
            ["", "坏数据公司", "", "", "", "2023-13-45", "", ""],
        ],
    )
    shareholders = _csv(
        folder / "shareholders.csv",
        [
            "企业统一社会信用代码",
            "企业名称",
            "股东名称",
            "股东类型",
            "股东证件号码或统一社会信用代码",
            "出资比例",
            "出资日期",
        ],
        [
            [A, NAMES[A], "王伟", "自然人", WANG, "90%", "2010-01-02"],
            [A, NAMES[A], NAMES[C], "企业法人", C, "10%", "2018-01-01"],
            [B, NAMES[B], "乌鲁木齐天山建筑工程有限责任公司", "企业法人", "", "0.6", "2015-06-07"],
            [C, NAMES[C], NAMES[B], "企业法人", B, "51%", "2016-02-03"],
        ],
    )
    officers = _csv(
        folder / "officers.csv",
        ["企业统一社会信用代码", "企业名称", "姓名", "证件号码", "职务"],
        [[B, NAMES[B], "买买提•艾力", MAMAT, "监事"], [A, NAMES[A], "王伟", WANG, "执行董事"]],
    )
    branches = _csv(
        folder / "branches.csv",
        [
            "分支机构统一社会信用代码",
            "分支机构名称",
            "隶属企业统一社会信用代码",
            "隶属企业名称",
            "负责人",
        ],
        [[BRANCH, NAMES[BRANCH], A, NAMES[A], "王伟"]],
    )
    penalties = _csv(
        folder / "penalties.csv",
        [
            "CF_XDR_MC",
            "CF_XDR_LB",
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
                NAMES[A],
                "法人及非法人组织",
                A,
                "王伟",
                "乌建罚〔2024〕7号",
                "罚款;责令停产停业",
                "30",
                "2024-05-01",
                "2027-05-01",
                "乌鲁木齐市住房和城乡建设局",
                "建筑工程未取得施工许可擅自施工被处罚",
            ],
            [
                NAMES[E],
                "法人及非法人组织",
                E,
                "买买提·艾力",
                "乌市监罚〔2023〕3号",
                "警告",
                "",
                "2023-02-01",
                "2023-05-01",
                "乌鲁木齐市市场监督管理局",
                "食品经营场所卫生不合格",
            ],
        ],
        encoding="gb18030",
    )
    debtors = folder / "dishonest_debtors.jsonl"
    debtors.write_text(
        json.dumps(
            {
                "被执行人姓名/名称": NAMES[B],
                "证件号码/统一社会信用代码": B,
                "案号": "（2023）新0102执1234号",
                "执行法院": "乌鲁木齐市天山区人民法院",
                "发布时间": "2023-03-01",
                "履行情况": "全部未履行",
                "法定代表人或者负责人姓名": "李娜",
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    lists = _csv(
        folder / "lists.csv",
        [
            "名单类型",
            "主体名称",
            "统一社会信用代码",
            "决定文书号",
            "列入日期",
            "列入原因",
            "作出决定机关",
            "移出日期",
            "移出原因",
        ],
        [
            [
                "政府采购严重违法失信行为记录名单",
                NAMES[D],
                D,
                "乌财采〔2024〕2号",
                "2024-01-01",
                "提供虚假材料谋取中标",
                "乌鲁木齐市财政局",
                "2025-12-31",
                "",
            ],
            [
                "经营异常名录",
                NAMES[C],
                C,
                "乌市监异〔2022〕5号",
                "2022-03-01",
                "未按规定报送年度报告",
                "乌鲁木齐市市场监督管理局",
                "2023-03-01",
                "已补报年度报告",
            ],
        ],
    )
    repairs = _csv(
        folder / "repairs.csv",
        [
            "主体名称",
            "统一社会信用代码",
            "修复类型",
            "原记录文书号",
            "修复决定日期",
            "修复决定机关",
        ],
        [[NAMES[B], B, "移出", "（2023）新0102执1234号", "2024-02-01", "乌鲁木齐市天山区人民法院"]],
    )
    return [repairs, lists, debtors, penalties, branches, officers, shareholders, enterprises]
