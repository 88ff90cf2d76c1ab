"""Flattening graph nodes into search documents (one place, for every backend)."""

from __future__ import annotations

from graph_service.model import CreditRecord, Enterprise, Node, Person
from search.documents import SearchDocument


def _region(code: str | None) -> str | None:
    return code if code and len(code) == 6 and code.isdigit() else None


def to_search_document(node: Node, subject_ids: list[str] | None = None) -> SearchDocument | None:
    """The searchable form of a node, or None for kinds that are not searched directly.

    Persons are indexed for investigators but marked non-public: the public sees a person
    only through published records, and never an ID number (only the masked form exists).
    """
    if isinstance(node, Enterprise):
        return SearchDocument(
            id=node.id,
            doc_type="entity",
            kind=str(node.kind),
            title=node.name,
            aliases=node.aliases,
            text=" ".join(p for p in (node.org_form, node.address, node.business_scope) if p),
            codes=[node.uscc] if node.uscc else [],
            authority=node.registration_authority,
            region=_region(node.region),
            date=node.founded,
            subject_ids=[node.id],
        )
    if isinstance(node, Person):
        return SearchDocument(
            id=node.id,
            doc_type="entity",
            kind=str(node.kind),
            title=node.name,
            aliases=node.aliases,
            codes=[node.id_masked] if node.id_masked else [],
            subject_ids=[node.id],
            public=False,
        )
    if isinstance(node, CreditRecord):
        body = [node.violation, node.facts, node.content, node.legal_basis, node.list_name]
        codes = [c for c in (node.decision_no, node.subject_code, node.repairs_decision_no) if c]
        return SearchDocument(
            id=node.id,
            doc_type="record",
            kind=str(node.record_kind),
            title=node.name,
            aliases=[node.subject_name] if node.subject_name else [],
            text=" ".join(p for p in body if p),
            codes=codes,
            authority=node.authority,
            date=node.valid_from,
            subject_ids=subject_ids or [],
        )
    return None  # authorities and licences are reached through records and persons
