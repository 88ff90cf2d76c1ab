"""Batch screening of a bidder list (投标人名单) for one domain and bid date.

Every row read yields exactly one row of result, so a report filed as evidence accounts for
each bidder the officer gave: rows that cannot be screened are reported with the reason,
never dropped. A USCC is preferred over a name (names are shared; codes are not), but the
name is still compared so a mistyped code or name is flagged rather than silently trusted.
"""

from __future__ import annotations

__all__ = [
    "STATUSES",
    "BatchResult",
    "BatchRow",
    "BatchStatus",
    "BidderRow",
    "InputRef",
    "RowWarning",
    "as_utc",
    "input_ref",
    "read_bidders",
    "screen_batch",
]

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from graph_service.errors import InputError
from graph_service.identifiers import (
    IdentityHasher,
    check_resident_id,
    check_uscc,
    mask_id_number,
    name_key,
    normalize_code,
    to_halfwidth,
)
from graph_service.store.protocol import GraphStore
from loaders.sources import file_sha256, open_source
from queries.rules.loader import Catalogue
from queries.rules.schema import Domain
from queries.screening.engine import screen
from queries.screening.models import Verdict, VerdictLevel
from queries.subjects import SubjectCandidate, find_subjects

BatchStatus = Literal["screened", "not_found", "ambiguous", "bad_row"]
STATUSES: tuple[BatchStatus, ...] = ("screened", "not_found", "ambiguous", "bad_row")
VERDICT_LEVELS: tuple[VerdictLevel, ...] = ("restricted", "warning", "info", "clear")

# Normalised header spellings, most specific first (bracketed notes such as （盖章） are dropped).
NAME_HEADERS = (
    "投标人名称", "供应商名称", "企业名称", "单位名称", "投标单位", "投标人", "供应商", "名称",
    "name", "bidder", "supplier", "company",
)  # fmt: skip
CODE_HEADERS = (
    "统一社会信用代码", "社会信用代码", "信用代码", "统一代码", "证件号码", "身份证号码",
    "uscc", "code", "credit_code", "creditcode",
)  # fmt: skip
_NOTE_RE = re.compile(r"[（(\[【][^）)\]】]*[）)\]】]")
_CODE_MATCHES = {"uscc", "id_number", "id"}


class BidderRow(BaseModel):
    """One bidder as given: by name, by code, or both."""

    row: int = Field(description="1-based data row of the input (header excluded)")
    name: str | None = Field(default=None, examples=["乌鲁木齐天山建筑工程有限公司"])
    uscc: str | None = Field(default=None, examples=["91650102MA77XXXX1X"])
    problem: str | None = Field(default=None, description="Why the row could not be read")


class InputRef(BaseModel):
    """The bidder file screened, so the report names exactly what was checked."""

    file: str
    sha256: str
    rows: int


WarningCode = Literal[
    "uscc_malformed", "uscc_check_digit", "id_number_check", "code_not_found", "name_mismatch",
    "duplicate",
]  # fmt: skip


class RowWarning(BaseModel):
    """Screened, but the officer should look: a stable code and a sentence."""

    code: WarningCode
    message: str


class BatchRow(BaseModel):
    row: int = Field(description="1-based data row of the input (header excluded)")
    name: str | None = Field(default=None, description="Bidder name as given")
    uscc: str | None = Field(
        default=None, description="Code as given (an ID number is shown masked, never in full)"
    )
    status: BatchStatus
    verdict: VerdictLevel | None = Field(default=None, description="Set when status=screened")
    screening: Verdict | None = None
    candidates: list[SubjectCandidate] = Field(
        default_factory=list, description="The entities an ambiguous row may mean"
    )
    error: str | None = Field(default=None, description="Why the row was not screened")
    warnings: list[RowWarning] = Field(
        default_factory=list, description="Check these: name mismatch, bad code, duplicate"
    )


class BatchResult(BaseModel):
    domain: str = Field(examples=["government_procurement"])
    as_of: date = Field(description="The bid date the verdicts hold on")
    depth: int
    known_at: datetime | None = None
    checked_at: datetime = Field(description="When the batch ran (UTC, whole seconds)")
    rules_version: str
    data_version: str
    input: InputRef | None = None
    rows: list[BatchRow]
    status_counts: dict[str, int]
    verdict_counts: dict[str, int] = Field(description="Over screened rows")


def _header_key(header: str) -> str:
    text = _NOTE_RE.sub("", to_halfwidth(header)).replace("*", "")
    return "".join(text.split()).lower()


def _column(headers: list[str], wanted: tuple[str, ...]) -> str | None:
    keys = {_header_key(h): h for h in reversed(headers) if h}
    return next((keys[w] for w in wanted if w in keys), None)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def read_bidders(path: Path) -> list[BidderRow]:
    """Bidders from a CSV (UTF-8 / GB18030) or XLSX file; every data row, bad ones included."""
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    source = open_source(path)
    name_col = _column(source.headers, NAME_HEADERS)
    code_col = _column(source.headers, CODE_HEADERS)
    if name_col is None and code_col is None:
        raise InputError(
            f"{path.name}: no bidder name or USCC column among the headers "
            f"{[h for h in source.headers if h]}; expected one of {list(NAME_HEADERS)} "
            f"and/or one of {list(CODE_HEADERS)}",
            detail={"headers": source.headers},
        )
    return [
        BidderRow(
            row=item.row,
            name=_text(item.cells.get(name_col)) if name_col else None,
            uscc=_text(item.cells.get(code_col)) if code_col else None,
            problem=None if item.problem == "empty_row" else item.problem,
        )
        for item in source.rows
    ]


def input_ref(path: Path, rows: list[BidderRow]) -> InputRef:
    """The file's name and SHA-256, so a filed report names exactly the list it checked."""
    return InputRef(file=path.name, sha256=file_sha256(path), rows=len(rows))


def as_utc(moment: datetime) -> datetime:
    """Naive times are taken as UTC, so comparisons with record times never fail."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _is_id_number(code: str) -> bool:
    """An 18-character code that reads as a resident ID (and not as a valid USCC)."""
    check = check_resident_id(code)
    return check.well_formed and check.birth_date is not None and not check_uscc(code).valid


def _display_code(code: str) -> str:
    """Codes as given, but ID numbers (18 or old 15 digits) only masked: full numbers never
    leave the loader."""
    normal = normalize_code(code)
    if (len(normal) == 15 and normal.isdigit()) or _is_id_number(normal):
        return mask_id_number(normal)
    return normal if check_uscc(normal).well_formed else code.strip()


def _code_warning(code: str) -> RowWarning | None:
    if _is_id_number(code):
        if check_resident_id(code).valid:
            return None
        return RowWarning(
            code="id_number_check",
            message=f"ID number {mask_id_number(code)} fails its check; looked up as given",
        )
    check = check_uscc(code)
    if not check.well_formed:
        return RowWarning(
            code="uscc_malformed",
            message=f"USCC {_display_code(code)!r} is malformed ({check.problem}); "
            "not looked up by code",
        )
    if not check.check_ok:
        return RowWarning(
            code="uscc_check_digit",
            message=f"USCC {code} fails its GB 32100 check digit; looked up as given",
        )
    return None


@dataclass
class _Batch:
    store: GraphStore
    hasher: IdentityHasher
    catalogue: Catalogue
    domain: Domain
    as_of: date
    depth: int
    known_at: datetime | None
    checked_at: datetime
    seen: dict[str, tuple[int, Verdict]] = field(default_factory=dict)

    def lookup(self, row: BidderRow, warnings: list[RowWarning]) -> list[SubjectCandidate]:
        """Candidates by code first, then by name; the warnings say what was odd."""
        code = normalize_code(row.uscc or "")
        if code:
            problem = _code_warning(code)
            if problem:
                warnings.append(problem)
            if problem is None or problem.code != "uscc_malformed":
                found = find_subjects(self.store, code, self.hasher)
                found = [c for c in found if c.matched_on in _CODE_MATCHES]
                if found:
                    self._compare_names(row, found, warnings)
                    return found
                if row.name:
                    warnings.append(
                        RowWarning(
                            code="code_not_found",
                            message=f"code {_display_code(code)} not found; looked up by name",
                        )
                    )
        return find_subjects(self.store, row.name, self.hasher) if row.name else []

    def _compare_names(
        self, row: BidderRow, found: list[SubjectCandidate], warnings: list[RowWarning]
    ) -> None:
        if not row.name or len(found) != 1:
            return
        node = self.store.get_nodes([found[0].id]).get(found[0].id)
        names = [node.name, *node.aliases] if node else [found[0].name]
        if name_key(row.name) not in {name_key(n) for n in names}:
            warnings.append(
                RowWarning(
                    code="name_mismatch",
                    message=f"name given {row.name!r} is not the name of the entity with "
                    f"this code, {found[0].name!r}",
                )
            )

    def row(self, row: BidderRow) -> BatchRow:
        base = BatchRow(
            row=row.row,
            name=row.name,
            uscc=_display_code(row.uscc) if row.uscc else None,
            status="bad_row",
        )
        if row.problem:
            return base.model_copy(update={"error": f"the row could not be read ({row.problem})"})
        if not row.name and not normalize_code(row.uscc or ""):
            return base.model_copy(update={"error": "neither a name nor a USCC"})
        warnings: list[RowWarning] = []
        found = self.lookup(row, warnings)
        if not row.name and warnings and warnings[0].code == "uscc_malformed":
            return base.model_copy(update={"error": f"{warnings[0].message}, and no name"})
        if not found:
            what = " / ".join(x for x in (base.uscc, row.name) if x)
            return base.model_copy(
                update={
                    "status": "not_found",
                    "warnings": warnings,
                    "error": f"no enterprise or person matches {what}",
                }
            )
        if len(found) > 1:
            return base.model_copy(
                update={
                    "status": "ambiguous",
                    "candidates": found,
                    "warnings": warnings,
                    "error": f"{len(found)} entities match; give the USCC to choose one",
                }
            )
        verdict = self.verdict(found[0].id, row.row, warnings)
        return base.model_copy(
            update={
                "status": "screened",
                "verdict": verdict.verdict,
                "screening": verdict,
                "warnings": warnings,
            }
        )

    def verdict(self, subject_id: str, row: int, warnings: list[RowWarning]) -> Verdict:
        """One screening per entity: a bidder listed twice gets the same verdict, flagged."""
        if subject_id in self.seen:
            first, verdict = self.seen[subject_id]
            warnings.append(RowWarning(code="duplicate", message=f"the same entity as row {first}"))
            return verdict
        verdict = screen(
            self.store,
            subject_id,
            self.domain,
            self.as_of,
            self.catalogue,
            depth=self.depth,
            known_at=self.known_at,
        ).model_copy(update={"checked_at": self.checked_at})
        self.seen[subject_id] = (row, verdict)
        return verdict


def screen_batch(
    store: GraphStore,
    hasher: IdentityHasher,
    catalogue: Catalogue,
    rows: list[BidderRow],
    domain: Domain,
    as_of: date,
    depth: int = 2,
    known_at: datetime | None = None,
    *,
    checked_at: datetime | None = None,
    source: InputRef | None = None,
) -> BatchResult:
    """Screen every row. ``checked_at`` may be given so a re-run reproduces the JSON byte for
    byte (same data, rules, as_of and known_at); by default it is now."""
    moment = as_utc(checked_at or datetime.now(UTC)).replace(microsecond=0)
    batch = _Batch(
        store,
        hasher,
        catalogue,
        domain,
        as_of,
        depth,
        as_utc(known_at) if known_at else None,
        moment,
    )
    data_version = store.data_version()
    result = [batch.row(row) for row in rows]
    statuses = Counter(r.status for r in result)
    verdicts = Counter(r.verdict for r in result if r.verdict)
    return BatchResult(
        domain=str(domain),
        as_of=as_of,
        depth=depth,
        known_at=batch.known_at,
        checked_at=moment,
        rules_version=catalogue.version,
        data_version=data_version,
        input=source,
        rows=sorted(result, key=lambda r: r.row),
        status_counts={s: statuses[s] for s in STATUSES},
        verdict_counts={v: verdicts[v] for v in VERDICT_LEVELS},
    )
