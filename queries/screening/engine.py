"""一处失信、处处受限: is a subject restricted in a domain on a date, why, and by what path?

The backend fetches the subject's neighbourhood once; everything below reasons over that
subgraph, so the embedded store and Neo4j give the same verdicts.

Levels (the verdict is the most severe finding):
- restricted: an active record triggers a rule of the domain that reaches the subject
  (as holder, or as a party the rule extends to: legal representative, branch, ...);
- warning: such a rule reaches a key person of the subject (legal representative,
  controlling shareholder, actual controller), or a public-office bar reaches one;
- info: a related party within ``depth`` carries an active restrictive record;
- clear: none of these.
"""

from __future__ import annotations

__all__ = ["SCREENING_RELATIONS", "screen"]

from datetime import UTC, date, datetime
from itertools import pairwise

import networkx as nx

from graph_service.model import (
    CreditRecord,
    Enterprise,
    Node,
    Person,
    RecordKind,
    Relation,
    RelationKind,
)
from graph_service.store.protocol import GraphStore, Subgraph
from queries.rules.loader import Catalogue
from queries.rules.schema import Domain, Party, Rule
from queries.screening.activity import measure_status, record_status, repairs_by_decision
from queries.screening.models import (
    SEVERITY,
    Finding,
    PathStep,
    RecordRef,
    RuleRef,
    SubjectRef,
    Verdict,
)
from queries.screening.parties import KEY_PERSON_PARTIES, Relations, parties_of

RECORD_KIND_LABELS = {
    RecordKind.PENALTY: "行政处罚",
    RecordKind.LICENCE: "行政许可",
    RecordKind.DISHONEST_DEBTOR: "失信被执行人",
    RecordKind.LIST_ENTRY: "名单",
    RecordKind.RED_LIST: "守信激励名单",
    RecordKind.REPAIR: "信用修复",
}
PARTY_LABELS = {
    Party.SUBJECT: "主体",
    Party.LEGAL_REPRESENTATIVE: "法定代表人",
    Party.OFFICERS: "董事、监事、高级管理人员",
    Party.RESPONSIBLE_PERSONS: "直接责任人员",
    Party.CONTROLLING_SHAREHOLDER: "控股股东",
    Party.ACTUAL_CONTROLLER: "实际控制人",
    Party.PARENT: "总公司",
    Party.BRANCHES: "分支机构",
}
SCREENING_RELATIONS = (
    RelationKind.LEGAL_REPRESENTATIVE_OF,
    RelationKind.OFFICER_OF,
    RelationKind.SHAREHOLDER_OF,
    RelationKind.BRANCH_OF,
    RelationKind.SUBJECT_OF,
)
_NOT_RESTRICTIVE = {RecordKind.REPAIR, RecordKind.LICENCE, RecordKind.RED_LIST}


def subject_ref(node: Node) -> SubjectRef:
    return SubjectRef(
        id=node.id,
        name=node.name,
        kind=str(node.kind),
        uscc=node.uscc if isinstance(node, Enterprise) else None,
        id_masked=node.id_masked if isinstance(node, Person) else None,
    )


def _sources(element: object) -> list[str]:
    provenance = getattr(element, "provenance", [])
    return [f"{p.source}#{p.row}" if p.row else p.source for p in provenance[:3]]


def _first_source(element: object) -> str | None:
    sources = _sources(element)
    return sources[0] if sources else None


def _record_ref(record: CreditRecord, holder: Node) -> RecordRef:
    return RecordRef(
        id=record.id,
        kind=str(record.record_kind),
        list_type=str(record.list_type) if record.list_type else None,
        decision_no=record.decision_no,
        authority=record.authority,
        valid_from=record.valid_from,
        valid_to=record.valid_to,
        removed_on=record.removed_on,
        holder=subject_ref(holder),
        sources=_sources(record),
    )


def _triggers(rule: Rule, record: CreditRecord, holder: Node) -> bool:
    trigger = rule.trigger
    if record.record_kind not in trigger.record_kinds:
        return False
    if trigger.list_types and record.list_type not in trigger.list_types:
        return False
    if trigger.severities and record.severity not in trigger.severities:
        return False
    if trigger.penalty_categories and not any(
        word in category for word in trigger.penalty_categories for category in record.categories
    ):
        return False
    return not trigger.subject_kinds or str(holder.kind) in trigger.subject_kinds


class _Evidence:
    """Builds evidence paths through the fetched subgraph (records excluded as hops)."""

    def __init__(self, subgraph: Subgraph) -> None:
        self.subgraph = subgraph
        self.graph = nx.Graph()
        for rel in subgraph.relations:
            if rel.kind != RelationKind.SUBJECT_OF:
                self.graph.add_edge(rel.source, rel.target, rel=rel)

    def _node(self, node_id: str) -> PathStep:
        node = self.subgraph.nodes.get(node_id)
        return PathStep(node=node_id, name=node.name if node else None)

    def path(self, start: str, via: str, holder: str, record: CreditRecord) -> list[PathStep]:
        nodes = [start]
        for a, b in ((start, via), (via, holder)):
            if a == b:
                continue
            try:
                hop = nx.shortest_path(self.graph, a, b)
            except (nx.NetworkXNoPath, nx.NodeNotFound):
                hop = [a, b]
            nodes += hop[1:]
        steps = [self._node(nodes[0])]
        for a, b in pairwise(nodes):
            data = self.graph.get_edge_data(a, b) or {}
            rel = data.get("rel")
            steps.append(
                PathStep(
                    rel=str(rel.kind) if rel else "RELATED",
                    source=_first_source(rel) if rel else None,
                )
            )
            steps.append(self._node(b))
        steps.append(PathStep(rel=str(RelationKind.SUBJECT_OF), source=_first_source(record)))
        steps.append(PathStep(node=record.id, name=record.decision_no or record.name))
        return steps


def screen(
    store: GraphStore,
    subject_id: str,
    domain: Domain,
    as_of: date,
    catalogue: Catalogue,
    *,
    depth: int = 2,
    known_at: datetime | None = None,
    max_fanout: int = 200,
) -> Verdict:
    """The verdict for one subject (a node id) in ``domain`` on ``as_of``."""
    subgraph = store.neighbourhood(
        [subject_id],
        depth + 1,
        relation_kinds=SCREENING_RELATIONS,
        as_of=as_of,
        max_fanout=max_fanout,
    )
    subject = subgraph.nodes[subject_id]
    relations = Relations.of(subgraph)
    evidence = _Evidence(subgraph)
    distance = (
        nx.single_source_shortest_path_length(evidence.graph, subject_id)
        if (subject_id in evidence.graph)
        else {subject_id: 0}
    )
    records = [n for n in subgraph.nodes.values() if isinstance(n, CreditRecord)]
    repairs = repairs_by_decision(records, known_at)
    holders = {
        rel.target: rel.source for rel in subgraph.relations if rel.kind == RelationKind.SUBJECT_OF
    }
    key_persons = {
        person: party
        for party in KEY_PERSON_PARTIES
        for person in parties_of(
            subject_id, party, subgraph, relations, catalogue.responsible_roles
        )
        if person != subject_id
    }
    findings: dict[tuple[str, str, str], Finding] = {}
    incentives: list[Finding] = []
    inactive: list[RecordRef] = []
    explained: set[str] = set()
    for record in sorted(records, key=lambda r: r.id):
        holder_id = holders.get(record.id)
        if holder_id is None or holder_id not in subgraph.nodes:
            continue
        holder = subgraph.nodes[holder_id]
        status = record_status(record, as_of, repairs, known_at)
        if record.record_kind == RecordKind.REPAIR:
            continue
        if status is not None and holder_id == subject_id:
            inactive.append(_record_ref(record, holder))
        for rule in catalogue.rules:
            if not _triggers(rule, record, holder):
                continue
            rule_status, until = measure_status(record, rule.duration, as_of, repairs, known_at)
            if rule_status is not None:
                continue
            for party in rule.extends_to:
                reached = parties_of(
                    holder_id, party, subgraph, relations, catalogue.responsible_roles
                )
                _apply(
                    findings,
                    incentives,
                    explained,
                    rule,
                    party,
                    until,
                    record,
                    holder,
                    reached,
                    subject_id,
                    key_persons,
                    domain,
                    evidence,
                )
    for record in sorted(records, key=lambda r: r.id):
        holder_id = holders.get(record.id)
        if (
            holder_id is None
            or record.id in explained
            or record.record_kind in _NOT_RESTRICTIVE
            or distance.get(holder_id, depth + 1) > depth
            or record_status(record, as_of, repairs, known_at) is not None
        ):
            continue
        holder = subgraph.nodes[holder_id]
        who = "本主体" if holder_id == subject_id else f"关联方{holder.name}"
        findings[(record.id, "info", holder_id)] = Finding(
            level="info",
            reason=f"{who}有有效的{RECORD_KIND_LABELS[record.record_kind]}记录"
            f"{record.decision_no or ''}（本领域无规则及于被核查主体，仅供参考）",
            record=_record_ref(record, holder),
            path=evidence.path(subject_id, holder_id, holder_id, record),
        )
    ordered = sorted(findings.values(), key=lambda f: (-SEVERITY[f.level], f.record.id))
    level = ordered[0].level if ordered else "clear"
    return Verdict(
        subject=subject_ref(subject),
        domain=str(domain),
        as_of=as_of,
        known_at=known_at,
        depth=depth,
        verdict=level,
        findings=ordered,
        incentives=incentives,
        inactive_records=inactive,
        rules_version=catalogue.version,
        data_version=store.data_version(),
        checked_at=datetime.now(UTC),
        truncated=subgraph.truncated,
    )


def _apply(
    findings: dict[tuple[str, str, str], Finding],
    incentives: list[Finding],
    explained: set[str],
    rule: Rule,
    party: Party,
    until: date | None,
    record: CreditRecord,
    holder: Node,
    reached: dict[str, list[Relation]],
    subject_id: str,
    key_persons: dict[str, Party],
    domain: Domain,
    evidence: _Evidence,
) -> None:
    rule_ref = RuleRef(
        id=rule.id,
        title=rule.title,
        measure=rule.measure,
        basis=f"{rule.basis.document_no} {rule.basis.title}",
        party=str(party),
        active_until=until,
    )
    in_domain = domain in rule.domains
    if subject_id in reached and in_domain:
        finding = Finding(
            level="restricted",
            reason=_reason(rule, party, record, holder, subject_id),
            record=_record_ref(record, holder),
            rule=rule_ref,
            path=evidence.path(subject_id, subject_id, holder.id, record),
        )
        if rule.effect == "incentive":
            incentives.append(finding.model_copy(update={"level": "info"}))
            return
        explained.add(record.id)
        findings.setdefault((record.id, rule.id, subject_id), finding)
        return
    if rule.effect != "restrict" or not (in_domain or Domain.PUBLIC_OFFICE in rule.domains):
        return
    for person, role in key_persons.items():
        if person not in reached:
            continue
        explained.add(record.id)
        findings.setdefault(
            (record.id, rule.id, person),
            Finding(
                level="warning",
                reason=f"{PARTY_LABELS[role]}{evidence.subgraph.nodes[person].name}"
                f"受“{rule.title}”约束（记录{record.decision_no or record.id}，"
                f"依据{rule.basis.document_no}）",
                record=_record_ref(record, holder),
                rule=rule_ref,
                path=evidence.path(subject_id, person, holder.id, record),
            ),
        )


def _reason(rule: Rule, party: Party, record: CreditRecord, holder: Node, subject_id: str) -> str:
    """One sentence for the file: the rule, whose record, the record, the legal basis."""
    whose = (
        "本主体" if holder.id == subject_id else f"{holder.name}（本主体为其{PARTY_LABELS[party]}）"
    )
    return (
        f"{rule.title}：{whose}的{RECORD_KIND_LABELS[record.record_kind]}记录"
        f"{record.decision_no or record.id}在核查日有效；依据{rule.basis.document_no}"
    )
