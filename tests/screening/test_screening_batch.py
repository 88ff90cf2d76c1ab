"""Batch screening on the demo city: one result row per input row, each with the status and
verdict its planted truth calls for; files read by header, whatever their encoding."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from test_screening_batch_city import (
    CLEAN_NAME,
    CLEAN_USCC,
    SCRIPT_NAME,
    City,
    Expected,
    bidder_table,
    build_city,
    write_bidders_csv,
)

from graph_service.errors import InputError
from queries.rules.schema import Domain
from queries.screening.batch import (
    STATUSES,
    BatchResult,
    BidderRow,
    input_ref,
    read_bidders,
    screen_batch,
)
from queries.screening.report import canonical_json
from queries.screening.service import catalogue_for


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[City]:
    built = build_city(tmp_path_factory.mktemp("batch-city"))
    yield built
    built.store.close()


@pytest.fixture(scope="module")
def table(city: City) -> tuple[list[list[str]], dict[int, Expected]]:
    return bidder_table(city)


@pytest.fixture(scope="module")
def bidders(
    table: tuple[list[list[str]], dict[int, Expected]], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    return write_bidders_csv(tmp_path_factory.mktemp("bidders") / "投标人名单.csv", table[0])


def _run(city: City, rows: list[BidderRow], as_of: date | None = None) -> BatchResult:
    return screen_batch(
        city.store,
        city.hasher,
        catalogue_for(None),
        rows,
        Domain.GOVERNMENT_PROCUREMENT,
        as_of or city.truth.as_of,
    )


@pytest.fixture(scope="module")
def result(city: City, bidders: Path) -> BatchResult:
    rows = read_bidders(bidders)
    return screen_batch(
        city.store,
        city.hasher,
        catalogue_for(None),
        rows,
        Domain.GOVERNMENT_PROCUREMENT,
        city.truth.as_of,
        source=input_ref(bidders, rows),
    )


def test_a_gb18030_csv_is_read_by_its_headers_and_blank_rows_are_kept(
    bidders: Path, table: tuple[list[list[str]], dict[int, Expected]]
) -> None:
    rows = read_bidders(bidders)
    assert len(rows) == len(table[0]) + 1  # the trailing blank line is a row too
    first = table[0][0]
    assert (rows[0].row, rows[0].name, rows[0].uscc) == (1, first[1], first[2])
    assert (rows[-1].name, rows[-1].uscc) == (None, None)


def test_an_xlsx_with_english_headers_reads_the_same(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["No.", "Name", "USCC"])
    sheet.append([1, CLEAN_NAME, CLEAN_USCC])
    sheet.append([2, None, None])
    sheet.append([3, "只有名称", None])
    path = tmp_path / "bidders.xlsx"
    workbook.save(path)
    rows = read_bidders(path)
    assert [(r.row, r.name, r.uscc) for r in rows] == [
        (1, CLEAN_NAME, CLEAN_USCC),
        (2, None, None),
        (3, "只有名称", None),
    ]


def test_a_file_without_name_or_code_column_names_its_headers(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("序号,金额,备注\n1,100,x\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_bidders(path)
    assert "'金额'" in caught.value.message and "统一社会信用代码" in caught.value.message
    with pytest.raises(InputError, match="no such file"):
        read_bidders(tmp_path / "missing.csv")


def test_every_row_read_is_a_row_of_the_result_with_its_expected_outcome(
    result: BatchResult, table: tuple[list[list[str]], dict[int, Expected]]
) -> None:
    expected = {**table[1], len(table[0]) + 1: Expected("bad_row")}  # the blank line
    assert [r.row for r in result.rows] == sorted(expected)
    for row in result.rows:
        want = expected[row.row]
        assert row.status == want.status, (row.row, row.error, row.warnings)
        if want.status == "screened":
            assert row.screening is not None and row.verdict == row.screening.verdict
            assert want.verdict is None or row.verdict == want.verdict, (row.row, row.verdict)
        else:
            assert row.verdict is None and row.screening is None and row.error
        assert [w.code for w in row.warnings] == list(want.warnings), row.row


def test_planted_truth_restricted_subjects_and_key_persons(city: City, result: BatchResult) -> None:
    by_code = {r.uscc: r for r in result.rows if r.uscc and r.screening}
    for subject in city.truth.restricted_subjects:
        assert by_code[subject.uscc].verdict == "restricted", subject
    for case in city.truth.key_person_restricted:
        row = by_code[case.uscc]
        assert row.screening is not None
        restricted = {s.uscc for s in city.truth.restricted_subjects}
        expected = "restricted" if row.uscc in restricted else "warning"
        assert row.verdict == expected
        if expected == "warning":
            assert {f.level for f in row.screening.findings} >= {"warning"}


def test_counts_add_up(result: BatchResult) -> None:
    assert sum(result.status_counts.values()) == len(result.rows)
    assert result.status_counts == {s: sum(r.status == s for r in result.rows) for s in STATUSES}
    assert sum(result.verdict_counts.values()) == result.status_counts["screened"]
    assert list(result.verdict_counts) == ["restricted", "warning", "info", "clear"]
    assert result.input is not None and result.input.rows == len(result.rows)


def test_ambiguous_rows_list_candidates_with_masked_id_numbers(
    city: City, result: BatchResult
) -> None:
    (row,) = [r for r in result.rows if r.status == "ambiguous"]
    assert len(row.candidates) == len(city.truth.same_name_persons[0].id_numbers)
    assert all(c.id_masked and "*" in c.id_masked for c in row.candidates)
    text = canonical_json(result).decode("utf-8")
    for number in city.truth.same_name_persons[0].id_numbers:
        assert number not in text


def test_an_id_number_bidder_is_screened_but_never_echoed(city: City, result: BatchResult) -> None:
    number = city.truth.key_person_restricted[0].person_id_number
    (row,) = [r for r in result.rows if r.uscc and r.uscc.startswith(number[:6]) and "*" in r.uscc]
    assert row.verdict == "restricted" and row.screening is not None
    assert row.screening.subject.kind == "Person"
    assert number not in canonical_json(result).decode("utf-8")


def test_uscc_wins_over_a_wrong_name_and_says_so(result: BatchResult) -> None:
    (row,) = [r for r in result.rows if r.name == SCRIPT_NAME]
    assert row.screening is not None and row.screening.subject.name != SCRIPT_NAME
    assert SCRIPT_NAME in row.warnings[0].message


def test_a_bidder_listed_twice_gets_one_verdict(result: BatchResult) -> None:
    repeated = [r for r in result.rows if any(w.code == "duplicate" for w in r.warnings)]
    assert len(repeated) == 3
    for row in repeated:
        message = next(w.message for w in row.warnings if w.code == "duplicate")
        first = next(r for r in result.rows if r.row == int(message.rsplit(" ", 1)[1]))
        assert first.row < row.row and first.screening == row.screening


def test_one_checked_at_for_the_whole_batch(result: BatchResult) -> None:
    assert result.checked_at.microsecond == 0 and result.checked_at.utcoffset() is not None
    assert {r.screening.checked_at for r in result.rows if r.screening} == {result.checked_at}


def test_an_earlier_bid_date_gives_the_answer_true_then(city: City) -> None:
    rows = [BidderRow(row=1, uscc=s.uscc) for s in city.truth.restricted_subjects]
    then = _run(city, rows, date(2015, 1, 1))
    assert then.verdict_counts["restricted"] == 0
    assert then.as_of == date(2015, 1, 1)


def test_json_body_rows_work_without_a_file(city: City) -> None:
    rows = [BidderRow(row=1, name=CLEAN_NAME), BidderRow(row=2, uscc=CLEAN_USCC)]
    result = _run(city, rows)
    assert [r.verdict for r in result.rows] == ["clear", "clear"]
    assert result.input is None
    assert json.loads(canonical_json(result))["rows"][0]["name"] == CLEAN_NAME
