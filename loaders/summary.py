"""The load summary printed by `creditgraph load` and returned by the API."""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel, Field

WARNING_NOTES = {
    "person_kept_apart_no_identifier": (
        "persons named without an ID number are the same person only when named at the same "
        "enterprise; same-name persons elsewhere stay apart (同名同姓)"
    ),
    "uscc_check_digit": (
        "codes failing the GB 32100 check digit (e.g. early pilot regions) were kept on the "
        "node but never used to merge entities"
    ),
    "id_number_masked_weak": "masked ID numbers were kept for display only, never for matching",
    "id_number_invalid": "ID numbers failing GB 11643 were not used for matching",
}


class FileSummary(BaseModel):
    path: str
    kind: str
    encoding: str | None = None
    read: int = 0
    loaded: int = 0
    merged: int = 0
    quarantined: dict[str, int] = Field(default_factory=dict)
    warnings: dict[str, int] = Field(default_factory=dict)
    quarantine_file: str | None = None
    error: str | None = Field(default=None, description="Why the whole file was refused")


class LoadSummary(BaseModel):
    """Counts for a load. Invariant: read == loaded + merged + sum(quarantined)."""

    read: int = Field(description="Data rows read from all files", examples=[1200])
    loaded: int = Field(description="Rows that added something new", examples=[1100])
    merged: int = Field(description="Rows whose facts were already known (merged)", examples=[80])
    quarantined: dict[str, int] = Field(description="Rejected rows by reason", examples=[{}])
    warnings: dict[str, int] = Field(description="Rows loaded with a caveat, by reason")
    files: list[FileSummary]
    notes: list[str] = Field(default_factory=list, description="What the warnings mean")
    data_version: str = ""

    @classmethod
    def combine(cls, files: list[FileSummary], data_version: str) -> LoadSummary:
        quarantined: Counter[str] = Counter()
        warnings: Counter[str] = Counter()
        for item in files:
            quarantined.update(item.quarantined)
            warnings.update(item.warnings)
        return cls(
            read=sum(f.read for f in files),
            loaded=sum(f.loaded for f in files),
            merged=sum(f.merged for f in files),
            quarantined=dict(sorted(quarantined.items())),
            warnings=dict(sorted(warnings.items())),
            files=files,
            notes=[note for key, note in WARNING_NOTES.items() if key in warnings],
            data_version=data_version,
        )
