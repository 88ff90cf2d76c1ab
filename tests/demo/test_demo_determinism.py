"""Same scale and seed give byte-identical files, in this process and in fresh ones."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from graph_service.demo import generate_city


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_two_runs_are_byte_identical(tmp_path: Path) -> None:
    first = generate_city(tmp_path / "a", 300)
    second = generate_city(tmp_path / "b", 300)
    one, two = _snapshot(first.out_dir), _snapshot(second.out_dir)
    assert list(one) == list(two)
    assert len(one) == 11  # ten input files and truth.json, no temporary leftovers
    for name, content in one.items():
        assert content == two[name], f"{name} differs between runs"


def test_hash_seed_does_not_change_output(tmp_path: Path) -> None:
    """Set order and hash() vary with PYTHONHASHSEED; nothing written may depend on them."""
    reference = _snapshot(generate_city(tmp_path / "here", 300).out_dir)
    for hash_seed in ("1", "4242"):
        target = tmp_path / f"hash{hash_seed}"
        code = (
            "from pathlib import Path; from graph_service.demo import generate_city; "
            f"generate_city(Path({str(target)!r}), 300)"
        )
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        assert _snapshot(target) == reference


def test_other_seed_gives_other_city(tmp_path: Path) -> None:
    default = generate_city(tmp_path / "a", 300)
    other = generate_city(tmp_path / "b", 300, seed=7)
    assert (default.out_dir / "enterprises.csv").read_bytes() != (
        other.out_dir / "enterprises.csv"
    ).read_bytes()
