from __future__ import annotations

import pytest

from search.analysis import bigrams, normalize_code, normalize_name, query_terms, runs


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("处罚", ["处罚"]),
        ("建筑工程有限公司", ["建筑", "筑工", "工程", "程有", "有限", "限公", "公司"]),
        ("罚", ["罚"]),
        ("A级纳税人", ["a", "级纳", "纳税", "税人"]),
        ("ＡＢＣ　Ltd.", ["abc", "ltd"]),
        ("２０２３年", ["2023", "年"]),
        ("处罚，警告！", ["处罚", "警告"]),
        ("snake_case", ["snake", "case"]),
        ("〔2023〕15号", ["2023", "15", "号"]),
        ("", []),
        ("，。 ", []),
    ],
)
def test_bigrams(text: str, tokens: list[str]) -> None:
    assert bigrams(text) == tokens


def test_runs_mark_cjk() -> None:
    assert runs("ABC建筑2023") == [("abc", False), ("建筑", True), ("2023", False)]


def test_query_terms_are_distinct_runs_longest_first() -> None:
    assert query_terms('"建筑工程" ABC 罚 abc') == ["建筑工程", "abc", "罚"]


def test_normalize_code_and_name() -> None:
    assert normalize_code(" 91650102ma77abcd1x ") == "91650102MA77ABCD1X"
    assert normalize_code("（２０２３）新0102执 1234号") == "(2023)新0102执1234号"
    assert normalize_name(" 乌鲁木齐市市场监督管理局　") == "乌鲁木齐市市场监督管理局"
