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
# (Re)build when the jar is missing or older than the sources it is made from, so a rerun after a
# merge never times a stale parser.
if [ ! -f "$jar" ] || [ -n "$(find "$repo"/rewriters/src/main "$repo"/cli/src/main "$repo"/pom.xml \
      "$repo"/rewriters/pom.xml "$repo"/cli/pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]; then
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
# CPU time (user + sys) of each side as well, when GNU time is there: it is much less sensitive than
# wall time to other jobs on the machine.
cpu_ours=$(mktemp); cpu_theirs=$(mktemp)
trap 'rm -f "$cpu_ours" "$cpu_theirs"' EXIT
timed() {
  local out="$1"; shift
  if [ -x /usr/bin/time ]; then /usr/bin/time -f "%U %S" -o "$out" "$@"; else "$@"; fi
}

t0=$(now)
ours=$(timed "$cpu_ours" java -Xmx1g -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -jar "$jar" parse-check "${roots[@]}" \
  | grep -v '^  ')
t1=$(now)
theirs=$(timed "$cpu_theirs" python3 "$here/ast_parse_all.py" "${roots[@]}")
t2=$(now)

echo "--- migrate parse-check (parse + print + compare, -Xmx1g)"
echo "$ours"
echo "--- python3 ast.parse"
echo "$theirs"

lines=$(echo "$theirs" | sed -n 's/^lines: //p')
python3 - "$t0" "$t1" "$t2" "$lines" "$cpu_ours" "$cpu_theirs" <<'PY'
import sys
t0, t1, t2, lines = map(float, sys.argv[1:5])
ours, theirs = t1 - t0, t2 - t1
print("--- whole-process wall time")
print(f"ours:    {ours:7.2f} s  {lines / ours:12,.0f} lines/s")
print(f"CPython: {theirs:7.2f} s  {lines / theirs:12,.0f} lines/s")
print(f"ratio:   {theirs / ours:7.2f}x  (target >= 5x)")
def cpu(path):
    try:
        return sum(map(float, open(path).read().split()[-2:]))
    except (OSError, ValueError):
        return None
c_ours, c_theirs = cpu(sys.argv[5]), cpu(sys.argv[6])
if c_ours and c_theirs:
    print("--- CPU time (user + sys)")
    print(f"ours:    {c_ours:7.2f} s")
    print(f"CPython: {c_theirs:7.2f} s")
    print(f"ratio:   {c_theirs / c_ours:7.2f}x")
PY
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
