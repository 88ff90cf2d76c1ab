"""penalties.csv (行政处罚, 双公示 CF_ columns, GB18030).

Publication ends (CF_GSJZQ) 3 months, 1 year or 3 years after the decision depending on
severity. Serious penalties are planted in known states on DEMO_AS_OF (in force, expired,
repaired, repaired later, not yet decided) and go to truth.json.
"""

from __future__ import annotations

import random
from datetime import date

from .authorities import Authority
from .constants import DATA_END, DATA_START, DEMO_AS_OF, DISTRICTS
from .context import Context, PlannedRecord, RepairEvent
from .layouts import PENALTIES
from .model import Enterprise, Kind
from .penalty_themes import Outcome, Theme, named_theme, person_themes, sector_themes
from .people import Person
from .util import add_months, add_years, days, fmt_date, rand_date, sub_rng

__all__ = ["write_penalties"]

_SERIOUS = frozenset({"吊销许可证", "责令停产停业", "限制开展生产经营活动", "限制从业"})
_STATES = ("active", "expired", "repaired", "repaired_later", "not_started")
_STATE_WEIGHTS = (40, 20, 15, 10, 15)
_PROJECTS = ("锦绣", "阳光", "天悦", "华府", "雅居", "丝路", "天山", "博格达", "南湖", "北园")
_PROJECT_KINDS = ("花园", "小区", "商业综合体", "产业园", "安置房", "物流园")
# Themes every city shows at least once (the phrases searches and tests look for).
_SHOWCASE = ("build_permit", "fire_equipment", "expired_food", "air", "price_tag", "gouging")
_REMARKS = ("", "", "", "", "", "", "当事人已履行完毕", "已申请行政复议")


def _months(categories: tuple[str, ...], fine: float, theme: Theme) -> int:
    """Publication period: 36 months serious, 12 general (and 消防/安全生产), 3 light."""
    if _SERIOUS & set(categories) or fine >= 50:
        return 36
    if fine >= 1 or theme.field or {"没收违法所得", "暂扣许可证", "行政拘留"} & set(categories):
        return 12
    return 3


def _serious_dates(rng: random.Random, state: str) -> tuple[date, date | None]:
    """(decision date, repair date) for a 3-year penalty planted in `state` on DEMO_AS_OF."""
    as_of = DEMO_AS_OF
    window = add_years(as_of, -3) + days(15)
    if state == "active":
        return rand_date(rng, window, as_of - days(15)), None
    if state == "expired":
        return rand_date(rng, DATA_START, add_years(as_of, -3) - days(15)), None
    if state == "repaired":
        decided = rand_date(rng, window, add_years(as_of, -1) - days(20))
        return decided, rand_date(rng, add_years(decided, 1), as_of - days(10))
    if state == "repaired_later":
        decided = rand_date(rng, window + days(45), date(2024, 12, 1))
        low = max(as_of + days(10), add_years(decided, 1))
        return decided, rand_date(rng, low, min(add_years(decided, 3) - days(10), DATA_END))
    return rand_date(rng, as_of + days(10), DATA_END - days(10)), None


def _content(rng: random.Random, categories: tuple[str, ...], fine: float, theme: Theme) -> str:
    parts: list[str] = []
    for category in categories:
        if category == "罚款":
            parts.append(f"罚款人民币{fine:.2f}万元")
        elif category == "没收违法所得":
            parts.append(f"没收违法所得人民币{rng.randint(200, 50000)}元")
        elif category == "责令停产停业":
            parts.append(f"责令停产停业{rng.randint(1, 6)}个月")
        elif category == "吊销许可证":
            parts.append(f"吊销《{theme.licence or '许可证'}》")
        elif category == "暂扣许可证":
            parts.append(f"暂扣《{theme.licence or '许可证'}》{rng.randint(1, 6)}个月")
        elif category == "限制从业":
            parts.append(f"{rng.randint(1, 3)}年内不得从事相关执业活动")
        elif category == "行政拘留":
            parts.append(f"行政拘留{rng.randint(3, 10)}日")
        else:
            parts.append(category)
    return "；".join(parts)


def _facts(rng: random.Random, theme: Theme, name: str, place: str, decided: date) -> str:
    seen = add_months(decided, -rng.randint(1, 6))
    project = rng.choice(_PROJECTS) + rng.choice(_PROJECT_KINDS)
    text = theme.facts.format(
        name=name,
        place=place,
        project=project,
        item=rng.choice(theme.items),
        n=rng.randint(2, 60),
        month=f"{seen.year}年{seen.month}月",
        day=f"{seen.year}年{seen.month}月{seen.day}日",
    )
    if "处罚" not in text and rng.random() < 0.4:
        text += "依法应予行政处罚。"
    return text


class _Penalties:
    """Draws subjects and writes rows; keeps the serious ones for the truth.

    The first penalties are planted: one serious penalty per as-of state, one of each
    showcase theme, then one individual business and one natural person, so that every city
    has the records, party kinds and phrases tests look for.
    """

    def __init__(self, ctx: Context, rng: random.Random) -> None:
        self.ctx, self.rng = ctx, rng
        w = ctx.world
        self.corporate = [
            e
            for e in w.enterprises
            if not e.planted and e.kind in (*Kind.CORPORATE, Kind.BRANCH, Kind.INSTITUTION)
        ]
        self.sole = [e for e in w.enterprises if not e.planted and e.kind == Kind.SOLE]
        self.builders = [e for e in self.corporate if e.sector == "construction"] or self.corporate
        self.forced = 0
        self.shown = 0

    def authority(self, theme: Theme, district_index: int) -> Authority:
        auth = self.ctx.world.authorities
        if theme.authority == "samr_district":
            if self.rng.random() < 0.7:
                return auth.samr(DISTRICTS[district_index])
            return auth["samr"]
        return auth[theme.authority]

    def draw(self) -> tuple[Enterprise | Person, list[tuple[Theme, Outcome]], str | None]:
        """(subject, candidate theme outcomes, forced as-of state or None)."""
        rng = self.rng
        if self.forced < len(_STATES):
            builder = rng.choice(self.builders)
            choices = [(t, o) for t in sector_themes(builder.sector) for o in t.outcomes]
            serious = [(t, o) for t, o in choices if _SERIOUS & set(o[0]) or o[2] >= 50]
            self.forced += 1
            return builder, serious or choices, _STATES[self.forced - 1]
        if self.shown < len(_SHOWCASE):
            shown = named_theme(_SHOWCASE[self.shown])
            self.shown += 1
            fitting = [e for e in self.corporate if shown in sector_themes(e.sector)]
            return rng.choice(fitting or self.corporate), [(shown, o) for o in shown.outcomes], None
        roll = rng.random()
        if self.shown < len(_SHOWCASE) + 2:  # then one individual business, one person
            self.shown += 1
            roll = 0.8 if self.shown == len(_SHOWCASE) + 1 else 0.95
        subject: Enterprise | Person
        if roll < 0.75:
            subject = rng.choice(self.corporate)
        elif roll < 0.9 and self.sole:
            subject = rng.choice(self.sole)
        else:
            subject = self.ctx.world.people.pick(rng)
        themes = person_themes() if isinstance(subject, Person) else sector_themes(subject.sector)
        return subject, [(t, o) for t in themes for o in t.outcomes], None

    def one(self) -> list[str]:
        """One penalty row."""
        rng, ctx = self.rng, self.ctx
        subject, choices, state = self.draw()
        if isinstance(subject, Person):
            region = next(i for i, d in enumerate(DISTRICTS) if d.code == subject.id_number[:6])
            place = DISTRICTS[region].full_name + rng.choice(DISTRICTS[region].roads)
        else:
            region, place = subject.district_index, subject.address
        chosen, (categories, low, high) = rng.choice(choices)
        fine = 0.0 if high == 0 else round(rng.uniform(low, high), 2)
        months = _months(categories, fine, chosen)
        repair: date | None = None
        if months == 36:
            state = state or rng.choices(_STATES, _STATE_WEIGHTS)[0]
            decided, repair = _serious_dates(rng, state)
        else:
            decided = rand_date(rng, DATA_START, DATA_END - days(10))
        until = add_months(decided, months)
        authority = self.authority(chosen, region)
        number = ctx.world.numbering.doc(authority.abbr + chosen.doc, decided.year)
        name, row_head = self.subject_columns(subject)
        if months == 36 and state is not None:
            ctx.records.append(PlannedRecord(subject, "penalty", None, number, state))
        if repair is None and months == 12 and rng.random() < 0.08:
            late = add_months(decided, 3) + days(rng.randint(0, 120))
            late = min(late, until - days(5), DATA_END)
            repair = late if late > decided else None
        if repair is not None:
            ctx.repairs.append(RepairEvent(subject, "信用修复", number, repair, authority.name))
        return [
            *row_head,
            number,
            chosen.act,
            _facts(rng, chosen, name, place, decided),
            chosen.basis,
            "；".join(categories),
            _content(rng, categories, fine, chosen),
            f"{fine:.2f}" if fine else "",
            fmt_date(decided),
            fmt_date(until),
            fmt_date(until),
            authority.name,
            authority.uscc,
            authority.name,
            authority.uscc,
            rng.choice(_REMARKS),
        ]

    def subject_columns(self, subject: Enterprise | Person) -> tuple[str, list[str]]:
        """(name for the facts text, CF_XDR_MC .. CF_XDR_ZJHM)."""
        rng = self.rng
        if isinstance(subject, Person):
            written = self.ctx.world.people.spell(subject, rng)
            return written, [written, "自然人", "", "", "身份证", subject.id_number]
        code, written = self.ctx.refs.company(subject, rng)
        party = "个体工商户" if subject.kind == Kind.SOLE else "法人及非法人组织"
        return written, [written, party, code, subject.legal_rep.name, "", ""]


def write_penalties(ctx: Context) -> None:
    """About 0.15 penalties per enterprise."""
    rng = sub_rng(ctx.world.seed, "penalties")
    out = ctx.writer(PENALTIES)
    maker = _Penalties(ctx, rng)
    for _ in range(max(40, int(ctx.world.scale * 0.15))):
        out.write(maker.one())
    ctx.finish(out)
