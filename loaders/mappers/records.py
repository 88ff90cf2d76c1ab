"""Mappers for credit-record kinds: penalties, licences, dishonest debtors, lists, repairs.

Each record becomes a CreditRecord node with an id fixed by its decision number and subject,
linked SUBJECT_OF from its subject and DECIDED_BY to its authority. Severity of a penalty is
read from its categories (loaders/catalogue/severity.yaml), never guessed in code.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from graph_service.model import (
    LIST_TYPE_NAMES,
    RED_LIST_TYPES,
    CreditRecord,
    Enterprise,
    ListType,
    Person,
    RecordKind,
    RelationKind,
)
from loaders.facts import Mention, RelationFact, RowFacts
from loaders.mappers.base import (
    Row,
    looks_like_person,
    require_subject,
    stable_id,
    subject_identity,
)
from loaders.mentions import MentionFactory
from loaders.values import parse_amount, parse_date, split_list

_SEVERITY_PATH = Path(__file__).parent.parent / "catalogue" / "severity.yaml"


@lru_cache(maxsize=1)
def _severity_rules() -> dict[str, Any]:
    with _SEVERITY_PATH.open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _subject(
    facts: RowFacts,
    make: MentionFactory,
    name: str | None,
    code: str | None,
    person_id: str | None = None,
    declared_type: str | None = None,
    legal_rep: str | None = None,
) -> Mention:
    """The record's subject; a party with a legal representative is an organisation."""
    require_subject(name, code, person_id)
    if person_id or (not legal_rep and looks_like_person(code, declared_type, name)):
        mention = make.person(
            "subject", name, person_id or code, anchor=None, warnings=facts.warnings
        )
    else:
        mention = make.enterprise("subject", name, code, warnings=facts.warnings)
    facts.mentions.append(mention)
    return mention


def _subject_cells(row: Row) -> tuple[str | None, str | None, str | None]:
    """Name, USCC and ID number of the subject, for kinds that may name a person or an
    organisation (lists, repairs)."""
    return row.text("subject_name"), row.text("subject_uscc"), row.text("subject_id")


def _published_code(subject: Mention, code: str | None) -> str | None:
    """The subject's code as a record may show it: a person's only in masked form."""
    prototype = subject.prototype
    return prototype.id_masked if isinstance(prototype, Person) else code


def _link(facts: RowFacts, record: CreditRecord, authority: Mention | None) -> None:
    facts.fixed_nodes.append(record)
    facts.primary = record.id
    facts.relations.append(RelationFact(RelationKind.SUBJECT_OF, "@subject", record.id))
    if authority is not None and authority.prototype.name:
        facts.mentions.append(authority)
        facts.relations.append(RelationFact(RelationKind.DECIDED_BY, record.id, "@authority"))


def _legal_rep(facts: RowFacts, make: MentionFactory, name: str | None, id_number: Any) -> None:
    if not name or not isinstance(facts.mentions[0].prototype, Enterprise):
        return
    facts.mentions.append(
        make.person("rep", name, id_number, anchor="subject", warnings=facts.warnings)
    )
    facts.relations.append(RelationFact(RelationKind.LEGAL_REPRESENTATIVE_OF, "@rep", "@subject"))


def penalty_severity(categories: list[str], fine: float | None) -> str:
    """Serious when a category is in the serious set or the fine reaches the threshold."""
    rules = _severity_rules()["penalty"]
    if any(word in category for category in categories for word in rules["serious_categories"]):
        return "serious"
    if fine is not None and fine >= float(rules["serious_fine_wan_yuan"]):
        return "serious"
    return "ordinary"


def map_penalty(row: Row, make: MentionFactory) -> RowFacts:
    facts = RowFacts()
    name, code = row.text("subject_name"), row.text("subject_uscc")
    person_id = row.text("subject_id")
    subject = _subject(
        facts,
        make,
        name,
        code,
        person_id,
        row.text("subject_type"),
        row.text("legal_representative"),
    )
    decided = parse_date(row.get("decided_on"), "decided_on")
    until = parse_date(row.get("publish_until"), "publish_until")
    valid_until = parse_date(row.get("valid_until"), "valid_until")
    fine = parse_amount(row.get("fine_amount"), "fine_amount")
    confiscated = parse_amount(row.get("confiscated_amount"), "confiscated_amount")
    categories = split_list(row.get("penalty_categories"))
    decision_no = row.text("decision_no")
    record = CreditRecord(
        id=stable_id("R", "penalty", decision_no, subject_identity(name, code or person_id)),
        name=f"{decision_no} {subject.prototype.name}",
        record_kind=RecordKind.PENALTY,
        decision_no=decision_no,
        authority=row.text("authority"),
        authority_uscc=row.text("authority_uscc"),
        subject_name=subject.prototype.name,
        subject_code=_published_code(subject, code),
        subject_type=row.text("subject_type"),
        categories=categories,
        severity=penalty_severity(categories, fine),  # type: ignore[arg-type]
        fine_amount=fine,
        confiscated_amount=confiscated,
        violation=row.text("violation"),
        facts=row.text("facts"),
        legal_basis=row.text("legal_basis"),
        content=row.text("penalty_content"),
        published_on=decided,
        publish_until=until,
        note=row.text("note"),
        valid_from=decided,
        valid_to=until or valid_until,
    )
    _legal_rep(facts, make, row.text("legal_representative"), row.get("legal_representative_id"))
    _link(
        facts, record, make.authority("authority", row.get("authority"), row.get("authority_uscc"))
    )
    return facts


def map_licence(row: Row, make: MentionFactory) -> RowFacts:
    facts = RowFacts()
    name, code = row.text("subject_name"), row.text("subject_uscc")
    subject = _subject(
        facts, make, name, code, None, row.text("subject_type"), row.text("legal_representative")
    )
    decided = parse_date(row.get("decided_on"), "decided_on")
    start = parse_date(row.get("valid_from"), "valid_from") or decided
    end = parse_date(row.get("valid_to"), "valid_to")
    decision_no = row.text("decision_no")
    record = CreditRecord(
        id=stable_id("R", "licence", decision_no, subject_identity(name, code)),
        name=row.text("certificate_name") or row.text("document_name") or decision_no or "",
        record_kind=RecordKind.LICENCE,
        decision_no=decision_no,
        authority=row.text("authority"),
        authority_uscc=row.text("authority_uscc"),
        subject_name=subject.prototype.name,
        subject_code=code,
        categories=split_list(row.get("licence_category")),
        content=row.text("content"),
        note=row.text("licence_no"),
        published_on=decided,
        valid_from=start,
        valid_to=end,
    )
    _legal_rep(facts, make, row.text("legal_representative"), None)
    _link(
        facts, record, make.authority("authority", row.get("authority"), row.get("authority_uscc"))
    )
    return facts


def map_dishonest_debtor(row: Row, make: MentionFactory) -> RowFacts:
    facts = RowFacts()
    name, code = row.text("subject_name"), row.text("subject_code")
    subject = _subject(facts, make, name, code, legal_rep=row.text("legal_representative"))
    filed = parse_date(row.get("filed_on"), "filed_on")
    published = parse_date(row.get("published_on"), "published_on")
    removed = parse_date(row.get("removed_on"), "removed_on")
    start = published or filed
    rules = _severity_rules()["dishonest_debtor"]
    term = int(rules["default_listing_years"])
    case_no = row.text("case_no")
    record = CreditRecord(
        id=stable_id("R", "dishonest_debtor", case_no, subject_identity(name, code)),
        name=f"{case_no} {subject.prototype.name}",
        record_kind=RecordKind.DISHONEST_DEBTOR,
        decision_no=case_no,
        authority=row.text("court"),
        court=row.text("court"),
        subject_name=subject.prototype.name,
        subject_code=_published_code(subject, code),
        violation=row.text("dishonest_conduct"),
        content=row.text("duty"),
        legal_basis=" ".join(p for p in (row.text("basis_no"), row.text("basis_unit")) if p)
        or None,
        performance=row.text("performance"),
        published_on=published,
        removed_on=removed,
        note=f"listing term {term} years by default ({rules['basis']})",
        valid_from=start,
        valid_to=_add_years(start, term) if start else None,
    )
    _legal_rep(facts, make, row.text("legal_representative"), None)
    _link(facts, record, make.authority("authority", row.get("court")))
    return facts


def map_list_entry(row: Row, make: MentionFactory) -> RowFacts:
    facts = RowFacts()
    name, code, person_id = _subject_cells(row)
    subject = _subject(facts, make, name, code, person_id)
    list_name = row.text("list_type") or ""
    list_type = LIST_TYPE_NAMES.get(list_name.replace(" ", ""), ListType.OTHER)
    if list_type is ListType.OTHER and ("红名单" in list_name or "守信" in list_name):
        list_type = ListType.OTHER_RED
    listed = parse_date(row.get("listed_on"), "listed_on")
    until = parse_date(row.get("removed_on"), "removed_on")
    removal_reason = row.text("removal_reason")
    expiry_words = _severity_rules()["list_entry"]["expiry_words"]
    expired = bool(removal_reason) and any(w in (removal_reason or "") for w in expiry_words)
    decision_no = row.text("decision_no")
    kind = RecordKind.RED_LIST if list_type in RED_LIST_TYPES else RecordKind.LIST_ENTRY
    record = CreditRecord(
        id=stable_id(
            "R",
            kind,
            list_name,
            decision_no or (listed.isoformat() if listed else ""),
            subject_identity(name, code or person_id),
        ),
        name=f"{list_name} {subject.prototype.name}",
        record_kind=kind,
        list_type=list_type,
        list_name=list_name,
        decision_no=decision_no,
        authority=row.text("authority"),
        subject_name=subject.prototype.name,
        subject_code=_published_code(subject, code),
        facts=row.text("listing_reason"),
        content=row.text("responsible_persons"),
        published_on=listed,
        removed_on=until if removal_reason and not expired else None,
        removal_reason=removal_reason,
        valid_from=listed,
        valid_to=until,
    )
    _link(facts, record, make.authority("authority", row.get("authority")))
    return facts


def map_repair(row: Row, make: MentionFactory) -> RowFacts:
    facts = RowFacts()
    name, code, person_id = _subject_cells(row)
    subject = _subject(facts, make, name, code, person_id)
    repaired = parse_date(row.get("repaired_on"), "repaired_on")
    original = row.text("original_decision_no")
    record = CreditRecord(
        id=stable_id("R", "repair", original, subject_identity(name, code or person_id)),
        name=f"{row.text('repair_type') or '信用修复'} {original}",
        record_kind=RecordKind.REPAIR,
        decision_no=row.text("decision_no"),
        repairs_decision_no=original,
        repair_type=row.text("repair_type"),
        authority=row.text("authority"),
        subject_name=subject.prototype.name,
        subject_code=_published_code(subject, code),
        published_on=repaired,
        valid_from=repaired,
    )
    _link(facts, record, make.authority("authority", row.get("authority")))
    return facts
