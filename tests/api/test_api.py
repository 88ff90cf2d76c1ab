"""The HTTP API over a small loaded dataset: lookups, neighbourhoods, search, errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph_service.api.app import create_app
from graph_service.identifiers import make_resident_id, make_uscc
from graph_service.settings import Settings
from graph_service.store.embedded import EmbeddedGraphStore
from loaders.pipeline import Loader
from search.tantivy_index import TantivySearchIndex

USCC = make_uscc("650102", "MA77CCC3")
ID_NUMBER = make_resident_id("650102", date(1980, 2, 3), 17)


@pytest.fixture
def client(settings: Settings, write_csv: Callable[..., Path]) -> Iterator[TestClient]:
    enterprises = write_csv(
        "enterprises.csv",
        ["统一社会信用代码", "企业名称", "法定代表人", "法定代表人证件号码", "曾用名"],
        [
            [USCC, "乌鲁木齐天山建筑工程有限公司", "张伟", ID_NUMBER, "天山建工"],
            ["", "新疆张伟商贸有限公司", "张伟", "", ""],
        ],
    )
    penalties = write_csv(
        "penalties.csv",
        ["CF_XDR_MC", "CF_XDR_SHXYM", "CF_WSH", "CF_CFLB", "CF_JDRQ", "CF_CFJG", "CF_SY"],
        [
            [
                "乌鲁木齐天山建筑工程有限公司",
                USCC,
                "乌建罚〔2024〕9号",
                "罚款",
                "2024-03-02",
                "乌鲁木齐市住房和城乡建设局",
                "建筑工程违法分包被处罚",
            ]
        ],
    )
    store = EmbeddedGraphStore(settings.store_path)
    index = TantivySearchIndex(settings.index_path)
    Loader(store, index, settings).load_paths([enterprises, penalties])
    index.close()
    store.close()
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_health_and_stats(client: TestClient) -> None:
    health = client.get("/health").json()
    assert health["status"] == "ok" and health["graph"] == "embedded"
    assert health["documents"] == 5  # two enterprises, two persons, one record
    assert client.get("/stats").json()["nodes"]["Enterprise"] == 2


def test_lookup_by_code_name_alias_and_id_number(client: TestClient) -> None:
    by_code = client.get("/entities", params={"q": USCC}).json()
    assert [(c["id"], c["matched_on"]) for c in by_code] == [(f"E-{USCC}", "uscc")]
    by_alias = client.get("/entities", params={"q": "天山建工"}).json()
    assert [(c["id"], c["matched_on"]) for c in by_alias] == [(f"E-{USCC}", "alias")]
    by_id = client.get("/entities", params={"q": ID_NUMBER}).json()
    assert [c["matched_on"] for c in by_id] == ["id_number"]
    assert ID_NUMBER not in str(by_id) and by_id[0]["id_masked"].startswith("650102****")
    # Two persons named 张伟 (one with an ID, one without): both are listed, none is chosen.
    same_name = client.get("/entities", params={"q": "张伟"}).json()
    assert len(same_name) == 2 and {c["kind"] for c in same_name} == {"Person"}


def test_entity_view_and_neighbourhood(client: TestClient) -> None:
    view = client.get(f"/entities/E-{USCC}").json()
    assert view["entity"]["name"] == "乌鲁木齐天山建筑工程有限公司"
    assert [r["decision_no"] for r in view["records"]] == ["乌建罚〔2024〕9号"]
    assert [r["relation"] for r in view["related"]] == ["LEGAL_REPRESENTATIVE_OF"]
    around = client.get(f"/entities/E-{USCC}/neighbourhood", params={"hops": 2}).json()
    kinds = {n["kind"] for n in around["nodes"].values()}
    assert kinds == {"Enterprise", "Person", "CreditRecord", "Authority"}
    only_reps = client.get(
        f"/entities/E-{USCC}/neighbourhood",
        params={"hops": 2, "kinds": ["LEGAL_REPRESENTATIVE_OF"]},
    ).json()
    assert len(only_reps["nodes"]) == 2


def test_owners_endpoint(client: TestClient) -> None:
    report = client.get(f"/entities/E-{USCC}/owners").json()
    assert report["subject"]["uscc"] == USCC and report["owners"] == []
    assert client.get("/entities/E-nope/owners").status_code == 404


def test_search_with_highlights_and_filters(client: TestClient) -> None:
    result = client.get("/search", params={"q": "处罚"}).json()
    assert result["total"] == 1
    assert "<em>处罚</em>" in result["hits"][0]["highlights"]["text"][0]
    assert client.get("/search", params={"q": "建筑", "kind": "Enterprise"}).json()["total"] == 1
    dated = client.get("/search", params={"q": "处罚", "date_from": "2025-01-01"}).json()
    assert dated["total"] == 0


def test_errors_share_one_model(client: TestClient) -> None:
    missing = client.get("/entities/E-nope")
    assert missing.status_code == 404
    assert missing.json()["error"] == "NotFoundError"
    bad = client.get("/entities/E-nope/neighbourhood")
    assert bad.status_code == 400
    invalid = client.get("/search", params={"limit": 0})
    assert invalid.status_code == 422


def test_openapi_documents_the_routes(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/health", "/entities", "/entities/{entity_id}", "/search", "/loads"} <= set(
        spec["paths"]
    )
    assert spec["components"]["schemas"]["ErrorResponse"]
