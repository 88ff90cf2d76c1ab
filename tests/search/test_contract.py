"""Behaviour every SearchIndex backend must show, run per backend by the ``open_index`` fixture.

Scores and tie order differ between engines, so results are compared as sets of ids unless
the contract fixes an order: listing without text is newest first with undated documents last,
and documents sharing a date are compared as a set; ranked results only promise that the best
hit comes first where the title boost decides it. Highlights are compared exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from search import SearchDocument, SearchIndex, SearchQuery, SearchResult

URUMQI_SAMR = "乌鲁木齐市市场监督管理局"
ALL_IDS = {"e1", "e2", "e3", "p1", "r1", "r2", "r3", "r4", "r5", "r6"}


def ids(result: SearchResult) -> set[str]:
    return {hit.id for hit in result.hits}


def find(index: SearchIndex, text: str = "", **filters: object) -> set[str]:
    return ids(index.search(SearchQuery.model_validate({"text": text, "limit": 200, **filters})))


def test_implements_protocol(search_index: SearchIndex) -> None:
    assert isinstance(search_index, SearchIndex)


def test_upsert_counts_and_get(search_index: SearchIndex, documents: list[SearchDocument]) -> None:
    assert search_index.count() == 0
    assert search_index.upsert(documents) == len(documents)
    assert search_index.count() == len(documents)
    assert search_index.get("r1") == documents[4]
    assert search_index.get("missing") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("处罚", {"r1", "r6"}),  # r6: 行政处罚义务
        ("建筑", {"e1", "e2", "r1", "r4"}),
        ("张伟", {"p1", "r2"}),
    ],
)
def test_two_character_words(loaded: SearchIndex, text: str, expected: set[str]) -> None:
    assert find(loaded, text) == expected


def test_phrase_must_be_contiguous(loaded: SearchIndex) -> None:
    # e2 has 建筑 … 工程 … 有限公司 apart; e1 and r1 have the phrase itself.
    assert find(loaded, "建筑工程有限公司") == {"e1", "r1"}
    assert find(loaded, "建筑") >= {"e2"}


def test_quoted_phrase_is_one_clause(loaded: SearchIndex) -> None:
    assert find(loaded, '"天山建筑"') == {"e1", "r1"}
    assert find(loaded, "“天山建筑”") == {"e1", "r1"}


def test_clauses_are_all_required(loaded: SearchIndex) -> None:
    assert find(loaded, "天山 处罚") == {"r1"}
    assert find(loaded, "天山 红名单不存在") == set()


def test_single_character_matches_inside_words(loaded: SearchIndex) -> None:
    assert find(loaded, "罚") == {"r1", "r6"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A级", {"r5"}),  # 级 starts the run 级纳税人 in the document
        ("信用A级", {"r5"}),
        ("用A", {"r5"}),  # 用 ends the run 纳税信用
        ("执1234号", {"r2"}),
        ("新0102", {"r2"}),
        ("卡A", set()),
    ],
)
def test_lone_characters_at_phrase_edges(
    loaded: SearchIndex, text: str, expected: set[str]
) -> None:
    assert find(loaded, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A级", {"a"}),  # the a is a word, not an English stopword: B级 does not match
        ("用A", {"a"}),  # 用 must end its run: 用途A and 罚款A do not match
        ("用用A", set()),
        ("罚A", {"x"}),  # 款罚 ends with 罚
        ("罚", {"x", "y", "z", "w"}),  # alone: anywhere
        ("罚，款项", {"z"}),  # across punctuation the runs stay apart
    ],
)
def test_lone_edge_characters_match_run_edges_only(
    search_index: SearchIndex, text: str, expected: set[str]
) -> None:
    titles = {
        "a": "纳税信用A级纳税人",
        "b": "纳税信用B级纳税人",
        "c": "用途A类",
        "x": "款罚A",
        "y": "罚款A",
        "z": "处罚，款项",
        "w": "罚款项",
    }
    search_index.upsert(
        SearchDocument(id=key, doc_type="record", kind="penalty", title=title)
        for key, title in titles.items()
    )
    assert find(search_index, text) == expected


def test_listing_order_with_ties_and_undated(search_index: SearchIndex) -> None:
    """Newest first, undated last; engines may order ties differently, so ties are sets."""
    dates = {"a": None, "b": date(2020, 1, 1), "c": date(2021, 5, 1), "d": date(2020, 1, 1)}
    dates |= {"e": None, "f": date(2020, 1, 1), "g": date(2019, 12, 31)}
    search_index.upsert(
        SearchDocument(id=key, doc_type="record", kind="penalty", title="警告", date=day)
        for key, day in dates.items()
    )
    for text in ("", "警告"):
        result = search_index.search(SearchQuery(text=text, limit=200))
        if text:  # ranked: every hit scores the same, any order
            assert {hit.id for hit in result.hits} == set(dates)
            continue
        listed = [hit.id for hit in result.hits]
        groups = [set(listed[:1]), set(listed[1:4]), set(listed[4:5]), set(listed[5:])]
        assert groups == [{"c"}, {"b", "d", "f"}, {"g"}, {"a", "e"}]
        assert all(hit.score == 0.0 for hit in result.hits)


def test_highlights_wrap_matches(loaded: SearchIndex) -> None:
    result = loaded.search(SearchQuery(text="处罚", kinds=["penalty"]))
    (hit,) = result.hits
    assert hit.highlights["title"] == ["行政<em>处罚</em>决定书"]
    assert any("<em>处罚</em>" in fragment for fragment in hit.highlights["text"])
    assert (hit.doc_type, hit.kind, hit.title, hit.document.id) == (
        "record",
        "penalty",
        "行政处罚决定书",
        "r1",
    )


def test_highlights_are_html_safe(search_index: SearchIndex) -> None:
    search_index.upsert(
        [SearchDocument(id="x", doc_type="record", kind="penalty", title="<b>处罚</b> & 警告")]
    )
    (hit,) = search_index.search(SearchQuery(text="处罚")).hits
    assert hit.highlights["title"] == ["&lt;b&gt;<em>处罚</em>&lt;/b&gt; &amp; 警告"]


def test_alias_finds_entity_by_former_name(loaded: SearchIndex) -> None:
    result = loaded.search(SearchQuery(text="乌鲁木齐天山建设公司"))
    assert ids(result) == {"e1"}
    assert result.hits[0].highlights["aliases"] == ["<em>乌鲁木齐天山建设公司</em>"]


@pytest.mark.parametrize("text", ["91650102MA77ABCD1X", "91650102ma77abcd1x", "91650102"])
def test_uscc_exact_and_prefix(loaded: SearchIndex, text: str) -> None:
    assert find(loaded, text) == {"e1"}


def test_decision_number(loaded: SearchIndex) -> None:
    assert find(loaded, "乌市监罚〔2023〕15号") == {"r1"}
    assert find(loaded, "(2023)新0102执1234号") == {"r2"}


def test_latin_and_digits(loaded: SearchIndex) -> None:
    assert find(loaded, "ABC") == {"r4"}
    assert find(loaded, "construction") == {"r4"}
    assert find(loaded, "2023") == {"r1", "r2"}
    assert find(loaded, "5000") == {"r1"}
    assert find(loaded, "AB") == set()  # whole words, not substrings


def test_full_width_matches_half_width(loaded: SearchIndex) -> None:
    assert find(loaded, "ＡＢＣ") == {"r4"}
    assert find(loaded, "Ａ级") == {"r5"}
    assert find(loaded, "xyz") == {"e3"}  # the document itself is full-width
    (hit,) = loaded.search(SearchQuery(text="XYZ")).hits
    assert hit.highlights["title"] == ["<em>ＸＹＺ</em>科技有限公司"]


def test_punctuation_only_matches_nothing(loaded: SearchIndex) -> None:
    result = loaded.search(SearchQuery(text="，。！"))
    assert (result.total, result.hits) == (0, [])


def test_filter_doc_type_and_kind(loaded: SearchIndex) -> None:
    assert find(loaded, doc_types=["entity"]) == {"e1", "e2", "e3", "p1"}
    assert find(loaded, kinds=["Person"]) == {"p1"}
    assert find(loaded, kinds=["penalty", "repair"]) == {"r1", "r6"}
    assert find(loaded, "建筑", kinds=["licence"]) == {"r4"}
    assert find(loaded, "建筑", doc_types=["record"]) == {"r1", "r4"}


def test_filter_authority_is_exact(loaded: SearchIndex) -> None:
    assert find(loaded, authority=URUMQI_SAMR) == {"r1", "r6"}
    assert find(loaded, authority="乌鲁木齐市") == set()
    assert find(loaded, "处罚", authority=URUMQI_SAMR) == {"r1", "r6"}


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        ("650102", {"e1", "r1", "r2", "r6"}),
        ("6501", {"e1", "p1", "r1", "r2", "r4", "r6"}),
        ("65", {"e1", "e2", "p1", "r1", "r2", "r3", "r4", "r6"}),
        ("11", {"e3", "r5"}),
        ("4401", set()),
    ],
)
def test_filter_region_prefix(loaded: SearchIndex, region: str, expected: set[str]) -> None:
    assert find(loaded, region=region) == expected


def test_filter_date_range_inclusive(loaded: SearchIndex) -> None:
    assert find(loaded, date_from=date(2023, 1, 1), date_to=date(2023, 12, 31)) == {"r1", "r5"}
    assert find(loaded, date_from=date(2023, 5, 10), date_to=date(2023, 5, 10)) == {"r1"}
    assert find(loaded, date_from=date(2024, 1, 1)) == {"r2", "r6"}
    assert find(loaded, date_to=date(2016, 1, 1)) == {"e1"}


def test_public_only(loaded: SearchIndex) -> None:
    assert find(loaded, public_only=True) == ALL_IDS - {"r6"}
    assert find(loaded, "处罚", public_only=True) == {"r1"}


def test_empty_text_lists_newest_first(loaded: SearchIndex) -> None:
    result = loaded.search(SearchQuery(doc_types=["record"], limit=200))
    assert result.total == 6
    assert [hit.id for hit in result.hits] == ["r6", "r2", "r5", "r1", "r3", "r4"]
    assert all(hit.highlights == {} for hit in result.hits)
    assert find(loaded) == ALL_IDS


def test_total_and_paging(loaded: SearchIndex) -> None:
    first = loaded.search(SearchQuery(text="建筑", limit=3))
    assert (first.total, len(first.hits)) == (4, 3)
    rest = loaded.search(SearchQuery(text="建筑", limit=3, offset=3))
    assert (rest.total, len(rest.hits)) == (4, 1)
    assert ids(first) | ids(rest) == {"e1", "e2", "r1", "r4"}
    listed = loaded.search(SearchQuery(limit=4, offset=8))
    assert (listed.total, len(listed.hits)) == (10, 2)


def test_title_ranks_above_body(loaded: SearchIndex) -> None:
    hits = loaded.search(SearchQuery(text="处罚")).hits
    assert hits[0].id == "r1"  # 处罚 in the title (boosted) and the body
    assert hits[0].score > hits[1].score


def test_upsert_is_idempotent_and_replaces(
    loaded: SearchIndex, documents: list[SearchDocument]
) -> None:
    assert loaded.upsert(documents) == len(documents)
    assert loaded.count() == len(documents)
    changed = documents[4].model_copy(update={"text": "当事人擅自改变建设工程用途。"})
    assert loaded.upsert([changed]) == 1
    assert loaded.count() == len(documents)
    assert find(loaded, "擅自改变") == {"r1"}
    assert find(loaded, "年度报告") == set()
    assert loaded.get("r1") == changed


def test_last_duplicate_in_a_batch_wins(search_index: SearchIndex) -> None:
    first = SearchDocument(id="d", doc_type="record", kind="penalty", title="警告")
    second = first.model_copy(update={"title": "罚款"})
    assert search_index.upsert([first, second]) == 1
    assert search_index.count() == 1
    assert find(search_index, "罚款") == {"d"}
    assert find(search_index, "警告") == set()


def test_upsert_nothing(search_index: SearchIndex) -> None:
    assert search_index.upsert([]) == 0
    assert search_index.count() == 0


def test_delete(loaded: SearchIndex) -> None:
    assert loaded.delete(["r1", "missing", "r1"]) == 1
    assert loaded.count() == len(ALL_IDS) - 1
    assert loaded.get("r1") is None
    assert find(loaded, "处罚") == {"r6"}
    assert loaded.delete(["r1"]) == 0
    assert loaded.delete([]) == 0


def test_reset(loaded: SearchIndex, documents: list[SearchDocument]) -> None:
    loaded.reset()
    assert loaded.count() == 0
    assert find(loaded) == set()
    loaded.upsert(documents[:2])
    assert loaded.count() == 2


def test_persists_across_close_and_reopen(
    open_index: Callable[[], SearchIndex], documents: list[SearchDocument]
) -> None:
    first = open_index()
    first.upsert(documents)
    first.delete(["r3"])
    first.close()
    reopened = open_index()
    assert reopened.count() == len(documents) - 1
    assert find(reopened, "建筑工程有限公司") == {"e1", "r1"}
    assert reopened.get("e1") == documents[0]
