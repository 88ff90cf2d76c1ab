"""Deciding agencies and courts of the city, each with its own valid USCC (11 + region).

Records cite these by name and code, so they are created once per city and shared.
"""

from __future__ import annotations

from dataclasses import dataclass

from .codes import CodeAllocator
from .constants import CITY_REGION, DISTRICTS, District

__all__ = ["Authorities", "Authority"]

# key -> (name, abbreviation used in decision numbers)
_CITY: dict[str, tuple[str, str]] = {
    "samr": ("乌鲁木齐市市场监督管理局", "乌市监"),
    "emergency": ("乌鲁木齐市应急管理局", "乌应急"),
    "tax": ("国家税务总局乌鲁木齐市税务局", "乌税"),
    "housing": ("乌鲁木齐市住房和城乡建设局", "乌建"),
    "ecology": ("乌鲁木齐市生态环境局", "乌环"),
    "fire": ("乌鲁木齐市消防救援支队", "乌消"),
    "finance": ("乌鲁木齐市财政局", "乌财"),
    "health": ("乌鲁木齐市卫生健康委员会", "乌卫健"),
    "transport": ("乌鲁木齐市交通运输局", "乌交"),
    "culture": ("乌鲁木齐市文化和旅游局", "乌文旅"),
    "justice": ("乌鲁木齐市司法局", "乌司"),
    "civil": ("乌鲁木齐市民政局", "乌民"),
    "institution": ("乌鲁木齐市事业单位登记管理局", "乌事登"),
    "tobacco": ("乌鲁木齐市烟草专卖局", "乌烟"),
    "arbitration": ("乌鲁木齐仲裁委员会", "乌仲"),
    "court": ("乌鲁木齐市中级人民法院", "新01"),
}


@dataclass(frozen=True)
class Authority:
    """An agency or court; `abbr` prefixes its decision numbers (court: its case code)."""

    key: str
    name: str
    uscc: str
    abbr: str


class Authorities:
    """The fixed set of authorities, with codes drawn from the shared allocator."""

    def __init__(self, codes: CodeAllocator) -> None:
        self._by_key: dict[str, Authority] = {}
        for key, (name, abbr) in _CITY.items():
            self._add(codes, key, name, abbr, CITY_REGION)
        for d in DISTRICTS:
            initial = "县" if d.name.endswith("县") else d.short[0]
            self._add(
                codes, f"samr:{d.code}", f"{d.full_name}市场监督管理局", f"乌{initial}市监", d.code
            )
            self._add(codes, f"court:{d.code}", d.court, d.court_code, d.code)

    def _add(self, codes: CodeAllocator, key: str, name: str, abbr: str, region: str) -> None:
        uscc = codes.uscc(region, modern=False, registration="1", entity_type="1")
        self._by_key[key] = Authority(key, name, uscc, abbr)

    def __getitem__(self, key: str) -> Authority:
        return self._by_key[key]

    def samr(self, district: District) -> Authority:
        """The district market-regulation bureau (登记机关 and 经营异常名录 decisions)."""
        return self._by_key[f"samr:{district.code}"]

    def court(self, district: District) -> Authority:
        """The district people's court."""
        return self._by_key[f"court:{district.code}"]
