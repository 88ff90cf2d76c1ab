"""Where a fact came from and when it was true: carried by every node, relation and record."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field


class Provenance(BaseModel):
    """One attestation of a fact: the source row it was read from.

    ``content_hash`` is the SHA-256 of the normalised source row, so loading the same row
    again is recognised and changes nothing.
    """

    model_config = ConfigDict(frozen=True)

    source: str = Field(description="Source file name or URL", examples=["penalties.csv"])
    row: int | None = Field(default=None, description="1-based data row or JSON line")
    offset: int | None = Field(default=None, description="Character offset in free text")
    content_hash: str = Field(description="SHA-256 of the normalised source row")
    loaded_at: datetime = Field(description="When this attestation was first loaded (UTC)")


class Temporal(BaseModel):
    """Bitemporal stamps: valid time (the world) and record time (our knowledge).

    ``valid_from``/``valid_to`` bound when the fact held in the world (``None`` = unknown /
    open). ``recorded_at``/``retracted_at`` bound when the system knew it, so a question can
    be answered as it would have been answered on an earlier day.
    """

    valid_from: date | None = None
    valid_to: date | None = None
    recorded_at: datetime | None = None
    retracted_at: datetime | None = None

    def valid_on(self, day: date) -> bool:
        """True when the fact held in the world on ``day`` (open bounds count as holding)."""
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_to is None or day <= self.valid_to

    def known_at(self, moment: datetime) -> bool:
        """True when the system knew the fact at ``moment`` and had not withdrawn it."""
        if self.recorded_at is not None and moment < self.recorded_at:
            return False
        return self.retracted_at is None or moment < self.retracted_at
