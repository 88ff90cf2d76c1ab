"""Computes truth.json from what was actually written (not from intentions), so the truth
and the files cannot drift apart."""

from __future__ import annotations

from fractions import Fraction

from .constants import DEMO_AS_OF
from .context import ACTIVE_STATES, Context, PlannedRecord
from .model import Enterprise
from .people import Person
from .records_plan import PROCUREMENT, TAX
from .truth import (
    ActiveRecord,
    BeneficialOwner,
    DirtyRow,
    ExactDuplicate,
    FormerNames,
    InterpunctPerson,
    KeyPersonRestricted,
    MultiFirmProfessional,
    NameVariants,
    Ownership,
    RelatedBidderSet,
    RestrictedSubject,
    SameNamePersons,
    TaxResponsiblePerson,
    Truth,
)

__all__ = ["build_truth"]

_THRESHOLD = Fraction(1, 4)
_WHY = {
    "expired": "expired",
    "removed": "removed",
    "repaired": "repaired",
    "not_started": "not_started",
}


def _person_shares(target: Enterprise) -> dict[int, tuple[Person, Fraction]]:
    """Indirect shares of natural persons: products along chains, summed over chains."""
    shares: dict[int, tuple[Person, Fraction]] = {}

    def walk(ent: Enterprise, factor: Fraction, depth: int) -> None:
        if depth > 10:
            raise ValueError(f"ownership deeper than 10 levels at {ent.uscc}")
        for holding in ent.holders or []:
            part = factor * Fraction(holding.basis_points, 10000)
            holder = holding.holder
            if isinstance(holder, Person):
                _, before = shares.get(holder.pid, (holder, Fraction(0)))
                shares[holder.pid] = (holder, before + part)
            else:
                walk(holder, part, depth + 1)

    walk(target, Fraction(1), 0)
    return shares


def _ownership(ctx: Context) -> list[Ownership]:
    result: list[Ownership] = []
    for target in ctx.world.planted.ownership_targets:
        owners = [
            BeneficialOwner(id_number=p.id_number, name=p.name, share=float(s))
            for p, s in _person_shares(target).values()
            if s >= _THRESHOLD
        ]
        if not owners:
            raise AssertionError(f"planted target without a beneficial owner: {target.uscc}")
        owners.sort(key=lambda o: (-o.share, o.id_number))
        result.append(Ownership(uscc=target.uscc, beneficial_owners=owners))
    return sorted(result, key=lambda o: o.uscc)


def _active_record(record: PlannedRecord) -> ActiveRecord:
    subject = record.subject
    active = record.state in ACTIVE_STATES
    key = "subject_uscc" if isinstance(subject, Enterprise) else "subject_id_number"
    return ActiveRecord.model_validate(
        {
            key: subject.uscc if isinstance(subject, Enterprise) else subject.id_number,
            "kind": record.kind,
            "list_type": record.list_type,
            "decision_no": record.decision_no,
            "active_on_as_of": active,
            "why_inactive": None if active else _WHY[record.state],
        }
    )


def _restrictions(ctx: Context) -> tuple[list[RestrictedSubject], list[KeyPersonRestricted]]:
    reasons: dict[str, list[str]] = {}
    debtors: dict[int, Person] = {}
    for record in ctx.records:
        if record.state not in ACTIVE_STATES:
            continue
        subject = record.subject
        if record.kind == "dishonest_debtor" and isinstance(subject, Person):
            debtors[subject.pid] = subject
            continue
        if record.kind == "dishonest_debtor":
            reason = "dishonest_debtor"
        elif record.list_type in (TAX, PROCUREMENT):
            reason = record.list_type
        else:
            continue
        if isinstance(subject, Enterprise):
            kinds = reasons.setdefault(subject.uscc, [])
            if reason not in kinds:
                kinds.append(reason)
    restricted = [RestrictedSubject(uscc=u, reason_kinds=sorted(k)) for u, k in reasons.items()]
    key_persons = [
        KeyPersonRestricted(
            uscc=e.uscc, person_id_number=e.legal_rep.id_number, role="legal_representative"
        )
        for e in ctx.world.enterprises
        if e.legal_rep.pid in debtors
    ]
    return sorted(restricted, key=lambda r: r.uscc), sorted(key_persons, key=lambda k: k.uscc)


def _people(ctx: Context) -> tuple[int, list[SameNamePersons], list[InterpunctPerson]]:
    used = [p for p in ctx.world.people.all if p.used]
    by_name: dict[str, list[str]] = {}
    for person in used:
        by_name.setdefault(person.name, []).append(person.id_number)
    same = [
        SameNamePersons(name=n, id_numbers=sorted(ids))
        for n, ids in by_name.items()
        if len(ids) > 1
    ]
    dots = [
        InterpunctPerson(id_number=p.id_number, spellings=list(p.spellings))
        for p in used
        if len(p.spellings) > 1
    ]
    return len(used), sorted(same, key=lambda s: s.name), sorted(dots, key=lambda d: d.id_number)


def build_truth(ctx: Context) -> Truth:
    """The truth of the files just written."""
    w, planted = ctx.world, ctx.world.planted
    person_count, same_name, interpunct = _people(ctx)
    restricted, key_persons = _restrictions(ctx)
    records = sorted(
        (_active_record(r) for r in ctx.records), key=lambda r: (r.kind, r.decision_no)
    )
    return Truth(
        as_of=DEMO_AS_OF,
        scale=w.scale,
        seed=w.seed,
        enterprise_count=len(w.enterprises),
        person_count=person_count,
        row_counts=dict(ctx.rows),
        name_variants=sorted(
            (
                NameVariants(uscc=u, canonical_name=c, variants=list(v))
                for u, (c, v) in ctx.refs.variants.items()
            ),
            key=lambda n: n.uscc,
        ),
        former_names=sorted(
            (FormerNames(uscc=e.uscc, former=list(e.former)) for e in w.enterprises if e.former),
            key=lambda f: f.uscc,
        ),
        same_name_persons=same_name,
        interpunct_persons=interpunct,
        pilot_codes=sorted(e.uscc for e in w.enterprises if e.pilot),
        dirty_rows=[
            DirtyRow.model_validate({"file": f, "row": r, "reason": why})
            for f, r, why in sorted(ctx.ledger.dirty)
        ],
        exact_duplicates=[
            ExactDuplicate(file=f, row=r, duplicate_of_row=o)
            for f, r, o in sorted(ctx.ledger.duplicates)
        ],
        ownership=_ownership(ctx),
        ownership_cycles=[[e.uscc for e in cycle] for cycle in planted.cycles],
        related_bidder_sets=[
            RelatedBidderSet.model_validate(
                {"members": [e.uscc for e in members], "signals": signals}
            )
            for members, signals in planted.related_sets
        ],
        unrelated_bidder_sets=[[e.uscc for e in s] for s in planted.unrelated_sets],
        active_records=records,
        restricted_subjects=restricted,
        key_person_restricted=key_persons,
        tax_responsible_persons=[
            TaxResponsiblePerson(
                uscc=e.uscc, person_id_number=p.id_number, role="financial_officer", decision_no=n
            )
            for e, p, n in ctx.tax_responsible
        ],
        multi_firm_professionals=sorted(
            (
                MultiFirmProfessional(id_number=p.id_number, name=p.name, firms=list(firms))
                for p, firms in ctx.multi_firm.values()
            ),
            key=lambda m: m.id_number,
        ),
    )
