"""Loading, lookups, neighbourhoods, as-of filters, paths and search: same answers everywhere.

Where engines may legitimately differ (relevance scores, the order of equally good hits),
the tests compare sets of ids, and say so.
"""

from __future__ import annotations

from datetime import date

from graph_service.identifiers import IdentityHasher
from graph_service.model import Enterprise, RelationKind
from queries.subjects import find_subjects
from search.documents import SearchQuery

from backend_bundle import Loaded
from mini_city import BRANCH, LI, MAMAT, NAMES, WANG, A, B, C, D, E


def _hasher(loaded: Loaded) -> IdentityHasher:
    return IdentityHasher(loaded.settings.id_secret)


def test_load_counts_and_quarantine(backend: Loaded) -> None:
    summary = backend.summary
    assert summary.read == 20
    assert summary.quarantined == {"bad_date": 1}
    assert (summary.loaded, summary.merged) == (19, 0)
    stats = backend.store.stats()
    assert stats.nodes == {
        "Authority": 4,
        "CreditRecord": 6,
        "Enterprise": 6,
        "Person": 3,
    }
    assert stats.relations == {
        "BRANCH_OF": 1,
        "DECIDED_BY": 6,
        "LEGAL_REPRESENTATIVE_OF": 6,
        "OFFICER_OF": 3,
        "SHAREHOLDER_OF": 4,
        "SHARES_CONTACT": 1,
        "SUBJECT_OF": 6,
    }


def test_reload_is_idempotent(backend: Loaded) -> None:
    before = backend.store.stats()
    documents = backend.index.count()
    again = backend.loader.load_paths(backend.files)
    assert (again.loaded, again.merged, again.quarantined) == (0, 19, {"bad_date": 1})
    assert backend.store.stats() == before
    assert backend.index.count() == documents


def test_lookups_by_code_name_alias_and_id_number(backend: Loaded) -> None:
    hasher = _hasher(backend)
    assert [c.id for c in find_subjects(backend.store, A, hasher)] == [f"E-{A}"]
    assert [c.matched_on for c in find_subjects(backend.store, "天山建工", hasher)] == ["alias"]
    # 有限责任公司 in the shareholder row resolved to the registered 有限公司.
    by_variant = find_subjects(backend.store, "乌鲁木齐天山建筑工程有限责任公司", hasher)
    assert [c.id for c in by_variant] == [f"E-{A}"]
    for number, name in ((WANG, "王伟"), (LI, "李娜"), (MAMAT, "买买提·艾力")):
        found = find_subjects(backend.store, number, hasher)
        assert [(c.name, c.matched_on) for c in found] == [(name, "id_number")]


def test_neighbourhood_and_relation_filters(backend: Loaded) -> None:
    store = backend.store
    owners = store.neighbourhood([f"E-{A}"], 3, relation_kinds=[RelationKind.SHAREHOLDER_OF])
    assert {n for n, node in owners.nodes.items() if isinstance(node, Enterprise)} == {
        f"E-{A}",
        f"E-{B}",
        f"E-{C}",
    }
    ratios = sorted(r.ratio or 0 for r in owners.relations)
    assert ratios == [0.1, 0.51, 0.6, 0.9]
    around = store.neighbourhood([f"E-{D}"], 2)
    assert {f"E-{A}", f"E-{E}", f"E-{BRANCH}"} <= set(around.nodes)  # via 王伟 and the phone


def test_as_of_filters_relations_by_valid_time(backend: Loaded) -> None:
    before = backend.store.neighbourhood([f"E-{A}"], 1, as_of=date(2017, 1, 1))
    after = backend.store.neighbourhood([f"E-{A}"], 1, as_of=date(2019, 1, 1))
    assert f"E-{C}" not in before.nodes and f"E-{C}" in after.nodes  # C bought in 2018


def test_shortest_paths(backend: Loaded) -> None:
    kinds = [k for k in RelationKind if k != RelationKind.DECIDED_BY]
    paths = backend.store.shortest_paths(f"E-{D}", f"E-{B}", relation_kinds=kinds)
    # D and A share 王伟; A owns 60% of B. Ties in length are listed in id order.
    assert [p.nodes[0] for p in paths] == [f"E-{D}"] * len(paths)
    assert {len(p.relations) for p in paths} == {3}
    assert any(f"E-{A}" in p.nodes for p in paths)
    assert backend.store.shortest_paths(f"E-{D}", f"E-{B}", max_hops=2, relation_kinds=kinds) == []


def test_search_hits_and_highlights(backend: Loaded) -> None:
    index = backend.index
    result = index.search(SearchQuery(text="处罚"))
    # Scores differ between engines; the hit set and the highlight text do not.
    assert {h.document.title for h in result.hits} == {f"乌建罚〔2024〕7号 {NAMES[A]}"}
    assert result.hits[0].highlights["text"] == ["建筑工程未取得施工许可擅自施工被<em>处罚</em>"]
    phrase = index.search(SearchQuery(text='"建筑工程有限公司"', doc_types=["entity"]))
    assert {h.id for h in phrase.hits} == {f"E-{A}", f"E-{BRANCH}"}
    by_kind = index.search(SearchQuery(text="红山", kinds=["list_entry"]))
    assert [h.document.codes[0] for h in by_kind.hits] == ["乌市监异〔2022〕5号"]
    assert index.search(SearchQuery(text="远航", kinds=["list_entry"])).total == 0
    lists = index.search(SearchQuery(kinds=["list_entry"]))
    assert {h.document.codes[0] for h in lists.hits} == {"乌财采〔2024〕2号", "乌市监异〔2022〕5号"}
    dated = index.search(SearchQuery(doc_types=["record"], date_from=date(2024, 1, 1)))
    assert dated.total == 3  # the penalty of 2024, the procurement entry, the repair
