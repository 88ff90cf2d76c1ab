"""Organisation names that stay unique under the loaders' matching key.

A name-only reference (no USCC) must resolve to exactly one enterprise, so current and former
names are claimed under a key that folds brackets and 有限责任公司/有限公司, like `name_key`.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from .constants import District
from .vocab_business import ZIHAO_FIRST, ZIHAO_SECOND, ZIHAO_WORDS

__all__ = ["NameBook", "match_key"]

_PREFIXES = ("乌鲁木齐", "新疆", "乌鲁木齐市")
_PREFIX_WEIGHTS = (5, 4, 2)
_HOSPITALS = ("医院", "中医医院", "妇幼保健院", "口腔医院")
_SERVICE_CENTRES = (
    "公共就业服务中心",
    "不动产登记中心",
    "政务服务中心",
    "住房公积金管理中心",
    "公共资源交易中心",
    "供热管理中心",
    "环境卫生管理中心",
    "园林绿化管理中心",
    "社会保险服务中心",
    "疾病预防控制中心",
)


def match_key(name: str) -> str:
    """Cheap equivalent of identifiers.name_key for generated names (no dots or notes)."""
    key = name.replace("（", "(").replace("）", ")").replace(" ", "")
    return key.replace("有限责任公司", "有限公司")


class NameBook:
    """Claims names; every claimed name (current or former) has a distinct key."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._keys: set[str] = set()
        self._serial = 0

    def claim(self, name: str) -> bool:
        """Reserve a name; False if it (or a variant spelling of it) is taken."""
        key = match_key(name)
        if key in self._keys:
            return False
        self._keys.add(key)
        return True

    def zihao(self, attempt: int = 0) -> str:
        """A trade name (字号); a third character is added once short ones run out."""
        rng = self._rng
        if rng.random() < 0.15:
            word = rng.choice(ZIHAO_WORDS)
        else:
            word = rng.choice(ZIHAO_FIRST) + rng.choice(ZIHAO_SECOND)
        if attempt > 12:
            word += rng.choice(ZIHAO_SECOND)
        return word

    def _fill(self, template: str, zihao: str) -> str:
        prefix = self._rng.choices(_PREFIXES, _PREFIX_WEIGHTS)[0]
        return template.format(p=prefix, z=zihao)

    def company(self, templates: Sequence[str], zihao: str | None = None) -> tuple[str, str]:
        """A new name from the templates, and the 字号 used (kept for former names)."""
        attempt = 0
        while True:
            word = zihao if zihao is not None and attempt < 6 else self.zihao(attempt)
            name = self._fill(self._rng.choice(templates), word)
            if self.claim(name):
                return name, word
            attempt += 1

    def former(self, templates: Sequence[str], zihao: str) -> str | None:
        """An earlier name with the same 字号 (prefix or wording changed), if one is free."""
        for _ in range(8):
            name = self._fill(self._rng.choice(templates), zihao)
            if self.claim(name):
                return name
        return None

    def shop(self, district: District, shop: str) -> str:
        """An individual business: 乌鲁木齐市天山区鑫源便利店."""
        attempt = 0
        while True:
            name = f"{district.full_name}{self.zihao(attempt)}{shop}"
            if self.claim(name):
                return name
            attempt += 1

    def institution(self, district: District, road: str) -> tuple[str, bool]:
        """A public institution and whether it is a hospital (doctors register there).

        Numbered schools and hospitals stop at realistic numbers; later ones are named after
        their district and a trade-name-like word.
        """
        rng = self._rng
        while True:
            pick = rng.randrange(5)
            self._serial += 1
            number = self._serial
            if pick == 0:
                kind = rng.choice(("中学", "小学"))
                name = (
                    f"乌鲁木齐市第{number}{kind}"
                    if number <= 150
                    else f"{district.full_name}{road}{kind}"
                )
            elif pick == 1:
                name = f"{district.full_name}{road}社区卫生服务中心"
            elif pick == 2:
                name = f"{district.full_name}{self.zihao()}幼儿园"
            elif pick == 3:
                name = f"{district.full_name}{rng.choice(_SERVICE_CENTRES)}"
            elif number <= 30:
                name = f"乌鲁木齐市第{number}人民医院"
            else:
                name = f"{district.full_name}{self.zihao()}{rng.choice(_HOSPITALS)}"
            if self.claim(name):
                return name, pick == 4

    def association(self, district: District, word: str) -> str:
        """A social organisation: 乌鲁木齐市天山区餐饮行业协会."""
        for scope in ("乌鲁木齐市", district.full_name):
            if self.claim(name := f"{scope}{word}"):
                return name
        attempt = 0
        while True:
            if self.claim(name := f"乌鲁木齐市{self.zihao(attempt)}{word}"):
                return name
            attempt += 1
