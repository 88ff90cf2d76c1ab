"""One mapper per input kind: a source row in, RowFacts out (or RowRejected)."""

from loaders.mappers.base import Mapper, Row
from loaders.mappers.records import (
    map_dishonest_debtor,
    map_licence,
    map_list_entry,
    map_penalty,
    map_repair,
)
from loaders.mappers.registry import (
    map_branch,
    map_enterprise,
    map_officer,
    map_professional,
    map_shareholder,
)

MAPPERS: dict[str, Mapper] = {
    "enterprises": map_enterprise,
    "shareholders": map_shareholder,
    "officers": map_officer,
    "branches": map_branch,
    "professionals": map_professional,
    "penalties": map_penalty,
    "licences": map_licence,
    "dishonest_debtors": map_dishonest_debtor,
    "lists": map_list_entry,
    "repairs": map_repair,
}

__all__ = ["MAPPERS", "Mapper", "Row"]
