"""Mappers for registry kinds: enterprises, shareholders, officers, branches, professionals."""

from __future__ import annotations

from graph_service.model import Licence, RelationKind
from loaders.facts import RelationFact, RowFacts
from loaders.mappers.base import Row, looks_like_person, require_subject, stable_id
from loaders.mentions import MentionFactory
from loaders.values import parse_amount, parse_date, parse_ratio, split_list


def map_enterprise(row: Row, make: MentionFactory) -> RowFacts:
    facts = RowFacts(primary="@subject", defining={"subject", "rep"})
    name, code = row.text("enterprise_name"), row.text("uscc")
    require_subject(name, code)
    org_form = row.text("org_form")
    founded = parse_date(row.get("founded"), "founded")
    subject = make.enterprise(
        "subject",
        name,
        code,
        warnings=facts.warnings,
        aliases=split_list(row.get("former_names")) + split_list(row.get("short_names")),
        org_form=org_form,
        status=row.text("reg_status"),
        registered_capital=parse_amount(row.get("registered_capital"), "registered_capital"),
        founded=founded,
        address=row.text("address"),
        business_scope=row.text("business_scope"),
        registration_authority=row.text("registration_authority"),
        phones=split_list(row.get("phone")),
        emails=split_list(row.get("email")),
        is_branch=bool(org_form and "分公司" in org_form),
        stock_code=row.text("stock_code"),
    )
    parse_date(row.get("approved_on"), "approved_on")  # validated so a bad date quarantines
    subject.prototype.valid_from = founded
    facts.mentions.append(subject)
    rep_name = row.text("legal_representative")
    if rep_name:
        facts.mentions.append(
            make.person(
                "rep",
                rep_name,
                row.get("legal_representative_id"),
                anchor="subject",
                warnings=facts.warnings,
            )
        )
        facts.relations.append(
            RelationFact(RelationKind.LEGAL_REPRESENTATIVE_OF, "@rep", "@subject")
        )
    return facts


def map_shareholder(row: Row, make: MentionFactory) -> RowFacts:
    facts = RowFacts(primary="rel:0", defining={"holder"})
    name, code = row.text("enterprise_name"), row.text("enterprise_uscc")
    require_subject(name, code)
    holder_name, holder_code = row.text("shareholder_name"), row.text("shareholder_code")
    require_subject(holder_name, holder_code, who="the shareholder")
    ratio = parse_ratio(row.get("ratio"), "ratio")
    subscribed = parse_amount(row.get("subscribed_capital"), "subscribed_capital")
    paid = parse_amount(row.get("paid_capital"), "paid_capital")
    since = parse_date(row.get("invested_on"), "invested_on")
    facts.mentions.append(make.enterprise("subject", name, code, warnings=facts.warnings))
    if looks_like_person(holder_code, row.text("shareholder_type"), holder_name):
        holder = make.person(
            "holder", holder_name, holder_code, anchor="subject", warnings=facts.warnings
        )
    else:
        holder = make.enterprise("holder", holder_name, holder_code, warnings=facts.warnings)
    facts.mentions.append(holder)
    facts.relations.append(
        RelationFact(
            RelationKind.SHAREHOLDER_OF,
            "@holder",
            "@subject",
            ratio=ratio,
            subscribed_capital=subscribed,
            paid_capital=paid,
            valid_from=since,
        )
    )
    return facts


def map_officer(row: Row, make: MentionFactory) -> RowFacts:
    facts = RowFacts(primary="rel:0", defining={"officer"})
    name, code = row.text("enterprise_name"), row.text("enterprise_uscc")
    stock = row.text("enterprise_stock_code")
    require_subject(name, code, stock)
    person_name = row.text("person_name")
    require_subject(person_name, who="the officer")
    role = row.text("role") or "未注明"
    facts.mentions.append(
        make.enterprise("subject", name, code, warnings=facts.warnings, stock_code=stock)
    )
    facts.mentions.append(
        make.person(
            "officer", person_name, row.get("person_id"), anchor="subject", warnings=facts.warnings
        )
    )
    facts.relations.append(
        RelationFact(RelationKind.OFFICER_OF, "@officer", "@subject", qualifier=role, role=role)
    )
    return facts


def map_branch(row: Row, make: MentionFactory) -> RowFacts:
    facts = RowFacts(primary="rel:0", defining={"branch", "head"})
    branch_name, branch_code = row.text("branch_name"), row.text("branch_uscc")
    parent_name, parent_code = row.text("parent_name"), row.text("parent_uscc")
    require_subject(branch_name, branch_code)
    require_subject(parent_name, parent_code)
    facts.mentions.append(
        make.enterprise("branch", branch_name, branch_code, warnings=facts.warnings, is_branch=True)
    )
    facts.mentions.append(
        make.enterprise("parent", parent_name, parent_code, warnings=facts.warnings)
    )
    facts.relations.append(RelationFact(RelationKind.BRANCH_OF, "@branch", "@parent"))
    head = row.text("person_in_charge")
    if head:
        facts.mentions.append(
            make.person("head", head, None, anchor="branch", warnings=facts.warnings)
        )
        facts.relations.append(
            RelationFact(
                RelationKind.OFFICER_OF, "@head", "@branch", qualifier="负责人", role="负责人"
            )
        )
    return facts


def map_professional(row: Row, make: MentionFactory) -> RowFacts:
    facts = RowFacts(defining={"person"})
    person_name = row.text("person_name")
    require_subject(person_name, who="the professional")
    profession = row.text("profession") or "未注明"
    certificate = row.text("certificate_no")
    firm_name, firm_code = row.text("firm_name"), row.text("firm_uscc")
    since = parse_date(row.get("registered_on"), "registered_on")
    until = parse_date(row.get("valid_until"), "valid_until")
    has_firm = bool(firm_name or firm_code)
    if has_firm:
        facts.mentions.append(
            make.enterprise("firm", firm_name, firm_code, warnings=facts.warnings)
        )
    person = make.person(
        "person",
        person_name,
        row.get("person_id"),
        anchor="firm" if has_firm else None,
        warnings=facts.warnings,
    )
    facts.mentions.append(person)
    person_key = person.id_hash or f"{person.name_keys[0]}|{firm_code or firm_name or ''}"
    licence_id = stable_id("L", profession, certificate or "", person_key)
    licence = Licence(
        id=licence_id,
        name=f"{profession} {certificate or ''}".strip(),
        certificate_no=certificate,
        profession=profession,
        status=row.text("status"),
        firm_name=firm_name,
        valid_from=since,
        valid_to=until,
    )
    facts.fixed_nodes.append(licence)
    facts.primary = licence_id
    facts.relations.append(RelationFact(RelationKind.HOLDS, "@person", licence_id))
    if has_firm:
        facts.primary = "rel:1"  # one licence at a second firm (挂证) is new information
        facts.relations.append(
            RelationFact(
                RelationKind.REGISTERED_AT, licence_id, "@firm", valid_from=since, valid_to=until
            )
        )
    return facts
