from __future__ import annotations

from search import SearchDocument
from search.highlight import fragments, highlight_document, match_spans


def test_match_spans_merge_overlaps_and_neighbours() -> None:
    assert match_spans("建筑工程", ["建筑", "筑工", "工程"]) == [(0, 4)]
    assert match_spans("处罚和处罚", ["处罚"]) == [(0, 2), (3, 5)]


def test_latin_terms_match_whole_words_only() -> None:
    assert match_spans("ABCD ABC abc建筑", ["abc"]) == [(5, 8), (9, 12)]


def test_full_width_original_is_kept() -> None:
    assert fragments("ＸＹＺ科技", ["xyz"]) == ["<em>ＸＹＺ</em>科技"]


def test_fragments_are_about_the_size_asked() -> None:
    text = "甲" * 200 + "处罚" + "乙" * 200
    (fragment,) = fragments(text, ["处罚"], size=40)
    assert "<em>处罚</em>" in fragment
    assert len(fragment.replace("<em>", "").replace("</em>", "")) == 40
    assert fragment.startswith("甲" * 19)


def test_near_matches_share_a_fragment_far_ones_do_not() -> None:
    near = fragments("处罚" + "甲" * 10 + "处罚", ["处罚"], size=80)
    assert near == ["<em>处罚</em>" + "甲" * 10 + "<em>处罚</em>"]
    far = fragments("处罚" + "甲" * 300 + "处罚" + "乙" * 300 + "处罚", ["处罚"], max_fragments=2)
    assert len(far) == 2


def test_start_and_end_of_text() -> None:
    (start,) = fragments("处罚" + "甲" * 100, ["处罚"], size=10)
    assert start == "<em>处罚</em>" + "甲" * 8
    (end,) = fragments("甲" * 100 + "处罚", ["处罚"], size=10)
    assert end == "甲" * 8 + "<em>处罚</em>"


def test_no_match_no_fragment() -> None:
    assert fragments("警告", ["处罚"]) == []
    assert fragments("", ["处罚"]) == []


def test_highlight_document_fields() -> None:
    doc = SearchDocument(
        id="r",
        doc_type="record",
        kind="penalty",
        title="行政处罚决定书",
        aliases=["别名", "处罚通知"],
        text="依法给予处罚。",
        codes=["乌市监罚〔2023〕15号"],
    )
    assert highlight_document(doc, "处罚 2023") == {
        "title": ["行政<em>处罚</em>决定书"],
        "aliases": ["<em>处罚</em>通知"],
        "text": ["依法给予<em>处罚</em>。"],
        "codes": ["乌市监罚〔<em>2023</em>〕15号"],
    }
    assert highlight_document(doc, "") == {}
    assert highlight_document(doc, "警告") == {}
