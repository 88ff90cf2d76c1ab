"""Row sinks for the three formats: CSV (any encoding), JSON lines and XLSX.

XLSX files are zip archives stamped with the current time; they are rewritten with fixed
stamps so that the same seed gives byte-identical files.
"""

from __future__ import annotations

import csv
import json
import re
import zipfile
from pathlib import Path
from typing import Protocol

from openpyxl import Workbook

from .layouts import FileLayout

__all__ = ["Sink", "open_sink"]

_FIXED_ZIP_TIME = (2025, 6, 30, 0, 0, 0)
_CORE_TIME_RE = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


class Sink(Protocol):
    """Receives rows of strings in header order."""

    def write(self, row: list[str]) -> None: ...

    def write_empty(self) -> None: ...

    def close(self) -> None: ...


class _CsvSink:
    def __init__(self, path: Path, layout: FileLayout) -> None:
        self._file = path.open("w", encoding=layout.encoding, newline="")
        self._writer = csv.writer(self._file)
        self._width = len(layout.header)
        self._writer.writerow(layout.header)

    def write(self, row: list[str]) -> None:
        self._writer.writerow(row)

    def write_empty(self) -> None:
        self._writer.writerow([""] * self._width)

    def close(self) -> None:
        self._file.close()


class _JsonlSink:
    def __init__(self, path: Path, layout: FileLayout) -> None:
        self._file = path.open("w", encoding=layout.encoding, newline="\n")
        self._keys = layout.header

    def write(self, row: list[str]) -> None:
        record = dict(zip(self._keys, row, strict=True))
        self._file.write(json.dumps(record, ensure_ascii=False) + "\n")

    def write_empty(self) -> None:
        self._file.write("{}\n")

    def close(self) -> None:
        self._file.close()


class _XlsxSink:
    def __init__(self, path: Path, layout: FileLayout) -> None:
        self._path = path
        self._book = Workbook(write_only=True)
        self._sheet = self._book.create_sheet("执业人员")
        self._width = len(layout.header)
        self._sheet.append(list(layout.header))

    def write(self, row: list[str]) -> None:
        self._sheet.append(row)

    def write_empty(self) -> None:
        self._sheet.append([None] * self._width)

    def close(self) -> None:
        raw = self._path.with_name(self._path.name + ".tmp")
        self._book.save(raw)
        _restamp(raw, self._path)
        raw.unlink()


def _restamp(source: Path, target: Path) -> None:
    """Copy a zip with fixed member times and fixed document-property dates."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _CORE_TIME_RE.sub(rb"\g<1>2025-06-30T00:00:00Z\g<3>", data)
            member = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, data)


def open_sink(out_dir: Path, layout: FileLayout) -> Sink:
    """The sink for a layout's format, header already written."""
    path = out_dir / layout.filename
    if layout.fmt == "csv":
        return _CsvSink(path, layout)
    if layout.fmt == "jsonl":
        return _JsonlSink(path, layout)
    return _XlsxSink(path, layout)
