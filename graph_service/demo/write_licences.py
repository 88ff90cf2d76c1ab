"""licences.csv (行政许可, 双公示 XK_ columns).

Licences follow the holder's sector (food shops hold 食品经营许可证, builders 资质证书); a
validity end of 2099-12-31 means 长期.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .constants import DATA_END, DISTRICTS
from .context import Context
from .layouts import LICENCES
from .model import Enterprise, Kind
from .util import add_years, days, fmt_date, rand_date, sub_rng

__all__ = ["write_licences"]

_LONG_TERM = date(2099, 12, 31)
_FIRST = date(2018, 1, 1)


@dataclass(frozen=True)
class _Licence:
    decision: str  # XK_XKWS
    category: str  # XK_XKLB
    certificate: str  # XK_XKZS
    authority: str  # Authorities key or "samr_district"
    doc: str
    content: str
    years: int  # 0 = 长期
    number: Callable[[int, Enterprise, date], str]


_FOOD = _Licence(
    "食品经营许可决定书",
    "普通",
    "食品经营许可证",
    "samr_district",
    "食许",
    "预包装食品销售（含冷藏冷冻食品）；热食类食品制售",
    5,
    lambda n, e, d: f"JY1{e.region}{n:07d}",
)
_QUALIFICATION = _Licence(
    "建筑业企业资质许可决定书",
    "认可",
    "建筑业企业资质证书",
    "housing",
    "资许",
    "施工总承包三级：建筑工程；专业承包三级：地基基础工程",
    5,
    lambda n, e, d: f"D365{n:06d}",
)
_BUILD = _Licence(
    "建筑工程施工许可决定书",
    "普通",
    "建筑工程施工许可证",
    "housing",
    "施许",
    "房屋建筑工程施工",
    0,
    lambda n, e, d: f"{e.region}{d:%Y%m}{n:06d}",
)
_SAFETY = _Licence(
    "安全生产许可决定书",
    "核准",
    "安全生产许可证",
    "housing",
    "安许",
    "建筑施工",
    3,
    lambda n, e, d: f"（新）JZ安许证字〔{d.year}〕{n:06d}",
)
_TRANSPORT = _Licence(
    "道路运输经营许可决定书",
    "普通",
    "道路运输经营许可证",
    "transport",
    "运许",
    "道路普通货物运输",
    4,
    lambda n, e, d: f"新交运管许可乌字{e.region}{n:06d}号",
)
_POLLUTANT = _Licence(
    "排污许可决定书",
    "普通",
    "排污许可证",
    "ecology",
    "排许",
    "锅炉废气、生产废水排放",
    5,
    lambda n, e, d: f"{e.uscc}{n % 1000:03d}V",
)
_DRUG = _Licence(
    "药品经营许可决定书",
    "普通",
    "药品经营许可证",
    "samr",
    "药许",
    "处方药、甲类非处方药、乙类非处方药：中成药、化学药制剂",
    5,
    lambda n, e, d: f"新AA991{n:06d}",
)
_CLINIC = _Licence(
    "医疗机构执业许可决定书",
    "普通",
    "医疗机构执业许可证",
    "health",
    "医许",
    "内科；外科；口腔科；中医科",
    5,
    lambda n, e, d: f"PDY{n:06d}{e.region}12D2112",
)
_TRAVEL = _Licence(
    "旅行社业务经营许可决定书",
    "普通",
    "旅行社业务经营许可证",
    "culture",
    "旅许",
    "国内旅游业务、入境旅游业务",
    0,
    lambda n, e, d: f"L-XJ-{n:06d}",
)
_TOBACCO = _Licence(
    "烟草专卖零售许可决定书",
    "特许",
    "烟草专卖零售许可证",
    "tobacco",
    "烟许",
    "卷烟、雪茄烟零售",
    5,
    lambda n, e, d: f"6501{n:08d}",
)
_HYGIENE = _Licence(
    "公共场所卫生许可决定书",
    "普通",
    "公共场所卫生许可证",
    "health",
    "卫许",
    "住宿、美容美发场所",
    4,
    lambda n, e, d: f"新卫公证字〔{d.year}〕第{e.region}{n:06d}号",
)
_BY_SECTOR: dict[str, tuple[_Licence, ...]] = {
    "food": (_FOOD, _FOOD, _HYGIENE),
    "trade": (_FOOD, _TOBACCO),
    "construction": (_QUALIFICATION, _BUILD, _SAFETY),
    "transport": (_TRANSPORT,),
    "environment": (_POLLUTANT,),
    "energy": (_POLLUTANT, _SAFETY),
    "medical": (_DRUG, _CLINIC),
    "travel": (_TRAVEL,),
    "service": (_HYGIENE,),
}


def _row(
    ctx: Context, rng: random.Random, ent: Enterprise, kind: _Licence, serial: int
) -> list[str]:
    auth = ctx.world.authorities
    if kind.authority == "samr_district":
        authority = auth.samr(DISTRICTS[ent.district_index])
    else:
        authority = auth[kind.authority]
    decided = rand_date(rng, max(_FIRST, ent.founded), DATA_END - days(10))
    end = _LONG_TERM if kind.years == 0 else add_years(decided, kind.years)
    state = "撤销" if rng.random() < 0.03 else "有效" if end > DATA_END else "无效"
    number = ctx.world.numbering.doc(authority.abbr + kind.doc, decided.year)
    return [
        ent.name,
        ent.uscc,
        kind.decision,
        number,
        kind.category,
        kind.certificate,
        kind.number(serial, ent, decided),
        kind.content,
        fmt_date(decided),
        fmt_date(decided),
        fmt_date(end),
        authority.name,
        authority.uscc,
        state,
        authority.name,
        authority.uscc,
    ]


def write_licences(ctx: Context) -> None:
    """About 0.3 licences per enterprise, drawn among holders whose sector needs one."""
    rng = sub_rng(ctx.world.seed, "licences")
    holders = [
        e
        for e in ctx.world.enterprises
        if not e.planted and e.kind != Kind.BRANCH and e.sector in _BY_SECTOR
    ]
    out = ctx.writer(LICENCES)
    # The first licence is a 长期 one (2099-12-31): a construction permit (施工许可证 goes to
    # whoever builds, so any holder may have one).
    builders = [e for e in holders if e.sector == "construction"] or holders
    out.write(_row(ctx, rng, rng.choice(builders), _BUILD, 1))
    for serial in range(2, max(30, int(ctx.world.scale * 0.3)) + 1):
        ent = rng.choice(holders)
        out.write(_row(ctx, rng, ent, rng.choice(_BY_SECTOR[ent.sector]), serial))
    ctx.finish(out)
