"""Builds single enterprises of each kind with consistent code, name, type and registrar."""

from __future__ import annotations

import math
import random
from datetime import date
from functools import cache

from .constants import CITY_REGION, DISTRICTS, District
from .model import Enterprise, Kind
from .people import People, Person
from .util import rand_date, weighted
from .vocab_business import (
    ASSOCIATION_WORDS,
    INDUSTRIES,
    PROFESSIONAL_FIRMS,
    SHOPS,
    Industry,
)
from .world import World

__all__ = ["FIRM_SECTORS", "LLC_NATURAL", "adult_on", "new_branch", "new_enterprise"]

LLC_NATURAL = "有限责任公司(自然人投资或控股)"
_APPROVAL = "（依法须经批准的项目，经相关部门批准后方可开展经营活动）"
_STATUSES = ("存续", "在业", "吊销", "注销", "迁出")
_STATUS_WEIGHTS = {True: (80, 0, 5, 15, 0), False: (72, 10, 6, 9, 3)}
_LAST_FOUNDING = date(2025, 6, 15)
_LAST_APPROVAL = date(2025, 6, 20)
_SOLE_SCOPES = {
    "food": "餐饮服务；预包装食品销售",
    "trade": "日用百货、五金交电、服装鞋帽零售",
    "service": "日常生活服务；家用电器及手机维修",
    "medical": "药品零售；医疗器械零售",
}
FIRM_SECTORS = {
    "lawfirm": "finance",
    "cpa": "finance",
    "taxagent": "finance",
    "appraisal": "finance",
    "hospital": "medical",
    "travel": "travel",
}
_JOINT_STOCK_INDUSTRIES = ("trade", "construction", "tech", "energy", "food", "realestate")


@cache
def _scope(text: str) -> str:
    """Scope with the approval clause; cached so 100k enterprises share a few strings."""
    return text + _APPROVAL


def adult_on(people: People, rng: random.Random, day: date) -> Person:
    """A pool person at least 20 years old on `day` (a legal representative)."""
    person = people.pick(rng)
    for _ in range(12):
        if person.birth.year + 20 <= day.year:
            break
        person = people.pick(rng)
    return person


def _founding(rng: random.Random) -> date:
    year = 2025 - min(30, int(rng.expovariate(1 / 7)))
    return rand_date(rng, date(year, 1, 1), min(date(year, 12, 31), _LAST_FOUNDING))


def _capital(rng: random.Random, low: int, high: int) -> float:
    value = math.exp(rng.uniform(math.log(low), math.log(high)))
    step = 1 if value < 100 else 10 if value < 1000 else 100
    return float(max(step, round(value / step) * step))


class _Draft:
    """Kind-specific fields collected before the Enterprise is built."""

    def __init__(self) -> None:
        self.name = ""
        self.zihao = ""
        self.templates: tuple[str, ...] = ()
        self.etype = LLC_NATURAL
        self.industry = ""
        self.sector = ""
        self.scope = ""
        self.capital: float | None = None
        self.region = ""
        self.registrar = ""
        self.code_head = ("9", "1")


def _draft(w: World, rng: random.Random, kind: str, district: District, key: str | None) -> _Draft:
    d, auth = _Draft(), w.authorities
    d.region, d.registrar = district.code, auth.samr(district).name
    if kind in (Kind.COMPANY, Kind.JOINT_STOCK):
        ind = _industry(rng, kind, key)
        d.templates, d.industry, d.sector = ind.templates, ind.key, ind.sector
        d.scope, d.capital = _scope(ind.scope), _capital(rng, *ind.capital)
        if kind == Kind.JOINT_STOCK:
            d.templates = tuple(_joint_stock(t) for t in ind.templates)
            d.etype, d.region = "股份有限公司(非上市、自然人投资或控股)", CITY_REGION
            d.registrar, d.capital = auth["samr"].name, _capital(rng, 1000, 50000)
    elif kind == Kind.FIRM:
        key = key or "lawfirm"
        d.templates, _, scope, cap = PROFESSIONAL_FIRMS[key]
        d.industry, d.sector, d.scope = key, FIRM_SECTORS[key], _scope(scope)
        d.capital = _capital(rng, *cap)
        if key == "lawfirm":
            d.etype, d.code_head, d.region = "律师事务所", ("3", "1"), CITY_REGION
            d.registrar = auth["justice"].name
    elif kind == Kind.SOLE:
        shop, d.sector = rng.choice(SHOPS)
        d.name, d.industry, d.etype = w.names.shop(district, shop), "shop", "个体工商户"
        d.scope, d.code_head = _SOLE_SCOPES.get(d.sector, _SOLE_SCOPES["trade"]), ("9", "2")
        d.capital = float(rng.choice((1, 2, 3, 5, 8, 10, 20, 30, 50)))
    elif kind == Kind.INSTITUTION:
        d.name, hospital = w.names.institution(district, rng.choice(district.roads))
        d.industry, d.sector = ("public_hospital", "medical") if hospital else ("public", "public")
        d.etype, d.code_head, d.registrar = "事业单位", ("1", "2"), auth["institution"].name
        d.scope = "提供医疗与护理保健服务" if hospital else "提供公共服务与社会管理事务"
        d.capital = _capital(rng, 10, 3000)
    else:
        d.name = w.names.association(district, rng.choice(ASSOCIATION_WORDS))
        d.industry, d.sector, d.etype = "association", "public", "社会团体"
        d.code_head, d.registrar = ("5", "1"), auth["civil"].name
        d.scope, d.capital = "行业交流；业务培训；咨询服务", _capital(rng, 3, 50)
    return d


def _industry(rng: random.Random, kind: str, key: str | None) -> Industry:
    if key is not None:
        return next(i for i in INDUSTRIES if i.key == key)
    if kind == Kind.JOINT_STOCK:
        key = rng.choice(_JOINT_STOCK_INDUSTRIES)
        return next(i for i in INDUSTRIES if i.key == key)
    return weighted(rng, INDUSTRIES, [i.weight for i in INDUSTRIES])


def _joint_stock(template: str) -> str:
    return template.replace("有限责任公司", "股份有限公司").replace("有限公司", "股份有限公司")


def new_enterprise(
    w: World,
    rng: random.Random,
    kind: str,
    *,
    key: str | None = None,
    planted: bool = False,
    legal_rep: Person | None = None,
    zihao: str | None = None,
) -> Enterprise:
    """One enterprise; `key` picks the industry (company) or firm type (Kind.FIRM)."""
    index = DISTRICTS.index(weighted(rng, DISTRICTS, [d.weight for d in DISTRICTS]))
    district = DISTRICTS[index]
    d = _draft(w, rng, kind, district, key)
    if d.templates:
        d.name, d.zihao = w.names.company(d.templates, zihao)
        if "特殊普通合伙" in d.name:
            d.etype = "特殊普通合伙企业"
    founded = _founding(rng)
    if planted:
        founded = min(founded, date(2022, 12, 31))
    if legal_rep is not None:  # planted people are fresh: found the company once they are adults
        founded = max(founded, date(legal_rep.birth.year + 21, 1, 1))
    modern = founded.year >= 2016 and kind not in (Kind.INSTITUTION, Kind.ASSOCIATION)
    corporate = kind in Kind.CORPORATE
    sole = kind == Kind.SOLE
    status = "存续" if planted else weighted(rng, _STATUSES, _STATUS_WEIGHTS[sole])
    ent = Enterprise(
        uscc=w.codes.uscc(
            d.region, modern=modern, registration=d.code_head[0], entity_type=d.code_head[1]
        ),
        name=d.name,
        kind=kind,
        etype=d.etype,
        industry=d.industry,
        sector=d.sector,
        region=d.region,
        district_index=index,
        founded=founded,
        approved=rand_date(rng, founded, max(founded, _LAST_APPROVAL)),
        status=status,
        legal_rep=legal_rep or adult_on(w.people, rng, founded),
        capital=d.capital,
        scope=d.scope,
        registrar=d.registrar,
        address=w.contacts.address(district),
        phone=w.contacts.phone(landline=corporate and rng.random() < 0.4),
        email=w.contacts.email() if rng.random() < (0.1 if sole else 0.7) else "",
        planted=planted,
    )
    if corporate and not planted and founded.year < 2023:
        roll = rng.random()
        wanted = 2 if roll < 0.015 else 1 if roll < 0.075 else 0
        for _ in range(wanted):
            if former := w.names.former(d.templates, d.zihao):
                ent.former.append(former)
    w.enterprises.append(ent)
    return ent


def new_branch(w: World, rng: random.Random, parent: Enterprise) -> Enterprise:
    """A 分公司 named after its parent and district; not a legal person."""
    index = DISTRICTS.index(weighted(rng, DISTRICTS, [d.weight for d in DISTRICTS]))
    district = DISTRICTS[index]
    short = district.short
    candidates = (f"{short}分公司", f"{short}第二分公司", f"{rng.choice(district.roads)}分公司")
    name = next((f"{parent.name}{c}" for c in candidates if w.names.claim(parent.name + c)), "")
    attempt = 2
    while not name:
        attempt += 1
        if w.names.claim(candidate := f"{parent.name}{short}第{attempt}分公司"):
            name = candidate
    founded = rand_date(rng, parent.founded, max(parent.founded, _LAST_FOUNDING))
    closed = parent.status in ("注销", "吊销")
    status = "注销" if closed or rng.random() < 0.08 else "存续"
    branch = Enterprise(
        uscc=w.codes.uscc(district.code, modern=founded.year >= 2016),
        name=name,
        kind=Kind.BRANCH,
        etype="分公司",
        industry=parent.industry,
        sector=parent.sector,
        region=district.code,
        district_index=index,
        founded=founded,
        approved=rand_date(rng, founded, max(founded, _LAST_APPROVAL)),
        status=status,
        legal_rep=adult_on(w.people, rng, founded),
        capital=None,
        scope=parent.scope,
        registrar=w.authorities.samr(district).name,
        address=w.contacts.address(district),
        phone=w.contacts.phone(landline=rng.random() < 0.5),
        email="",
        parent=parent,
    )
    parent.branch_count += 1
    w.enterprises.append(branch)
    return branch
