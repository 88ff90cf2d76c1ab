"""The screening API over a loaded demo city: single verdicts, errors with candidates, batches
with the SHA-256 of their canonical JSON, and request models documented in OpenAPI."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph_service.api.app import create_app
from graph_service.demo import generate_city
from graph_service.demo.truth import Truth, load_truth
from graph_service.settings import Settings
from graph_service.store.embedded import EmbeddedGraphStore
from loaders.pipeline import Loader
from search.tantivy_index import TantivySearchIndex


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Truth]:
    root = tmp_path_factory.mktemp("api-city")
    manifest = generate_city(root / "files", 300)
    settings = Settings(data_dir=root / "data", progress=False, batch_size=500)
    store = EmbeddedGraphStore(settings.store_path)
    index = TantivySearchIndex(settings.index_path)
    Loader(store, index, settings).load_paths([f.path for f in manifest.files])
    index.close()
    store.close()
    return settings, load_truth(manifest.truth_path)


@pytest.fixture(scope="module")
def client(city: tuple[Settings, Truth]) -> Iterator[TestClient]:
    with TestClient(create_app(city[0])) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def truth(city: tuple[Settings, Truth]) -> Truth:
    return city[1]


def test_get_screen_gives_the_verdict_with_rule_and_path(client: TestClient, truth: Truth) -> None:
    uscc = truth.restricted_subjects[0].uscc
    answer = client.get("/screen", params={"subject": uscc, "as_of": str(truth.as_of)})
    assert answer.status_code == 200
    verdict = answer.json()
    assert verdict["verdict"] == "restricted" and verdict["subject"]["uscc"] == uscc
    assert verdict["as_of"] == "2025-06-30" and verdict["domain"] == "government_procurement"
    finding = verdict["findings"][0]
    assert finding["rule"]["basis"].startswith("财库〔2016〕125号")
    assert [s.get("rel") for s in finding["path"]][1::2] == ["SUBJECT_OF"]


def test_post_screen_matches_get_and_takes_known_at(client: TestClient, truth: Truth) -> None:
    case = truth.key_person_restricted[0]
    params = {"subject": case.uscc, "as_of": str(truth.as_of), "depth": 1}
    got = client.get("/screen", params=params).json()
    posted = client.post("/screen", json=params).json()
    assert posted["verdict"] == got["verdict"] == "warning"
    assert posted["findings"] == got["findings"]
    before_loading = client.post("/screen", json={**params, "known_at": "2000-01-01T00:00:00"})
    assert before_loading.status_code == 200 and before_loading.json()["verdict"] == "clear"


def test_an_id_number_in_the_body_is_screened_and_masked(client: TestClient, truth: Truth) -> None:
    number = truth.key_person_restricted[0].person_id_number
    answer = client.post("/screen", json={"subject": number, "as_of": str(truth.as_of)})
    assert answer.status_code == 200 and answer.json()["verdict"] == "restricted"
    assert number not in answer.text and "*" in answer.json()["subject"]["id_masked"]


def test_unknown_is_404_and_ambiguous_is_409_with_candidates(
    client: TestClient, truth: Truth
) -> None:
    unknown = client.get("/screen", params={"subject": "乌鲁木齐查无此名投标有限公司"})
    assert unknown.status_code == 404 and unknown.json()["error"] == "NotFoundError"
    shared = truth.same_name_persons[0]
    ambiguous = client.post("/screen", json={"subject": shared.name})
    assert ambiguous.status_code == 409
    body = ambiguous.json()
    assert body["error"] == "AmbiguousSubjectError"
    assert len(body["detail"]["candidates"]) == len(shared.id_numbers)
    assert not any(number in ambiguous.text for number in shared.id_numbers)


def test_bad_parameters_are_422(client: TestClient) -> None:
    assert client.get("/screen", params={"subject": "x", "domain": "nope"}).status_code == 422
    assert client.get("/screen", params={"subject": "x", "depth": 9}).status_code == 422
    assert client.post("/screen/batch", json={"bidders": []}).status_code == 422


def _canonical(payload: dict[str, Any]) -> bytes:
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8")


def test_batch_reports_every_row_and_the_sha256_of_its_result(
    client: TestClient, truth: Truth
) -> None:
    restricted = truth.restricted_subjects[0].uscc
    bidders = [
        {"uscc": restricted, "name": "名称填错的公司"},
        {"uscc": truth.key_person_restricted[0].uscc},
        {"name": truth.same_name_persons[0].name},
        {"name": "乌鲁木齐查无此名投标有限公司"},
        {"name": "  ", "uscc": ""},
    ]
    answer = client.post(
        "/screen/batch", json={"bidders": bidders, "as_of": str(truth.as_of), "depth": 2}
    )
    assert answer.status_code == 200
    body = answer.json()
    result = body["result"]
    assert [(r["row"], r["status"], r["verdict"]) for r in result["rows"]] == [
        (1, "screened", "restricted"),
        (2, "screened", "warning"),
        (3, "ambiguous", None),
        (4, "not_found", None),
        (5, "bad_row", None),
    ]
    assert [w["code"] for w in result["rows"][0]["warnings"]] == ["name_mismatch"]
    assert len(result["rows"][2]["candidates"]) == 2
    assert sum(result["status_counts"].values()) == len(bidders)
    assert body["sha256"] == hashlib.sha256(_canonical(result)).hexdigest()


def test_batch_upload_of_a_bidder_file(client: TestClient, truth: Truth) -> None:
    restricted = truth.restricted_subjects[0].uscc
    content = f"投标人名称,统一社会信用代码\n,{restricted}\n查无此名有限公司,\n,\n".encode(
        "gb18030"
    )
    answer = client.post(
        "/screen/batch/upload",
        files={"file": ("bidders.csv", content, "text/csv")},
        data={"as_of": str(truth.as_of), "domain": "government_procurement"},
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    result = body["result"]
    assert [(r["status"], r["verdict"]) for r in result["rows"]] == [
        ("screened", "restricted"),
        ("not_found", None),
        ("bad_row", None),
    ]
    assert result["input"]["sha256"] == hashlib.sha256(content).hexdigest()
    assert body["sha256"] == hashlib.sha256(_canonical(result)).hexdigest()
    refused = client.post(
        "/screen/batch/upload", files={"file": ("bidders.pdf", b"%PDF", "application/pdf")}
    )
    assert refused.status_code == 400 and "CSV or XLSX" in refused.json()["message"]


def test_related_bidders_endpoint(client: TestClient, truth: Truth) -> None:
    planted = truth.related_bidder_sets[0]
    answer = client.post("/related", json={"bidders": planted.members})
    assert answer.status_code == 200, answer.text
    report = answer.json()
    found = {signal for pair in report["pairs"] for signal in pair["signals"]}
    assert set(planted.signals) <= found
    assert len(report["groups"]) == 1
    unknown = client.post("/related", json={"bidders": [planted.members[0], "查无此名公司"]})
    assert unknown.status_code == 404


def test_openapi_documents_the_screening_models_with_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/screen", "/screen/batch"} <= set(spec["paths"])
    assert spec["paths"]["/screen"]["get"]["tags"] == ["screening"]
    schemas = spec["components"]["schemas"]
    for name in ("ScreenRequest", "BatchRequest", "BatchResponse", "Verdict", "BatchResult"):
        assert name in schemas, name
    assert schemas["ScreenRequest"]["examples"][0]["domain"] == "government_procurement"
    assert schemas["BatchRequest"]["examples"][0]["bidders"]
    assert "409" in spec["paths"]["/screen"]["post"]["responses"]
