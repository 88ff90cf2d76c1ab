"""When a record counts: valid time, removal, repair, and the rule's own duration.

A record counts on ``as_of`` only after it starts, before its own end (publication end,
listing end, bar end), and before any removal or repair; repaired and expired records stay
in history but never restrict (shared/reference/standards.md, 信用修复).
"""

from __future__ import annotations

__all__ = ["Repairs", "add_years", "measure_status", "record_status", "repairs_by_decision"]

from collections.abc import Iterable
from datetime import date, datetime

from graph_service.identifiers.decision import decision_key
from graph_service.model import CreditRecord, RecordKind
from queries.rules.schema import Duration


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


Repairs = dict[str, tuple[date, str]]
"""decision key -> (date of the earliest repair or removal decision, "repaired"/"removed")"""


def repairs_by_decision(records: Iterable[CreditRecord], known_at: datetime | None) -> Repairs:
    """Earliest repair (信用修复) or removal (移出) decision per repaired decision number."""
    repairs: Repairs = {}
    for record in records:
        if record.record_kind != RecordKind.REPAIR or not record.repairs_decision_no:
            continue
        if not known(record, known_at) or record.valid_from is None:
            continue
        key = decision_key(record.repairs_decision_no)
        outcome = "repaired" if "修复" in (record.repair_type or "信用修复") else "removed"
        previous = repairs.get(key)
        if previous is None or record.valid_from < previous[0]:
            repairs[key] = (record.valid_from, outcome)
    return repairs


def known(record: CreditRecord, known_at: datetime | None) -> bool:
    """Record time: was the record loaded (and not withdrawn) at ``known_at``?"""
    return known_at is None or record.known_at(known_at)


def record_status(
    record: CreditRecord, as_of: date, repairs: Repairs, known_at: datetime | None
) -> str | None:
    """None when the record counts on ``as_of``; else why not (a stable reason code)."""
    if not known(record, known_at):
        return "not_known"
    if record.valid_from is not None and as_of < record.valid_from:
        return "not_started"
    repaired = repairs.get(decision_key(record.decision_no or ""))
    if repaired is not None and repaired[0] <= as_of:
        return repaired[1]
    if record.removed_on is not None and record.removed_on <= as_of:
        return "removed"
    if record.valid_to is not None and as_of > record.valid_to:
        return "expired"
    return None


def measure_status(
    record: CreditRecord,
    duration: Duration,
    as_of: date,
    repairs: Repairs,
    known_at: datetime | None,
) -> tuple[str | None, date | None]:
    """(None or why not, end date of the measure) for a rule's duration on ``as_of``."""
    status = record_status(record, as_of, repairs, known_at)
    if duration.kind == "until_record_end":
        return status, record.removed_on or record.valid_to
    if status in ("not_known", "not_started", "repaired"):
        return status, None
    if duration.kind == "until_repair":
        return None, None
    if duration.kind == "until_removal":
        return ("removed" if status == "removed" else None), record.removed_on
    start = record.valid_from
    if start is None or duration.years is None:
        return "no_start_date", None
    end = add_years(start, duration.years)
    if status == "removed":
        return status, end
    return (None if as_of < end else "expired"), end
