#!/usr/bin/env bash
# The storage benchmark: a 1 GB file uploaded and downloaded through the REST API of a Backloop server on
# the filesystem provider, against a plain file copy on the same disk (the ceiling), as ratios; with the
# server's peak heap during the transfers. Writes bench/results/<date>-storage-nproc<N>.md. See bench/README.md.
#
#   bench/storage.sh [--size-mb N] [--runs N] [--xmx SIZE] [--no-build] [--out FILE]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

SIZE_MB=1024
RUNS=3
XMX=""
BUILD=1
OUT=""
PORT=18090
while [ $# -gt 0 ]; do
  case "$1" in
    --size-mb) SIZE_MB="$2"; shift ;;
    --runs) RUNS="$2"; shift ;;
    --xmx) XMX="$2"; shift ;;
    --no-build) BUILD=0 ;;
    --out) OUT="$2"; shift ;;
    -h|--help) sed -n 2,6p "$0"; exit 0 ;;
    *) echo "bench/storage.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
log() { echo "[storage-bench] $*" >&2; }
now() { date +%s%N; }
mbps() { awk -v b="$1" -v ns="$2" 'BEGIN { printf "%.0f", b / 1048576 / (ns / 1e9) }'; }

if [ "$BUILD" = 1 ]; then
  log "building dist/target/backloop-server.jar"
  mvn -B -q package -pl dist -am -DskipTests
fi
JAR="$ROOT/dist/target/backloop-server.jar"

# everything on one disk: the source file, the baseline copies, the server's root and the downloads
WORK="$ROOT/bench/target/storage-bench"
rm -rf "$WORK"
mkdir -p "$WORK/app/server" "$WORK/app/common/models" "$WORK/root/bench" "$WORK/out"
trap 'kill "$SERVER" "$SAMPLER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
SERVER=""; SAMPLER=""
echo '{"restApiRoot": "/api", "host": "127.0.0.1", "port": 0}' > "$WORK/app/server/config.json"
echo '{"_meta": {"sources": ["../common/models"]}, "container": {"dataSource": "storage", "public": true}}' \
  > "$WORK/app/server/model-config.json"
echo '{"name": "container", "base": "Model", "idInjection": false, "properties": {}}' > "$WORK/app/common/models/container.json"
echo "{\"storage\": {\"name\": \"storage\", \"connector\": \"loopback-component-storage\", \"provider\": \"filesystem\", \"root\": \"$WORK/root\"}}" \
  > "$WORK/app/server/datasources.json"

SIZE=$((SIZE_MB * 1048576))
log "writing a ${SIZE_MB} MB file of random bytes"
head -c "$SIZE" /dev/urandom > "$WORK/source.bin"
sync

JAVA_OPTS=()
[ -n "$XMX" ] && JAVA_OPTS+=("-Xmx$XMX")
java "${JAVA_OPTS[@]}" -jar "$JAR" "$WORK/app" --port "$PORT" --host 127.0.0.1 > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 300); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/api/containers" && break
  sleep 0.1
done
MAXHEAP=$(jcmd "$SERVER" VM.flags 2>/dev/null | tr ' ' '\n' | sed -n 's/^-XX:MaxHeapSize=//p')
# heap in use (survivors, eden, old), sampled every 100 ms while the transfers run
jstat -gc "$SERVER" 100 | awk 'NR > 1 { used = $3 + $4 + $6 + $8; if (used > max) { max = used; print max > "/dev/stderr" } }' \
  2> "$WORK/heap.txt" > /dev/null &
SAMPLER=$!

best() { sort -n | head -1; }
declare -a CP_UP CP_DOWN UP DOWN
for run in $(seq 1 "$RUNS"); do
  log "run $run of $RUNS"
  # baseline of an upload: copy, flushed to disk as the server flushes a stored file
  t0=$(now); cp "$WORK/source.bin" "$WORK/copy.bin"; sync "$WORK/copy.bin"; t1=$(now)
  CP_UP+=($((t1 - t0))); rm -f "$WORK/copy.bin"
  t0=$(now)
  code=$(curl -s -o "$WORK/upload.json" -w '%{http_code}' -F "file=@$WORK/source.bin;type=application/octet-stream" \
    "http://127.0.0.1:$PORT/api/containers/bench/upload")
  t1=$(now)
  [ "$code" = 200 ] || { log "upload failed: $code $(cat "$WORK/upload.json")"; exit 1; }
  UP+=($((t1 - t0)))
  # baseline of a download: copy of the stored file to another file, not flushed (nor is curl's)
  t0=$(now); cp "$WORK/root/bench/source.bin" "$WORK/copy.bin"; t1=$(now)
  CP_DOWN+=($((t1 - t0))); rm -f "$WORK/copy.bin"
  t0=$(now)
  code=$(curl -s -o "$WORK/out/download.bin" -w '%{http_code}' "http://127.0.0.1:$PORT/api/containers/bench/download/source.bin")
  t1=$(now)
  [ "$code" = 200 ] || { log "download failed: $code"; exit 1; }
  DOWN+=($((t1 - t0)))
  cmp -s "$WORK/source.bin" "$WORK/out/download.bin" || { log "the downloaded file differs"; exit 1; }
  rm -f "$WORK/out/download.bin"
done
kill "$SAMPLER" 2>/dev/null || true
PEAK_KB=$(tail -1 "$WORK/heap.txt" 2>/dev/null || echo 0)
HWM=$(sed -n 's/^VmHWM:[[:space:]]*//p' /proc/"$SERVER"/status)
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true

cpu=$(printf '%s\n' "${CP_UP[@]}" | best); up=$(printf '%s\n' "${UP[@]}" | best)
cpd=$(printf '%s\n' "${CP_DOWN[@]}" | best); down=$(printf '%s\n' "${DOWN[@]}" | best)
DATE=$(date +%Y-%m-%d)
[ -n "$OUT" ] || OUT="$ROOT/bench/results/$DATE-storage-nproc$(nproc).md"
{
  echo "# Storage benchmark, $DATE ($(nproc) cores)"
  echo
  echo "A ${SIZE_MB} MB file through the REST API of \`backloop-server.jar\` (filesystem provider), against a plain"
  echo "\`cp\` on the same disk; best of $RUNS runs. curl sends the upload as multipart/form-data and writes the download to a file."
  echo
  echo "| transfer | Backloop MB/s | plain copy MB/s | Backloop / copy |"
  echo "| --- | ---: | ---: | ---: |"
  echo "| upload (copy + sync, as the server flushes) | $(mbps "$SIZE" "$up") | $(mbps "$SIZE" "$cpu") | $(awk -v a="$cpu" -v b="$up" 'BEGIN { printf "%.2f", a / b }') |"
  echo "| download (copy) | $(mbps "$SIZE" "$down") | $(mbps "$SIZE" "$cpd") | $(awk -v a="$cpd" -v b="$down" 'BEGIN { printf "%.2f", a / b }') |"
  echo
  echo "Server heap: peak in use $(awk -v k="$PEAK_KB" 'BEGIN { printf "%.0f", k / 1024 }') MB (jstat every 100 ms) of a maximum of $(( ${MAXHEAP:-0} / 1048576 )) MB${XMX:+ (-Xmx$XMX)}; peak RSS $HWM."
  echo "JVM: $(java -version 2>&1 | sed -n 1p)."
} > "$OUT"
cat "$OUT"
