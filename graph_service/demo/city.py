"""generate_city: the whole synthetic 乌鲁木齐 in national input formats, plus truth.json.

Same scale and seed give byte-identical files: every random choice comes from a generator
seeded by (seed, section), and nothing that reaches a file depends on set order or hash().
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from .constants import DEMO_AS_OF, MIN_SCALE
from .context import Context
from .layouts import LAYOUTS
from .planning import plan_records
from .registry_plan import build_ordinary
from .structures import build_planted
from .truth_build import build_truth
from .util import sub_rng
from .world import World
from .write_holdings import write_officers, write_shareholders
from .write_licences import write_licences
from .write_penalties import write_penalties
from .write_professionals import write_professionals
from .write_records import write_debtors, write_lists, write_repairs
from .write_registry import write_branches, write_enterprises

__all__ = ["DEFAULT_SEED", "CityManifest", "ManifestFile", "generate_city"]

DEFAULT_SEED = 20250630
TRUTH_FILENAME = "truth.json"
_POOL_PER_ENTERPRISE = 1.1


class ManifestFile(BaseModel):
    """One written input file: kind (as the loaders name it), format, encoding, data rows."""

    model_config = ConfigDict(frozen=True)

    kind: str
    path: Path
    format: str
    encoding: str
    rows: int


class CityManifest(BaseModel):
    """What generate_city wrote. Rows exclude the header and include planted bad rows."""

    model_config = ConfigDict(frozen=True)

    out_dir: Path
    scale: int
    seed: int
    as_of: date
    files: list[ManifestFile]
    truth_path: Path

    def file(self, kind: str) -> ManifestFile:
        """The file of one kind (KeyError if absent)."""
        for item in self.files:
            if item.kind == kind:
                return item
        raise KeyError(kind)


def generate_city(out_dir: Path, scale: int, seed: int = DEFAULT_SEED) -> CityManifest:
    """Write the city of `scale` enterprises (branches included) into `out_dir`."""
    if scale < MIN_SCALE:
        raise ValueError(f"scale must be at least {MIN_SCALE}, got {scale}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    world = World.create(scale, seed)
    world.people.build_pool(int(scale * _POOL_PER_ENTERPRISE) + 60)
    build_planted(world, sub_rng(seed, "planted"))
    build_ordinary(world, sub_rng(seed, "registry"), scale - len(world.enterprises))
    sub_rng(seed, "order").shuffle(world.enterprises)
    plan = plan_records(world, sub_rng(seed, "records"))
    ctx = Context(out_dir, world)
    write_enterprises(ctx)
    write_branches(ctx)
    write_shareholders(ctx)
    write_officers(ctx)
    write_professionals(ctx)
    write_licences(ctx)
    write_penalties(ctx)
    write_debtors(ctx, plan)
    write_lists(ctx, plan)
    write_repairs(ctx)
    truth = build_truth(ctx)
    truth_path = out_dir / TRUTH_FILENAME
    truth_path.write_text(truth.model_dump_json(indent=1) + "\n", encoding="utf-8")
    files = [
        ManifestFile(
            kind=layout.kind,
            path=out_dir / layout.filename,
            format=layout.fmt,
            encoding=layout.encoding,
            rows=ctx.rows[layout.filename],
        )
        for layout in LAYOUTS
    ]
    return CityManifest(
        out_dir=out_dir,
        scale=scale,
        seed=seed,
        as_of=DEMO_AS_OF,
        files=files,
        truth_path=truth_path,
    )
