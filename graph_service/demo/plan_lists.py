"""Plans lists.csv entries: abnormal operation, serious violation, major tax violation,
procurement bar and the A级纳税人 red list, with removals and repairs around DEMO_AS_OF."""

from __future__ import annotations

from datetime import date

from graph_service.identifiers import mask_id_number

from .constants import DISTRICTS
from .model import Enterprise
from .records_plan import (
    A_GRADE,
    ABNORMAL,
    PROCUREMENT,
    SERIOUS,
    TAX,
    ListEntry,
    Planner,
    state_dates,
)
from .util import add_years, rand_date

__all__ = ["plan_lists"]

_ABNORMAL_REASONS = (
    ("通过登记的住所或者经营场所无法联系", "已依法办理住所或者经营场所变更登记"),
    (
        "未按照《企业信息公示暂行条例》第八条规定的期限公示年度报告",
        "已补报未报年份的年度报告并公示",
    ),
    ("未在市场监督管理部门责令的期限内公示有关企业信息", "已补报并公示有关企业信息"),
    ("公示企业信息隐瞒真实情况、弄虚作假", "已更正其公示的信息"),
)
_SERIOUS_REASONS = (
    "被列入经营异常名录届满3年仍未履行相关义务",
    "提交虚假材料或者采取其他欺诈手段隐瞒重要事实取得公司登记，被撤销登记",
    "因食品安全违法行为被处以责令停产停业、吊销许可证等较重行政处罚",
)
_PROCUREMENT_ACTS = (
    "提供虚假材料谋取中标、成交",
    "与采购人、其他供应商或者采购代理机构恶意串通",
    "中标、成交后无正当理由拒不与采购人签订政府采购合同",
)
_TAX_ACTS = (
    "虚开增值税专用发票{n}份，票面金额{m}万元",
    "采取虚假纳税申报手段少缴税款{m}万元",
    "虚开增值税普通发票{n}份，金额{m}万元",
)
_REPAIR_DONE = "信用修复：已履行行政处罚决定并公开作出信用承诺"


def _simple(p: Planner, ent: Enterprise, list_type: str, family: tuple[str, ...]) -> ListEntry:
    """Abnormal-operation and serious-violation entries (removed / repaired on request)."""
    rng, auth = p.rng, p.w.authorities
    weights = (45, 35, 6, 14) if list_type == ABNORMAL else (50, 25, 10, 15)
    state = p.state(list_type, family, weights)
    start, repair_day = state_dates(rng, state, 3)
    if list_type == ABNORMAL:
        authority = auth.samr(DISTRICTS[ent.district_index])
        reason, removal_reason = rng.choice(_ABNORMAL_REASONS)
        number = p.w.numbering.doc(authority.abbr + "异", start.year)
        repair_type = "移出"
    else:
        authority, reason = auth["samr"], rng.choice(_SERIOUS_REASONS)
        removal_reason, repair_type = _REPAIR_DONE, "信用修复"
        number = p.w.numbering.doc(authority.abbr + "严", start.year)
    if repair_day is None:
        return ListEntry(list_type, ent, state, start, None, "", None, number, authority, reason)
    return ListEntry(
        list_type,
        ent,
        state,
        start,
        repair_day,
        removal_reason,
        (repair_type, repair_day),
        number,
        authority,
        reason,
    )


def _tax(p: Planner, ent: Enterprise) -> ListEntry:
    """A major tax case; the financial officer is named and becomes an officer row."""
    rng, w = p.rng, p.w
    states = ("active", "repaired", "repaired_later", "not_started")
    state = p.state(TAX, states, (55, 25, 8, 12))
    start, repair_day = state_dates(rng, state, 3)
    officer = w.people.pick_distinct(rng, 1, [ent.legal_rep])[0]
    ent.extra_officers = [(officer, "财务负责人")]
    act = rng.choice(_TAX_ACTS).format(n=rng.randint(5, 300), m=round(rng.uniform(20, 3000), 2))
    reason = (
        f"经国家税务总局乌鲁木齐市税务局稽查局检查，发现其在{start.year - 2}年1月1日至"
        f"{start.year - 1}年12月31日期间，{act}。依照《中华人民共和国税收征收管理法》等相关法律"
        f"法规的有关规定，对其处以追缴税款、加收滞纳金并处罚款的行政处理处罚。"
        f"法定代表人：{ent.legal_rep.name}；负有直接责任的财务负责人：{officer.name}"
        f"（{mask_id_number(officer.id_number)}）"
    )
    authority = w.authorities["tax"]
    number = w.numbering.doc(authority.abbr + "稽罚", start.year)
    repair = None if repair_day is None else ("信用修复", repair_day)
    end_reason = "" if repair_day is None else "已缴清税款、滞纳金和罚款，经申请信用修复"
    return ListEntry(
        TAX, ent, state, start, repair_day, end_reason, repair, number, authority, reason, officer
    )


def _procurement(p: Planner, ent: Enterprise) -> ListEntry:
    """A 1-3 year procurement bar; 移出日期 is the scheduled end of the bar."""
    rng = p.rng
    years = rng.choice((1, 2, 3))
    state = p.state(PROCUREMENT, ("active", "expired", "not_started"), (45, 35, 20))
    start, _ = state_dates(rng, state, years)
    end = add_years(start, years)
    reason = (
        f"{rng.choice(_PROCUREMENT_ACTS)}，处以采购金额千分之五的罚款，列入不良行为记录名单，"
        f"{years}年内禁止参加政府采购活动"
    )
    authority = p.w.authorities["finance"]
    number = p.w.numbering.doc(authority.abbr + "采处", start.year)
    end_reason = "禁止参加政府采购活动期限届满" if state == "expired" else ""
    return ListEntry(
        PROCUREMENT, ent, state, start, end, end_reason, None, number, authority, reason
    )


def _a_grade(p: Planner, ent: Enterprise) -> list[ListEntry]:
    """A级 for tax year 2023 (superseded in April 2025) and/or 2024 (current, or withdrawn)."""
    rng, w = p.rng, p.w
    authority = w.authorities["tax"]
    state = p.state(A_GRADE, ("active", "expired", "removed"), (60, 30, 10))
    entries: list[ListEntry] = []
    if state == "expired" or rng.random() < 0.5:
        start = rand_date(rng, date(2024, 4, 10), date(2024, 4, 30))
        end = rand_date(rng, date(2025, 4, 10), date(2025, 4, 30))
        number = w.numbering.doc(authority.abbr + "信评", start.year)
        entries.append(
            ListEntry(
                A_GRADE,
                ent,
                "expired",
                start,
                end,
                "纳税信用评价结果已更新",
                None,
                number,
                authority,
                "2023年度纳税信用评价结果为A级",
            )
        )
    if state != "expired":
        start = rand_date(rng, date(2025, 4, 10), date(2025, 4, 30))
        number = w.numbering.doc(authority.abbr + "信评", start.year)
        reason = "2024年度纳税信用评价结果为A级"
        if state == "removed":
            end = rand_date(rng, date(2025, 5, 10), date(2025, 6, 15))
            entries.append(
                ListEntry(
                    A_GRADE,
                    ent,
                    "removed",
                    start,
                    end,
                    "发生税收违法行为，纳税信用级别已调整",
                    ("移出", end),
                    number,
                    authority,
                    reason,
                )
            )
        else:
            entries.append(
                ListEntry(A_GRADE, ent, "active", start, None, "", None, number, authority, reason)
            )
    return entries


def plan_lists(p: Planner, debtor_companies: list[Enterprise]) -> list[ListEntry]:
    """Tax cases overlap the company debtors in part; red-listed companies are never
    restricted, abnormal and serious entries fall on any other eligible company."""
    rng, n = p.rng, p.w.scale
    entries: list[ListEntry] = []
    tax_count = max(6, n // 300)
    overlap = debtor_companies[: tax_count // 3]
    for ent in [*overlap, *p.take(tax_count - len(overlap))]:
        entries.append(_tax(p, ent))
    for ent in p.take(max(6, n // 300)):
        entries.append(_procurement(p, ent))
    for ent in p.take(max(6, n // 50)):
        entries.extend(_a_grade(p, ent))
    rest = p.eligible[p.cursor :] or p.eligible
    for ent in rng.sample(rest, min(len(rest), max(10, n // 25))):
        entries.append(
            _simple(p, ent, ABNORMAL, ("active", "removed", "removed_later", "not_started"))
        )
    for ent in rng.sample(rest, min(len(rest), max(6, n // 250))):
        entries.append(
            _simple(p, ent, SERIOUS, ("active", "repaired", "repaired_later", "not_started"))
        )
    rng.shuffle(entries)
    return entries
