"""`creditgraph screen` and `screen-batch` as a user runs them: JSON, text, exit codes, files."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from test_screening_batch_city import (
    CLEAN_USCC,
    UNKNOWN_NAME,
    City,
    bidder_table,
    build_city,
    write_bidders_csv,
)

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[City]:
    built = build_city(tmp_path_factory.mktemp("cli-city"))
    yield built  # open for reads here; the commands open the store themselves
    built.store.close()


@pytest.fixture(scope="module")
def run(city: City) -> Run:
    env = {
        **os.environ,
        "CREDITGRAPH_DATA_DIR": str(city.settings.data_dir),
        "CREDITGRAPH_PROGRESS": "0",
    }

    def invoke(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "graph_service", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )

    return invoke


def test_screen_json_is_the_verdict_contract(city: City, run: Run) -> None:
    uscc = city.truth.restricted_subjects[0].uscc
    done = run("screen", uscc, "--as-of", str(city.truth.as_of), "--json")
    assert done.returncode == 0, done.stderr
    verdict = json.loads(done.stdout)
    assert verdict["subject"]["uscc"] == uscc and verdict["verdict"] == "restricted"
    assert verdict["domain"] == "government_procurement" and verdict["depth"] == 2
    finding = verdict["findings"][0]
    assert finding["rule"]["basis"] and finding["record"]["decision_no"]
    assert finding["path"][0]["node"] == verdict["subject"]["id"]
    assert verdict["rules_version"] and verdict["data_version"]


def test_screen_text_names_rule_basis_and_path(city: City, run: Run) -> None:
    uscc = city.truth.key_person_restricted[0].uscc
    done = run("screen", uscc, "--as-of", str(city.truth.as_of), "--depth", "1")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[1].startswith("verdict: warning in government_procurement on 2025-06-30")
    assert any(line.strip().startswith("rule procurement.") for line in lines)
    paths = [line.split("path: ")[1] for line in lines if "path: " in line]
    assert paths and all(p.count(" → ") >= 4 and " → SUBJECT_OF → " in p for p in paths)


def test_screen_other_domain_and_known_at(city: City, run: Run) -> None:
    done = run(
        "screen",
        CLEAN_USCC,
        "--domain",
        "bidding",
        "--known-at",
        "2000-01-01T00:00:00",  # before anything was loaded: nothing is known yet
        "--json",
    )
    assert done.returncode == 0, done.stderr
    verdict = json.loads(done.stdout)
    assert (verdict["domain"], verdict["verdict"]) == ("bidding", "clear")
    assert verdict["known_at"].startswith("2000-01-01T00:00:00")


def test_screen_unknown_exits_3_and_ambiguous_exits_4_with_candidates(city: City, run: Run) -> None:
    unknown = run("screen", UNKNOWN_NAME)
    assert unknown.returncode == 3 and unknown.stderr.startswith("error: no enterprise")
    shared = city.truth.same_name_persons[0]
    ambiguous = run("screen", shared.name, "--json")
    assert ambiguous.returncode == 4 and ambiguous.stdout == ""
    candidates = [line for line in ambiguous.stderr.splitlines() if "candidate:" in line]
    assert len(candidates) == len(shared.id_numbers)
    assert not any(number in ambiguous.stderr for number in shared.id_numbers)
    bad = run("screen", "x", "--as-of", "2025-02-30")
    assert bad.returncode == 2 and "not a date" in bad.stderr


def test_screen_batch_writes_the_reports_and_prints_their_hash(
    city: City, run: Run, tmp_path: Path
) -> None:
    table, expected = bidder_table(city)
    bidders = write_bidders_csv(tmp_path / "bidders.csv", table)
    prefix = tmp_path / "reports" / "tender-17"
    done = run(
        "screen-batch",
        str(bidders),
        "--as-of",
        str(city.truth.as_of),
        "--out",
        str(prefix),
        "--checked-at",
        "2025-06-29T08:30:00Z",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["rows"] == len(expected) + 1  # the blank line is reported too
    assert sum(summary["status_counts"].values()) == summary["rows"]
    reports = {kind: Path(p) for kind, p in summary["reports"].items()}
    assert reports["json"] == prefix.with_name("tender-17.json")
    assert summary["sha256"] == hashlib.sha256(reports["json"].read_bytes()).hexdigest()
    assert summary["sha256"] in reports["html"].read_text(encoding="utf-8")
    again = run(
        "screen-batch",
        str(bidders),
        "--as-of",
        str(city.truth.as_of),
        "--out",
        str(tmp_path / "again"),
        "--checked-at",
        "2025-06-29T08:30:00Z",
        "--json",
    )
    assert json.loads(again.stdout)["sha256"] == summary["sha256"]  # reproduced exactly


def test_screen_batch_text_and_default_folder(city: City, run: Run, tmp_path: Path) -> None:
    bidders = tmp_path / "few.csv"
    bidders.write_text(f"统一社会信用代码\n{CLEAN_USCC}\n", encoding="utf-8")
    done = run("screen-batch", str(bidders))
    assert done.returncode == 0, done.stderr
    assert "row 1 " in done.stdout and ": clear" in done.stdout
    assert f"{city.settings.data_dir / 'reports'}/screening-" in done.stdout
    assert "SHA-256 " in done.stdout


def test_screen_batch_refuses_a_file_without_bidder_columns(run: Run, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("金额,备注\n1,x\n", encoding="utf-8")
    done = run("screen-batch", str(wrong))
    assert done.returncode == 2 and "no bidder name or USCC column" in done.stderr
