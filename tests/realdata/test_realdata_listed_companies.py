"""Real public samples (shared/realdata) through the loaders, via small converters.

The converters only rename columns into a national layout; they add no knowledge. The one
exception is the second board test, which derives a stand-in identifier from name, gender and
birth year to show that an identifier — and only an identifier — joins same-name persons.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

from graph_service.identifiers import make_resident_id, name_key
from graph_service.model import Enterprise, Person, RelationKind
from graph_service.store.embedded import EmbeddedGraphStore
from loaders.pipeline import Loader

SAMPLE_YEAR = 2018  # the board sample's ages are as of 2018 (shared/realdata/README.md)


def _companies_to_enterprises(shared: Path, out: Path) -> Path:
    items = [
        json.loads(line)
        for line in (shared / "realdata/cn_listed_companies/companies_sample.jsonl").open(
            encoding="utf-8"
        )
    ]
    path = out / "listed_enterprises.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["证券代码", "企业名称", "简称", "成立日期"])
        for item in items:
            writer.writerow([item["code"], item["fullname"], item["name"], item["time"]])
    return path


def _boards_to_officers(shared: Path, out: Path, with_identifier: bool) -> Path:
    rows = list(
        csv.DictReader(
            (shared / "realdata/cn_listed_company_boards/board_members_sample.csv").open(
                encoding="utf-8"
            )
        )
    )
    path = out / "board_officers.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["证券代码", "企业名称", "姓名", "证件号码", "职务"])
        for row in rows:
            code = row["stock_code"]
            identifier = ""
            if with_identifier:
                seed = f"{row['person_name']}|{row['gender']}|{row['age']}"
                digest = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
                birth = date(SAMPLE_YEAR - int(row["age"]), 1, 1) + timedelta(days=digest % 365)
                sequence = digest // 365 % 499 * 2 + (1 if row["gender"] == "男" else 0)
                identifier = make_resident_id("110101", birth, sequence)
            writer.writerow(
                [code, row["company_short_name"], row["person_name"], identifier, row["jobs"]]
            )
    return path


def test_renamed_companies_resolve_to_one_entity_with_aliases(
    loader: Loader, store: EmbeddedGraphStore, shared_dir: Path, tmp_path: Path
) -> None:
    path = _companies_to_enterprises(shared_dir, tmp_path)
    summary = loader.load_paths([path])
    # Six real rows have the exchange shifted into the date column: quarantined, not guessed.
    assert summary.quarantined == {"bad_date": 6}
    assert summary.read == 300 and summary.merged == 1 and summary.loaded == 293
    companies = {
        (n.stock_code or "")[:6]: n
        for n in store.iter_nodes("Enterprise")
        if isinstance(n, Enterprise)
    }
    assert len(companies) == 293
    renamed = companies["002141"]
    names = {renamed.name, *renamed.aliases}
    assert {"贤丰控股股份有限公司", "广东蓉胜超微线材股份有限公司", "贤丰控股"} <= names
    # Full-width Ａ and half-width A are one name key; the short name is an alias.
    assert "深深房A" in companies["000029"].aliases
    assert name_key("深深房Ａ") == name_key("深深房A")


def test_board_members_with_same_name_stay_apart_without_identifier(
    loader: Loader, store: EmbeddedGraphStore, shared_dir: Path, tmp_path: Path
) -> None:
    first = loader.load_paths([_companies_to_enterprises(shared_dir, tmp_path)])
    summary = loader.load_paths([_boards_to_officers(shared_dir, tmp_path, with_identifier=False)])
    assert summary.read == 319 and not summary.quarantined
    rows = list(
        csv.DictReader(
            (shared_dir / "realdata/cn_listed_company_boards/board_members_sample.csv").open(
                encoding="utf-8"
            )
        )
    )
    seats = {(r["person_name"], r["stock_code"]) for r in rows}
    persons = [n for n in store.iter_nodes("Person") if isinstance(n, Person)]
    # One node per (name, company): a name alone never joins two companies' board members.
    assert len(persons) == len(seats)
    assert summary.warnings["person_kept_apart_no_identifier"] == 319
    # Officers attach to the listed company found by its stock code: new enterprise nodes
    # appear only for codes the company sample lacks (or quarantined), never per row.
    loaded_codes = {
        (n.stock_code or "")[:6]
        for n in store.iter_nodes("Enterprise")
        if isinstance(n, Enterprise)
    }
    assert first.loaded == 293
    assert loaded_codes >= {r["stock_code"] for r in rows}
    assert store.stats().nodes["Enterprise"] == len(loaded_codes)


def test_board_members_join_only_when_an_identifier_joins_them(
    loader: Loader, store: EmbeddedGraphStore, shared_dir: Path, tmp_path: Path
) -> None:
    loader.load_paths([_companies_to_enterprises(shared_dir, tmp_path)])
    loader.load_paths([_boards_to_officers(shared_dir, tmp_path, with_identifier=True)])
    rows = list(
        csv.DictReader(
            (shared_dir / "realdata/cn_listed_company_boards/board_members_sample.csv").open(
                encoding="utf-8"
            )
        )
    )
    people = {(r["person_name"], r["gender"], r["age"]) for r in rows}
    persons = [n for n in store.iter_nodes("Person") if isinstance(n, Person)]
    assert len(persons) == len(people)
    by_name: dict[str, list[Person]] = defaultdict(list)
    for person in persons:
        by_name[person.name].append(person)
    names = Counter(name for name, _, _ in people)
    shared_names = [name for name, count in names.items() if count > 1]
    assert shared_names, "the sample has same-name different persons"
    for name in shared_names:
        assert len(by_name[name]) == names[name]  # 同名同姓: different persons stay apart
    # A person with seats at several companies is one node with several OFFICER_OF relations.
    multi = [
        p
        for p in persons
        if len(
            {
                r.target
                for r in store.neighbourhood(
                    [p.id], 1, relation_kinds=[RelationKind.OFFICER_OF]
                ).relations
            }
        )
        > 1
    ]
    assert len(multi) >= 20
