"""In-memory plan of the city: enterprises and planted shareholdings.

Only what several files must agree on is kept (identity, legal representative, planted
holders); ordinary shareholder and officer rows are drawn while streaming.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .people import Person

__all__ = ["Enterprise", "Holding", "Kind"]


class Kind:
    """Enterprise kinds (plain strings to keep the objects small)."""

    COMPANY = "company"
    JOINT_STOCK = "jointstock"
    SOLE = "sole"
    BRANCH = "branch"
    INSTITUTION = "institution"
    ASSOCIATION = "association"
    FIRM = "firm"  # professional firm: law, accounting, tax, appraisal, hospital, travel

    # Kinds that have shareholders and officers.
    CORPORATE = frozenset({COMPANY, JOINT_STOCK, FIRM})


@dataclass(slots=True, eq=False)
class Enterprise:
    """One organisation of enterprises.csv (branches included)."""

    uscc: str
    name: str
    kind: str
    etype: str
    industry: str
    sector: str
    region: str
    district_index: int
    founded: date
    approved: date
    status: str
    legal_rep: Person
    capital: float | None
    scope: str
    registrar: str
    address: str
    phone: str
    email: str
    former: list[str] = field(default_factory=list)
    planted: bool = False
    pilot: bool = False
    parent: Enterprise | None = None
    branch_count: int = 0
    sole_holder: bool = False
    corp_holder: Enterprise | None = None
    holders: list[Holding] | None = None
    officers: list[tuple[Person, str]] | None = None
    extra_officers: list[tuple[Person, str]] | None = None


@dataclass(slots=True, eq=False)
class Holding:
    """A planted shareholding: holder owns `basis_points` / 10000 of the enterprise."""

    holder: Person | Enterprise
    basis_points: int
