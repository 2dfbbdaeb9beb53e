#!/usr/bin/env bash
# python-parse benchmark: our parser (parse + print + byte compare, via `migrate parse-check`) against
# CPython's ast.parse over the same files. Both are timed as whole processes (JVM start included).
# JVM flags: -Xmx1g (the heap target), ParallelGC (throughput), C1 only (the run is too short for C2 to
# pay back its compile time on 2 busy cores: measured 18.6 s vs 29.0 s wall).
# Usage: bench/python-parse/run.sh [ROOT...]   (default: the local python3's stdlib and site-packages)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
jar="$repo/cli/target/migrate.jar"
if [ ! -f "$jar" ]; then
  echo "bench: building $jar" >&2
  (cd "$repo" && mvn -B -q -pl cli -am package -DskipTests)
fi
if [ "$#" -gt 0 ]; then
  roots=("$@")
else
  mapfile -t roots < <(python3 -c "
import os, sysconfig
seen = []
for k in ('stdlib', 'platstdlib', 'purelib', 'platlib'):
    p = sysconfig.get_paths().get(k)
    if p and os.path.isdir(p):
        p = os.path.realpath(p)
        if not any(p == s or p.startswith(s + os.sep) for s in seen):
            seen = [s for s in seen if not s.startswith(p + os.sep)] + [p]
print('\n'.join(seen))")
fi
echo "roots: ${roots[*]}"
echo "cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"

now() { date +%s.%N; }

t0=$(now)
ours=$(java -Xmx1g -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -jar "$jar" parse-check "${roots[@]}" | grep -v '^  ')
t1=$(now)
theirs=$(python3 "$here/ast_parse_all.py" "${roots[@]}")
t2=$(now)

echo "--- migrate parse-check (parse + print + compare, -Xmx1g)"
echo "$ours"
echo "--- python3 ast.parse"
echo "$theirs"

lines=$(echo "$theirs" | sed -n 's/^lines: //p')
python3 - "$t0" "$t1" "$t2" "$lines" <<'PY'
import sys
t0, t1, t2, lines = map(float, sys.argv[1:])
ours, theirs = t1 - t0, t2 - t1
print("--- whole-process wall time")
print(f"ours:    {ours:7.2f} s  {lines / ours:12,.0f} lines/s")
print(f"CPython: {theirs:7.2f} s  {lines / theirs:12,.0f} lines/s")
print(f"ratio:   {theirs / ours:7.2f}x  (target >= 5x)")
PY
