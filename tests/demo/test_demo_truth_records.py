"""Active records, restrictions and key persons in truth.json follow from the file dates:
publication periods, listing terms, removals and repairs judged on DEMO_AS_OF."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from demo_files import clean_records, name_resolver, parse_date

from graph_service.demo import DEMO_AS_OF, Truth
from graph_service.demo.util import add_years
from graph_service.identifiers import name_key

TAX, PROCUREMENT = "重大税收违法失信主体", "政府采购严重违法失信行为记录名单"


def _repairs(out_dir: Path, truth: Truth) -> dict[str, list[tuple[date, str]]]:
    found: dict[str, list[tuple[date, str]]] = defaultdict(list)
    for r in clean_records(out_dir, truth, "repairs"):
        found[r["原记录文书号"]].append((parse_date(r["修复决定日期"]), r["修复类型"]))
    return found


def _judge(start: date, end: date | None, repairs: list[tuple[date, str]]) -> str | None:
    """why_inactive on DEMO_AS_OF, or None when in force."""
    if start > DEMO_AS_OF:
        return "not_started"
    done = [kind for day, kind in repairs if day <= DEMO_AS_OF]
    if done:
        return "repaired" if done[0] == "信用修复" else "removed"
    if end is not None and end <= DEMO_AS_OF:
        return "expired"
    return None


def test_every_restriction_relevant_record_is_judged(out_dir: Path, truth: Truth) -> None:
    repairs = _repairs(out_dir, truth)
    expected: dict[tuple[str, str], str | None] = {}
    for r in clean_records(out_dir, truth, "penalties"):
        decided, until = parse_date(r["CF_JDRQ"]), parse_date(r["CF_GSJZQ"])
        if until == add_years(decided, 3):  # serious penalties only
            expected["penalty", r["CF_WSH"]] = _judge(decided, until, repairs[r["CF_WSH"]])
    for r in clean_records(out_dir, truth, "dishonest_debtors"):
        published = parse_date(r["发布时间"])
        expected["dishonest_debtor", r["案号"]] = _judge(
            published, add_years(published, 2), repairs[r["案号"]]
        )
    for r in clean_records(out_dir, truth, "lists"):
        kind = "red_list" if r["名单类型"] == "A级纳税人" else "list_entry"
        end = parse_date(r["移出日期"]) if r["移出日期"] else None
        expected[kind, r["决定文书号"]] = _judge(
            parse_date(r["列入日期"]), end, repairs[r["决定文书号"]]
        )
    stated = {(a.kind, a.decision_no): a for a in truth.active_records}
    assert set(stated) == set(expected)
    for key, why in expected.items():
        record = stated[key]
        assert record.why_inactive == why, (key, record, why)
        assert record.active_on_as_of == (why is None)
    for kind in ("penalty", "dishonest_debtor", "list_entry", "red_list"):
        whys = {a.why_inactive for a in truth.active_records if a.kind == kind}
        assert None in whys and len(whys) >= 3, (kind, whys)
    # Repairs and removals dated after DEMO_AS_OF leave their record in force.
    later = {n for n, events in repairs.items() if all(d > DEMO_AS_OF for d, _ in events)}
    assert any(a.active_on_as_of and a.decision_no in later for a in truth.active_records)


def test_subjects_match_files(out_dir: Path, truth: Truth) -> None:
    subjects: dict[str, tuple[str, str]] = {}
    for r in clean_records(out_dir, truth, "dishonest_debtors"):
        code = r["证件号码/统一社会信用代码"]
        subjects[r["案号"]] = (code, "") if r["法定代表人或者负责人姓名"] else ("", code)
    for r in clean_records(out_dir, truth, "lists"):
        subjects[r["决定文书号"]] = (r["统一社会信用代码"], "")
    for record in truth.active_records:
        if record.kind == "penalty":
            continue
        uscc, id_number = subjects[record.decision_no]
        assert record.subject_uscc == (uscc or None)
        assert record.subject_id_number == (id_number or None)


def test_restricted_subjects(out_dir: Path, truth: Truth) -> None:
    expected: dict[str, set[str]] = defaultdict(set)
    person_debtors: set[str] = set()
    for a in truth.active_records:
        if not a.active_on_as_of:
            continue
        if a.kind == "dishonest_debtor" and a.subject_uscc:
            expected[a.subject_uscc].add("dishonest_debtor")
        elif a.kind == "dishonest_debtor" and a.subject_id_number:
            person_debtors.add(a.subject_id_number)
        elif a.list_type in (TAX, PROCUREMENT) and a.subject_uscc:
            expected[a.subject_uscc].add(a.list_type)
    assert {r.uscc: set(r.reason_kinds) for r in truth.restricted_subjects} == expected
    assert any(len(r.reason_kinds) > 1 for r in truth.restricted_subjects)
    key_persons = {
        (r["统一社会信用代码"], r["法定代表人证件号码"])
        for r in clean_records(out_dir, truth, "enterprises")
        if r["法定代表人证件号码"] in person_debtors
    }
    assert {(k.uscc, k.person_id_number) for k in truth.key_person_restricted} == key_persons
    assert key_persons


def test_key_person_namesakes_are_not_flagged(out_dir: Path, truth: Truth) -> None:
    """A same-name (different ID) legal representative of an active debtor is planted."""
    flagged = {k.person_id_number for k in truth.key_person_restricted}
    names = {
        r["法定代表人证件号码"]: r["法定代表人"]
        for r in clean_records(out_dir, truth, "enterprises")
    }
    flagged_names = {name_key(names[i]) for i in flagged}
    namesakes = [i for i, n in names.items() if name_key(n) in flagged_names and i not in flagged]
    assert namesakes


def test_tax_responsible_persons(out_dir: Path, truth: Truth) -> None:
    variants = {v: n.uscc for n in truth.name_variants for v in n.variants}
    resolve = name_resolver(out_dir, variants)
    officers = {
        (r["企业统一社会信用代码"] or resolve[r["企业名称"]], r["证件号码"], r["职务"])
        for r in clean_records(out_dir, truth, "officers")
    }
    reasons = {r["决定文书号"]: r["列入原因"] for r in clean_records(out_dir, truth, "lists")}
    tax_entries = [a for a in truth.active_records if a.list_type == TAX]
    assert len(truth.tax_responsible_persons) == len(tax_entries) > 0
    for person in truth.tax_responsible_persons:
        assert (person.uscc, person.person_id_number, "财务负责人") in officers
        text = reasons[person.decision_no]
        assert "负有直接责任的财务负责人" in text
        assert person.person_id_number[:6] + "********" + person.person_id_number[-4:] in text
