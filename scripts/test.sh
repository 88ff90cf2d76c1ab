#!/usr/bin/env bash
# The test command behind `make test`: lint, type-check, then the whole pytest suite.
#
# When Java and Maven exist, real Neo4j and Elasticsearch servers are started first
# (scripts/services.sh) and the parity suites run against them too. In CI (CI=true) a
# server that cannot start fails the run; on a machine without Java the backend tests are
# skipped with a message saying how to run them.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

echo "== lint and types"
"$BIN/ruff" check graph_service loaders search queries tests
"$BIN/ruff" format --check graph_service loaders search queries tests
"$BIN/mypy"

started_services=0
cleanup() {
  if [ "$started_services" = 1 ] && [ "${KEEP_SERVICES:-0}" != 1 ]; then
    bash scripts/services.sh down || true
  fi
}
trap cleanup EXIT

if [ -n "${NEO4J_URI:-}" ] && [ -n "${ELASTICSEARCH_URL:-}" ]; then
  echo "== using the servers at NEO4J_URI=$NEO4J_URI and ELASTICSEARCH_URL=$ELASTICSEARCH_URL"
elif [ "${CREDITGRAPH_SKIP_SERVERS:-0}" != 1 ] && [ -f scripts/services.sh ] \
    && command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1; then
  echo "== starting real Neo4j and Elasticsearch (scripts/services.sh up)"
  if bash scripts/services.sh up; then
    started_services=1
    export NEO4J_URI="${NEO4J_URI:-bolt://127.0.0.1:${NEO4J_BOLT_PORT:-7687}}"
    export ELASTICSEARCH_URL="${ELASTICSEARCH_URL:-http://127.0.0.1:${ES_HTTP_PORT:-9200}}"
  elif [ "${CI:-}" = "true" ]; then
    echo "error: the Neo4j/Elasticsearch servers could not start; CI requires them" >&2
    exit 1
  else
    echo "warning: servers did not start; backend tests will be skipped" >&2
  fi
else
  echo "note: Java/Maven not found (or CREDITGRAPH_SKIP_SERVERS=1): Neo4j and Elasticsearch"
  echo "      tests are skipped. Install Java 17+ and Maven, or set NEO4J_URI and"
  echo "      ELASTICSEARCH_URL to existing servers, then run 'make test' again."
fi

echo "== pytest"
"$BIN/pytest" -q "$@"
