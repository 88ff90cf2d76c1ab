"""Plans all restriction-relevant records before any file is written (officer rows and
legal representatives depend on the plan)."""

from __future__ import annotations

import random

from .model import Enterprise
from .plan_debtors import plan_debtors
from .plan_lists import plan_lists
from .records_plan import Planner, RecordPlan
from .world import World

__all__ = ["plan_records"]


def plan_records(w: World, rng: random.Random) -> RecordPlan:
    """Debtor cases first (tax cases partly reuse their companies), then list entries."""
    planner = Planner(w, rng)
    debtors = plan_debtors(planner)
    seen: dict[int, Enterprise] = {}
    # Companies with a debtor case in force come first: the first tax case (planted in force)
    # then lands on one of them, so some subjects are restricted for two reasons.
    for case in sorted(debtors, key=lambda c: c.state != "active"):
        if isinstance(case.subject, Enterprise):
            seen.setdefault(id(case.subject), case.subject)
    entries = plan_lists(planner, list(seen.values()))
    return RecordPlan(debtors, entries)
