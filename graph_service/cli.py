"""The `creditgraph` command line: demo, load, search, show, path, stats, loads, serve.

Every command prints readable text, or JSON with --json for scripts. Errors print one clear
line to stderr and exit with the code of their class (graph_service.errors).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from pydantic import BaseModel

from graph_service.errors import CreditGraphError, InputError
from graph_service.services import services
from graph_service.settings import Settings, get_settings
from graph_service.store.protocol import GraphStore
from queries.rules.schema import Domain

app = typer.Typer(
    help="creditgraph: a knowledge graph and search over public credit relations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

T = TypeVar("T")
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts")]


def _emit(value: Any, as_json: bool, text: Callable[[], str]) -> None:
    if as_json:
        payload = value.model_dump(mode="json") if isinstance(value, BaseModel) else value
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
    else:
        typer.echo(text())


def _run(action: Callable[[], T]) -> T:
    try:
        return action()
    except CreditGraphError as error:
        typer.echo(f"error: {error.message}", err=True)
        candidates = error.detail.get("candidates")
        if isinstance(candidates, list):
            for item in candidates:
                typer.echo(f"  candidate: {json.dumps(item, ensure_ascii=False)}", err=True)
        raise typer.Exit(error.exit_code) from None


def _about(subject: str, query: Callable[[GraphStore, str], T]) -> T:
    """Resolve a subject given as text, then answer ``query`` about it (errors as usual)."""
    from queries.subjects import resolve_subject

    def run() -> T:
        with services(_settings()) as opened:
            found = resolve_subject(opened.store, subject, opened.hasher)
            return query(opened.store, found.id)

    return _run(run)


def _settings() -> Settings:
    try:
        return get_settings()
    except ValueError as error:  # pydantic ValidationError is a ValueError
        typer.echo(f"error: bad settings: {error}", err=True)
        raise typer.Exit(2) from None


@app.command()
def demo(
    scale: Annotated[int, typer.Option(min=10, help="Number of enterprises")] = 2000,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same city)")] = 20250630,
    out: Annotated[Path | None, typer.Option(help="Where to write the files")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Generate the synthetic city of 乌鲁木齐 in national formats, then load it."""
    from graph_service.demo import generate_city
    from loaders.pipeline import Loader

    settings = _settings()
    folder = out or settings.data_dir / "demo"
    manifest = generate_city(folder, scale=scale, seed=seed)
    with services(settings) as opened:
        loader = Loader(opened.store, opened.index, settings)
        summary = _run(lambda: loader.load_paths([f.path for f in manifest.files]))
        loader.close()
    result = {"demo_dir": str(folder), "truth": str(manifest.truth_path), "load": summary}
    _emit(
        {**result, "load": summary.model_dump(mode="json")},
        as_json,
        lambda: f"demo city written to {folder}\n{_summary_text(summary)}",
    )


@app.command()
def load(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to load")],
    kind: Annotated[str | None, typer.Option(help="Input kind; detected when omitted")] = None,
    as_json: JsonOpt = True,
) -> None:
    """Load files (CSV, XLSX, JSON, JSON lines); print a JSON summary of what happened."""
    from loaders.pipeline import Loader

    settings = _settings()
    with services(settings) as opened:
        loader = Loader(opened.store, opened.index, settings)
        summary = _run(lambda: loader.load_paths(paths, kind))
        loader.close()
    _emit(summary, as_json, lambda: _summary_text(summary))
    refused = [f for f in summary.files if f.error]
    for item in refused:
        typer.echo(f"error: {item.path}: {item.error}", err=True)
    if refused:
        raise typer.Exit(InputError.exit_code)


def _summary_text(summary: Any) -> str:
    return (
        f"read {summary.read}, loaded {summary.loaded}, merged {summary.merged}, "
        f"quarantined {sum(summary.quarantined.values())} {summary.quarantined}, "
        f"warnings {summary.warnings}"
    )


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words or a quoted phrase")],
    kind: Annotated[list[str] | None, typer.Option(help="Record or node kind filter")] = None,
    authority: Annotated[str | None, typer.Option(help="Exact authority name")] = None,
    region: Annotated[str | None, typer.Option(help="Region code prefix, e.g. 6501")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD")] = None,
    limit: Annotated[int, typer.Option(min=1, max=200)] = 10,
    as_json: JsonOpt = False,
) -> None:
    """Full-text search over entities and credit records, with highlights."""
    from search.documents import SearchQuery

    def run() -> Any:
        query = SearchQuery(
            text=text,
            kinds=kind or [],
            authority=authority,
            region=region,
            date_from=_date(date_from),
            date_to=_date(date_to),
            limit=limit,
        )
        with services(_settings()) as opened:
            return opened.index.search(query)

    result = _run(run)

    def render() -> str:
        lines = [f"{result.total} hits"]
        for hit in result.hits:
            lines.append(f"- [{hit.kind}] {hit.title}  ({hit.id})")
            for fragments in hit.highlights.values():
                lines += [f"    {f}" for f in fragments[:2]]
        return "\n".join(lines)

    _emit(result, as_json, render)


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"not a date (YYYY-MM-DD): {value!r}") from None


@app.command()
def show(
    subject: Annotated[str, typer.Argument(help="USCC, ID number, node id or name")],
    as_json: JsonOpt = False,
) -> None:
    """One entity with its relations and credit records."""
    from queries.entity_view import entity_view

    view = _about(subject, entity_view)

    def render() -> str:
        entity = view.entity
        lines = [f"{entity.name}  [{entity.kind}]  {entity.id}"]
        if entity.aliases:
            lines.append("  aliases: " + "；".join(entity.aliases))
        for rel in view.related:
            arrow = "->" if rel.direction == "out" else "<-"
            extra = f" ({rel.role})" if rel.role else ""
            extra += f" {rel.ratio:.1%}" if rel.ratio is not None else ""
            lines.append(f"  {arrow} {rel.relation}{extra}: {rel.name} [{rel.kind}] {rel.id}")
        for record in view.records:
            lines.append(
                f"  record {record.record_kind}: {record.decision_no or ''} "
                f"{record.valid_from or ''}..{record.valid_to or ''} {record.authority or ''}"
            )
        return "\n".join(lines)

    _emit(view, as_json, render)


DomainOpt = Annotated[Domain, typer.Option(help="Domain where measures apply")]
AsOfOpt = Annotated[str | None, typer.Option("--as-of", help="Bid date YYYY-MM-DD (today)")]
DepthOpt = Annotated[int, typer.Option(min=1, max=4, help="Hops to related parties")]
KnownAtOpt = Annotated[
    str | None, typer.Option("--known-at", help="ISO time: count only records loaded by then")
]


def _datetime(value: str | None) -> datetime | None:
    """An ISO time; without a zone it is taken as UTC, the zone of load times."""
    from queries.screening.batch import as_utc

    if value is None:
        return None
    try:
        return as_utc(datetime.fromisoformat(value))
    except ValueError:
        raise InputError(f"not an ISO date-time: {value!r}") from None


@app.command()
def screen(
    subject: Annotated[str, typer.Argument(help="USCC, ID number, node id or name")],
    domain: DomainOpt = Domain.GOVERNMENT_PROCUREMENT,
    as_of: AsOfOpt = None,
    depth: DepthOpt = 2,
    known_at: KnownAtOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Is the subject restricted in the domain on the date? Verdict, rules, basis and paths."""
    from queries.screening.service import catalogue_for, screen_subject

    def run() -> Any:
        settings = _settings()
        with services(settings) as opened:
            return screen_subject(
                opened.store,
                opened.hasher,
                catalogue_for(settings.rules_dir),
                subject,
                domain,
                _date(as_of) or date.today(),
                depth=depth,
                known_at=_datetime(known_at),
            )

    verdict = _run(run)
    _emit(verdict, as_json, lambda: _verdict_text(verdict))


def _verdict_text(verdict: Any) -> str:
    from queries.screening.report import path_text

    who = verdict.subject
    lines = [
        f"{who.name}  [{who.kind}]  {who.uscc or who.id_masked or ''}  {who.id}",
        f"verdict: {verdict.verdict} in {verdict.domain} on {verdict.as_of}"
        f" (depth {verdict.depth})",
    ]
    for finding in verdict.findings:
        lines.append(f"- [{finding.level}] {finding.reason}")
        if finding.rule:
            lines.append(f"    rule {finding.rule.id}: {finding.rule.basis}")
        lines.append(f"    path: {path_text(finding.path)}")
    lines += [f"+ [incentive] {f.reason}" for f in verdict.incentives]
    lines.append(f"rules {verdict.rules_version}, data {verdict.data_version}")
    return "\n".join(lines)


@app.command("screen-batch")
def screen_batch(
    file: Annotated[Path, typer.Argument(help="CSV or XLSX of bidders: name and/or USCC")],
    domain: DomainOpt = Domain.GOVERNMENT_PROCUREMENT,
    as_of: AsOfOpt = None,
    depth: DepthOpt = 2,
    known_at: KnownAtOpt = None,
    checked_at: Annotated[
        str | None, typer.Option("--checked-at", help="Reproduce a filed report: its check time")
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="An existing folder, or a file prefix (<data_dir>/reports/)")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Screen a bidder list; write JSON, its SHA-256, CSV, XLSX and a printable HTML report."""
    from queries.screening import batch
    from queries.screening.report import write_reports
    from queries.screening.service import catalogue_for

    def run() -> Any:
        settings = _settings()
        rows = batch.read_bidders(file)
        with services(settings) as opened:
            result = batch.screen_batch(
                opened.store,
                opened.hasher,
                catalogue_for(settings.rules_dir),
                rows,
                domain,
                _date(as_of) or date.today(),
                depth,
                _datetime(known_at),
                checked_at=_datetime(checked_at),
                source=batch.input_ref(file, rows),
            )
        target = out or settings.data_dir / "reports"
        try:
            if out is None:
                target.mkdir(parents=True, exist_ok=True)
            return result, write_reports(result, target)
        except OSError as error:
            raise InputError(f"cannot write the reports to {target}: {error}") from error

    result, paths = _run(run)
    sha256 = paths["sha256"].read_text(encoding="utf-8").split()[0]
    summary = {
        "file": str(file),
        "rows": len(result.rows),
        "status_counts": result.status_counts,
        "verdict_counts": result.verdict_counts,
        "checked_at": result.checked_at.isoformat(),
        "data_version": result.data_version,
        "rules_version": result.rules_version,
        "sha256": sha256,
        "reports": {kind: str(p) for kind, p in paths.items()},
    }

    def render() -> str:
        lines = [
            f"{len(result.rows)} rows of {file.name}: {result.domain} on {result.as_of}",
            "  " + ", ".join(f"{k} {v}" for k, v in result.status_counts.items()),
            "  " + ", ".join(f"{k} {v}" for k, v in result.verdict_counts.items()),
        ]
        for row in result.rows:
            what = row.verdict or f"{row.status}: {row.error}"
            warned = f" (warnings: {len(row.warnings)})" if row.warnings else ""
            lines.append(f"  row {row.row} {row.name or row.uscc or ''}: {what}{warned}")
        lines += [f"{kind:<7}{p}" for kind, p in paths.items()]
        lines.append(f"SHA-256 {sha256}")
        return "\n".join(lines)

    _emit(summary, as_json, render)


@app.command()
def path(
    source: Annotated[str, typer.Argument(help="First subject")],
    target: Annotated[str, typer.Argument(help="Second subject")],
    max_hops: Annotated[int, typer.Option(min=1, max=8)] = 6,
    as_json: JsonOpt = False,
) -> None:
    """Shortest connections between two subjects (through any relation but shared authority)."""
    from graph_service.model import RelationKind
    from queries.subjects import resolve_subject

    kinds = [k for k in RelationKind if k != RelationKind.DECIDED_BY]

    def run() -> Any:
        with services(_settings()) as opened:
            a = resolve_subject(opened.store, source, opened.hasher)
            b = resolve_subject(opened.store, target, opened.hasher)
            found = opened.store.shortest_paths(a.id, b.id, max_hops=max_hops, relation_kinds=kinds)
            names = opened.store.get_nodes({n for p in found for n in p.nodes})
            return {
                "source": a.model_dump(),
                "target": b.model_dump(),
                "paths": [
                    [
                        {"node": n, "name": names[n].name if n in names else n}
                        if i % 2 == 0
                        else {"rel": n}
                        for i, n in enumerate(_interleave(p.nodes, [r.kind for r in p.relations]))
                    ]
                    for p in found
                ],
            }

    result = _run(run)
    _emit(
        result,
        as_json,
        lambda: (
            "\n".join(
                " ".join(step.get("name", step.get("rel", "")) for step in p)
                for p in result["paths"]
            )
            or "no path"
        ),
    )


def _interleave(nodes: list[str], rels: list[str]) -> list[str]:
    out: list[str] = []
    for i, node in enumerate(nodes):
        out.append(node)
        if i < len(rels):
            out.append(str(rels[i]))
    return out


@app.command()
def related(
    bidders: Annotated[list[str], typer.Argument(help="Two or more subjects (USCC, name, id)")],
    max_hops: Annotated[int, typer.Option(min=1, max=6)] = 3,
    as_json: JsonOpt = False,
) -> None:
    """Collusion signals among bidders (围标串标): shared people, owners and contacts."""
    from queries.collusion import related_bidders
    from queries.subjects import resolve_subject

    if len(bidders) < 2:
        typer.echo("error: give at least two bidders", err=True)
        raise typer.Exit(InputError.exit_code)

    def run() -> Any:
        with services(_settings()) as opened:
            ids = [resolve_subject(opened.store, b, opened.hasher).id for b in bidders]
            return related_bidders(opened.store, ids, max_hops=max_hops)

    report = _run(run)

    def render() -> str:
        lines = [f"{len(report.pairs)} related pair(s) among {len(report.bidders)} bidders"]
        for pair in report.pairs:
            lines.append(f"- {pair.a.name} ~ {pair.b.name}: {', '.join(pair.signals)}")
            for path in pair.paths[:2]:
                lines.append("    " + " ".join(s.name or s.rel or "" for s in path))
        return "\n".join(lines)

    _emit(report, as_json, render)


@app.command()
def owners(
    subject: Annotated[str, typer.Argument(help="USCC, ID number, node id or name")],
    as_json: JsonOpt = False,
) -> None:
    """Direct and indirect shareholders with integrated shares; beneficial owners (≥ 25%)."""
    from queries.owners import owners_of

    report = _about(subject, owners_of)

    def render() -> str:
        lines = [f"{report.subject.name}  {report.subject.uscc or report.subject.id}"]
        for owner in report.owners:
            mark = "  受益所有人" if owner.beneficial_owner else ""
            direct = f" (direct {owner.direct:.2%})" if owner.direct is not None else ""
            lines.append(f"  {owner.share:7.2%}{direct}  {owner.holder.name}{mark}")
        return "\n".join(lines)

    _emit(report, as_json, render)


@app.command()
def stats(as_json: JsonOpt = False) -> None:
    """Counts of nodes and relations by kind, and the data version."""

    def run() -> Any:
        with services(_settings()) as opened:
            return opened.store.stats()

    result = _run(run)
    _emit(
        result,
        as_json,
        lambda: "\n".join(
            [f"data version {result.data_version}"]
            + [f"  {k}: {v}" for k, v in sorted(result.nodes.items())]
            + [f"  {k}: {v}" for k, v in sorted(result.relations.items())]
        ),
    )


@app.command()
def loads(as_json: JsonOpt = False) -> None:
    """Recent loads: file, kind, status (completed / interrupted / running) and counts."""
    from loaders.journal import LoadJournal

    journal = LoadJournal(_settings().data_dir / "loads.sqlite3")
    runs = journal.recent()
    journal.close()
    _emit(
        runs,
        as_json,
        lambda: "\n".join(f"{r['id']} {r['status']:<11} {r['kind']:<18} {r['path']}" for r in runs),
    )


@app.command("export-neo4j")
def export_neo4j(
    out: Annotated[Path, typer.Argument(help="Folder for the CSV files")],
    as_json: JsonOpt = False,
) -> None:
    """Export the embedded graph as neo4j-admin import CSVs (the bulk path for first loads)."""
    from graph_service.store.embedded import EmbeddedGraphStore
    from graph_service.store.neo4j_bulk import admin_import_command, export_admin_csv

    settings = _settings()
    store = EmbeddedGraphStore(settings.store_path)
    counts = _run(lambda: export_admin_csv(store, out))
    store.close()
    result = {**vars(counts), "folder": str(out), "command": admin_import_command(out)}
    _emit(result, as_json, lambda: f"{result}\nimport offline with:\n  {result['command']}")


@app.command("bulk-neo4j")
def bulk_neo4j(
    folder: Annotated[Path, typer.Argument(help="Folder written by export-neo4j")],
    as_json: JsonOpt = False,
) -> None:
    """Create an exported graph in an empty Neo4j (NEO4J_URI) over Bolt, without reads."""
    from graph_service.store.neo4j_bulk import bulk_create
    from graph_service.store.neo4j_store import Neo4jGraphStore

    def run() -> Any:
        store = Neo4jGraphStore.from_settings(_settings())
        try:
            return vars(bulk_create(store, folder))
        finally:
            store.close()

    result = _run(run)
    _emit(result, as_json, lambda: str(result))


@app.command()
def reindex(as_json: JsonOpt = False) -> None:
    """Rebuild the configured search index from the embedded graph store."""
    from graph_service.store.embedded import EmbeddedGraphStore
    from search.factory import open_search_index
    from search.reindex import reindex as rebuild

    settings = _settings()

    def run() -> int:
        store = EmbeddedGraphStore(settings.store_path)
        index = open_search_index(
            settings.search,
            path=settings.index_path,
            url=settings.elasticsearch_url,
            index_prefix=settings.index_prefix,
        )
        try:
            return rebuild(store, index)
        finally:
            index.close()
            store.close()

    count = _run(run)
    _emit({"documents": count}, as_json, lambda: f"indexed {count} documents")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
) -> None:
    """Serve the JSON API and its OpenAPI docs (/docs)."""
    import uvicorn

    from graph_service.api.app import create_app

    uvicorn.run(create_app(_settings()), host=host, port=port, log_level="info")


def main() -> None:
    """Entry point of the `creditgraph` script."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app(prog_name="creditgraph")


if __name__ == "__main__":
    main()
