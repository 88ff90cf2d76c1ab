"""Backend-neutral models of what is indexed, asked and answered.

Every search backend (embedded tantivy, Elasticsearch) speaks these models, so callers and the
contract tests never see an engine's own types.
"""

from __future__ import annotations

import datetime
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

DocType = Literal["entity", "record"]

#: Elasticsearch's default ``index.max_result_window``; enforced here so both backends page alike.
MAX_RESULT_WINDOW = 10_000


class SearchDocument(BaseModel):
    """One searchable thing: a graph node (entity) or a credit record, flattened for search."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    doc_type: DocType
    kind: str = Field(
        min_length=1,
        description="Node kind (Enterprise, Person, Authority) or record kind (penalty, ...)",
    )
    title: str = Field(description="Name, or the decision title")
    aliases: list[str] = Field(default_factory=list, description="Former names, short names")
    text: str = Field(default="", description="Body: facts, content, reasons")
    codes: list[str] = Field(
        default_factory=list,
        description="Exact-match identifiers: USCC, decision numbers, case numbers",
    )
    authority: str | None = None
    region: str | None = Field(default=None, pattern=r"^\d{6}$", description="GB/T 2260 code")
    date: datetime.date | None = Field(default=None, description="Decision/registration date")
    subject_ids: list[str] = Field(default_factory=list, description="Graph node ids it is about")
    public: bool = True


class SearchQuery(BaseModel):
    """A free-text query plus filters; an empty ``text`` lists the documents the filters keep.

    ``text`` is split on whitespace into clauses that must all match; a quoted phrase ("...")
    is one clause. Each clause matches title, aliases or body as a phrase, or a code exactly
    (or by prefix).
    """

    model_config = ConfigDict(extra="forbid")

    text: str = ""
    doc_types: list[DocType] = Field(default_factory=list)
    kinds: list[str] = Field(default_factory=list)
    authority: str | None = Field(default=None, description="Exact authority name")
    region: str | None = Field(
        default=None, pattern=r"^\d{1,6}$", description="Region code prefix: 6501 matches 650102"
    )
    date_from: datetime.date | None = Field(default=None, description="Inclusive")
    date_to: datetime.date | None = Field(default=None, description="Inclusive")
    public_only: bool = False
    limit: int = Field(default=20, ge=1, le=200)
    offset: int = Field(default=0, ge=0)

    @model_validator(mode="after")
    def _check_ranges(self) -> Self:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("date_from is after date_to")
        if self.offset + self.limit > MAX_RESULT_WINDOW:
            raise ValueError(f"offset + limit must not exceed {MAX_RESULT_WINDOW}")
        return self


class SearchHit(BaseModel):
    """One matching document, with its score and HTML-safe highlighted fragments."""

    id: str
    doc_type: DocType
    kind: str
    title: str
    score: float = Field(description="Engine-specific relevance; 0.0 when listing without text")
    highlights: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Field name -> fragments, matched text wrapped in <em>...</em>",
    )
    document: SearchDocument


class SearchResult(BaseModel):
    """A page of hits and the real number of matching documents."""

    total: int
    hits: list[SearchHit] = Field(default_factory=list)
