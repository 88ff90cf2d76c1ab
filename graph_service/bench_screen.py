"""Screening latency and batch throughput: `python -m graph_service.bench_screen`.

Screens a deterministic sample of enterprises (every k-th by id, plus the planted
restricted subjects when a truth file is given) against the configured graph store, at
each depth asked, and reports p50/p99 latency per depth and the throughput of screening
the whole sample one after another (what a batch does). Run it on the embedded store and,
with CREDITGRAPH_GRAPH=neo4j, on Neo4j loaded with the same data, in the same session.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import date
from pathlib import Path
from typing import Any

from graph_service.settings import Settings
from graph_service.store.factory import open_graph_store
from queries.rules.loader import load_catalogue
from queries.rules.schema import Domain
from queries.screening.engine import screen


def _sample(settings: Settings, size: int, truth: Path | None) -> list[str]:
    from graph_service.store.embedded import EmbeddedGraphStore

    source = EmbeddedGraphStore(settings.store_path)  # the id list comes from the embedded copy
    ids = [n.id for n in source.iter_nodes("Enterprise")]
    source.close()
    step = max(1, len(ids) // size)
    chosen = ids[::step][:size]
    if truth is not None:
        planted = json.loads(truth.read_text(encoding="utf-8"))["restricted_subjects"]
        chosen += [f"E-{item['uscc']}" for item in planted[: size // 10]]
    return chosen


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, default=300, help="subjects screened per depth")
    parser.add_argument("--depths", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2025, 6, 30))
    parser.add_argument("--truth", type=Path, default=None, help="truth.json of the demo city")
    args = parser.parse_args(argv)
    settings = Settings()
    subjects = _sample(settings, args.sample, args.truth)
    store = open_graph_store(settings)
    catalogue = load_catalogue(settings.rules_dir)
    report: dict[str, Any] = {"graph": settings.graph, "subjects": len(subjects), "depths": []}
    for depth in args.depths:
        timings: list[float] = []
        verdicts: dict[str, int] = {}
        started = time.perf_counter()
        for subject in subjects:
            begin = time.perf_counter()
            verdict = screen(
                store, subject, Domain.GOVERNMENT_PROCUREMENT, args.as_of, catalogue, depth=depth
            )
            timings.append((time.perf_counter() - begin) * 1000)
            verdicts[verdict.verdict] = verdicts.get(verdict.verdict, 0) + 1
        total = time.perf_counter() - started
        report["depths"].append(
            {
                "depth": depth,
                "p50_ms": round(statistics.median(timings), 1),
                "p99_ms": round(_percentile(timings, 0.99), 1),
                "max_ms": round(max(timings), 1),
                "batch_subjects_per_second": round(len(subjects) / total, 1),
                "verdicts": verdicts,
            }
        )
    store.close()
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
