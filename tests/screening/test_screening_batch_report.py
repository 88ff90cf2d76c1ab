"""The report files of a batch screening: hashed canonical JSON, CSV with BOM, XLSX and a
printable HTML that states the hash and escapes everything it shows."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from test_screening_batch_city import (
    FORMULA_NAME,
    SCRIPT_NAME,
    City,
    bidder_table,
    build_city,
    write_bidders_csv,
)

from queries.rules.schema import Domain
from queries.screening.batch import BatchResult, input_ref, read_bidders, screen_batch
from queries.screening.report import TABLE_HEADERS, canonical_json, table_rows, write_reports
from queries.screening.report_template import RELATION_LABELS
from queries.screening.service import catalogue_for

CHECKED_AT = datetime(2025, 6, 29, 8, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[City]:
    built = build_city(tmp_path_factory.mktemp("report-city"))
    yield built
    built.store.close()


@pytest.fixture(scope="module")
def bidders(city: City, tmp_path_factory: pytest.TempPathFactory) -> Path:
    table, _ = bidder_table(city)
    return write_bidders_csv(tmp_path_factory.mktemp("bidders") / "bidders.csv", table, "utf-8")


def _screen(city: City, bidders: Path, checked_at: datetime | None = CHECKED_AT) -> BatchResult:
    rows = read_bidders(bidders)
    return screen_batch(
        city.store,
        city.hasher,
        catalogue_for(None),
        rows,
        Domain.GOVERNMENT_PROCUREMENT,
        city.truth.as_of,
        checked_at=checked_at,
        source=input_ref(bidders, rows),
    )


@pytest.fixture(scope="module")
def result(city: City, bidders: Path) -> BatchResult:
    return _screen(city, bidders)


@pytest.fixture(scope="module")
def files(result: BatchResult, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_reports(result, tmp_path_factory.mktemp("reports"))


def test_a_folder_gets_five_files_named_by_the_check_time(files: dict[str, Path]) -> None:
    assert sorted(files) == ["csv", "html", "json", "sha256", "xlsx"]
    assert files["json"].name == "screening-20250629T083000Z.json"
    assert all(p.is_file() and p.parent == files["json"].parent for p in files.values())


def test_a_second_report_in_the_same_folder_never_overwrites_the_first(
    result: BatchResult, files: dict[str, Path]
) -> None:
    before = files["json"].read_bytes()
    second = write_reports(result, files["json"].parent)
    assert second["json"].name == "screening-20250629T083000Z-2.json"
    assert files["json"].read_bytes() == before == second["json"].read_bytes()


def test_a_prefix_is_used_as_given(result: BatchResult, tmp_path: Path) -> None:
    paths = write_reports(result, tmp_path / "out" / "tender-2025-017")
    assert paths["html"] == tmp_path / "out" / "tender-2025-017.html"
    assert paths["json"].read_bytes() == canonical_json(result)


def test_json_is_canonical_and_its_sha256_is_stated_everywhere(
    result: BatchResult, files: dict[str, Path]
) -> None:
    data = files["json"].read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    payload = json.loads(data)
    assert data == (
        json.dumps(payload, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
    ).encode("utf-8")
    assert BatchResult.model_validate(payload) == result
    assert files["sha256"].read_text(encoding="utf-8") == f"{digest}  {files['json'].name}\n"
    page = files["html"].read_text(encoding="utf-8")
    stated = re.search(r'id="result-sha256">([0-9a-f]{64})<', page)
    assert stated is not None and stated.group(1) == digest


def _without_checked_at(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_checked_at(v) for k, v in value.items() if k != "checked_at"}
    if isinstance(value, list):
        return [_without_checked_at(v) for v in value]
    return value


def test_a_rerun_reproduces_the_json_byte_for_byte(
    city: City, bidders: Path, result: BatchResult
) -> None:
    again = _screen(city, bidders)
    assert canonical_json(again) == canonical_json(result)
    later = _screen(city, bidders, checked_at=None)  # now: only the check time differs
    assert later.checked_at != result.checked_at
    assert _without_checked_at(json.loads(canonical_json(later))) == _without_checked_at(
        json.loads(canonical_json(result))
    )


def test_csv_has_a_bom_and_one_line_per_row(result: BatchResult, files: dict[str, Path]) -> None:
    raw = files["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert len(text.splitlines()) == 1 + len(result.rows)
    parsed = list(csv.reader(io.StringIO(text)))
    assert tuple(parsed[0]) == TABLE_HEADERS
    assert [int(line[0]) for line in parsed[1:]] == [r.row for r in result.rows]
    assert [line[3] for line in parsed[1:]] == [r.status for r in result.rows]
    formula = next(line for line in parsed if line[1].endswith(FORMULA_NAME))
    assert formula[1] == "'" + FORMULA_NAME  # a spreadsheet shows it, never runs it


def test_xlsx_opens_with_the_same_rows(result: BatchResult, files: dict[str, Path]) -> None:
    workbook = load_workbook(files["xlsx"])
    sheet = workbook["核查结果"]
    values = [[cell if cell is not None else "" for cell in row] for row in sheet.values]
    assert tuple(values[0]) == TABLE_HEADERS
    assert values[1:] == table_rows(result)
    formula = next(row for row in sheet.iter_rows(min_row=2) if row[1].value == FORMULA_NAME)
    assert formula[1].data_type == "s"
    meta = dict(workbook["核查信息"].iter_rows(values_only=True))
    assert meta["数据版本"] == result.data_version and meta["规则版本"] == result.rules_version


def test_table_rows_carry_rule_basis_and_decision_numbers(result: BatchResult) -> None:
    restricted = [line for line in table_rows(result) if line[4] == "restricted"]
    assert restricted and all(
        line[7] and "财库〔2016〕125号" in str(line[8]) and line[9] for line in restricted
    )


def test_html_states_versions_time_domain_and_escapes_input(
    result: BatchResult, files: dict[str, Path]
) -> None:
    page = files["html"].read_text(encoding="utf-8")
    assert "<title>投标人信用核查报告</title>" in page and "@page { size: A4" in page
    for fact in (
        result.data_version,
        result.rules_version,
        result.checked_at.isoformat(),
        "政府采购 (government_procurement)",
        result.as_of.isoformat(),
    ):
        assert fact in page, fact
    assert "<script" not in page and SCRIPT_NAME not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;有限公司" in page
    assert page.count("<article") == len(result.rows)


def test_html_shows_each_finding_with_rule_basis_and_path(
    result: BatchResult, files: dict[str, Path]
) -> None:
    page = files["html"].read_text(encoding="utf-8")
    row = next(r for r in result.rows if r.verdict == "warning")
    assert row.screening is not None
    finding = next(f for f in row.screening.findings if f.level == "warning")
    assert finding.rule is not None
    article = page.split(f'id="row-{row.row}"')[1].split("</article>")[0]
    assert finding.rule.id in article and finding.rule.basis in article
    assert "法定代表人" in article or "股东" in article  # relations shown by their Chinese names
    shown = [  # each evidence path as text: 节点 → 关系 → 节点
        html.unescape(re.sub(r"<[^>]+>", "", path))
        for path in re.findall(r'<div class="path">(.*?)</div>', article)
    ]
    steps = [RELATION_LABELS[s.rel] if s.rel else s.name or "" for s in finding.path]
    pattern = " → ".join(f"{re.escape(step)}[^→]*" for step in steps)
    assert any(re.fullmatch(pattern, text) for text in shown), (steps, shown)
