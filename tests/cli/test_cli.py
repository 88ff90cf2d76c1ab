"""The `creditgraph` command as a user runs it: JSON output, messages, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from graph_service.identifiers import make_uscc

USCC = make_uscc("650103", "MA77DDD4")


@pytest.fixture
def run(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    env = {
        **os.environ,
        "CREDITGRAPH_DATA_DIR": str(tmp_path / "data"),
        "CREDITGRAPH_PROGRESS": "0",
    }

    def invoke(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "graph_service", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    return invoke


def test_load_prints_summary_then_show_search_stats(
    run: Callable[..., subprocess.CompletedProcess[str]], write_csv: Callable[..., Path]
) -> None:
    path = write_csv(
        "enterprises.csv",
        ["统一社会信用代码", "企业名称", "法定代表人", "成立日期"],
        [
            [USCC, "新疆沙依巴克物流有限公司", "古丽娜尔·艾买提", "2019-08-09"],
            ["", "某公司", "", "bad"],
        ],
    )
    loaded = run("load", str(path))
    assert loaded.returncode == 0, loaded.stderr
    summary = json.loads(loaded.stdout)
    assert {k: summary[k] for k in ("read", "loaded", "merged", "quarantined")} == {
        "read": 2,
        "loaded": 1,
        "merged": 0,
        "quarantined": {"bad_date": 1},
    }
    shown = run("show", USCC, "--json")
    assert shown.returncode == 0 and json.loads(shown.stdout)["entity"]["uscc"] == USCC
    text = run("show", "古丽娜尔•艾买提")  # a variant interpunct finds the person
    assert text.returncode == 0 and "新疆沙依巴克物流有限公司" in text.stdout
    found = run("search", "物流", "--json")
    assert json.loads(found.stdout)["total"] == 1
    stats = run("stats", "--json")
    assert json.loads(stats.stdout)["nodes"] == {"Enterprise": 1, "Person": 1}
    history = run("loads", "--json")
    assert json.loads(history.stdout)[0]["status"] == "completed"


def test_errors_are_one_line_with_exit_codes(
    run: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    missing = run("load", str(tmp_path / "nope.csv"))
    assert missing.returncode == 2 and missing.stderr.startswith("error: no such file")
    unknown = run("show", "不存在的公司")
    assert unknown.returncode == 3 and "no enterprise or person matches" in unknown.stderr
    bad_date = run("search", "x", "--from", "2024-02-30")
    assert bad_date.returncode == 2 and "not a date" in bad_date.stderr
    refused = tmp_path / "odd.csv"
    refused.write_text("foo,bar\n1,2\n", encoding="utf-8")
    result = run("load", str(refused))
    assert result.returncode == 2 and "pass --kind" in result.stderr


def test_ambiguous_name_lists_candidates(
    run: Callable[..., subprocess.CompletedProcess[str]], write_csv: Callable[..., Path]
) -> None:
    path = write_csv(
        "officers.csv",
        ["企业名称", "姓名", "职务"],
        [["甲公司", "王芳", "董事"], ["乙公司", "王芳", "监事"]],
    )
    assert run("load", str(path)).returncode == 0
    result = run("show", "王芳")
    assert result.returncode == 4
    assert result.stderr.count("candidate:") == 2


def test_demo_builds_and_loads_the_city(
    run: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    result = run("demo", "--scale", "200", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    load = report["load"]
    assert load["read"] == load["loaded"] + load["merged"] + sum(load["quarantined"].values())
    assert not [f for f in load["files"] if f["error"]]  # truth.json is not an input
    truth = json.loads(Path(report["truth"]).read_text(encoding="utf-8"))
    stats = json.loads(run("stats", "--json").stdout)
    assert stats["nodes"]["Enterprise"] == truth["enterprise_count"]
    again = json.loads(run("demo", "--scale", "200", "--json").stdout)["load"]
    assert again["loaded"] == 0  # same seed, same city: nothing new
