"""Bad input ends in a clear error (file) or a quarantined row (row), never a crash or a loss."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from graph_service.errors import InputError
from graph_service.store.embedded import EmbeddedGraphStore
from loaders.pipeline import Loader

HEADER = ["统一社会信用代码", "企业名称", "成立日期", "注册资本(万元)"]


def _quarantine_entries(loader: Loader) -> list[dict[str, object]]:
    entries = []
    for path in sorted(loader.settings.quarantine_dir.glob("*.jsonl")):
        entries += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return entries


@pytest.mark.parametrize(
    ("content", "message"),
    [
        # a file with nothing in it
        (b"", "empty"),
        # a header row of blanks
        (b",,,\n1,2,3,4\n", "header row is blank"),
        # Latin-1 bytes are neither UTF-8 nor GB18030 text
        (
            "企业名称\n".encode() + bytes([0x80, 0xFF, 0xFE, 0x81, 0x30]) + b"\n",
            "not UTF-8 or GB18030",
        ),
        # headers of no known kind
        (b"foo,bar\n1,2\n", "cannot tell the kind"),
        # a header given twice is ambiguous
        ("企业名称,企业名称\n甲,乙\n".encode(), "appears twice"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(
    loader: Loader, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "input.csv"
    path.write_bytes(content)
    summary = loader.load_paths([path])
    assert summary.read == 0
    assert summary.files[0].error is not None and message in summary.files[0].error


def test_missing_required_column_names_it(loader: Loader, write_csv: Callable[..., Path]) -> None:
    path = write_csv("shareholders.csv", ["企业名称", "出资比例"], [["甲公司", "50%"]])
    summary = loader.load_paths([path], kind="shareholders")
    assert summary.files[0].error == "shareholders file lacks required column(s): shareholder_name"


def test_unknown_kind_and_missing_path_raise(loader: Loader, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("企业名称\n甲\n", encoding="utf-8")
    assert "unknown kind" in (loader.load_paths([path], kind="nope").files[0].error or "")
    with pytest.raises(InputError, match="no such file"):
        loader.load_paths([tmp_path / "missing.csv"])
    with pytest.raises(InputError, match="no loadable files"):
        empty = tmp_path / "empty-folder"
        empty.mkdir()
        loader.load_paths([empty])


def test_bad_rows_are_quarantined_with_position_and_reason(
    loader: Loader, store: EmbeddedGraphStore, write_csv: Callable[..., Path]
) -> None:
    rows = [
        ["", "甲公司", "2020-01-01", "100"],  # good
        ["", "乙公司", "2023-13-45", "100"],  # month 13
        ["", "丙公司", "去年", "100"],  # not a date at all
        ["", "丁公司", "2020-01-01", "一百万"],  # amount in words
        ["", "戊公司", "2020-01-01", "-5"],  # negative amount
        ["", "", "2020-01-01", "1"],  # no name, no code
        ["", "", "", ""],  # empty row
        ["", "己公司", "1850-01-01", "1"],  # before 1900
    ]
    path = write_csv("enterprises.csv", HEADER, rows)
    summary = loader.load_paths([path])
    assert summary.read == 8 and summary.loaded == 1
    assert summary.quarantined == {
        "bad_amount": 2,
        "bad_date": 3,
        "empty_row": 1,
        "missing_subject": 1,
    }
    entries = _quarantine_entries(loader)
    assert [(e["row"], e["reason"]) for e in entries] == [
        (2, "bad_date"),
        (3, "bad_date"),
        (4, "bad_amount"),
        (5, "bad_amount"),
        (6, "missing_subject"),
        (7, "empty_row"),
        (8, "bad_date"),
    ]
    assert entries[0]["cells"] == dict(
        zip(HEADER, ["", "乙公司", "2023-13-45", "100"], strict=True)
    ) | {"统一社会信用代码": None}
    assert "month" in str(entries[0]["detail"]) or "real date" in str(entries[0]["detail"])
    assert store.stats().nodes == {"Enterprise": 1}


def test_bad_ratio_and_wrong_cell_count(loader: Loader, write_csv: Callable[..., Path]) -> None:
    path = write_csv(
        "shareholders.csv",
        ["企业名称", "股东名称", "出资比例"],
        [
            ["甲公司", "张三", "150%"],
            ["甲公司", "李四", "abc"],
            ["甲公司", "王五"],
            ["甲公司", "赵六", "20", "extra"],
        ],
    )
    summary = loader.load_paths([path])
    assert summary.quarantined == {"bad_ratio": 2, "column_count": 2}
    assert summary.read == 4 and summary.loaded == 0


def test_ten_megabyte_cell_is_quarantined_not_loaded(
    loader: Loader, store: EmbeddedGraphStore, tmp_path: Path
) -> None:
    path = tmp_path / "huge.csv"
    huge = "违" * (10 * 1024 * 1024)
    path.write_text(f"企业名称,经营范围\n甲公司,{huge}\n乙公司,建筑\n", encoding="utf-8")
    summary = loader.load_paths([path])
    assert summary.quarantined == {"cell_too_large": 1} and summary.loaded == 1
    entry = _quarantine_entries(loader)[0]
    assert entry["row"] == 1 and len(str(entry["cells"])) < 2000  # the stub, not 10 MB
    assert store.stats().nodes == {"Enterprise": 1}


def test_bad_json_lines_are_quarantined(loader: Loader, tmp_path: Path) -> None:
    path = tmp_path / "debtors.jsonl"
    good = {
        "被执行人姓名/名称": "甲公司",
        "案号": "（2023）新0102执1号",
        "执行法院": "某法院",
        "履行情况": "全部未履行",
    }
    path.write_text(
        json.dumps(good, ensure_ascii=False) + "\n{not json\n[1, 2]\n\n", encoding="utf-8"
    )
    summary = loader.load_paths([path])
    assert summary.quarantined == {"bad_json": 1, "not_an_object": 1}
    assert summary.loaded == 1 and summary.read == 3


def test_every_row_is_accounted_for(loader: Loader, write_csv: Callable[..., Path]) -> None:
    rows = [["", f"公司{i}", "2020-01-01" if i % 3 else "bad", str(i)] for i in range(120)]
    rows += rows[:30]  # duplicates
    path = write_csv("enterprises.csv", HEADER, rows)
    summary = loader.load_paths([path])
    assert summary.read == 150
    assert summary.read == summary.loaded + summary.merged + sum(summary.quarantined.values())
    assert summary.merged == 20 and summary.quarantined == {"bad_date": 50}
