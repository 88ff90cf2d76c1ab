"""The vocabulary of the graph: node, relation and record kinds (one word per concept).

Glossary: 主体 = subject (an Enterprise or a Person a record is about); 记录 = CreditRecord;
处罚 = penalty; 失信被执行人 = dishonest_debtor; 名单 = list_entry; 红名单 = red_list;
信用修复/移出 = repair. Values are stable identifiers: add, never rename.
"""

from __future__ import annotations

from enum import StrEnum


class NodeKind(StrEnum):
    ENTERPRISE = "Enterprise"
    PERSON = "Person"
    AUTHORITY = "Authority"
    CREDIT_RECORD = "CreditRecord"
    LICENCE = "Licence"


class RelationKind(StrEnum):
    """Directed relations; the docstring of each member says source -> target."""

    LEGAL_REPRESENTATIVE_OF = "LEGAL_REPRESENTATIVE_OF"  # Person -> Enterprise
    SHAREHOLDER_OF = "SHAREHOLDER_OF"  # Person|Enterprise -> Enterprise (ratio, capital)
    OFFICER_OF = "OFFICER_OF"  # Person -> Enterprise (role)
    BRANCH_OF = "BRANCH_OF"  # branch Enterprise -> parent Enterprise
    REGISTERED_AT = "REGISTERED_AT"  # Licence -> Enterprise (the firm a professional works at)
    HOLDS = "HOLDS"  # Person -> Licence
    SUBJECT_OF = "SUBJECT_OF"  # Enterprise|Person -> CreditRecord
    DECIDED_BY = "DECIDED_BY"  # CreditRecord -> Authority
    SHARES_CONTACT = "SHARES_CONTACT"  # Enterprise -> Enterprise (same phone/email)


class RecordKind(StrEnum):
    PENALTY = "penalty"  # 行政处罚
    LICENCE = "licence"  # 行政许可
    DISHONEST_DEBTOR = "dishonest_debtor"  # 失信被执行人
    LIST_ENTRY = "list_entry"  # 经营异常名录, 严重违法失信名单, ... (restrictive lists)
    RED_LIST = "red_list"  # 守信激励 lists such as A级纳税人
    REPAIR = "repair"  # 信用修复 / 移出 decisions


class ListType(StrEnum):
    ABNORMAL_OPERATION = "abnormal_operation"  # 经营异常名录
    SERIOUS_VIOLATION = "serious_violation"  # 严重违法失信名单 / 严重失信主体名单
    MAJOR_TAX_VIOLATION = "major_tax_violation"  # 重大税收违法失信主体
    PROCUREMENT_VIOLATION = "procurement_violation"  # 政府采购严重违法失信行为记录名单
    TAX_A_GRADE = "tax_a_grade"  # A级纳税人 (red list)
    OTHER_RED = "other_red"  # other 守信激励 lists
    OTHER = "other"


LIST_TYPE_NAMES: dict[str, ListType] = {
    "经营异常名录": ListType.ABNORMAL_OPERATION,
    "经营异常名单": ListType.ABNORMAL_OPERATION,
    "严重违法失信名单": ListType.SERIOUS_VIOLATION,
    "严重违法失信企业名单": ListType.SERIOUS_VIOLATION,
    "严重失信主体名单": ListType.SERIOUS_VIOLATION,
    "重大税收违法失信主体": ListType.MAJOR_TAX_VIOLATION,
    "重大税收违法案件当事人": ListType.MAJOR_TAX_VIOLATION,
    "政府采购严重违法失信行为记录名单": ListType.PROCUREMENT_VIOLATION,
    "政府采购严重违法失信名单": ListType.PROCUREMENT_VIOLATION,
    "A级纳税人": ListType.TAX_A_GRADE,
    "守信激励名单": ListType.OTHER_RED,
    "红名单": ListType.OTHER_RED,
}

RED_LIST_TYPES = frozenset({ListType.TAX_A_GRADE, ListType.OTHER_RED})
