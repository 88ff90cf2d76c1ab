"""Screening results: the verdict JSON of shared/design.md, extended, never renamed."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

Level = Literal["restricted", "warning", "info"]
VerdictLevel = Literal["restricted", "warning", "info", "clear"]
SEVERITY: dict[str, int] = {"clear": 0, "info": 1, "warning": 2, "restricted": 3}


class SubjectRef(BaseModel):
    id: str = Field(examples=["E-91650102MA77XXXX1X"])
    name: str = Field(examples=["乌鲁木齐天山建筑工程有限公司"])
    kind: str = Field(examples=["Enterprise"])
    uscc: str | None = None
    id_masked: str | None = Field(default=None, examples=["650102********123X"])


class RecordRef(BaseModel):
    id: str
    kind: str = Field(examples=["dishonest_debtor"])
    list_type: str | None = None
    decision_no: str | None = Field(default=None, examples=["（2023）新0102执1234号"])
    authority: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    removed_on: date | None = None
    holder: SubjectRef
    sources: list[str] = Field(default_factory=list, description="file#row it was read from")


class RuleRef(BaseModel):
    id: str = Field(examples=["procurement.dishonest_debtor"])
    title: str
    measure: str
    basis: str = Field(
        examples=["财库〔2016〕125号 关于在政府采购活动中查询及使用信用记录有关问题的通知"]
    )
    party: str = Field(description="Whom the rule reaches: subject, legal_representative, …")
    active_until: date | None = Field(default=None, description="When the measure ends, if known")


class PathStep(BaseModel):
    """One step of an evidence path: a node, or the relation between two nodes."""

    node: str | None = None
    name: str | None = None
    rel: str | None = None
    source: str | None = Field(default=None, description="file#row the relation came from")


class Finding(BaseModel):
    level: Level
    reason: str = Field(description="One sentence a procurement officer can file")
    record: RecordRef
    rule: RuleRef | None = Field(default=None, description="None for info findings")
    path: list[PathStep]


class Verdict(BaseModel):
    subject: SubjectRef
    domain: str = Field(examples=["government_procurement"])
    as_of: date
    known_at: datetime | None = Field(
        default=None, description="Only records known (loaded) by then count; None = now"
    )
    depth: int
    verdict: VerdictLevel
    findings: list[Finding]
    incentives: list[Finding] = Field(
        default_factory=list, description="守信激励 that apply; they never change the verdict"
    )
    inactive_records: list[RecordRef] = Field(
        default_factory=list,
        description="The subject's own records that do not count on as_of (history)",
    )
    rules_version: str
    data_version: str
    checked_at: datetime
    truncated: bool = Field(default=False, description="A fan-out cap limited the search")
