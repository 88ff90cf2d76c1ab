"""Screening scenarios on hand-built graphs: each rule family, each level, time and extension.

Runs on every graph backend (the ``graph_store`` fixture), so verdicts are the same on the
embedded store and on Neo4j.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from graph_service.errors import AmbiguousSubjectError, NotFoundError
from graph_service.identifiers import IdentityHasher
from graph_service.model import ListType, RecordKind, RelationKind
from graph_service.store.protocol import GraphStore
from queries.rules.loader import load_catalogue
from queries.rules.schema import Domain
from queries.screening.engine import screen
from queries.screening.models import Verdict
from queries.screening.service import screen_subject

from graph_builder import GraphBuilder

AS_OF = date(2025, 6, 30)
CATALOGUE = load_catalogue()
LR = RelationKind.LEGAL_REPRESENTATIVE_OF
DEBTOR = RecordKind.DISHONEST_DEBTOR
PROCUREMENT = Domain.GOVERNMENT_PROCUREMENT


def _screen(
    store: GraphStore,
    subject: str,
    domain: Domain = PROCUREMENT,
    as_of: date = AS_OF,
    **kwargs: object,
) -> Verdict:
    return screen(store, subject, domain, as_of, CATALOGUE, **kwargs)  # type: ignore[arg-type]


def _rules(verdict: Verdict) -> set[tuple[str, str | None]]:
    return {(f.level, f.rule.id if f.rule else None) for f in verdict.findings}


def test_active_debtor_is_restricted_with_rule_basis_and_path(graph_store: GraphStore) -> None:
    GraphBuilder().ent("C", "甲公司").record(
        "R", "C", DEBTOR, date(2024, 1, 1), date(2026, 1, 1), decision_no="（2024）新0102执1号"
    ).write(graph_store)
    verdict = _screen(graph_store, "C")
    assert verdict.verdict == "restricted"
    finding = verdict.findings[0]
    assert finding.rule is not None and finding.rule.id == "procurement.dishonest_debtor"
    assert finding.rule.basis.startswith("财库〔2016〕125号")
    assert finding.rule.active_until == date(2026, 1, 1)
    assert [s.node or s.rel for s in finding.path] == ["C", "SUBJECT_OF", "R"]
    assert finding.path[1].source == "scenario.csv#2"  # where the relation was read
    assert finding.record.decision_no == "（2024）新0102执1号"
    assert verdict.rules_version == CATALOGUE.version and verdict.data_version


@pytest.mark.parametrize(
    ("start", "end", "extra", "expected"),
    [
        # ended by its own term before the bid date
        (date(2022, 1, 1), date(2024, 1, 1), {}, "expired"),
        # starts after the bid date
        (date(2025, 7, 1), date(2027, 7, 1), {}, "not_started"),
        # removed early (移出)
        (date(2024, 1, 1), date(2026, 1, 1), {"removed_on": date(2025, 3, 1)}, "removed"),
    ],
)
def test_inactive_records_never_restrict_but_stay_in_history(
    graph_store: GraphStore, start: date, end: date, extra: dict[str, date], expected: str
) -> None:
    GraphBuilder().ent("C", "甲公司").record("R", "C", DEBTOR, start, end, **extra).write(
        graph_store
    )
    verdict = _screen(graph_store, "C")
    assert verdict.verdict == "clear" and not verdict.findings
    assert [r.id for r in verdict.inactive_records] == ["R"]


def test_repair_ends_a_record_from_its_date_on(graph_store: GraphStore) -> None:
    (
        GraphBuilder()
        .ent("C", "甲公司")
        .record("R", "C", DEBTOR, date(2024, 1, 1), date(2026, 1, 1), decision_no="（2024）执1号")
        .repair("C", "(2024)执1号", date(2025, 3, 1))  # half-width brackets still match
        .write(graph_store)
    )
    assert _screen(graph_store, "C", as_of=date(2025, 2, 28)).verdict == "restricted"
    assert _screen(graph_store, "C", as_of=date(2025, 3, 1)).verdict == "clear"


def test_procurement_bar_lasts_until_its_own_end(graph_store: GraphStore) -> None:
    GraphBuilder().ent("C", "甲公司").record(
        "R",
        "C",
        RecordKind.LIST_ENTRY,
        date(2023, 1, 1),
        date(2026, 1, 1),
        list_type=ListType.PROCUREMENT_VIOLATION,
    ).write(graph_store)
    assert _rules(_screen(graph_store, "C")) == {
        ("restricted", "procurement.serious_violation_list")
    }
    assert _screen(graph_store, "C", as_of=date(2026, 1, 2)).verdict == "clear"
    # The same list does not bar access to high consumption: no rule of that domain.
    assert _screen(graph_store, "C", domain=Domain.HIGH_CONSUMPTION).verdict == "info"


def test_debtor_restrictions_extend_to_the_legal_representative(graph_store: GraphStore) -> None:
    (
        GraphBuilder()
        .ent("C", "甲公司")
        .person("P", "王伟")
        .rel(LR, "P", "C")
        .record("R", "C", DEBTOR, date(2024, 1, 1), date(2026, 1, 1))
        .write(graph_store)
    )
    person = _screen(graph_store, "P", domain=Domain.HIGH_CONSUMPTION)
    assert _rules(person) == {("restricted", "debtor.high_consumption")}
    finding = person.findings[0]
    assert finding.rule is not None and finding.rule.party == "legal_representative"
    assert [s.node or s.rel for s in finding.path] == [
        "P",
        "LEGAL_REPRESENTATIVE_OF",
        "C",
        "SUBJECT_OF",
        "R",
    ]
    # Procurement bars the company, not its representative: for him it is information.
    assert _screen(graph_store, "P").verdict == "info"


def test_key_person_or_controlling_shareholder_gives_a_warning(graph_store: GraphStore) -> None:
    (
        GraphBuilder()
        .ent("S", "投标公司")
        .person("P", "王伟")
        .ent("H", "控股公司")
        .ent("M", "参股公司")
        .rel(LR, "P", "S")
        .rel(RelationKind.SHAREHOLDER_OF, "H", "S", ratio=0.6)
        .rel(RelationKind.SHAREHOLDER_OF, "M", "S", ratio=0.1)
        .record("RP", "P", DEBTOR, date(2024, 1, 1), date(2026, 1, 1))
        .record("RH", "H", DEBTOR, date(2024, 1, 1), date(2026, 1, 1))
        .record("RM", "M", DEBTOR, date(2024, 1, 1), date(2026, 1, 1))
        .write(graph_store)
    )
    verdict = _screen(graph_store, "S")
    assert verdict.verdict == "warning"
    by_record = {(f.record.id, f.level) for f in verdict.findings}
    assert ("RP", "warning") in by_record  # legal representative personally a debtor
    assert ("RH", "warning") in by_record  # 60% shareholder restricted
    assert ("RM", "info") in by_record  # a 10% shareholder is only related
    warning = next(f for f in verdict.findings if f.record.id == "RH")
    assert [s.node or s.rel for s in warning.path] == [
        "S",
        "SHAREHOLDER_OF",
        "H",
        "SUBJECT_OF",
        "RH",
    ]


def test_branches_and_parents_share_restrictions(graph_store: GraphStore) -> None:
    (
        GraphBuilder()
        .ent("C", "总公司")
        .ent("B", "总公司天山分公司")
        .ent("D", "乙公司")
        .ent("DB", "乙公司米东分公司")
        .rel(RelationKind.BRANCH_OF, "B", "C")
        .rel(RelationKind.BRANCH_OF, "DB", "D")
        .record("RC", "C", DEBTOR, date(2024, 1, 1), date(2026, 1, 1))
        .record("RDB", "DB", DEBTOR, date(2024, 1, 1), date(2026, 1, 1))
        .write(graph_store)
    )
    branch = _screen(graph_store, "B")
    assert branch.verdict == "restricted" and branch.findings[0].rule.party == "branches"  # type: ignore[union-attr]
    parent = _screen(graph_store, "D")
    assert parent.verdict == "restricted" and parent.findings[0].rule.party == "parent"  # type: ignore[union-attr]


def test_ownership_cycles_terminate_and_actual_controllers_are_found(
    graph_store: GraphStore,
) -> None:
    (
        GraphBuilder()
        .person("P", "买买提·艾力")
        .ent("A", "甲公司")
        .ent("B", "乙公司")
        .rel(RelationKind.SHAREHOLDER_OF, "P", "A", ratio=0.9)
        .rel(RelationKind.SHAREHOLDER_OF, "A", "B", ratio=0.8)
        .rel(RelationKind.SHAREHOLDER_OF, "B", "A", ratio=0.1)  # cross-holding cycle
        .record("RB", "B", DEBTOR, date(2024, 1, 1), date(2026, 1, 1))
        .write(graph_store)
    )
    verdict = _screen(graph_store, "P", domain=Domain.HIGH_CONSUMPTION, depth=3)
    assert _rules(verdict) == {("restricted", "debtor.high_consumption")}
    assert verdict.findings[0].rule.party == "actual_controller"  # type: ignore[union-attr]
    # B's actual controller P is a key person of B's parent A too: screening A warns.
    assert _screen(graph_store, "A").verdict in {"warning", "info"}


def test_serious_violation_bars_the_legal_representative_for_three_years(
    graph_store: GraphStore,
) -> None:
    (
        GraphBuilder()
        .ent("C", "甲公司")
        .person("P", "李娜")
        .rel(LR, "P", "C")
        .record(
            "R",
            "C",
            RecordKind.LIST_ENTRY,
            date(2022, 3, 1),
            None,
            list_type=ListType.SERIOUS_VIOLATION,
        )
        .write(graph_store)
    )
    within = _screen(graph_store, "P", domain=Domain.PUBLIC_OFFICE, as_of=date(2025, 2, 28))
    assert _rules(within) == {("restricted", "market.serious_violation")}
    assert within.findings[0].rule.active_until == date(2025, 3, 1)  # type: ignore[union-attr]
    after = _screen(graph_store, "P", domain=Domain.PUBLIC_OFFICE, as_of=date(2025, 3, 1))
    assert after.verdict == "info"  # the company is still listed, the bar has ended


def test_red_list_incentives_do_not_change_the_verdict(graph_store: GraphStore) -> None:
    GraphBuilder().ent("C", "甲公司").record(
        "R",
        "C",
        RecordKind.RED_LIST,
        date(2025, 4, 1),
        date(2026, 3, 31),
        list_type=ListType.TAX_A_GRADE,
    ).write(graph_store)
    verdict = _screen(graph_store, "C", domain=Domain.ADMINISTRATIVE_APPROVAL)
    assert verdict.verdict == "clear"
    assert [f.rule.id for f in verdict.incentives if f.rule] == ["red.tax_a_grade"]


def test_record_time_answers_as_known_then(graph_store: GraphStore) -> None:
    late = datetime(2025, 8, 1, tzinfo=UTC)
    GraphBuilder().ent("C", "甲公司").record(
        "R", "C", DEBTOR, date(2024, 1, 1), date(2026, 1, 1), recorded_at=late
    ).write(graph_store)
    assert _screen(graph_store, "C").verdict == "restricted"
    known_then = _screen(graph_store, "C", known_at=datetime(2025, 7, 1, tzinfo=UTC))
    assert known_then.verdict == "clear"  # the record was loaded late


def test_depth_limits_related_party_information(graph_store: GraphStore) -> None:
    (
        GraphBuilder()
        .ent("S", "甲公司")
        .person("P", "王伟")
        .ent("F", "远方公司")
        .rel(LR, "P", "S")
        .rel(RelationKind.OFFICER_OF, "P", "F", role="监事")
        .record(
            "RF",
            "F",
            RecordKind.LIST_ENTRY,
            date(2024, 1, 1),
            None,
            list_type=ListType.ABNORMAL_OPERATION,
        )
        .write(graph_store)
    )
    assert _screen(graph_store, "S", depth=1).verdict == "clear"
    deeper = _screen(graph_store, "S", depth=2)
    assert deeper.verdict == "info" and deeper.findings[0].record.id == "RF"
    assert [s.node or s.rel for s in deeper.findings[0].path] == [
        "S", "LEGAL_REPRESENTATIVE_OF", "P", "OFFICER_OF", "F", "SUBJECT_OF", "RF",
    ]  # fmt: skip


def test_unknown_and_ambiguous_subjects(graph_store: GraphStore) -> None:
    GraphBuilder().person("P1", "张伟").person("P2", "张伟").ent("C", "甲公司").write(graph_store)
    hasher = IdentityHasher("test")
    with pytest.raises(NotFoundError):
        screen_subject(graph_store, hasher, CATALOGUE, "不存在公司", PROCUREMENT, AS_OF)
    with pytest.raises(AmbiguousSubjectError) as raised:
        screen_subject(graph_store, hasher, CATALOGUE, "张伟", PROCUREMENT, AS_OF)
    candidates = raised.value.detail["candidates"]
    assert isinstance(candidates, list) and {c["id"] for c in candidates} == {"P1", "P2"}
    assert (
        screen_subject(graph_store, hasher, CATALOGUE, "甲公司", PROCUREMENT, AS_OF).verdict
        == "clear"
    )
