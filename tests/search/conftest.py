"""Fixtures: every contract test runs once per search backend, on the same small corpus."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from search import SearchBackendUnavailable, SearchDocument, SearchIndex, open_search_index

OpenIndex = Callable[[], SearchIndex]
URUMQI_SAMR = "乌鲁木齐市市场监督管理局"

# "elasticsearch" joins when ELASTICSEARCH_URL is set, so the same contract runs on both.
BACKENDS: list[object] = ["embedded"]
if os.environ.get("ELASTICSEARCH_URL"):
    BACKENDS.append(pytest.param("elasticsearch", marks=pytest.mark.elasticsearch))


@pytest.fixture(params=BACKENDS)
def open_index(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[OpenIndex]:
    """Opens handles on one fresh index (same storage each call, so reopening persists)."""
    backend: str = request.param
    prefix = f"cgtest-{uuid.uuid4().hex[:12]}"
    handles: list[SearchIndex] = []

    def opener() -> SearchIndex:
        try:
            index = open_search_index(
                backend,
                path=tmp_path / "search",
                url=os.environ.get("ELASTICSEARCH_URL"),
                index_prefix=prefix,
            )
        except SearchBackendUnavailable as exc:
            pytest.skip(str(exc))
        handles.append(index)
        return index

    yield opener
    for handle in handles:
        handle.close()
    if handles and backend != "embedded":
        # Each test has its own prefix: delete its concrete indices (and so the alias).
        cleanup = opener()
        drop: Callable[[], None] = getattr(cleanup, "drop", cleanup.reset)
        drop()
        cleanup.close()


@pytest.fixture
def search_index(open_index: OpenIndex) -> SearchIndex:
    """An empty index."""
    return open_index()


@pytest.fixture
def loaded(search_index: SearchIndex) -> SearchIndex:
    """An index holding ``corpus()``."""
    search_index.upsert(corpus())
    return search_index


@pytest.fixture
def documents() -> list[SearchDocument]:
    """A fresh copy of the corpus."""
    return corpus()


def corpus() -> list[SearchDocument]:
    """Entities and records; ids e* are entities, p* persons, r* records."""
    return [
        SearchDocument(
            id="e1",
            doc_type="entity",
            kind="Enterprise",
            title="新疆天山建筑工程有限公司",
            aliases=["乌鲁木齐天山建设公司"],  # former name
            text="经营范围：房屋建筑施工。",
            codes=["91650102MA77ABCD1X"],
            region="650102",
            date=date(2015, 3, 1),
        ),
        SearchDocument(
            id="e2",
            doc_type="entity",
            kind="Enterprise",
            title="昆仑劳务服务中心",
            text="主营建筑劳务分包；另设工程部；改制为有限公司。",
            region="650203",
            date=date(2018, 7, 20),
        ),
        SearchDocument(
            id="e3",
            doc_type="entity",
            kind="Enterprise",
            title="ＸＹＺ科技有限公司",
            region="110105",
        ),
        SearchDocument(
            id="p1",
            doc_type="entity",
            kind="Person",
            title="张伟",
            region="650104",
        ),
        SearchDocument(
            id="r1",
            doc_type="record",
            kind="penalty",
            title="行政处罚决定书",
            text="当事人新疆天山建筑工程有限公司未按规定公示年度报告，决定给予警告并处罚款5000元。",
            codes=["乌市监罚〔2023〕15号"],
            authority=URUMQI_SAMR,
            region="650102",
            date=date(2023, 5, 10),
            subject_ids=["e1"],
        ),
        SearchDocument(
            id="r2",
            doc_type="record",
            kind="dishonest_debtor",
            title="失信被执行人张伟",
            text="被执行人有履行能力而拒不履行生效法律文书确定的义务。",
            codes=["(2023)新0102执1234号"],
            authority="乌鲁木齐市天山区人民法院",
            region="650102",
            date=date(2024, 1, 15),
            subject_ids=["p1"],
        ),
        SearchDocument(
            id="r3",
            doc_type="record",
            kind="list_entry",
            title="列入经营异常名录决定",
            text="因通过登记的住所无法联系，列入经营异常名录。",
            codes=["克市监异〔2022〕7号"],
            authority="克拉玛依市市场监督管理局",
            region="650203",
            date=date(2022, 11, 1),
            subject_ids=["e2"],
        ),
        SearchDocument(
            id="r4",
            doc_type="record",
            kind="licence",
            title="建筑工程施工许可证",
            text="ABC Construction Ltd. 承建项目。",
            codes=["XK20210042"],
            authority="乌鲁木齐市住房和城乡建设局",
            region="650104",
            date=date(2021, 6, 30),
        ),
        SearchDocument(
            id="r5",
            doc_type="record",
            kind="red_list",
            title="纳税信用A级纳税人",
            text="守信激励对象。",
            authority="国家税务总局北京市朝阳区税务局",
            region="110105",
            date=date(2023, 12, 31),
        ),
        SearchDocument(
            id="r6",
            doc_type="record",
            kind="repair",
            title="信用修复决定",
            text="当事人已履行行政处罚义务，准予信用修复。",
            authority=URUMQI_SAMR,
            region="650102",
            date=date(2024, 3, 1),
            subject_ids=["e1"],
            public=False,
        ),
    ]
