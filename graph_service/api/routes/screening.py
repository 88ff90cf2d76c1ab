"""Screening one subject or a bidder list: verdicts with rules, legal basis and evidence paths.

POST forms exist beside GET so ID numbers need not travel in URLs (and access logs).
Unknown subjects answer 404, names shared by several entities 409 with the candidates.
"""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from graph_service.api.deps import ServicesDep
from graph_service.errors import InputError
from queries.collusion import RelatedReport, related_bidders
from queries.rules.schema import Domain
from queries.screening.batch import (
    BatchResult,
    BidderRow,
    as_utc,
    input_ref,
    read_bidders,
    screen_batch,
)
from queries.screening.models import Verdict
from queries.screening.report import result_sha256
from queries.screening.service import catalogue_for, screen_subject
from queries.subjects import resolve_subject

router = APIRouter(tags=["screening"])

_AS_OF = "Bid date the verdict holds on (YYYY-MM-DD); today when omitted"
_KNOWN_AT = "Count only records loaded by this time (reproduce an earlier check)"


class ScreenRequest(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "subject": "91650102MA7277E087",
                    "domain": "government_procurement",
                    "as_of": "2025-06-30",
                    "depth": 2,
                }
            ]
        }
    )

    subject: str = Field(min_length=1, description="USCC, ID number, node id or name")
    domain: Domain = Domain.GOVERNMENT_PROCUREMENT
    as_of: date | None = Field(default=None, description=_AS_OF)
    depth: int = Field(default=2, ge=1, le=4, description="Hops to related parties")
    known_at: datetime | None = Field(default=None, description=_KNOWN_AT)


class BidderIn(BaseModel):
    name: str | None = Field(default=None, examples=["乌鲁木齐市瑞达环保科技有限公司"])
    uscc: str | None = Field(default=None, examples=["91650102MA7277E087"])


class BatchRequest(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "bidders": [
                        {"name": "乌鲁木齐市瑞达环保科技有限公司", "uscc": "91650102MA7277E087"},
                        {"name": "新疆红山商贸有限公司"},
                        {"uscc": "91650103MA73ALD23A"},
                    ],
                    "domain": "government_procurement",
                    "as_of": "2025-06-30",
                }
            ]
        }
    )

    bidders: list[BidderIn] = Field(
        min_length=1, max_length=2000, description="Rows are numbered from 1 in this order"
    )
    domain: Domain = Domain.GOVERNMENT_PROCUREMENT
    as_of: date | None = Field(default=None, description=_AS_OF)
    depth: int = Field(default=2, ge=1, le=4)
    known_at: datetime | None = Field(default=None, description=_KNOWN_AT)


class BatchResponse(BaseModel):
    sha256: str = Field(
        description="SHA-256 of the canonical JSON of `result` (sorted keys, UTF-8, indent 2, "
        "trailing newline): the bytes `creditgraph screen-batch` writes and files"
    )
    result: BatchResult


def _verdict(services: ServicesDep, request: ScreenRequest) -> Verdict:
    return screen_subject(
        services.store,
        services.hasher,
        catalogue_for(services.settings.rules_dir),
        request.subject,
        request.domain,
        request.as_of or date.today(),
        depth=request.depth,
        known_at=as_utc(request.known_at) if request.known_at else None,
    )


@router.get("/screen", response_model=Verdict)
def screen_get(
    services: ServicesDep,
    subject: Annotated[
        str,
        Query(
            min_length=1,
            title="USCC, ID number, node id or name",
            examples=["91650102MA7277E087", "乌鲁木齐市瑞达环保科技有限公司"],
        ),
    ],
    domain: Annotated[Domain, Query(title="Domain")] = Domain.GOVERNMENT_PROCUREMENT,
    as_of: Annotated[date | None, Query(title=_AS_OF)] = None,
    depth: Annotated[int, Query(ge=1, le=4, title="Hops to related parties")] = 2,
) -> Verdict:
    """The verdict (restricted / warning / info / clear) with every finding's record, rule,
    legal basis and evidence path."""
    request = ScreenRequest(subject=subject, domain=domain, as_of=as_of, depth=depth)
    return _verdict(services, request)


@router.post("/screen", response_model=Verdict)
def screen_post(services: ServicesDep, request: ScreenRequest) -> Verdict:
    """As GET /screen, with the subject in the body and an optional ``known_at``."""
    return _verdict(services, request)


@router.post("/screen/batch", response_model=BatchResponse)
def screen_batch_post(services: ServicesDep, request: BatchRequest) -> BatchResponse:
    """Screen a bidder list: one result row per bidder given, never fewer; rows that cannot
    be screened say why (not_found, ambiguous with candidates, bad_row)."""
    rows = [
        BidderRow(row=number, name=_clean(b.name), uscc=_clean(b.uscc))
        for number, b in enumerate(request.bidders, start=1)
    ]
    result = screen_batch(
        services.store,
        services.hasher,
        catalogue_for(services.settings.rules_dir),
        rows,
        request.domain,
        request.as_of or date.today(),
        request.depth,
        request.known_at,
    )
    return BatchResponse(sha256=result_sha256(result), result=result)


@router.post("/screen/batch/upload", response_model=BatchResponse)
def screen_batch_upload(
    services: ServicesDep,
    file: Annotated[UploadFile, File(description="Bidder list: CSV (UTF-8/GB18030) or XLSX")],
    domain: Annotated[Domain, Form()] = Domain.GOVERNMENT_PROCUREMENT,
    as_of: Annotated[date | None, Form(description=_AS_OF)] = None,
    depth: Annotated[int, Form(ge=1, le=4)] = 2,
) -> BatchResponse:
    """Upload the bidder list as a file (name and/or 统一社会信用代码 columns); the result
    names the file and its SHA-256 so the screening can be filed with the tender."""
    suffix = Path(file.filename or "bidders.csv").suffix.lower()
    if suffix not in (".csv", ".xlsx", ".txt", ".tsv"):
        raise InputError(f"unsupported file type {suffix!r}: upload a CSV or XLSX file")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(file.filename or f"bidders{suffix}").name
        path.write_bytes(file.file.read())
        rows = read_bidders(path)
        result = screen_batch(
            services.store,
            services.hasher,
            catalogue_for(services.settings.rules_dir),
            rows,
            domain,
            as_of or date.today(),
            depth,
            source=input_ref(path, rows),
        )
    return BatchResponse(sha256=result_sha256(result), result=result)


class RelatedRequest(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"bidders": ["91650102MA7UYW0W19", "91650104215065805N"], "max_hops": 3}]
        }
    )

    bidders: list[str] = Field(min_length=2, max_length=200, description="USCC, name or id")
    max_hops: int = Field(default=3, ge=1, le=6)


@router.post("/related", response_model=RelatedReport)
def related(services: ServicesDep, request: RelatedRequest) -> RelatedReport:
    """Whether bidders in one tender are related (围标串标 signals): each related pair with
    its signals (shared legal representative, common shareholder, shared contact, same
    actual controller, …) and the evidence paths; unknown or ambiguous bidders answer
    404 / 409 like screening."""
    ids = [resolve_subject(services.store, b, services.hasher).id for b in request.bidders]
    return related_bidders(services.store, ids, max_hops=request.max_hops)


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value else None
