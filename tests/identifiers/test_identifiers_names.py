"""Name display forms and matching keys (standards.md, "Names")."""

from __future__ import annotations

import random

import pytest

from graph_service.identifiers import (
    STATUS_SUFFIXES,
    clean_name,
    is_person_like_name,
    name_key,
    split_status_suffix,
    to_halfwidth,
)


def test_to_halfwidth() -> None:
    assert to_halfwidth("ＡＢＣ１２３（）！～\u3000x") == "ABC123()!~ x"
    assert to_halfwidth("中文，不变") == "中文,不变"  # FF0C is in the block too
    assert to_halfwidth("·•") == "·•"  # outside the block


@pytest.mark.parametrize(
    "variant",
    [
        "买买提·艾力",  # U+00B7, the canonical interpunct
        "买买提•艾力",  # U+2022 bullet
        "买买提.艾力",  # ASCII full stop between Chinese characters
        "买买提．艾力",  # U+FF0E full-width full stop
        "买买提・艾力",  # U+30FB katakana middle dot
        "买买提‧艾力",  # U+2027 hyphenation point
        "买买提 · 艾力",  # spaces around the dot
        "买买提艾力",  # dot dropped altogether
        "买买提 艾力",  # a space instead of the dot
    ],
)
def test_interpunct_variants_share_a_key(variant: str) -> None:
    assert name_key(variant) == name_key("买买提·艾力")


@pytest.mark.parametrize(
    "variant",
    ["买买提•艾力", "买买提.艾力", "买买提．艾力", "买买提・艾力", "买买提 ‧ 艾力"],
)
def test_clean_name_unifies_interpunct(variant: str) -> None:
    assert clean_name(variant) == "买买提·艾力"


def test_dot_between_latin_is_not_an_interpunct() -> None:
    assert clean_name("Acme Co., Ltd.") == "Acme Co., Ltd."


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("某某建筑有限责任公司（已注销）", "某某建筑有限公司"),  # status note + legal-form variant
        ("深深房Ａ", "深深房A"),  # full-width letter (a real rename in cn_listed_companies)
        ("阿里巴巴（中国）网络技术有限公司", "阿里巴巴(中国)网络技术有限公司"),  # bracket width
        ("某某建築設計有限公司", "某某建筑设计有限公司"),  # traditional characters
        ("華東電力實業有限公司", "华东电力实业有限公司"),  # traditional characters
        ("中國銀行", "中国银行"),  # 行 is the same in both scripts
        ("某某公司（已註銷）", "某某公司"),  # a status note in traditional script
        ("abc 贸易  有限公司", "ABC贸易有限公司"),  # case and spaces
        ("某某\u200b公司", "某某公司"),  # zero-width space from a web page
        ("某某公司【已吊销】", "某某公司"),  # lenticular brackets around the note
        ("某某公司（吊销，未注销）", "某某公司"),  # the registry's long status text
    ],
)
def test_same_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("某某股份有限公司", "某某有限公司"),  # different legal forms, never merged
        ("某某股份有限公司", "某某有限责任公司"),  # also not via 有限责任公司
        ("某某公司（北京）", "某某公司"),  # a bracketed place is part of the name
        ("某某贸易有限公司", "某某贸易有限公司分公司"),  # a branch is another node
    ],
)
def test_different_key(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("某某公司（已注销）", ("某某公司", "已注销")),  # full-width brackets
        ("某某公司(已吊销)", ("某某公司", "已吊销")),  # ASCII brackets
        ("某某公司（已转出)", ("某某公司", "已转出")),  # mixed widths
        ("某某公司 （ 已迁出 ） ", ("某某公司", "已迁出")),  # spaces around
        ("某某公司（注销）", ("某某公司", "注销")),  # short form
        ("某某公司（已吊销）（已注销）", ("某某公司", "已注销")),  # both; the latest wins
        ("某某公司（已撤销）", ("某某公司", "已撤销")),  # revoked
        ("某某公司﹙已注销﹚", ("某某公司", "已注销")),  # small-form brackets U+FE59/FE5A
        ("某某（北京）有限公司", ("某某（北京）有限公司", None)),  # bracket not at the end
        ("某某有限公司（北京）", ("某某有限公司（北京）", None)),  # trailing non-status bracket
        ("某某已注销公司", ("某某已注销公司", None)),  # no brackets: left alone
        ("某某公司", ("某某公司", None)),  # nothing to split
    ],
)
def test_split_status_suffix(name: str, expected: tuple[str, str | None]) -> None:
    assert split_status_suffix(name) == expected


def test_status_suffixes_listed() -> None:
    for status in ("已注销", "已吊销", "已转出", "已迁出", "已撤销", "注销", "吊销"):
        assert status in STATUS_SUFFIXES


@pytest.mark.parametrize(
    ("name", "display"),
    [
        # trim, collapse spaces, Chinese brackets, drop the status note
        ("  某某  (北京) 有限公司（已注销）", "某某 （北京） 有限公司"),
        ("ＡＢＣ（中国）有限公司", "ABC（中国）有限公司"),  # width only for ASCII
        ("ACME （HK） LIMITED", "ACME (HK) LIMITED"),  # no CJK: ASCII brackets
        ("ACME LTD（已注销）", "ACME LTD"),  # bracket style decided after the note is gone
        ("（ 北京 ）某某", "（北京）某某"),  # spaces inside brackets
        ("", ""),  # empty
    ],
)
def test_clean_name(name: str, display: str) -> None:
    assert clean_name(name) == display


# Building blocks for random names that stress every normalisation step at once.
_TRICKY = [
    *"（）()﹙﹚【】[] \u3000.．·•・‧ABab１Ａß有限责任股份公司已注销吊銷註東华-,，",
    "有限责任公司",
    "股份有限公司",
    "（已注销）",
    "(注销)",
    "\u200b",
]


@pytest.mark.parametrize(
    "name",
    [
        "某某建筑有限责任公司（已注销）",
        "买买提 • 艾力",
        "深深房Ａ",
        "某公司（注销） ·",  # removing the dot exposes a trailing note
        "北京·.公司",  # removing the dot exposes a '.' between Chinese characters
        "ACME LTD（已注销）",
        "某某（已注销）（北京）",
    ],
)
def test_idempotent_examples(name: str) -> None:
    assert clean_name(clean_name(name)) == clean_name(name)
    assert name_key(name_key(name)) == name_key(name)
    assert name_key(clean_name(name)) == name_key(name)


def test_idempotent_on_random_names() -> None:
    rng = random.Random(5)
    for _ in range(5000):
        name = "".join(rng.choice(_TRICKY) for _ in range(rng.randrange(1, 12)))
        once = clean_name(name)
        assert clean_name(once) == once, repr(name)
        key = name_key(name)
        assert name_key(key) == key, repr(name)
        assert name_key(once) == key, repr(name)


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("张三", True),  # two characters
        ("欧阳娜娜", True),  # compound surname, four characters
        ("买买提·艾力", True),  # transliterated with interpunct
        ("买买提•艾力", True),  # interpunct variant
        ("阿卜杜拉·艾买提·吐尔逊", True),  # three parts
        ("王", False),  # one character
        ("某某建筑有限公司", False),  # company
        ("中国银行", False),  # 行
        ("天山区市场监督管理局", False),  # 局
        ("某某商店", False),  # 店, short
        ("居委会", False),  # 会
        ("John Smith", False),  # Latin names are out of scope for this heuristic
        ("买买提艾力", False),  # five characters without a dot: a known miss
        ("某某·公司", False),  # dot but an organisation word
    ],
)
def test_is_person_like_name(name: str, person: bool) -> None:
    assert is_person_like_name(name) is person
