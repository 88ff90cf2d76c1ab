"""docker-compose.yml cannot run here (no Docker engine); check its shape instead."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph_service.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return data


def test_images_are_pinned_to_the_tested_versions(compose: dict[str, Any]) -> None:
    services = compose["services"]
    neo4j, elastic = services["neo4j"]["image"], services["elasticsearch"]["image"]
    assert re.fullmatch(r"neo4j:\d+\.\d+\.\d+-community", neo4j)
    assert re.fullmatch(r"docker\.elastic\.co/elasticsearch/elasticsearch:\d+\.\d+\.\d+", elastic)
    script = (ROOT / "scripts" / "services.sh").read_text() + "".join(
        p.read_text() for p in (ROOT / "devservices").rglob("pom.xml")
    )
    assert neo4j.split(":")[1].removesuffix("-community") in script
    assert elastic.split(":")[1] in script


def test_every_service_has_a_health_check_and_data_volume(compose: dict[str, Any]) -> None:
    for name, service in compose["services"].items():
        assert service["healthcheck"]["test"], name
    assert {"neo4j-data", "es-data", "creditgraph-data"} <= set(compose["volumes"])
    depends = compose["services"]["creditgraph"]["depends_on"]
    assert {k: v["condition"] for k, v in depends.items()} == {
        "neo4j": "service_healthy",
        "elasticsearch": "service_healthy",
    }


def test_app_environment_names_real_settings(compose: dict[str, Any]) -> None:
    env = compose["services"]["creditgraph"]["environment"]
    assert env["CREDITGRAPH_GRAPH"] == "neo4j" and env["CREDITGRAPH_SEARCH"] == "elasticsearch"
    fields = Settings.model_fields
    aliases = {str(f.validation_alias) for f in fields.values() if f.validation_alias}
    prefixed = {f"CREDITGRAPH_{name.upper()}" for name in fields}
    assert set(env) <= aliases | prefixed
    assert env["NEO4J_URI"] == "bolt://neo4j:7687"
    assert env["ELASTICSEARCH_URL"] == "http://elasticsearch:9200"


def test_dockerfile_copies_every_package() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    for package in ("graph_service", "loaders", "search", "queries"):
        assert f"COPY {package} {package}" in dockerfile


def _has_compose() -> bool:
    if shutil.which("docker") is None:
        return False
    probe = subprocess.run(["docker", "compose", "version"], capture_output=True, check=False)
    return probe.returncode == 0


@pytest.mark.skipif(not _has_compose(), reason="no docker client with the compose plugin")
def test_docker_compose_config_accepts_the_file() -> None:
    result = subprocess.run(
        ["docker", "compose", "-f", str(ROOT / "docker-compose.yml"), "config", "--quiet"],
        capture_output=True,
        text=True,
        env={"CREDITGRAPH_ID_SECRET": "x" * 32, "PATH": "/usr/bin:/bin:/usr/local/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
