"""Load benchmarks: `python -m graph_service.bench [--scale N] [--backends ...]`.

Generates the synthetic city once, then loads it into each requested backend pair from an
empty state, in this one process, and reports rows per second, the process's peak memory
and (embedded) the size on disk. Throughput figures of one run are noisy on shared
machines: compare ratios between backends measured in the same run, and repeat runs.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from graph_service.demo import generate_city
from graph_service.settings import Settings
from graph_service.store.factory import open_graph_store
from loaders.pipeline import Loader
from search.factory import open_search_index

PAIRS = {
    "embedded": ("embedded", "embedded"),
    "neo4j": ("neo4j", "embedded"),
    "elasticsearch": ("embedded", "elasticsearch"),
    "servers": ("neo4j", "elasticsearch"),
}


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _size_mb(path: Path) -> float:
    if not path.exists():
        return 0.0
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def bench_load(pair: str, files: list[Path], work: Path, batch_size: int) -> dict[str, Any]:
    graph, search = PAIRS[pair]
    data_dir = work / f"data-{pair}"
    shutil.rmtree(data_dir, ignore_errors=True)
    settings = Settings(
        data_dir=data_dir,
        graph=graph,  # type: ignore[arg-type]
        search=search,  # type: ignore[arg-type]
        progress=False,
        batch_size=batch_size,
        index_prefix=f"bench-{pair}",
    )
    store = open_graph_store(settings)
    wipe = getattr(store, "wipe", None)
    if wipe is not None:
        wipe()
    index = open_search_index(
        search, path=settings.index_path, url=settings.elasticsearch_url, index_prefix="bench"
    )
    index.reset()
    loader = Loader(store, index, settings)
    started = time.perf_counter()
    summary = loader.load_paths(files)
    seconds = time.perf_counter() - started
    stats = store.stats()
    result = {
        "backend": pair,
        "rows_read": summary.read,
        "seconds": round(seconds, 1),
        "rows_per_second": round(summary.read / seconds),
        "nodes": sum(stats.nodes.values()),
        "relations": sum(stats.relations.values()),
        "documents": index.count(),
        "store_mb": round(
            _size_mb(data_dir / "graph.sqlite3") + _size_mb(data_dir / "graph.sqlite3-wal"), 1
        )
        if graph == "embedded"
        else None,
        "index_mb": round(_size_mb(settings.index_path), 1) if search == "embedded" else None,
        "peak_rss_mb_process": round(_peak_rss_mb()),
    }
    loader.close()
    index.close()
    store.close()
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=10_000, help="enterprises in the city")
    parser.add_argument(
        "--backends", nargs="+", default=["embedded"], choices=sorted(PAIRS), help="pairs to load"
    )
    parser.add_argument("--work", type=Path, default=Path(".creditgraph/bench"))
    parser.add_argument("--batch-size", type=int, default=2000)
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    manifest = generate_city(args.work / f"city-{args.scale}", args.scale)
    generated = time.perf_counter() - started
    files = [f.path for f in manifest.files]
    report: dict[str, Any] = {
        "scale": args.scale,
        "rows": sum(f.rows for f in manifest.files),
        "generate_seconds": round(generated, 1),
        "input_mb": round(sum(p.stat().st_size for p in files) / 1e6, 1),
        "loads": [],
    }
    for pair in args.backends:
        report["loads"].append(bench_load(pair, files, args.work, args.batch_size))
        print(json.dumps(report["loads"][-1], ensure_ascii=False), file=sys.stderr)
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
