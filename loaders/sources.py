"""Reading source files into plain rows: CSV (UTF-8, UTF-8 BOM, GB18030), XLSX, JSON, JSONL.

A source yields ``SourceRow``s with their position, so every later error can name the file
and row. Problems with the file as a whole (unreadable encoding, no header, not JSON) raise
``InputError``; problems with one row travel with the row (``problem``) to quarantine.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from graph_service.errors import InputError

SUPPORTED_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".json", ".jsonl", ".ndjson")
MAX_CELL_CHARS = 1_000_000  # a cell larger than this is quarantined, not loaded
_ENCODINGS = ("utf-8-sig", "gb18030")

csv.field_size_limit(sys.maxsize)  # read huge cells so they can be quarantined, not crash


@dataclass
class SourceRow:
    """One data row: 1-based ``row`` (header excluded) or JSON line, and its cells."""

    source: str
    row: int
    cells: dict[str, Any]
    problem: str | None = None  # a reason code when the row could not be read cleanly
    detail: str | None = None
    content_hash: str = field(default="")

    def __post_init__(self) -> None:
        if not self.content_hash:
            payload = json.dumps(self.cells, ensure_ascii=False, sort_keys=True, default=str)
            self.content_hash = hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class Source:
    """An opened source: its headers (for kind detection) and a row iterator."""

    path: Path
    headers: list[str]
    rows: Iterator[SourceRow]
    encoding: str | None = None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files named, and supported files inside folders named, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"no such file or folder: {path}")
    return found


def open_source(path: Path) -> Source:
    """Open a file by its suffix; raise InputError when it cannot be read at all."""
    suffix = path.suffix.lower()
    if path.stat().st_size == 0:
        raise InputError(f"{path.name}: the file is empty")
    if suffix == ".xlsx":
        return _open_xlsx(path)
    if suffix in (".json", ".jsonl", ".ndjson"):
        return _open_json(path)
    if suffix in (".csv", ".tsv", ".txt"):
        return _open_csv(path)
    raise InputError(
        f"{path.name}: unsupported file type {suffix!r}; use {', '.join(SUPPORTED_SUFFIXES)}"
    )


def _decode(path: Path) -> tuple[str, str]:
    raw = path.read_bytes()
    for encoding in _ENCODINGS:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(
        f"{path.name}: not UTF-8 or GB18030 text; save it as UTF-8 (or GB18030) and retry"
    )


def _clean_cell(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _row(source: str, number: int, cells: dict[str, Any]) -> SourceRow:
    cells = {k: _clean_cell(v) for k, v in cells.items()}
    problem = None
    detail = None
    if all(v is None for v in cells.values()):
        problem = "empty_row"
    else:
        for key, value in cells.items():
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                problem = "cell_too_large"
                detail = f"column {key!r} holds {len(value)} characters"
                cells = {k: (v[:200] + "…" if k == key else v) for k, v in cells.items()}
                break
    return SourceRow(source=source, row=number, cells=cells, problem=problem, detail=detail)


def _open_csv(path: Path) -> Source:
    text, encoding = _decode(path)
    sample = text[:4096]
    delimiter = (
        "\t" if path.suffix.lower() == ".tsv" or sample.count("\t") > sample.count(",") else ","
    )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = [h.strip() for h in next(reader)]
    except StopIteration:
        raise InputError(f"{path.name}: the file has no header row") from None
    if not any(headers):
        raise InputError(f"{path.name}: the header row is blank")
    _check_headers(path, headers)

    def rows() -> Iterator[SourceRow]:
        for number, values in enumerate(reader, start=1):
            if not values:
                yield SourceRow(path.name, number, {}, problem="empty_row")
                continue
            if len(values) != len(headers):
                cells = dict(zip(headers, values, strict=False))
                yield SourceRow(
                    path.name,
                    number,
                    {**cells, "_extra": values[len(headers) :]}
                    if len(values) > len(headers)
                    else cells,
                    problem="column_count",
                    detail=f"{len(values)} cells for {len(headers)} headers",
                )
                continue
            yield _row(path.name, number, dict(zip(headers, values, strict=True)))

    return Source(path=path, headers=headers, rows=rows(), encoding=encoding)


def _check_headers(path: Path, headers: list[str]) -> None:
    seen: set[str] = set()
    for header in headers:
        if header and header in seen:
            raise InputError(f"{path.name}: the header {header!r} appears twice")
        seen.add(header)


def _excel_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    return value


def _open_xlsx(path: Path) -> Source:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise InputError(f"{path.name}: not a readable XLSX workbook ({exc})") from exc
    sheet = workbook.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    try:
        headers = [str(h).strip() if h is not None else "" for h in next(values)]
    except StopIteration:
        workbook.close()
        raise InputError(f"{path.name}: the first sheet is empty") from None
    _check_headers(path, headers)

    def rows() -> Iterator[SourceRow]:
        try:
            for number, cells in enumerate(values, start=1):
                mapped = {h: _excel_value(v) for h, v in zip(headers, cells, strict=False) if h}
                yield _row(path.name, number, mapped)
        finally:
            workbook.close()

    return Source(path=path, headers=headers, rows=rows())


def _open_json(path: Path) -> Source:
    text, encoding = _decode(path)
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" and stripped.startswith(("[", "{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path.name}: invalid JSON at line {exc.lineno}: {exc.msg}") from exc
        items = _json_items(path, data)
        headers = list(dict.fromkeys(k for item in items if isinstance(item, dict) for k in item))

        def array_rows() -> Iterator[SourceRow]:
            for number, item in enumerate(items, start=1):
                if isinstance(item, dict):
                    yield _row(path.name, number, item)
                else:
                    yield SourceRow(path.name, number, {"_value": item}, problem="not_an_object")

        return Source(path=path, headers=headers, rows=array_rows(), encoding=encoding)
    lines = text.splitlines()
    headers = _jsonl_headers(lines)
    if not headers:
        raise InputError(f"{path.name}: no JSON object found in the first 200 lines")

    def line_rows() -> Iterator[SourceRow]:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                yield SourceRow(
                    path.name, number, {"_line": line[:2000]}, problem="bad_json", detail=exc.msg
                )
                continue
            if not isinstance(item, dict):
                yield SourceRow(path.name, number, {"_value": item}, problem="not_an_object")
                continue
            yield _row(path.name, number, item)

    return Source(path=path, headers=headers, rows=line_rows(), encoding=encoding)


def _json_items(path: Path, data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for value in data.values():
            if isinstance(value, list):
                return value
        return [data]
    raise InputError(f"{path.name}: JSON must be an array of objects or an object with one")


def _jsonl_headers(lines: list[str]) -> list[str]:
    headers: dict[str, None] = {}
    for line in lines[:200]:
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(item, dict):
            headers.update(dict.fromkeys(item))
    return list(headers)
