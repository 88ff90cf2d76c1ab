"""Name normalisation: one display form (`clean_name`) and one matching key (`name_key`).

Registry, court and disclosure data spell the same name with width, bracket, interpunct,
script and legal-form variants; these must not split one entity into several.
"""

from __future__ import annotations

import re

from ._text import CJK_CHARS, ZERO_WIDTH, contains_cjk, to_halfwidth
from ._variants import TRADITIONAL_TO_SIMPLIFIED

__all__ = [
    "STATUS_SUFFIXES",
    "clean_name",
    "is_person_like_name",
    "name_key",
    "split_status_suffix",
    "to_halfwidth",
]

# Registration-status notes appended to names in brackets; longest first so 已注销 wins
# over 注销. They describe the record, not the name.
STATUS_SUFFIXES: tuple[str, ...] = (
    "吊销未注销",
    "已注销",
    "已吊销",
    "已转出",
    "已迁出",
    "已撤销",
    "已撤消",
    "已歇业",
    "注销",
    "吊销",
    "撤销",
)

INTERPUNCT = "\u00b7"
# Middle-dot look-alikes used in transliterated names (买买提·艾力): •, ・, ‧, ･, ∙, ⋅, ⸱ etc.
_INTERPUNCT_RE = re.compile(r"\s*[\u00b7\u0387\u2022\u2024\u2027\u2219\u22c5\u2e31\u30fb\uff65]\s*")
# ASCII '.' only counts as an interpunct between Chinese characters (not in "Co., Ltd.").
_CJK_DOT_RE = re.compile(rf"(?<=[{CJK_CHARS}])\s*\.\s*(?=[{CJK_CHARS}])")
_SPACES_RE = re.compile(r"\s+")
_STATUS_RE = re.compile(r"[(（﹙【\[]\s*([^()（）﹙﹚【】\[\]]*?)\s*[)）﹚】\]]\s*$")
_OPEN_RE = re.compile(r"[(（﹙]\s*")
_CLOSE_RE = re.compile(r"\s*[)）﹚]")
_STATUS_TEXT_NOISE = str.maketrans("", "", " ,，、:：")
_DROP_INVISIBLE = str.maketrans("", "", ZERO_WIDTH)

# Words that mark an organisation; a short name containing one is not a person's name.
_ORG_WORDS = (
    "公司", "集团", "厂", "店", "中心", "局", "院", "所", "社", "会", "部", "行", "站",
    "厅", "馆", "校", "处", "委", "办", "队",
)  # fmt: skip
_PERSON_RE = re.compile(rf"[{CJK_CHARS}]{{2,4}}")
_TRANSLITERATED_RE = re.compile(rf"[{CJK_CHARS}]+(?:{INTERPUNCT}[{CJK_CHARS}]+)+")


def split_status_suffix(name: str) -> tuple[str, str | None]:
    """Split trailing bracketed status notes off: "某某公司（已注销）" -> ("某某公司", "已注销").

    Repeated notes are all removed; the last one (the latest status) is returned.
    """
    rest, status = name.rstrip(), None
    while match := _STATUS_RE.search(rest):
        note = to_halfwidth(match.group(1)).translate(_STATUS_TEXT_NOISE)
        note = note.translate(TRADITIONAL_TO_SIMPLIFIED)  # （已註銷） is the same note
        if note not in STATUS_SUFFIXES:
            break
        rest = rest[: match.start()].rstrip()
        status = status or note
    return rest, status


def _unify_interpuncts(text: str) -> str:
    """All middle-dot variants, and '.' between Chinese characters, become U+00B7."""
    return _CJK_DOT_RE.sub(INTERPUNCT, _INTERPUNCT_RE.sub(INTERPUNCT, text))


def clean_name(name: str) -> str:
    """Display form: half-width ASCII, single spaces, one interpunct, no status note.

    Brackets follow the registry convention: full-width （） in Chinese names, ASCII otherwise.
    """
    text = _SPACES_RE.sub(" ", to_halfwidth(name).translate(_DROP_INVISIBLE)).strip()
    text, _ = split_status_suffix(_unify_interpuncts(text))
    if contains_cjk(text):
        return _CLOSE_RE.sub("）", _OPEN_RE.sub("（", text))
    return _CLOSE_RE.sub(")", _OPEN_RE.sub("(", text))


def name_key(name: str) -> str:
    """Matching key: clean_name without spaces or interpuncts, simplified, upper-case Latin.

    有限责任公司 and 有限公司 are one legal form (Company Law); 股份有限公司 stays distinct.
    """
    text = clean_name(name).translate(TRADITIONAL_TO_SIMPLIFIED)
    text = _SPACES_RE.sub("", text.replace(INTERPUNCT, ""))
    text = _CJK_DOT_RE.sub("", text)
    text, _ = split_status_suffix(text)  # removing dots/spaces can expose a trailing note
    text = _CLOSE_RE.sub(")", _OPEN_RE.sub("(", text)).upper()
    return text.replace("有限责任公司", "有限公司")


def is_person_like_name(name: str) -> bool:
    """Guess whether a name is a natural person's, for sources without a party-type column.

    True for 2-4 Chinese characters without organisation words, or a transliterated name
    with interpuncts (买买提·艾力). A heuristic: 5-character names without a dot are missed.
    """
    text = _SPACES_RE.sub("", clean_name(name))
    if any(word in text for word in _ORG_WORDS):
        return False
    return bool(_PERSON_RE.fullmatch(text) or _TRANSLITERATED_RE.fullmatch(text))
