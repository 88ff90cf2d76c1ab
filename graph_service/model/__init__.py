"""The domain model shared by every layer: kinds, elements, provenance and time."""

from graph_service.model.elements import (
    MAX_PROVENANCE,
    Authority,
    CreditRecord,
    Element,
    Enterprise,
    Licence,
    Node,
    NodeBase,
    Person,
    Relation,
)
from graph_service.model.kinds import (
    LIST_TYPE_NAMES,
    RED_LIST_TYPES,
    ListType,
    NodeKind,
    RecordKind,
    RelationKind,
)
from graph_service.model.provenance import Provenance, Temporal

__all__ = [
    "LIST_TYPE_NAMES",
    "MAX_PROVENANCE",
    "RED_LIST_TYPES",
    "Authority",
    "CreditRecord",
    "Element",
    "Enterprise",
    "Licence",
    "ListType",
    "Node",
    "NodeBase",
    "NodeKind",
    "Person",
    "Provenance",
    "RecordKind",
    "Relation",
    "RelationKind",
    "Temporal",
]
