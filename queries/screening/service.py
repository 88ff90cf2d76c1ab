"""Screening a subject given as text (USCC, ID number, node id or name) with the settings'
catalogue: the entry point the CLI and the API share."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from graph_service.identifiers import IdentityHasher
from graph_service.store.protocol import GraphStore
from queries.rules.loader import Catalogue, cached_catalogue
from queries.rules.schema import Domain
from queries.screening.engine import screen
from queries.screening.models import Verdict
from queries.subjects import resolve_subject


def catalogue_for(rules_dir: Path | None) -> Catalogue:
    """The shipped rules plus the deployment's own (CREDITGRAPH_RULES_DIR)."""
    return cached_catalogue(rules_dir)


def screen_subject(
    store: GraphStore,
    hasher: IdentityHasher,
    catalogue: Catalogue,
    subject: str,
    domain: Domain,
    as_of: date,
    *,
    depth: int = 2,
    known_at: datetime | None = None,
) -> Verdict:
    """Resolve ``subject`` (raising NotFoundError / AmbiguousSubjectError with candidates)
    and screen it."""
    found = resolve_subject(store, subject, hasher)
    return screen(store, found.id, domain, as_of, catalogue, depth=depth, known_at=known_at)
