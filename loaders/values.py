"""Parsing cell values: dates, amounts in 万元, ratios, lists. Each failure names its reason.

A value that is present but cannot be read raises ``RowRejected`` so the row goes to
quarantine whole; silently blanking a field would lose data.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any

OPEN_ENDED = date(2099, 12, 31)  # 长期 in national formats
_OPEN_WORDS = {"长期", "永久", "无固定期限", "long-term"}
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_MONTH_PATTERN = re.compile(r"^(\d{4})[-/.年](\d{1,2})月?$")


class RowRejected(Exception):
    """A row that cannot be loaded; ``reason`` is a stable code for the summary."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def text(value: Any) -> str | None:
    """A cell as trimmed text, as published (decision numbers keep their （）); None if blank."""
    if value is None:
        return None
    result = str(value).strip()
    return result or None


def folded(value: Any) -> str | None:
    """A cell with width folded (NFKC), for parsing numbers and dates."""
    raw = text(value)
    return unicodedata.normalize("NFKC", raw) if raw else None


def parse_date(value: Any, field: str, *, open_ended_as_none: bool = True) -> date | None:
    """Read the date spellings of Chinese registries; 长期 / 2099-12-31 mean open-ended."""
    raw = folded(value)
    if raw is None:
        return None
    if raw in _OPEN_WORDS:
        return None if open_ended_as_none else OPEN_ENDED
    for pattern in _DATE_PATTERNS:
        match = pattern.match(raw)
        if match:
            year, month, day = (int(g) for g in match.groups())
            break
    else:
        month_match = _MONTH_PATTERN.match(raw)
        if not month_match:
            raise RowRejected("bad_date", f"{field}: cannot read {raw[:40]!r} as a date")
        year, month, day = int(month_match.group(1)), int(month_match.group(2)), 1
    try:
        parsed = date(year, month, day)
    except ValueError:
        raise RowRejected("bad_date", f"{field}: {raw[:40]!r} is not a real date") from None
    if parsed.year < 1900:
        raise RowRejected("bad_date", f"{field}: {raw[:40]!r} is before 1900")
    if parsed == OPEN_ENDED and open_ended_as_none:
        return None
    return parsed


def parse_amount(value: Any, field: str) -> float | None:
    """An amount in 万元 (the unit of national formats); commas allowed, negatives refused."""
    raw = folded(value)
    if raw is None:
        return None
    cleaned = raw.replace(",", "").replace("，", "").removesuffix("万元").removesuffix("万")
    try:
        amount = float(cleaned)
    except ValueError:
        raise RowRejected("bad_amount", f"{field}: cannot read {raw[:40]!r} as a number") from None
    if amount < 0 or amount != amount or amount in (float("inf"), float("-inf")):
        raise RowRejected("bad_amount", f"{field}: {raw[:40]!r} is not a valid amount")
    return amount


def parse_ratio(value: Any, field: str) -> float | None:
    """A share as a fraction: "60%", "60", "0.6" all give 0.6; above 100% is refused."""
    raw = folded(value)
    if raw is None:
        return None
    percent = raw.endswith("%")
    try:
        number = float(raw.rstrip("%").replace(",", ""))
    except ValueError:
        raise RowRejected("bad_ratio", f"{field}: cannot read {raw[:40]!r} as a ratio") from None
    fraction = number / 100 if percent or number > 1 else number
    if not 0 <= fraction <= 1:
        raise RowRejected("bad_ratio", f"{field}: {raw[:40]!r} is outside 0–100%")
    return round(fraction, 6)


def split_list(value: Any) -> list[str]:
    """Cells holding several values separated by ；;、,，/ or new lines."""
    raw = text(value)
    if raw is None:
        return []
    parts = re.split(r"[;；、\n]|(?<![0-9])[,，](?![0-9])", raw)
    return [p.strip() for p in parts if p.strip()]


def as_datetime(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)
