"""Addresses, phone numbers and e-mail addresses that are unique unless shared on purpose.

Shared contacts are a collusion signal, so accidental sharing must not happen: every value is
built from a bijective counter.
"""

from __future__ import annotations

import random

from .constants import District
from .util import Affine
from .vocab_business import BUILDINGS, EMAIL_DOMAINS, EMAIL_WORDS, MOBILE_PREFIXES

__all__ = ["Contacts"]

_NUMBERS, _FLOORS, _ROOMS = 999, 32, 30


class Contacts:
    """Allocator of unique contact details."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._places = Affine(_NUMBERS * _FLOORS * _ROOMS, rng)
        self._mobiles = Affine(10**8, rng)
        self._landlines = Affine(7 * 10**6, rng)
        self._mails = Affine(10**7, rng)

    def address(self, district: District) -> str:
        """新疆乌鲁木齐市天山区解放北路123号大厦15层08室 (number, floor and room are unique)."""
        rng = self._rng
        place = self._places.take()
        number, rest = place % _NUMBERS + 1, place // _NUMBERS
        floor, room = rest % _FLOORS + 1, rest // _FLOORS + 1
        building = rng.choice(BUILDINGS)
        road = rng.choice(district.roads)
        return f"新疆{district.full_name}{road}{number}号{building}{floor}层{room:02d}室"

    def phone(self, landline: bool) -> str:
        """A mobile number or a 0991 landline."""
        if landline:
            value = self._landlines.take()
            return f"0991-{2 + value // 10**6}{value % 10**6:06d}"
        return self._rng.choice(MOBILE_PREFIXES) + f"{self._mobiles.take():08d}"

    def email(self) -> str:
        """A mailbox such as xj4821937@163.com or 1048219375@qq.com."""
        rng = self._rng
        value = self._mails.take()
        if rng.random() < 0.3:
            return f"{10**9 + value * 7}@qq.com"
        return f"{rng.choice(EMAIL_WORDS)}{value:07d}@{rng.choice(EMAIL_DOMAINS)}"
