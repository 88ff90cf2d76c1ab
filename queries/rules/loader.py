"""Loading rule files: two passes (read every file, then check across files), loud failures."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from graph_service.errors import InputError
from queries.rules.schema import Domain, Rule, RuleFile

SHIPPED_DIR = Path(__file__).with_name("catalogue")


@dataclass(frozen=True)
class Catalogue:
    """Every rule in force, with the version every verdict reports."""

    version: str
    rules: tuple[Rule, ...]
    responsible_roles: frozenset[str]
    files: tuple[str, ...] = field(default=())

    def for_domain(self, domain: Domain) -> list[Rule]:
        return [rule for rule in self.rules if domain in rule.domains]


def _rule_lines(text: str) -> list[int]:
    """1-based line of each rule in a file, to point errors at the right place."""
    node = yaml.compose(text)
    if node is None or not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if key.value == "rules" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def parse_rule_file(path: Path) -> RuleFile:
    """One file, validated; InputError names the file, the rule's line and the reason."""
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise InputError(f"{path.name}: not valid YAML: {error}") from error
    try:
        return RuleFile.model_validate(data)
    except ValidationError as error:
        problems = error.errors()
        location = problems[0]["loc"]
        line = ""
        if len(location) >= 2 and location[0] == "rules" and isinstance(location[1], int):
            lines = _rule_lines(text)
            if location[1] < len(lines):
                line = f" line {lines[location[1]]}"
        reasons = "; ".join(
            f"{'.'.join(str(part) for part in p['loc'])}: {p['msg']}" for p in problems[:5]
        )
        raise InputError(
            f"{path.name}{line}: {reasons}",
            detail={"file": str(path), "errors": error.errors(include_url=False)},
        ) from error


def load_catalogue(extra_dir: Path | None = None) -> Catalogue:
    """The shipped rules plus any ``*.yaml`` in ``extra_dir``; ids must be unique."""
    paths = sorted(SHIPPED_DIR.glob("*.yaml"))
    if extra_dir is not None:
        if not extra_dir.is_dir():
            raise InputError(f"rules folder not found: {extra_dir}")
        paths += sorted(extra_dir.glob("*.yaml"))
    files = [parse_rule_file(path) for path in paths]
    seen: dict[str, str] = {}
    rules: list[Rule] = []
    for path, rule_file in zip(paths, files, strict=True):
        for rule in rule_file.rules:
            if rule.id in seen:
                raise InputError(
                    f"{path.name}: rule id {rule.id!r} is already defined in {seen[rule.id]}"
                )
            seen[rule.id] = path.name
            rules.append(rule)
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in paths)).hexdigest()[:8]
    versions = "+".join(f.version for f in files)
    roles = frozenset(role for f in files for role in f.responsible_roles)
    return Catalogue(
        version=f"{versions}#{digest}",
        rules=tuple(rules),
        responsible_roles=roles,
        files=tuple(p.name for p in paths),
    )


@lru_cache(maxsize=4)
def cached_catalogue(extra_dir: Path | None = None) -> Catalogue:
    return load_catalogue(extra_dir)
