"""truth.json: what the synthetic city planted, for tests and benchmarks.

Loaders, resolvers and queries are checked against this file, so its meaning is fixed here:
rows are 1-based data rows (header excluded) or JSON line numbers; shares are fractions
(0.336 = 33.6%); ownership cycles list members so that each holds a share of the next and the
last holds a share of the first; "active" means in force on `as_of`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

__all__ = [
    "ActiveRecord",
    "BeneficialOwner",
    "DirtyReason",
    "DirtyRow",
    "ExactDuplicate",
    "FormerNames",
    "InterpunctPerson",
    "KeyPersonRestricted",
    "MultiFirmProfessional",
    "NameVariants",
    "Ownership",
    "RelatedBidderSet",
    "RestrictedSubject",
    "SameNamePersons",
    "TaxResponsiblePerson",
    "Truth",
    "load_truth",
]

DirtyReason = Literal["missing_subject", "bad_date", "bad_amount", "bad_ratio", "empty_row"]
RecordKind = Literal["penalty", "dishonest_debtor", "list_entry", "red_list"]
WhyInactive = Literal["removed", "repaired", "expired", "not_started"]
Signal = Literal[
    "shared_legal_representative", "common_shareholder", "shared_contact", "same_actual_controller"
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NameVariants(_Model):
    """Spellings written in referencing files that must resolve to this enterprise."""

    uscc: str
    canonical_name: str
    variants: list[str]


class FormerNames(_Model):
    """曾用名 of an enterprise, as listed in enterprises.csv."""

    uscc: str
    former: list[str]


class SameNamePersons(_Model):
    """Different persons (different ID numbers) who share one name: never merge them."""

    name: str
    id_numbers: list[str]


class InterpunctPerson(_Model):
    """One person whose name is written with different interpuncts (·, •, ., ・, none)."""

    id_number: str
    spellings: list[str]


class DirtyRow(_Model):
    """A planted bad row; the loader must quarantine it with this reason."""

    file: str
    row: int
    reason: DirtyReason


class ExactDuplicate(_Model):
    """A row repeated verbatim; loading it again must change nothing."""

    file: str
    row: int
    duplicate_of_row: int


class BeneficialOwner(_Model):
    """A natural person holding >= 25%, directly or through chains (products, summed)."""

    id_number: str
    name: str
    share: float


class Ownership(_Model):
    uscc: str
    beneficial_owners: list[BeneficialOwner]


class RelatedBidderSet(_Model):
    """Bidders linked only by the planted signals."""

    members: list[str]
    signals: list[Signal]


class ActiveRecord(_Model):
    """A restriction-relevant record and whether it is in force on `as_of`."""

    subject_uscc: str | None = None
    subject_id_number: str | None = None
    kind: RecordKind
    list_type: str | None = None
    decision_no: str
    active_on_as_of: bool
    why_inactive: WhyInactive | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ActiveRecord:
        if (self.subject_uscc is None) == (self.subject_id_number is None):
            raise ValueError("exactly one of subject_uscc and subject_id_number is required")
        if self.active_on_as_of != (self.why_inactive is None):
            raise ValueError("why_inactive is given exactly when the record is inactive")
        return self


class RestrictedSubject(_Model):
    """An enterprise restricted on `as_of`; reason_kinds are "dishonest_debtor" and the list
    types "重大税收违法失信主体" and "政府采购严重违法失信行为记录名单"."""

    uscc: str
    reason_kinds: list[str]


class KeyPersonRestricted(_Model):
    """An enterprise whose legal representative is personally an active dishonest debtor."""

    uscc: str
    person_id_number: str
    role: Literal["legal_representative"]


class TaxResponsiblePerson(_Model):
    """The financial officer named in a 重大税收违法失信主体 entry (also in officers.csv)."""

    uscc: str
    person_id_number: str
    role: Literal["financial_officer"]
    decision_no: str


class MultiFirmProfessional(_Model):
    """A professional registered at two or more firms with one certificate (挂证)."""

    id_number: str
    name: str
    firms: list[str]


class Truth(_Model):
    """The ground truth of one generated city."""

    as_of: date
    scale: int
    seed: int
    enterprise_count: int
    person_count: int
    row_counts: dict[str, int]
    name_variants: list[NameVariants]
    former_names: list[FormerNames]
    same_name_persons: list[SameNamePersons]
    interpunct_persons: list[InterpunctPerson]
    pilot_codes: list[str]
    dirty_rows: list[DirtyRow]
    exact_duplicates: list[ExactDuplicate]
    ownership: list[Ownership]
    ownership_cycles: list[list[str]]
    related_bidder_sets: list[RelatedBidderSet]
    unrelated_bidder_sets: list[list[str]]
    active_records: list[ActiveRecord]
    restricted_subjects: list[RestrictedSubject]
    key_person_restricted: list[KeyPersonRestricted]
    tax_responsible_persons: list[TaxResponsiblePerson]
    multi_firm_professionals: list[MultiFirmProfessional]


def load_truth(path: Path | str) -> Truth:
    """Read and validate a truth.json."""
    return Truth.model_validate_json(Path(path).read_text(encoding="utf-8"))
