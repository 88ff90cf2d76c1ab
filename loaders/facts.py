"""What a mapped row states, before entity resolution gives its mentions node ids.

A mapper turns one row into ``RowFacts``: entity mentions (who), nodes whose ids are fixed
by their content (records, licences), relations between them, and the row's primary
element, whose prior existence decides whether the row counts as loaded or merged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from graph_service.model import Authority, CreditRecord, Enterprise, Licence, Person, RelationKind

MentionNode = Enterprise | Person | Authority


@dataclass
class Mention:
    """An entity named by a row. ``prototype`` holds its fields; its id comes from resolution.

    ``anchor`` names the mention of the enterprise a person was named at: without an ID
    number, a person is one person only within that enterprise (同名同姓 elsewhere stays
    apart).
    """

    ref: str
    prototype: MentionNode
    uscc_key: str | None = None  # only codes that pass GB 32100
    stock_key: str | None = None  # 证券代码: unique per listed company, so it merges too
    id_hash: str | None = None
    name_keys: list[str] = field(default_factory=list)  # normalised name first, then aliases
    anchor: str | None = None
    contacts: list[str] = field(default_factory=list)


@dataclass
class RelationFact:
    """A relation between two endpoints: ``@ref`` for a mention, else a fixed node id."""

    kind: RelationKind
    source: str
    target: str
    qualifier: str | None = None  # distinguishes parallel relations (an officer's role)
    role: str | None = None
    ratio: float | None = None
    subscribed_capital: float | None = None
    paid_capital: float | None = None
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass
class RowFacts:
    mentions: list[Mention] = field(default_factory=list)
    fixed_nodes: list[CreditRecord | Licence] = field(default_factory=list)
    relations: list[RelationFact] = field(default_factory=list)
    primary: str = ""  # "@ref", a fixed node id, or "rel:<index>"
    warnings: list[str] = field(default_factory=list)
    # Mentions this row describes (its provenance is added to them); other mentions are
    # references (a company named by a penalty row) and attest only a node they create.
    defining: set[str] = field(default_factory=set)
