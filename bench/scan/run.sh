#!/usr/bin/env bash
# Benchmark: `migrate scan` against `grep -rlE` over the same tree, side by side in one run.
# usage: bench/scan/run.sh [TREE_DIR]   (default: bench/data/scan-monorepo, generated on first use; git-ignored)
# env:   RUNS (default 3), FILES (50000), MEGABYTES (1024), HEAP (256m)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tree="${1:-$root/bench/data/scan-monorepo}"
runs="${RUNS:-3}"
heap="${HEAP:-256m}"
pattern='prefect|cron|schedul|Scheduled|OnCalendar'

"$root/bin/migrate" --version >/dev/null          # builds the jar when sources changed
if [ ! -d "$tree" ]; then
  python3 "$root/bench/scan/generate.py" "$tree" --files "${FILES:-50000}" --megabytes "${MEGABYTES:-1024}"
fi
out="$(mktemp -d -t scanbench.XXXXXX)"
trap 'rm -rf "$out"' EXIT

# The scan exactly as users run it (bin/migrate and its JVM options), with the heap bounded.
# The launcher uses -XX:TieredStopAtLevel=1 for scan by default; the bound on the heap is added here.
export MIGRATE_JAVA_OPTS="-XX:TieredStopAtLevel=1 -Xmx$heap"
scan=("$root/bin/migrate" scan)

# One timed command: prints "wall_seconds max_rss_kib".
measure() {
  /usr/bin/time -f "%e %M" -o "$out/time" "$@" >/dev/null 2>"$out/stderr" || {
    rc=$?; [ $rc -le 1 ] || { cat "$out/stderr" >&2; exit $rc; }; }
  cat "$out/time"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

bench_tree() {
  local label="$1" dir="$2"
  local files bytes
  files=$(find "$dir" -type f | wc -l)
  bytes=$(du -sb "$dir" | cut -f1)
  # Warm the page cache for both tools, so neither pays for the first read from disk.
  grep -rlE "$pattern" "$dir" >/dev/null || true
  "${scan[@]}" "$dir" -q --format json --output "$out/inv.json" >/dev/null
  : >"$out/g"; : >"$out/s"
  for _ in $(seq "$runs"); do
    measure grep -rlE "$pattern" "$dir" >>"$out/g"
    measure "${scan[@]}" "$dir" -q --format json --output "$out/inv.json" >>"$out/s"
  done
  local g s rss jobs matched
  g=$(cut -d' ' -f1 "$out/g" | median)
  s=$(cut -d' ' -f1 "$out/s" | median)
  rss=$(cut -d' ' -f2 "$out/s" | sort -n | tail -1)
  jobs=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['summary']['jobs'], d['summary']['findings'], d['summary']['filesParsed'])" "$out/inv.json")
  matched=$(grep -rlE "$pattern" "$dir" | wc -l)
  printf '%-12s files=%-6s size=%-5sMiB grep=%6.2fs (%s files match) scan=%6.2fs ratio=%s heap=-Xmx%s peakRSS=%sMiB jobs/findings/parsed=%s\n' \
    "$label" "$files" "$((bytes / 1048576))" "$g" "$matched" "$s" "$(awk -v a="$s" -v b="$g" 'BEGIN { if (b >= 0.01) printf "%.2fx", a / b; else printf "n/a (grep < 10 ms)" }')" \
    "$heap" "$((rss / 1024))" "${jobs// //}"
}

echo "cpus=$(nproc) java=$(java -version 2>&1 | head -1 | cut -d'"' -f2) runs=$runs (median)"
bench_tree "monorepo" "$tree"
bench_tree "small" "$root/analyzers/src/test/resources/estates/mixed"
if [ -d "$root/samples" ]; then bench_tree "samples" "$root/samples"; fi
