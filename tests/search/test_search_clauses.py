from __future__ import annotations

from search.clauses import parse_clauses


def test_whitespace_separates_clauses() -> None:
    clauses = parse_clauses("天山  处罚")
    assert [clause.tokens for clause in clauses] == [("天山",), ("处罚",)]


def test_quoted_phrase_is_one_clause() -> None:
    (clause,) = parse_clauses('"天山 建筑"')
    assert clause.tokens == ("天山", "建筑")
    (curly,) = parse_clauses("“天山 建筑”")
    assert curly.tokens == ("天山", "建筑")
    (full_width,) = parse_clauses("＂天山 建筑＂")
    assert full_width.tokens == ("天山", "建筑")


def test_punctuation_only_parts_are_dropped() -> None:
    assert parse_clauses('， 。 ""') == []
    assert [clause.text for clause in parse_clauses("- 处罚")] == ["处罚"]


def test_code_form_and_prefix() -> None:
    (clause,) = parse_clauses("91650102ma77")
    assert clause.code == "91650102MA77"
    assert clause.code_prefix
    (short,) = parse_clauses("abc")
    assert not short.code_prefix


def test_loose_edges() -> None:
    (clause,) = parse_clauses("用A级")
    assert (clause.loose_start, clause.loose_end) == (True, True)
    (word,) = parse_clauses("建筑工程")
    assert (word.loose_start, word.loose_end) == (False, False)
    (latin,) = parse_clauses("abc")
    assert (latin.loose_start, latin.loose_end) == (False, False)
