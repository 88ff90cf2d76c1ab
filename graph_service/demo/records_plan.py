"""Plans the restriction-relevant records: dishonest debtors and list entries, each in a known
state on DEMO_AS_OF (in force, expired, removed or repaired before or after, not yet begun).

Subjects are ordinary companies without branches (so nothing flows from a branch to a
parent) taken from disjoint slices, and red-listed companies are never restricted ones.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from .authorities import Authority
from .constants import DATA_END, DATA_START, DEMO_AS_OF
from .model import Enterprise, Kind
from .people import Person
from .util import add_years, days, rand_date
from .world import World

__all__ = [
    "ABNORMAL",
    "A_GRADE",
    "CONDUCTS",
    "PROCUREMENT",
    "SERIOUS",
    "TAX",
    "DebtorCase",
    "ListEntry",
    "Planner",
    "RecordPlan",
    "state_dates",
]

TAX, PROCUREMENT = "重大税收违法失信主体", "政府采购严重违法失信行为记录名单"
ABNORMAL, SERIOUS, A_GRADE = "经营异常名录", "严重违法失信名单", "A级纳税人"
CONDUCTS = (
    "有履行能力而拒不履行生效法律文书确定义务",
    "违反财产报告制度",
    "违反限制消费令",
    "以伪造证据、暴力、威胁等方法妨碍、抗拒执行",
    "以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行",
    "无正当理由拒不履行执行和解协议",
)


@dataclass(slots=True, eq=False)
class DebtorCase:
    """One 失信被执行人 listing (two years from publication unless removed)."""

    subject: Enterprise | Person
    state: str
    filed: date
    published: date
    removal: date | None
    case_no: str
    court: Authority
    basis_no: str
    basis_unit: str
    performance: str
    conduct: str


@dataclass(slots=True, eq=False)
class ListEntry:
    """One row of lists.csv; `repair` is the 移出/信用修复 decision written to repairs.csv."""

    list_type: str
    subject: Enterprise
    state: str
    start: date
    end: date | None
    end_reason: str
    repair: tuple[str, date] | None
    decision_no: str
    authority: Authority
    reason: str
    responsible: Person | None = None


@dataclass
class RecordPlan:
    """Everything planned for dishonest_debtors.jsonl, lists.csv and their repairs."""

    debtors: list[DebtorCase]
    entries: list[ListEntry]


def state_dates(rng: random.Random, state: str, term: int) -> tuple[date, date | None]:
    """(start, removal or repair date) for a record lasting `term` years, planted in `state`.

    Dates keep at least ten days from DEMO_AS_OF and from the end of the term, so the
    answer never depends on whether an end date is inclusive.
    """
    as_of = DEMO_AS_OF
    live_from = add_years(as_of, -term) + days(30)
    if state == "active":
        return rand_date(rng, live_from, as_of - days(15)), None
    if state == "expired":
        return rand_date(rng, DATA_START, add_years(as_of, -term) - days(15)), None
    if state in ("removed", "repaired"):
        start = rand_date(rng, live_from, as_of - days(60))
        return start, rand_date(rng, start + days(30), as_of - days(10))
    if state in ("removed_later", "repaired_later"):
        start = rand_date(rng, live_from, as_of - days(15))
        end = min(add_years(start, term) - days(10), DATA_END)
        return start, rand_date(rng, as_of + days(10), end)
    return rand_date(rng, as_of + days(10), DATA_END - days(20)), None


class Planner:
    """Hands out subjects from disjoint slices and states that cover every case."""

    def __init__(self, w: World, rng: random.Random) -> None:
        self.w, self.rng = w, rng
        self.eligible = [
            e
            for e in w.enterprises
            if not e.planted
            and e.kind in (Kind.COMPANY, Kind.JOINT_STOCK)
            and e.branch_count == 0
            and e.status in ("存续", "在业")
        ]
        rng.shuffle(self.eligible)
        self.cursor = 0
        self.forced: dict[str, int] = {}

    def take(self, count: int) -> list[Enterprise]:
        """The next `count` companies of the shuffled slice (wrapping on tiny cities)."""
        picked = [self.eligible[(self.cursor + i) % len(self.eligible)] for i in range(count)]
        self.cursor += count
        return picked

    def state(self, family: str, states: tuple[str, ...], weights: tuple[int, ...]) -> str:
        """Weighted state; the first records of a family go through every state once."""
        done = self.forced.get(family, 0)
        self.forced[family] = done + 1
        if done < len(states):
            return states[done]
        return self.rng.choices(states, weights)[0]
