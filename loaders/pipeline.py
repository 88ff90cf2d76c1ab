"""The load pipeline: read → map → resolve → write graph → index, in committed batches.

Each batch is one graph transaction followed by one index commit, so a load killed
half-way leaves whole batches behind; re-running the same files re-derives the same ids and
completes the rest (rows already present count as merged). Indexing every touched node on
every batch, not only changed ones, is what repairs an index left behind by a kill between
the graph commit and the index commit.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

from tqdm import tqdm

from graph_service.errors import InputError
from graph_service.identifiers import IdentityHasher
from graph_service.identifiers.decision import decision_key
from graph_service.model import (
    CreditRecord,
    Node,
    NodeKind,
    Provenance,
    Relation,
    RelationKind,
)
from graph_service.settings import Settings
from graph_service.store.protocol import GraphStore, WriteBatch
from loaders.facts import RowFacts
from loaders.headers import ColumnMap, detect_kind, map_columns
from loaders.journal import LoadJournal
from loaders.mappers import MAPPERS, Row
from loaders.mentions import MentionFactory
from loaders.quarantine import QuarantineFile
from loaders.resolve import BatchResolver
from loaders.sources import Source, SourceRow, expand_paths, file_sha256, open_source
from loaders.summary import FileSummary, LoadSummary
from loaders.values import RowRejected
from search.documents import SearchDocument
from search.from_model import to_search_document
from search.protocol import SearchIndex

log = logging.getLogger(__name__)

INDEX_FLUSH_DOCUMENTS = 20_000  # queued search documents per index commit
_SEARCHED_KINDS = {NodeKind.ENTERPRISE, NodeKind.PERSON, NodeKind.CREDIT_RECORD}


@dataclass
class _Mapped:
    source_row: SourceRow
    facts: RowFacts


def relation_id(kind: RelationKind, source: str, target: str, qualifier: str | None) -> str:
    """Deterministic relation id: kind, endpoints and (for parallel edges) a qualifier."""
    base = f"{kind}:{source}>{target}"
    return f"{base}:{qualifier}" if qualifier else base


class Loader:
    """Loads files into a graph store and (optionally) a search index."""

    def __init__(
        self,
        store: GraphStore,
        index: SearchIndex | None,
        settings: Settings,
        *,
        progress: bool | None = None,
    ) -> None:
        self.store = store
        self.index = index
        self.settings = settings
        self.batch_size = settings.batch_size
        self.progress = settings.progress if progress is None else progress
        self.make = MentionFactory(IdentityHasher(settings.id_secret))
        self.journal = LoadJournal(settings.data_dir / "loads.sqlite3")
        self._pending: dict[str, SearchDocument] = {}

    def load_paths(self, paths: list[Path], kind: str | None = None) -> LoadSummary:
        files = expand_paths(paths)
        if not files:
            raise InputError("no loadable files found in " + ", ".join(map(str, paths)))
        if kind is None:
            files.sort(key=_load_order)
        summaries = [self.load_file(path, kind) for path in files]
        return LoadSummary.combine(summaries, self.store.data_version())

    def load_file(self, path: Path, kind: str | None = None) -> FileSummary:
        try:
            source = open_source(path)
            chosen = kind or detect_kind(source.headers)
            columns = map_columns(chosen, source.headers)
        except InputError as error:
            log.warning("file refused: %s: %s", path, error.message)
            return FileSummary(path=str(path), kind=kind or "unknown", error=error.message)
        return self._load_source(source, columns)

    def _load_source(self, source: Source, columns: ColumnMap) -> FileSummary:
        summary = FileSummary(path=str(source.path), kind=columns.kind, encoding=source.encoding)
        load_id = self.journal.start(source.path, file_sha256(source.path), columns.kind)
        warnings: Counter[str] = Counter()
        quarantine = QuarantineFile(self.settings.quarantine_dir, source.path)
        status = "interrupted"
        try:
            bar = tqdm(desc=source.path.name, unit=" rows", disable=not self.progress, leave=False)
            for chunk in _batches(source.rows, self.batch_size):
                loaded, merged = self._load_batch(chunk, columns, quarantine, warnings)
                summary.read += len(chunk)
                summary.loaded += loaded
                summary.merged += merged
                bar.update(len(chunk))
            bar.close()
            self._flush_index()
            if self.index is not None:
                self.index.refresh()
            summary.quarantine_file = str(quarantine.path) if quarantine.reasons else None
            status = "completed"
        finally:
            quarantine.close()
            summary.quarantined = dict(sorted(quarantine.reasons.items()))
            summary.warnings = dict(sorted(warnings.items()))
            self.journal.finish(load_id, status, summary.model_dump())
        return summary

    def _load_batch(
        self,
        chunk: list[SourceRow],
        columns: ColumnMap,
        quarantine: QuarantineFile,
        warnings: Counter[str],
    ) -> tuple[int, int]:
        mapper = MAPPERS[columns.kind]
        mapped: list[_Mapped] = []
        for source_row in chunk:
            if source_row.problem:
                quarantine.add(
                    source_row.row, source_row.problem, source_row.detail, source_row.cells
                )
                continue
            try:
                facts = mapper(Row(source_row.cells, columns), self.make)
            except RowRejected as rejected:
                quarantine.add(source_row.row, rejected.reason, rejected.detail, source_row.cells)
                continue
            mapped.append(_Mapped(source_row, facts))
        return self._write(mapped, quarantine, warnings)

    def _write(
        self,
        mapped: list[_Mapped],
        quarantine: QuarantineFile,
        warnings: Counter[str],
    ) -> tuple[int, int]:
        resolver = BatchResolver(self.store)
        resolver.prepare(item.facts for item in mapped)
        now = datetime.now(UTC).replace(microsecond=0)
        batch = WriteBatch()
        primaries: list[str] = []
        resolved: list[tuple[_Mapped, dict[str, str], list[tuple[str, str]]]] = []
        for item in mapped:
            row = item.source_row
            try:
                ids, keys = resolver.resolve_row(item.facts, f"{row.source}#{row.row}")
            except RowRejected as rejected:
                quarantine.add(row.row, rejected.reason, rejected.detail, row.cells)
                continue
            resolved.append((item, ids, keys))
        known = self.store.existing({i for _, ids, _ in resolved for i in ids.values()})
        for item, ids, keys in resolved:
            row = item.source_row
            provenance = Provenance(
                source=row.source, row=row.row, content_hash=row.content_hash, loaded_at=now
            )
            primaries.append(
                self._add_row(batch, item.facts, ids, keys, provenance, resolver, known)
            )
            warnings.update(set(item.facts.warnings))
        before = self.store.existing(primaries)
        loaded = merged = 0
        for primary in primaries:
            if primary in before:
                merged += 1
            else:
                loaded += 1
                before.add(primary)
        written = self.store.upsert(batch)
        self._index(batch, written.nodes)
        return loaded, merged

    def _add_row(
        self,
        batch: WriteBatch,
        facts: RowFacts,
        ids: dict[str, str],
        keys: list[tuple[str, str]],
        provenance: Provenance,
        resolver: BatchResolver,
        known: set[str],
    ) -> str:
        now = provenance.loaded_at
        stamp = {"provenance": [provenance], "attestations": 1, "recorded_at": now}
        for mention in facts.mentions:
            node_id = ids[mention.ref]
            if mention.ref in facts.defining or node_id not in known:
                update = {"id": node_id, **stamp}
            else:  # a reference to a known node: it adds names or fields, not an attestation
                update = {"id": node_id, "recorded_at": now}
            batch.nodes.append(mention.prototype.model_copy(update=update))
            for contact, other in resolver.contact_peers(mention, ids[mention.ref]):
                batch.relations.append(_contact_relation(ids[mention.ref], other, contact, now))
        for node in facts.fixed_nodes:
            batch.nodes.append(node.model_copy(update=stamp))
        relation_ids: list[str] = []
        for fact in facts.relations:
            source = ids[fact.source[1:]] if fact.source.startswith("@") else fact.source
            target = ids[fact.target[1:]] if fact.target.startswith("@") else fact.target
            rel_id = relation_id(fact.kind, source, target, fact.qualifier)
            relation_ids.append(rel_id)
            batch.relations.append(
                Relation(
                    id=rel_id,
                    kind=fact.kind,
                    source=source,
                    target=target,
                    role=fact.role,
                    ratio=fact.ratio,
                    subscribed_capital=fact.subscribed_capital,
                    paid_capital=fact.paid_capital,
                    valid_from=fact.valid_from,
                    valid_to=fact.valid_to,
                    provenance=[provenance],
                    attestations=1,
                    recorded_at=now,
                )
            )
        batch.keys.extend(keys)
        for node in facts.fixed_nodes:
            number = node.decision_no if isinstance(node, CreditRecord) else None
            if number:
                batch.keys.append((f"dec:{decision_key(number)}", node.id))
        if facts.primary.startswith("@"):
            return ids[facts.primary[1:]]
        if facts.primary.startswith("rel:"):
            return relation_ids[int(facts.primary[4:])]
        return facts.primary

    def _index(self, batch: WriteBatch, stored: dict[str, Node]) -> None:
        """Queue documents for every searchable node the batch touched (merged state)."""
        if self.index is None:
            return
        subjects: dict[str, list[str]] = {}
        for rel in batch.relations:
            if rel.kind == RelationKind.SUBJECT_OF:
                subjects.setdefault(rel.target, []).append(rel.source)
        for node in stored.values():
            if node.kind in _SEARCHED_KINDS:
                document = to_search_document(node, subjects.get(node.id))
                if document is not None:
                    self._pending[node.id] = document
        if len(self._pending) >= INDEX_FLUSH_DOCUMENTS:
            self._flush_index()

    def _flush_index(self) -> None:
        """Write queued documents. Committing the index less often than the graph is safe:
        a re-run re-indexes every row it reads, so a kill loses no index entry for good."""
        if self.index is not None and self._pending:
            self.index.upsert(list(self._pending.values()))
            self._pending.clear()

    def close(self) -> None:
        self.journal.close()


KIND_ORDER = (
    "enterprises",
    "branches",
    "shareholders",
    "officers",
    "professionals",
    "licences",
    "penalties",
    "dishonest_debtors",
    "lists",
    "repairs",
)


def _load_order(path: Path) -> int:
    """Registries before records, so name-only references find the registered entity."""
    try:
        kind = detect_kind(open_source(path).headers)
    except InputError:
        return len(KIND_ORDER)
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def _contact_relation(node_id: str, other: str, contact: str, now: datetime) -> Relation:
    """SHARES_CONTACT is derived, not read: its provenance names the shared value, so it is
    the same whichever of the two rows finds the other, and a reload changes nothing."""
    low, high = sorted((node_id, other))
    rel_id = relation_id(RelationKind.SHARES_CONTACT, low, high, contact)
    derived = Provenance(
        source=f"derived:{contact.split(':', 1)[0]}",
        content_hash=hashlib.sha256(rel_id.encode("utf-8")).hexdigest(),
        loaded_at=now,
    )
    return Relation(
        id=rel_id,
        kind=RelationKind.SHARES_CONTACT,
        source=low,
        target=high,
        contact=contact.split(":", 1)[1],
        provenance=[derived],
        attestations=1,
        recorded_at=now,
    )


def _batches(rows: Iterator[SourceRow], size: int) -> Iterator[list[SourceRow]]:
    while chunk := list(islice(rows, size)):
        yield chunk
