"""Settings: one place, one prefix, validated at start-up.

Every setting can be given as an environment variable. Backends are chosen here, and the
choice is documented where it is made (``graph_service.store.factory``,
``search.factory``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_SECRET = "creditgraph-dev-secret-change-me"


class Settings(BaseSettings):
    """Runtime configuration, read from ``CREDITGRAPH_*`` and a few standard variables."""

    model_config = SettingsConfigDict(env_prefix="CREDITGRAPH_", extra="ignore")

    # Where the embedded store, the search index, quarantine files and demo data live.
    data_dir: Path = Field(default=Path(".creditgraph"))
    # Graph backend: the embedded SQLite + networkx store, or a Neo4j server.
    graph: Literal["embedded", "neo4j"] = "embedded"
    # Search backend: the embedded tantivy index, or an Elasticsearch server.
    search: Literal["embedded", "elasticsearch"] = "embedded"
    # Key of the HMAC that turns ID numbers into matching hashes. Change it per deployment:
    # hashes made with one secret never match hashes made with another.
    id_secret: str = DEV_SECRET
    # Neo4j connection (only with graph=neo4j).
    neo4j_uri: str = Field(default="bolt://127.0.0.1:7687", validation_alias="NEO4J_URI")
    neo4j_user: str = Field(default="neo4j", validation_alias="NEO4J_USER")
    neo4j_password: str = Field(default="creditgraph-dev", validation_alias="NEO4J_PASSWORD")
    neo4j_database: str = Field(default="neo4j", validation_alias="NEO4J_DATABASE")
    # Elasticsearch connection (only with search=elasticsearch).
    elasticsearch_url: str = Field(
        default="http://127.0.0.1:9200", validation_alias="ELASTICSEARCH_URL"
    )
    # Prefix of index names, so several deployments or test runs can share one cluster.
    index_prefix: str = "creditgraph"
    # Rows per write transaction; larger batches load faster, smaller ones lose less on a kill.
    batch_size: int = Field(default=2000, ge=1, le=100_000)
    # Cap on the neighbours expanded from any one node in neighbourhood fetches.
    max_fanout: int = Field(default=200, ge=1)
    # A folder of extra rule files (YAML) added to the shipped catalogue, no code needed.
    rules_dir: Path | None = None
    # Show progress bars on long loads (off in CI logs).
    progress: bool = True

    @field_validator("id_secret")
    @classmethod
    def _secret_not_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("CREDITGRAPH_ID_SECRET must not be empty")
        return value

    @property
    def store_path(self) -> Path:
        return self.data_dir / "graph.sqlite3"

    @property
    def index_path(self) -> Path:
        return self.data_dir / "search-index"

    @property
    def quarantine_dir(self) -> Path:
        return self.data_dir / "quarantine"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
