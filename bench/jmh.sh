#!/usr/bin/env bash
# JMH micro benchmarks with allocation figures (-prof gc). Extra arguments go to JMH, e.g. a regexp of
# benchmark names, or -f 2 -wi 5. Writes bench/results/<date>-jmh-nproc<N>.txt unless --no-save is given.
#   bench/jmh.sh [--quick] [--no-save] [JMH options...] [benchmark regexp]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SAVE=1
ARGS=()
for arg in "$@"; do
  case "$arg" in
    --quick) ARGS+=(-wi 2 -w 1 -i 3 -r 1) ;;
    --no-save) SAVE=0 ;;
    *) ARGS+=("$arg") ;;
  esac
done
mvn -B -q -Pbench package -DskipTests -pl bench -am
LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg)"
OUT="bench/results/$(date -u +%Y-%m-%d)-jmh-nproc$(nproc).txt"
if [ "$SAVE" = 1 ]; then
  mkdir -p bench/results
  java -jar bench/target/backloop-bench.jar -prof gc "${ARGS[@]}" | tee "$OUT.tmp"
  { echo "# bench/jmh.sh ${*:-} on $(date -u '+%Y-%m-%d %H:%M UTC'), nproc $(nproc), $(java -version 2>&1 | head -1)"
    echo "# 1-minute load average before/after: $LOAD_BEFORE / $(cut -d' ' -f1 /proc/loadavg); gc.alloc.rate.norm is bytes/op"
    sed -n '/^Benchmark /,$p' "$OUT.tmp"; } >"$OUT"
  rm -f "$OUT.tmp"
  echo "wrote $OUT"
else
  java -jar bench/target/backloop-bench.jar -prof gc "${ARGS[@]}"
fi
