"""Fixed facts of the synthetic 乌鲁木齐: reference date, districts, courts and time window.

Kept apart from the generators so tests and benchmarks can name the same regions and dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = [
    "CITY_REGION",
    "DATA_END",
    "DATA_START",
    "DEMO_AS_OF",
    "DISTRICTS",
    "MIN_SCALE",
    "District",
]

# The ground truth is stated for this day; records on both sides of it exist on purpose.
DEMO_AS_OF = date(2025, 6, 30)
# Records span this window; the export is imagined as taken at the end of 2025.
DATA_START = date(2019, 1, 1)
DATA_END = date(2025, 12, 31)
CITY_REGION = "650100"
# Below this the planted structures would crowd out ordinary enterprises.
MIN_SCALE = 200


@dataclass(frozen=True)
class District:
    """One 区/县 of the city: region code, names, court and a few real road names."""

    code: str
    name: str
    short: str
    weight: int
    court_code: str
    roads: tuple[str, ...]

    @property
    def court(self) -> str:
        """The basic-level people's court of the district (执行法院 of most cases)."""
        if self.name.endswith("县"):
            return f"{self.name}人民法院"
        return f"乌鲁木齐市{self.name}人民法院"

    @property
    def full_name(self) -> str:
        """Name as written in addresses and authority names (乌鲁木齐县 has no city prefix)."""
        return self.name if self.name.endswith("县") else f"乌鲁木齐市{self.name}"


DISTRICTS: tuple[District, ...] = (
    District(
        "650102",
        "天山区",
        "天山",
        20,
        "新0102",
        (
            "解放北路",
            "解放南路",
            "中山路",
            "人民路",
            "新华北路",
            "新华南路",
            "建设路",
            "光明路",
            "团结路",
            "和平北路",
            "延安路",
            "青年路",
            "大湾北路",
            "碱泉街",
        ),
    ),
    District(
        "650103",
        "沙依巴克区",
        "沙依巴克",
        20,
        "新0103",
        (
            "友好北路",
            "友好南路",
            "西虹东路",
            "西虹西路",
            "黄河路",
            "扬子江路",
            "克拉玛依西街",
            "仓房沟路",
            "西山路",
            "红庙子路",
        ),
    ),
    District(
        "650104",
        "新市区",
        "新市",
        20,
        "新0104",
        (
            "北京南路",
            "北京北路",
            "长春中路",
            "河北东路",
            "苏州路",
            "天津路",
            "喀什东路",
            "安居南路",
            "高新街",
            "迎宾路",
        ),
    ),
    District(
        "650105",
        "水磨沟区",
        "水磨沟",
        12,
        "新0105",
        (
            "南湖北路",
            "南湖南路",
            "会展大道",
            "七道湾路",
            "温泉东路",
            "昆仑东街",
            "水磨沟路",
            "五星北路",
        ),
    ),
    District(
        "650106",
        "头屯河区",
        "头屯河",
        10,
        "新0106",
        (
            "上海路",
            "嵩山街",
            "维泰南路",
            "玄武湖路",
            "卫星路",
            "厦门路",
            "融合南路",
        ),
    ),
    District(
        "650107",
        "达坂城区",
        "达坂城",
        3,
        "新0107",
        (
            "达坂城镇迎宾路",
            "艾维尔沟路",
            "东沟路",
        ),
    ),
    District(
        "650109",
        "米东区",
        "米东",
        10,
        "新0109",
        (
            "米东南路",
            "米东北路",
            "振兴路",
            "古牧地东路",
            "府前中路",
            "石化路",
        ),
    ),
    District(
        "650121",
        "乌鲁木齐县",
        "乌鲁木齐县",
        5,
        "新0121",
        (
            "水西沟镇平西梁街",
            "永丰镇永丰路",
            "板房沟镇板房沟路",
            "甘沟乡甘沟路",
        ),
    ),
)
