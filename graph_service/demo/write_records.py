"""dishonest_debtors.jsonl, lists.csv and repairs.csv from the record plan.

Court feeds to the city platform are unmasked: full ID numbers for persons, full USCCs for
companies. Every removal and repair is also a repairs.csv row pointing at the record number.
"""

from __future__ import annotations

from .context import Context, PlannedRecord, RepairEvent
from .layouts import DEBTORS, LISTS, REPAIRS
from .model import Enterprise
from .records_plan import A_GRADE, RecordPlan
from .util import fmt_date, sub_rng

__all__ = ["write_debtors", "write_lists", "write_repairs"]


def write_debtors(ctx: Context, plan: RecordPlan) -> None:
    """One JSON object per case."""
    rng = sub_rng(ctx.world.seed, "debtors")
    out = ctx.writer(DEBTORS)
    for case in plan.debtors:
        subject = case.subject
        if isinstance(subject, Enterprise):
            name, code, leader = subject.name, subject.uscc, subject.legal_rep.name
        else:
            name, code, leader = ctx.world.people.spell(subject, rng), subject.id_number, ""
        out.write(
            [
                name,
                code,
                case.case_no,
                case.court.name,
                "新疆",
                case.basis_no,
                case.basis_unit,
                fmt_date(case.filed),
                fmt_date(case.published),
                case.performance,
                case.conduct,
                leader,
            ]
        )
        ctx.records.append(
            PlannedRecord(subject, "dishonest_debtor", None, case.case_no, case.state)
        )
        if case.removal is not None:
            ctx.repairs.append(
                RepairEvent(subject, "移出", case.case_no, case.removal, case.court.name)
            )
    ctx.finish(out)


def write_lists(ctx: Context, plan: RecordPlan) -> None:
    """One row per list entry; 移出日期 is the removal, repair or scheduled end."""
    out = ctx.writer(LISTS)
    for entry in plan.entries:
        ent = entry.subject
        out.write(
            [
                entry.list_type,
                ent.name,
                ent.uscc,
                "",
                entry.decision_no,
                fmt_date(entry.start),
                entry.reason,
                entry.authority.name,
                fmt_date(entry.end),
                entry.end_reason,
            ]
        )
        kind = "red_list" if entry.list_type == A_GRADE else "list_entry"
        ctx.records.append(
            PlannedRecord(ent, kind, entry.list_type, entry.decision_no, entry.state)
        )
        if entry.repair is not None:
            repair_type, day = entry.repair
            ctx.repairs.append(
                RepairEvent(ent, repair_type, entry.decision_no, day, entry.authority.name)
            )
        if entry.responsible is not None:
            ctx.tax_responsible.append((ent, entry.responsible, entry.decision_no))
    ctx.finish(out)


def write_repairs(ctx: Context) -> None:
    """All repair and removal decisions, oldest first."""
    rng = sub_rng(ctx.world.seed, "repairs")
    out = ctx.writer(REPAIRS)
    for event in sorted(ctx.repairs, key=lambda e: (e.day, e.original_no)):
        subject = event.subject
        if isinstance(subject, Enterprise):
            name, code, id_number = subject.name, subject.uscc, ""
        else:
            name, code, id_number = ctx.world.people.spell(subject, rng), "", subject.id_number
        out.write(
            [
                name,
                code,
                id_number,
                event.repair_type,
                event.original_no,
                fmt_date(event.day),
                event.authority,
            ]
        )
    ctx.finish(out)
