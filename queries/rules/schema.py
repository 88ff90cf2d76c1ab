"""The rule catalogue's schema (联合惩戒 measures as versioned data), validated on load.

A rule says: when a record of some kind is active, which domains it acts in, what measure
it imposes, on whom (the record's holder and the parties it extends to), for how long, and
on what legal basis. Rule files are YAML; a file that does not validate is refused with the
file, the line of the offending rule and the reason.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from graph_service.model import ListType, RecordKind


class Domain(StrEnum):
    """Stable ids of the domains where measures apply. Add; never rename."""

    GOVERNMENT_PROCUREMENT = "government_procurement"  # 政府采购
    BIDDING = "bidding"  # 招标投标
    MARKET_ACCESS = "market_access"  # 市场准入
    PUBLIC_OFFICE = "public_office"  # 担任法定代表人、董事、监事、高级管理人员
    SUBSIDIES = "subsidies"  # 财政补贴、专项资金
    HONOURS = "honours"  # 评优评先、表彰
    HIGH_CONSUMPTION = "high_consumption"  # 高消费
    CREDIT_FINANCING = "credit_financing"  # 融资授信
    ADMINISTRATIVE_APPROVAL = "administrative_approval"  # 行政审批 (incentives: 容缺受理)


class Party(StrEnum):
    """Who a measure reaches, relative to the record's holder."""

    SUBJECT = "subject"  # the holder itself
    LEGAL_REPRESENTATIVE = "legal_representative"  # 法定代表人 / 负责人 of the holder
    OFFICERS = "officers"  # 董事、监事、高级管理人员 of the holder
    RESPONSIBLE_PERSONS = "responsible_persons"  # 直接责任人员: legal rep + responsible roles
    CONTROLLING_SHAREHOLDER = "controlling_shareholder"  # holds ≥ 50% of the holder directly
    ACTUAL_CONTROLLER = "actual_controller"  # a person controlling ≥ 50% through any chain
    PARENT = "parent"  # the holder is a branch: obligations flow to the parent (分公司)
    BRANCHES = "branches"  # the holder's branches, which are not separate legal persons


class Trigger(BaseModel):
    """Which records fire the rule; an empty list means "any"."""

    model_config = ConfigDict(extra="forbid")

    record_kinds: list[RecordKind] = Field(min_length=1)
    list_types: list[ListType] = Field(default_factory=list)
    severities: list[Literal["serious", "ordinary"]] = Field(default_factory=list)
    penalty_categories: list[str] = Field(
        default_factory=list, description="Any of these words in 处罚类别"
    )
    subject_kinds: list[Literal["Enterprise", "Person"]] = Field(default_factory=list)


class Duration(BaseModel):
    """How long a measure lasts once triggered. Repair always ends it."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["until_record_end", "fixed", "until_removal", "until_repair"]
    years: int | None = Field(default=None, ge=1, le=20, description="For kind=fixed")

    @model_validator(mode="after")
    def _years_for_fixed(self) -> Duration:
        if (self.kind == "fixed") != (self.years is not None):
            raise ValueError("years is required for kind=fixed and only for it")
        return self


class Basis(BaseModel):
    model_config = ConfigDict(extra="forbid")

    document_no: str = Field(min_length=1, examples=["财库〔2016〕125号"])
    title: str = Field(min_length=1)


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_.]+$", examples=["procurement.dishonest_debtor"])
    title: str
    effect: Literal["restrict", "incentive"] = "restrict"
    trigger: Trigger
    domains: list[Domain] = Field(min_length=1)
    measure: str = Field(min_length=1, description="惩戒内容 / 激励措施")
    extends_to: list[Party] = Field(default_factory=lambda: [Party.SUBJECT])
    duration: Duration
    basis: Basis
    level: Literal["national", "regional", "municipal"] = "national"


class RuleFile(BaseModel):
    """One YAML file: a version and its rules."""

    model_config = ConfigDict(extra="forbid")

    version: str = Field(min_length=1)
    responsible_roles: list[str] = Field(default_factory=list)
    rules: list[Rule]
