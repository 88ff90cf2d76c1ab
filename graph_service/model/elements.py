"""Nodes and relations of the credit graph.

Every element has a stable ``id``, a ``kind``, provenance and bitemporal stamps. Node kinds
are pydantic classes joined in the ``Node`` union, discriminated by ``kind``; relation
properties that only some kinds use (ratio, role, contact) are optional fields.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from graph_service.model.kinds import ListType, NodeKind, RecordKind, RelationKind
from graph_service.model.provenance import Provenance, Temporal

MAX_PROVENANCE = 20  # attestations kept per element; later ones only bump the count


class Element(Temporal):
    """Fields shared by nodes and relations."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Stable identifier", examples=["E-91650102MA77XXXX1X"])
    provenance: list[Provenance] = Field(default_factory=list)
    attestations: int = Field(
        default=0,
        description=f"Distinct source rows stating this element (counted to {MAX_PROVENANCE})",
    )


class NodeBase(Element):
    name: str = Field(
        description="Display name, cleaned", examples=["乌鲁木齐天成建筑工程有限公司"]
    )
    aliases: list[str] = Field(default_factory=list, description="Former and short names")


class Enterprise(NodeBase):
    """Any organisation: company, branch, individual business, institution, association."""

    kind: Literal[NodeKind.ENTERPRISE] = NodeKind.ENTERPRISE
    uscc: str | None = Field(default=None, description="统一社会信用代码 as given, normalised")
    uscc_valid: bool | None = Field(default=None, description="False for codes failing GB 32100")
    org_form: str | None = Field(default=None, description="企业类型")
    status: str | None = Field(default=None, description="登记状态, or a status note in the name")
    region: str | None = Field(default=None, description="GB/T 2260 region code")
    registered_capital: float | None = Field(default=None, description="注册资本, 万元")
    founded: date | None = None
    address: str | None = None
    business_scope: str | None = None
    registration_authority: str | None = None
    phones: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)
    is_branch: bool = False
    stock_code: str | None = Field(default=None, description="证券代码 of a listed company")


class Person(NodeBase):
    """A natural person; identified only by a keyed hash of an ID number, never the number."""

    kind: Literal[NodeKind.PERSON] = NodeKind.PERSON
    id_hash: str | None = Field(default=None, description="HMAC of the ID number")
    id_masked: str | None = Field(default=None, examples=["650102********123X"])
    gender: Literal["male", "female"] | None = None
    birth_year: int | None = None
    identity_basis: Literal["id_number", "name_in_context"] = Field(
        default="id_number",
        description="Why this node is one person: an ID number, or a name at one enterprise",
    )


class Authority(NodeBase):
    """A deciding agency or court."""

    kind: Literal[NodeKind.AUTHORITY] = NodeKind.AUTHORITY
    uscc: str | None = None


class CreditRecord(NodeBase):
    """A credit record: penalty, licence, debtor listing, list entry, red list, repair.

    ``valid_from`` is when the record took effect (decision, filing or listing date) and
    ``valid_to`` when it ends by its own terms (publication end, listing end, bar end).
    Removal and repair are separate REPAIR records or ``removed_on`` on list entries.
    """

    kind: Literal[NodeKind.CREDIT_RECORD] = NodeKind.CREDIT_RECORD
    record_kind: RecordKind
    list_type: ListType | None = None
    list_name: str | None = Field(default=None, description="名单类型 as published")
    decision_no: str | None = Field(default=None, description="文书号 or 案号")
    authority: str | None = None
    authority_uscc: str | None = None
    subject_name: str | None = None
    subject_code: str | None = Field(default=None, description="USCC or masked ID as published")
    subject_type: str | None = Field(default=None, description="行政相对人类别")
    categories: list[str] = Field(default_factory=list, description="处罚类别 / 许可类别")
    severity: Literal["serious", "ordinary"] | None = None
    fine_amount: float | None = Field(default=None, description="罚款金额, 万元")
    confiscated_amount: float | None = Field(default=None, description="没收金额, 万元")
    violation: str | None = Field(default=None, description="违法行为类型 / 失信情形")
    facts: str | None = Field(default=None, description="违法事实 / 列入原因")
    legal_basis: str | None = None
    content: str | None = Field(default=None, description="处罚内容 / 许可内容 / 义务")
    performance: str | None = Field(default=None, description="履行情况")
    court: str | None = None
    published_on: date | None = None
    publish_until: date | None = Field(default=None, description="公示截止期")
    removed_on: date | None = Field(default=None, description="移出日期 given with the entry")
    removal_reason: str | None = None
    repairs_decision_no: str | None = Field(
        default=None, description="For repair records: the decision number repaired"
    )
    repair_type: str | None = None
    note: str | None = None


class Licence(NodeBase):
    """A professional's registration (执业注册): lawyer, accountant, builder, doctor…"""

    kind: Literal[NodeKind.LICENCE] = NodeKind.LICENCE
    certificate_no: str | None = None
    profession: str | None = Field(default=None, description="执业类别")
    status: str | None = None
    firm_name: str | None = None


Node = Annotated[
    Enterprise | Person | Authority | CreditRecord | Licence, Field(discriminator="kind")
]


class Relation(Element):
    """A directed, typed edge between two node ids."""

    kind: RelationKind
    source: str
    target: str
    role: str | None = Field(default=None, description="职务 for OFFICER_OF")
    ratio: float | None = Field(default=None, ge=0, description="出资比例 as a fraction 0..1")
    subscribed_capital: float | None = Field(default=None, description="认缴出资额, 万元")
    paid_capital: float | None = Field(default=None, description="实缴出资额, 万元")
    contact: str | None = Field(default=None, description="The shared phone or email")
