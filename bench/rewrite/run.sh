#!/usr/bin/env bash
# `migrate rewrite` benchmark: the full Prefect 2-to-3 recipe set against parse + print of the same generated
# Python files, in one JVM and one run. usage: bench/rewrite/run.sh [FILES (1000)] [RUNS (5)] [WARMUPS (10)]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$root/bin/migrate" --version >/dev/null   # builds cli/target/migrate.jar when sources changed
# the JVM as bin/migrate starts it for `rewrite` (client compiler only, default heap and collector), so the
# figure is what users get
exec java -XX:TieredStopAtLevel=1 -cp "$root/cli/target/migrate.jar" "$root/bench/rewrite/RewriteBench.java" "${1:-1000}" "${2:-5}" "${3:-10}"
