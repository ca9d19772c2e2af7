#!/usr/bin/env bash
# The HTTP load benchmark: the same app (bench/app, a Book model with 10,000 records on the memory
# connector) served by Backloop, by the real LoopBack 3 and by bare Jetty writing pre-serialised bytes
# (the ceiling), one server at a time, each workload measured with wrk after a warm-up. Writes a
# Markdown table to bench/results/<date>-nproc<N>.md. See bench/README.md.
#
#   bench/run.sh [--quick] [--duration S] [--warmup S] [--connections N] [--threads N]
#                [--workloads byid,find,include,count,create,mixed] [--servers backloop,lb3,jetty]
#                [--out FILE] [--no-build] [--note TEXT] [--backloop-jar FILE]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

DURATION=20
WARMUP=30
CONNECTIONS=32
THREADS=1
WORKLOADS="byid,find,include,count,create,mixed"
SERVERS="backloop,lb3,jetty"
OUT=""
BUILD=1
NOTE=""
MODE="default"
PORT=18080
SERVER_JAR_OPTION=""
RECORDS=10000

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) DURATION=5; WARMUP=10; MODE="quick" ;;
    --duration) DURATION="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    --connections) CONNECTIONS="$2"; shift ;;
    --threads) THREADS="$2"; shift ;;
    --workloads) WORKLOADS="$2"; shift ;;
    --servers) SERVERS="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    --no-build) BUILD=0 ;;
    --note) NOTE="$2"; shift ;;
    --backloop-jar) SERVER_JAR_OPTION="$2"; shift ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

log() { echo "[bench] $*" >&2; }

# ---------------------------------------------------------------------------------------------------
# What the run needs: wrk, the Backloop and bench jars, LoopBack 3's node_modules

if ! command -v wrk >/dev/null; then
  log "installing wrk (Debian package)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get install -y wrk >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y wrk >/dev/null; }
fi
command -v node >/dev/null || { echo "bench/run.sh: node (20 or newer) is needed for the LoopBack 3 side" >&2; exit 1; }

if [ "$BUILD" = 1 ]; then
  log "building backloop-server.jar and backloop-bench.jar (mvn -Pbench package)"
  mvn -B -q -Pbench package -DskipTests
fi
# another build of the server (e.g. a copy of the jar before a change) for before/after comparisons
SERVER_JAR="${SERVER_JAR_OPTION:-$ROOT/dist/target/backloop-server.jar}"
BENCH_JAR="$ROOT/bench/target/backloop-bench.jar"

if [ ! -d bench/lb3/node_modules ] || [ bench/lb3/package-lock.json -nt bench/lb3/node_modules ]; then
  log "installing LoopBack 3 (npm ci in bench/lb3)"
  (cd bench/lb3 && npm ci --no-audit --no-fund --loglevel=error >/dev/null && touch node_modules)
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/backloop-bench.XXXXXX")"
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
cleanup() { stop_server; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

node bench/seed.js "$WORK/seed" "$RECORDS"

BASE="http://127.0.0.1:$PORT"
FIND_URL="$BASE/api/Books?filter=%7B%22where%22%3A%7B%22genre%22%3A%22fantasy%22%2C%22year%22%3A%7B%22gt%22%3A1990%7D%7D%2C%22order%22%3A%22price%20DESC%22%2C%22limit%22%3A10%7D"
# the find's filter with "include": "publisher" (a belongsTo)
INCLUDE_URL="$BASE/api/Books?filter=%7B%22where%22%3A%7B%22genre%22%3A%22fantasy%22%2C%22year%22%3A%7B%22gt%22%3A1990%7D%7D%2C%22order%22%3A%22price%20DESC%22%2C%22limit%22%3A10%2C%22include%22%3A%22publisher%22%7D"
COUNT_URL="$BASE/api/Books/count?where=%7B%22genre%22%3A%22fantasy%22%2C%22year%22%3A%7B%22gte%22%3A2000%7D%7D"

now_ns() { date +%s%N; }

# Starts one server in the background and waits for its first successful response.
# Sets SERVER_PID and START_MS (time from the exec to the first 200).
start_server() {
  local server="$1"
  if ss -ltn 2>/dev/null | grep -q ":$PORT "; then
    echo "bench/run.sh: port $PORT is busy" >&2; exit 1
  fi
  local t0; t0=$(now_ns)
  case "$server" in
    backloop) java -jar "$SERVER_JAR" bench/app --port "$PORT" --host 127.0.0.1 >"$WORK/$server.log" 2>&1 & ;;
    lb3) node bench/lb3/server.js bench/app "$PORT" >"$WORK/$server.log" 2>&1 & ;;
    jetty) java -cp "$BENCH_JAR" dev.backloop.bench.BareJetty "$WORK/responses" "$PORT" >"$WORK/$server.log" 2>&1 & ;;
  esac
  SERVER_PID=$!
  local deadline=$(( $(date +%s) + 60 ))
  until curl -s -o /dev/null -f "$BASE/api/Books/count"; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null || [ "$(date +%s)" -gt "$deadline" ]; then
      echo "bench/run.sh: $server did not start; its log:" >&2; cat "$WORK/$server.log" >&2; exit 1
    fi
    sleep 0.01
  done
  START_MS=$(( ($(now_ns) - t0) / 1000000 ))
}

# Seeds 20 Publishers and 10,000 Books through the REST API, the Books in batches of 1,000, so ids match
# on every server.
seed() {
  local f
  curl -s -f -o /dev/null -H 'Content-Type: application/json' --data-binary "@$WORK/seed/publishers.json" \
    "$BASE/api/Publishers" || { echo "bench/run.sh: seeding the Publishers failed" >&2; exit 1; }
  for f in "$WORK"/seed/batch-*.json; do
    curl -s -f -o /dev/null -H 'Content-Type: application/json' --data-binary "@$f" "$BASE/api/Books" \
      || { echo "bench/run.sh: seeding failed with $f" >&2; exit 1; }
  done
  local count; count=$(curl -s "$BASE/api/Books/count")
  [ "$count" = "{\"count\":$RECORDS}" ] || { echo "bench/run.sh: expected $RECORDS records, got $count" >&2; exit 1; }
}

# user + system CPU time of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
CLK_TCK="$(getconf CLK_TCK)"

# CPU time of a JVM's JIT compiler threads, in clock ticks: a run whose JIT is still compiling measures the
# compiler as much as the server (C2 kept one core busy for 20 s and more after the start on 2 cores)
jit_ticks() {
  local t=0 d
  for d in /proc/"$1"/task/*; do
    case "$(cat "$d/comm" 2>/dev/null)" in
      C1\ CompilerThre*|C2\ CompilerThre*) t=$(( t + $(awk '{ print $14 + $15 }' "$d/stat" 2>/dev/null || echo 0) )) ;;
    esac
  done
  echo "$t"
}

peak_rss_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# ---------------------------------------------------------------------------------------------------
# The bare Jetty server answers with Backloop's own bytes: capture them from a seeded Backloop, and check
# that LoopBack 3 gives the same bodies for the fixed queries.

capture() {
  local server="$1" dir="$2"
  mkdir -p "$dir"
  start_server "$server"
  seed
  curl -s -f -o "$dir/records.json" "$BASE/api/Books?filter=%7B%22order%22%3A%22id%20ASC%22%7D"
  curl -s -f -o "$dir/find.json" "$FIND_URL"
  curl -s -f -o "$dir/include.json" "$INCLUDE_URL"
  curl -s -f -o "$dir/count.json" "$COUNT_URL"
  curl -s -f -o "$dir/create.json" -H 'Content-Type: application/json' \
    -d '{"title":"A new book","author":"Bench Mark","genre":"crime","year":2001,"price":9.5,"pages":123}' "$BASE/api/Books"
  stop_server
}

log "capturing responses from Backloop for the bare Jetty server"
capture backloop "$WORK/responses"
SAME_BODIES="not checked"
if [[ ",$SERVERS," == *",lb3,"* ]]; then
  capture lb3 "$WORK/lb3-responses"
  SAME_BODIES="yes"
  for f in records.json find.json include.json count.json create.json; do
    cmp -s "$WORK/responses/$f" "$WORK/lb3-responses/$f" || SAME_BODIES="no ($f differs)"
  done
  log "Backloop and LoopBack 3 response bodies identical: $SAME_BODIES"
fi

# ---------------------------------------------------------------------------------------------------
# The runs: per workload, each server in turn on a fresh process with fresh data

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
RESULTS="$WORK/results.jsonl"
IFS=',' read -r -a workload_list <<<"$WORKLOADS"
IFS=',' read -r -a server_list <<<"$SERVERS"
for workload in "${workload_list[@]}"; do
  for server in "${server_list[@]}"; do
    start_server "$server"
    [ "$server" = jetty ] || seed
    log "$workload on $server: started in ${START_MS} ms; warm-up ${WARMUP}s, then ${DURATION}s"
    WORKLOAD="$workload" RECORDS="$RECORDS" \
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s -s bench/wrk/workload.lua "$BASE" >/dev/null
    cpu_before=$(cpu_ticks "$SERVER_PID"); jit_before=$(jit_ticks "$SERVER_PID")
    RESULT="$WORK/one.json" WORKLOAD="$workload" RECORDS="$RECORDS" \
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s bench/wrk/workload.lua "$BASE" >"$WORK/wrk-$workload-$server.txt"
    cpu_ms=$(( ($(cpu_ticks "$SERVER_PID") - cpu_before) * 1000 / CLK_TCK ))
    jit_ms=$(( ($(jit_ticks "$SERVER_PID") - jit_before) * 1000 / CLK_TCK ))
    rss=$(peak_rss_mb "$SERVER_PID")
    printf '{"workload":"%s","server":"%s","start_ms":%d,"rss_mb":%d,"cpu_ms":%d,"jit_ms":%d,"wrk":%s}\n' \
      "$workload" "$server" "$START_MS" "$rss" "$cpu_ms" "$jit_ms" "$(tail -1 "$WORK/one.json")" >>"$RESULTS"
    rm -f "$WORK/one.json"
    stop_server
  done
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------------------------------------------
# The report

NPROC="$(nproc)"
mkdir -p bench/results
if [ -z "$OUT" ]; then
  OUT="bench/results/$(date -u +%Y-%m-%d)-nproc$NPROC.md"
  [ ! -e "$OUT" ] || OUT="bench/results/$(date -u +%Y-%m-%dT%H%M)-nproc$NPROC.md"
fi
CPU="$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
JAVA="$(java -version 2>&1 | head -1)"
# ps's %CPU is averaged over each process's lifetime: a rough picture of what else shares the machine
OTHERS="$(ps -eo pcpu=,comm= --sort=-pcpu | awk '$1 > 5 && $2 != "wrk" { printf "%s%s %s%%", sep, $2, $1; sep=", " }')"
node bench/report.js "$RESULTS" \
  "mode=$MODE" "date=$(date -u '+%Y-%m-%d %H:%M UTC')" "nproc=$NPROC" "cpu=$CPU" "java=$JAVA" \
  "node=$(node --version)" "lb3=$(node -p "require('./bench/lb3/node_modules/loopback/package.json').version")" \
  "wrk=-t$THREADS -c$CONNECTIONS, warm-up ${WARMUP}s, measured ${DURATION}s" "records=$RECORDS" \
  "load=$LOAD_BEFORE (before) / $LOAD_AFTER (after)" "others=${OTHERS:-none above 5% CPU at the end}" \
  "same=$SAME_BODIES" "note=$NOTE" >"$OUT"
log "wrote $OUT"
cat "$OUT"
