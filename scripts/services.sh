#!/usr/bin/env bash
# Start/stop the real Neo4j and Elasticsearch servers used by the test suite and CI.
#
#   scripts/services.sh up [neo4j|elasticsearch]     build launchers if needed, start, wait until ready
#   scripts/services.sh down [neo4j|elasticsearch]   stop (SIGTERM, then SIGKILL after 30 s)
#   scripts/services.sh status [neo4j|elasticsearch] print state, version, pid, memory
#   scripts/services.sh clean                        down + delete all server data
#
# Both servers come from Maven Central jars built by devservices/ (no Docker, no downloads
# besides Maven's): Neo4j 5.26 (embedded Community engine, Bolt only, auth disabled) and
# Elasticsearch 8.19 (server jar + Netty4 module, plain HTTP, no security). They listen on
# loopback only. Clients use:
#   NEO4J_URI=bolt://127.0.0.1:7687          (no auth; any user/password is also accepted)
#   ELASTICSEARCH_URL=http://127.0.0.1:9200
#
# Environment overrides:
#   NEO4J_BOLT_PORT (7687)  ES_HTTP_PORT (9200)  ES_TRANSPORT_PORT (9300-9399)
#   NEO4J_JAVA_OPTS ("-Xms256m -Xmx1g")  ES_JAVA_OPTS ("-Xms1g -Xmx1g")
#   SERVICES_TIMEOUT (180 s to wait for each server)  DEVSERVICES_JAVA (java binary, 17 or 21)
#
# State lives in <repo>/.devservices/ (git-ignored by its own .gitignore): <svc>.pid, <svc>.log,
# build.log and each server's data directory. `up` is a no-op for a server that is already up.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="$ROOT/devservices"
STATE="$ROOT/.devservices"
NEO4J_BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
ES_HTTP_PORT="${ES_HTTP_PORT:-9200}"
NEO4J_JAVA_OPTS="${NEO4J_JAVA_OPTS:--Xms256m -Xmx1g}"
ES_JAVA_OPTS="${ES_JAVA_OPTS:--Xms1g -Xmx1g}"
SERVICES_TIMEOUT="${SERVICES_TIMEOUT:-180}"
export ES_TRANSPORT_PORT="${ES_TRANSPORT_PORT:-9300-9399}"

log() { printf '[services] %s\n' "$*"; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }

java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }

# Neo4j 5.26 supports Java 17 and 21 only, so don't blindly follow JAVA_HOME (a build may
# point it at a newer JDK): take the first of these that is 17 or 21.
pick_java() {
  if [[ -n "${DEVSERVICES_JAVA:-}" ]]; then echo "$DEVSERVICES_JAVA"; return; fi
  local c
  for c in "$(command -v java || true)" "${JAVA_HOME:+$JAVA_HOME/bin/java}" \
           /usr/lib/jvm/java-17-openjdk-amd64/bin/java /usr/lib/jvm/java-21-openjdk-amd64/bin/java \
           /usr/lib/jvm/*-17-*/bin/java /usr/lib/jvm/*-21-*/bin/java; do
    [[ -n "$c" && -x "$c" ]] || continue
    case "$(java_major "$c")" in 17|21) echo "$c"; return ;; esac
  done
  die "no Java 17 or 21 found (set DEVSERVICES_JAVA=/path/to/java)"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

svc_port() { if [[ $1 == neo4j ]]; then echo "$NEO4J_BOLT_PORT"; else echo "$ES_HTTP_PORT"; fi; }
port_var() { if [[ $1 == neo4j ]]; then echo NEO4J_BOLT_PORT; else echo ES_HTTP_PORT; fi; }

svc_pid() {  # prints the pid if the pid file names a live launcher of this service
  local f="$STATE/$1.pid" pid
  [[ -f "$f" ]] || return 1
  pid="$(cat "$f")"
  # Check the command line too, so a stale pid file (e.g. after a reboot) never makes us
  # wait for, or kill, an unrelated process that got the same pid.
  if [[ -n "$pid" ]] && ps -o args= -p "$pid" 2>/dev/null | grep -q -- "$1-launcher.jar"; then
    echo "$pid"
    return 0
  fi
  rm -f "$f"
  return 1
}

svc_ready() {
  local port; port="$(svc_port "$1")"
  if [[ $1 == neo4j ]]; then
    # The launcher prints READY only after running `RETURN 1` on the default database.
    port_open "$port" && grep -q "READY neo4j" "$STATE/neo4j.log" 2>/dev/null
  else
    curl -fsS -m 5 "http://127.0.0.1:$port/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null 2>&1
  fi
}

svc_version() { sed -n "s/.*READY $1 \([^ ]*\) .*/\1/p" "$STATE/$1.log" 2>/dev/null | tail -n1; }

# ------------------------------------------------------------------------------------ build
build() {
  command -v mvn >/dev/null || die "Maven (mvn) not found; install it (Debian: apt-get install -y maven)"
  # Rebuild only if a launcher jar is missing or older than its module's sources / the parent pom.
  local stale=0 m j
  for m in neo4j elasticsearch; do
    j="$SRC/$m/target/$m-launcher.jar"
    if [[ ! -f "$j" || "$SRC/pom.xml" -nt "$j" ]] ||
       [[ -n "$(find "$SRC/$m" -path "$SRC/$m/target" -prune -o -type f -newer "$j" -print -quit)" ]]; then
      stale=1
    fi
  done
  [[ $stale == 1 ]] || return 0
  mkdir -p "$STATE"
  local t0 java_home; t0="$(now_ms)"
  java_home="$(dirname "$(dirname "$(readlink -f "$JAVA")")")"
  log "building launchers (devservices/, log: .devservices/build.log)"
  # Offline first (everything is in ~/.m2 after the first build); online only when that fails.
  if ! JAVA_HOME="$java_home" mvn -B -q -o -Dstyle.color=never -f "$SRC/pom.xml" package >"$STATE/build.log" 2>&1; then
    log "first build: fetching Neo4j/Elasticsearch jars from Maven Central into ~/.m2 (~200 MB)"
    if ! JAVA_HOME="$java_home" mvn -B -q -ntp -Dstyle.color=never -f "$SRC/pom.xml" package >"$STATE/build.log" 2>&1; then
      tail -n 40 "$STATE/build.log" >&2
      die "Maven build of devservices/ failed (full log: .devservices/build.log)"
    fi
  fi
  log "built launchers in $(( ($(now_ms) - t0) / 1000 )) s"
}

# ------------------------------------------------------------------------------------ up
start() {  # launch one server in the background
  local svc=$1 port jar opts pid
  port="$(svc_port "$svc")"
  STARTED_AT[$svc]="$(now_ms)"
  if pid="$(svc_pid "$svc")"; then
    return 0   # already starting (another `up`); just wait for it
  fi
  jar="$SRC/$svc/target/$svc-launcher.jar"
  if [[ $svc == neo4j ]]; then opts=$NEO4J_JAVA_OPTS; else opts=$ES_JAVA_OPTS; fi
  mkdir -p "$STATE/$svc"
  # setsid: own session, so a Ctrl-C in the terminal that ran `up` later does not reach it.
  # shellcheck disable=SC2086
  setsid "$JAVA" $opts -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath="$STATE/$svc" \
    -jar "$jar" --home "$STATE/$svc" --port "$port" >"$STATE/$svc.log" 2>&1 </dev/null &
  echo $! >"$STATE/$svc.pid"
}

wait_ready() {  # poll all given servers together, so each one's start time is its own
  local svc ms deadline pending=("$@") left
  deadline=$(( $(date +%s) + SERVICES_TIMEOUT ))
  while [[ ${#pending[@]} -gt 0 ]]; do
    left=()
    for svc in "${pending[@]}"; do
      if svc_ready "$svc"; then
        ms=$(( $(now_ms) - STARTED_AT[$svc] ))
        log "$svc $(svc_version "$svc") ready in $(( ms / 1000 )).$(( ms % 1000 / 100 )) s"
      elif ! svc_pid "$svc" >/dev/null; then
        tail -n 60 "$STATE/$svc.log" >&2 || true
        stop "${pending[@]}"
        die "$svc exited during startup (log above; full log: .devservices/$svc.log)"
      elif (( $(date +%s) >= deadline )); then
        tail -n 60 "$STATE/$svc.log" >&2 || true
        stop "${pending[@]}"
        die "$svc not ready within ${SERVICES_TIMEOUT}s (log above; full log: .devservices/$svc.log)"
      else
        left+=("$svc")
      fi
    done
    pending=("${left[@]+"${left[@]}"}")
    [[ ${#pending[@]} -eq 0 ]] || sleep 0.5
  done
}

up() {
  local svc todo=()
  for svc in "$@"; do
    if svc_pid "$svc" >/dev/null && svc_ready "$svc"; then
      log "$svc already up"
    else
      todo+=("$svc")
    fi
  done
  if [[ ${#todo[@]} -gt 0 ]]; then
    for svc in "${todo[@]}"; do   # fail before starting anything if a port is taken
      if ! svc_pid "$svc" >/dev/null && port_open "$(svc_port "$svc")"; then
        die "$svc: 127.0.0.1:$(svc_port "$svc") is already in use by another process (not ours); stop it or set $(port_var "$svc")"
      fi
    done
    build
    for svc in "${todo[@]}"; do start "$svc"; done   # start all first: they boot in parallel
    wait_ready "${todo[@]}"
  fi
  status "$@"
}

# ------------------------------------------------------------------------------------ down
stop() {  # SIGTERM all given servers at once (they flush and close), SIGKILL after 30 s
  local svc pid i
  local -A pids=()
  for svc in "$@"; do
    if pid="$(svc_pid "$svc")"; then
      pids[$svc]=$pid
      kill -TERM "$pid" 2>/dev/null || true
    else
      log "$svc not running"
    fi
  done
  for svc in "${!pids[@]}"; do
    pid=${pids[$svc]}
    for i in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "$svc (pid $pid) did not stop in time; killing"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
    fi
    rm -f "$STATE/$svc.pid"
    log "$svc stopped (pid $pid)"
  done
}

# ------------------------------------------------------------------------------------ status
status() {
  local svc pid port rss url
  for svc in "$@"; do
    port="$(svc_port "$svc")"
    if [[ $svc == neo4j ]]; then url="bolt://127.0.0.1:$port"; else url="http://127.0.0.1:$port"; fi
    if pid="$(svc_pid "$svc")"; then
      rss="$(ps -o rss= -p "$pid" | awk '{printf "%d MB", $1/1024}')"
      if svc_ready "$svc"; then
        log "$svc: up    $url  version $(svc_version "$svc")  pid $pid  rss $rss"
      else
        log "$svc: starting (not ready yet)  $url  pid $pid  rss $rss"
      fi
    else
      log "$svc: down  ($url)"
    fi
  done
}

# ------------------------------------------------------------------------------------ main
declare -A STARTED_AT=()
cmd="${1:-status}"
shift || true
services=("$@")
if [[ ${#services[@]} == 0 ]]; then services=(neo4j elasticsearch); fi
for s in "${services[@]}"; do
  [[ $s == neo4j || $s == elasticsearch ]] || die "unknown service '$s' (neo4j|elasticsearch)"
done

mkdir -p "$STATE"
[[ -f "$STATE/.gitignore" ]] || echo '*' >"$STATE/.gitignore"

case "$cmd" in
  up)
    command -v curl >/dev/null || die "curl not found (needed to check Elasticsearch health)"
    JAVA="$(pick_java)"
    up "${services[@]}"
    ;;
  down) stop "${services[@]}" ;;
  status) status "${services[@]}" ;;
  clean)
    stop "${services[@]}"
    for s in "${services[@]}"; do rm -rf "${STATE:?}/$s" "$STATE/$s.log"; done
    log "removed server data under .devservices/"
    ;;
  *) die "usage: $0 up|down|status|clean [neo4j|elasticsearch]" ;;
esac
