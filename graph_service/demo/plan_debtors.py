"""Plans 失信被执行人 cases: companies, and persons who often lead other companies.

A person debtor who is some company's legal representative makes that company a
key-person case; a namesake (同名同姓, different ID) of an active debtor leads another company
that must NOT be flagged.
"""

from __future__ import annotations

from .constants import DISTRICTS
from .model import Enterprise
from .people import Person
from .records_plan import CONDUCTS, DebtorCase, Planner, state_dates
from .util import days

__all__ = ["plan_debtors"]

_STATES = ("active", "expired", "removed", "removed_later", "not_started")
_WEIGHTS = (45, 18, 15, 8, 14)
_TERM_YEARS = 2


def _case(p: Planner, subject: Enterprise | Person, state: str, district: int) -> DebtorCase:
    rng, auth, numbering = p.rng, p.w.authorities, p.w.numbering
    published, removal = state_dates(rng, state, _TERM_YEARS)
    filed = published - days(rng.randint(30, 240))
    court = auth["court"] if rng.random() < 0.1 else auth.court(DISTRICTS[district])
    case_no = numbering.case(f"{court.abbr}执", filed.year)
    roll = rng.random()
    if roll < 0.7:
        basis_no, unit = numbering.case(f"{court.abbr}民初", filed.year - 1), court.name
    elif roll < 0.9:
        arbitration = auth["arbitration"]
        basis_no = numbering.doc(f"{arbitration.abbr}裁字", filed.year - 1)
        unit = arbitration.name
    else:
        city = auth["court"]
        basis_no, unit = numbering.case(f"{city.abbr}民终", filed.year - 1), city.name
    performance = "全部未履行" if rng.random() < 0.75 else "部分未履行"
    return DebtorCase(
        subject,
        state,
        filed,
        published,
        removal,
        case_no,
        court,
        basis_no,
        unit,
        performance,
        rng.choice(CONDUCTS),
    )


def _district_of(person: Person) -> int:
    return next(i for i, d in enumerate(DISTRICTS) if d.code == person.id_number[:6])


def plan_debtors(p: Planner) -> list[DebtorCase]:
    """About 1% of companies and 0.8% of people are listed, in every as-of state."""
    w, rng = p.w, p.rng
    cases: list[DebtorCase] = []
    for ent in p.take(max(10, w.scale // 100)):
        cases.append(
            _case(p, ent, p.state("debtor_company", _STATES, _WEIGHTS), ent.district_index)
        )
        if rng.random() < 0.1:
            cases.append(_case(p, ent, "expired", ent.district_index))
    wanted = max(10, w.scale // 120)
    persons: dict[int, Person] = {}
    for ent in p.take(max(6, wanted * 6 // 10)):
        persons.setdefault(ent.legal_rep.pid, ent.legal_rep)
    leaders = set(persons)
    while len(persons) < wanted:
        person = w.people.pick(rng)
        persons.setdefault(person.pid, person)
    active: list[Person] = []
    for person in persons.values():
        state = p.state("debtor_person", _STATES, _WEIGHTS)
        cases.append(_case(p, person, state, _district_of(person)))
        if state == "active":
            active.append(person)
    active.sort(key=lambda person: person.pid not in leaders)  # legal representatives first
    for person in active[: max(2, len(active) // 10)]:
        p.take(1)[0].legal_rep = w.people.namesake(person)
    rng.shuffle(cases)
    return cases
