"""The exact file names, formats, encodings and headers of the national input kinds.

Loaders detect the kind from these headers, so they are written once here and reused by the
writers and the tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "BRANCHES",
    "DEBTORS",
    "ENTERPRISES",
    "LAYOUTS",
    "LICENCES",
    "LISTS",
    "OFFICERS",
    "PENALTIES",
    "PROFESSIONALS",
    "REPAIRS",
    "SHAREHOLDERS",
    "FileLayout",
]

Format = Literal["csv", "jsonl", "xlsx"]


@dataclass(frozen=True)
class FileLayout:
    """Where and how one input kind is written."""

    kind: str
    filename: str
    fmt: Format
    encoding: str
    header: tuple[str, ...]

    def col(self, name: str) -> int:
        """Index of a column; KeyError-like ValueError if the header lacks it."""
        return self.header.index(name)


ENTERPRISES = FileLayout(
    "enterprises",
    "enterprises.csv",
    "csv",
    "utf-8-sig",
    (
        "统一社会信用代码",
        "企业名称",
        "法定代表人",
        "法定代表人证件号码",
        "企业类型",
        "成立日期",
        "注册资本(万元)",
        "登记状态",
        "住所",
        "经营范围",
        "曾用名",
        "登记机关",
        "核准日期",
        "联系电话",
        "电子邮箱",
    ),
)
SHAREHOLDERS = FileLayout(
    "shareholders",
    "shareholders.csv",
    "csv",
    "utf-8",
    (
        "企业统一社会信用代码",
        "企业名称",
        "股东名称",
        "股东类型",
        "股东证件号码或统一社会信用代码",
        "认缴出资额(万元)",
        "实缴出资额(万元)",
        "出资比例",
        "出资日期",
    ),
)
OFFICERS = FileLayout(
    "officers",
    "officers.csv",
    "csv",
    "utf-8",
    (
        "企业统一社会信用代码",
        "企业名称",
        "姓名",
        "证件号码",
        "职务",
    ),
)
BRANCHES = FileLayout(
    "branches",
    "branches.csv",
    "csv",
    "utf-8",
    (
        "分支机构统一社会信用代码",
        "分支机构名称",
        "隶属企业统一社会信用代码",
        "隶属企业名称",
        "负责人",
    ),
)
PROFESSIONALS = FileLayout(
    "professionals",
    "professionals.xlsx",
    "xlsx",
    "xlsx",
    (
        "姓名",
        "证件号码",
        "执业类别",
        "证书编号",
        "执业机构名称",
        "执业机构统一社会信用代码",
        "注册日期",
        "有效期至",
        "状态",
    ),
)
PENALTIES = FileLayout(
    "penalties",
    "penalties.csv",
    "csv",
    "gb18030",
    (
        "CF_XDR_MC",
        "CF_XDR_LB",
        "CF_XDR_SHXYM",
        "CF_FRDB",
        "CF_XDR_ZJLX",
        "CF_XDR_ZJHM",
        "CF_WSH",
        "CF_WFXW",
        "CF_SY",
        "CF_YJ",
        "CF_CFLB",
        "CF_NR",
        "CF_NR_FK",
        "CF_JDRQ",
        "CF_YXQ",
        "CF_GSJZQ",
        "CF_CFJG",
        "CF_CFJGDM",
        "CF_SJLY",
        "CF_SJLYDM",
        "BZ",
    ),
)
LICENCES = FileLayout(
    "licences",
    "licences.csv",
    "csv",
    "utf-8",
    (
        "XK_XDR_MC",
        "XK_XDR_SHXYM",
        "XK_XKWS",
        "XK_WSH",
        "XK_XKLB",
        "XK_XKZS",
        "XK_XKBH",
        "XK_NR",
        "XK_JDRQ",
        "XK_YXQZ",
        "XK_YXQZI",
        "XK_XKJG",
        "XK_XKJGDM",
        "XK_ZT",
        "XK_LYDW",
        "XK_LYDWDM",
    ),
)
DEBTORS = FileLayout(
    "dishonest_debtors",
    "dishonest_debtors.jsonl",
    "jsonl",
    "utf-8",
    (
        "被执行人姓名/名称",
        "证件号码/统一社会信用代码",
        "案号",
        "执行法院",
        "省份",
        "执行依据文号",
        "作出执行依据单位",
        "立案时间",
        "发布时间",
        "履行情况",
        "失信被执行人行为具体情形",
        "法定代表人或者负责人姓名",
    ),
)
LISTS = FileLayout(
    "lists",
    "lists.csv",
    "csv",
    "utf-8",
    (
        "名单类型",
        "主体名称",
        "统一社会信用代码",
        "证件号码",
        "决定文书号",
        "列入日期",
        "列入原因",
        "作出决定机关",
        "移出日期",
        "移出原因",
    ),
)
REPAIRS = FileLayout(
    "repairs",
    "repairs.csv",
    "csv",
    "utf-8",
    (
        "主体名称",
        "统一社会信用代码",
        "证件号码",
        "修复类型",
        "原记录文书号",
        "修复决定日期",
        "修复决定机关",
    ),
)

LAYOUTS: tuple[FileLayout, ...] = (
    ENTERPRISES,
    SHAREHOLDERS,
    OFFICERS,
    BRANCHES,
    PROFESSIONALS,
    PENALTIES,
    LICENCES,
    DEBTORS,
    LISTS,
    REPAIRS,
)
