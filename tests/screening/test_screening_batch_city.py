"""A small demo city plus one hand-made clean company, and a bidder file that mixes every
case a procurement officer meets: restricted bidders and key-person cases from the planted
truth, a clean company, name-only, unknown, ambiguous and empty rows, bad codes, an ID number
and hostile text. Imported by the other test_screening_batch* modules."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from graph_service.demo import generate_city
from graph_service.demo.truth import Truth, load_truth
from graph_service.identifiers import (
    IdentityHasher,
    make_resident_id,
    make_uscc,
    uscc_check_char,
)
from graph_service.settings import Settings
from graph_service.store.embedded import EmbeddedGraphStore
from loaders.pipeline import Loader
from queries.subjects import find_subjects
from search.tantivy_index import TantivySearchIndex

SCALE = 300
CLEAN_USCC = make_uscc("650102", "MA7QYQQ1")
CLEAN_NAME = "乌鲁木齐清源检测技术有限公司"
UNKNOWN_NAME = "乌鲁木齐查无此名投标有限公司"
SCRIPT_NAME = '<script>alert("x")</script>有限公司'
FORMULA_NAME = '=HYPERLINK("http://x","点此")'
HEADERS = ["序号", "投标人名称（盖章）", "统一社会信用代码"]


@dataclass
class City:
    settings: Settings
    store: EmbeddedGraphStore
    truth: Truth
    hasher: IdentityHasher


@dataclass
class Expected:
    """What each row of the bidder file must come out as."""

    status: str
    verdict: str | None = None
    warnings: tuple[str, ...] = ()


def build_city(root: Path) -> City:
    """Generate, load, and add a company that nothing links to (so it is clear)."""
    manifest = generate_city(root / "files", SCALE)
    settings = Settings(data_dir=root / "data", progress=False, batch_size=500)
    extra = root / "extra_enterprises.csv"
    with extra.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["统一社会信用代码", "企业名称", "法定代表人", "法定代表人证件号码"])
        rep_id = make_resident_id("650102", date(1985, 5, 6), 31)
        writer.writerow([CLEAN_USCC, CLEAN_NAME, "测试清源", rep_id])
    store = EmbeddedGraphStore(settings.store_path)
    index = TantivySearchIndex(settings.index_path)
    loader = Loader(store, index, settings)
    loader.load_paths([*(f.path for f in manifest.files), extra])
    loader.close()
    index.close()
    return City(
        settings, store, load_truth(manifest.truth_path), IdentityHasher(settings.id_secret)
    )


def _bad_check_digit(code: str) -> str:
    right = uscc_check_char(code[:17])
    return code[:17] + ("0" if right != "0" else "1")


def _unique_name(city: City, uscc: str) -> str:
    found = find_subjects(city.store, uscc, city.hasher)
    assert len(found) == 1
    return found[0].name


def bidder_table(city: City) -> tuple[list[list[str]], dict[int, Expected]]:
    """Data rows (header excluded) and the expected outcome by 1-based row number."""
    truth = city.truth
    restricted = [r.uscc for r in truth.restricted_subjects]
    key_person = [k.uscc for k in truth.key_person_restricted if k.uscc not in restricted]
    name_only = next(
        name
        for name in (_unique_name(city, u) for u in restricted[1:])
        if len(find_subjects(city.store, name, city.hasher)) == 1
    )
    rows: list[tuple[str, str, Expected]] = [
        (_unique_name(city, restricted[0]), restricted[0], Expected("screened", "restricted")),
        *(("", u, Expected("screened", "restricted")) for u in restricted[1:]),
        *(("", u, Expected("screened", "warning")) for u in key_person),
        (CLEAN_NAME, CLEAN_USCC, Expected("screened", "clear")),
        (name_only, "", Expected("screened", "restricted", ("duplicate",))),
        (UNKNOWN_NAME, "", Expected("not_found")),
        (truth.same_name_persons[0].name, "", Expected("ambiguous")),
        ("", "", Expected("bad_row")),
        (
            CLEAN_NAME,
            _bad_check_digit(CLEAN_USCC),
            Expected("screened", "clear", ("uscc_check_digit", "code_not_found", "duplicate")),
        ),
        ("", truth.pilot_codes[0], Expected("screened", None, ("uscc_check_digit",))),
        (
            SCRIPT_NAME,
            restricted[0],
            Expected("screened", "restricted", ("name_mismatch", "duplicate")),
        ),
        (FORMULA_NAME, "", Expected("not_found")),
        (
            "",
            truth.key_person_restricted[0].person_id_number,
            Expected("screened", "restricted"),
        ),
        ("", "12345", Expected("bad_row")),
    ]
    # Rows repeating an entity listed earlier are flagged "duplicate" (and share its verdict).
    table = [[str(n), name, code] for n, (name, code, _) in enumerate(rows, start=1)]
    return table, {n: expected for n, (_, _, expected) in enumerate(rows, start=1)}


def write_bidders_csv(path: Path, table: list[list[str]], encoding: str = "gb18030") -> Path:
    """The table as a CSV, with a blank line at the end (a row too: reported, not dropped)."""
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        writer.writerows(table)
        handle.write("\r\n")
    return path
