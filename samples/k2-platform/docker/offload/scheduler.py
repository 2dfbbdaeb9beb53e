#!/usr/bin/env python3
"""Simple offload scheduler (Phase 5 P4 - pragmatic workaround).

Prefect server in docker is 2.14.9 but the uv environment on the host has the 3.x
client, and the two do not talk to each other. Until that is fixed this loop runs the
offload every 15 minutes by shelling into the Spark container.

Run by systemd: see iceberg-offload-scheduler.service in this directory.
Logs: /tmp/iceberg-offload-scheduler.log
"""
import logging
import signal
import subprocess
import sys
import time

from metrics import (
    ensure_metrics_server,
    record_cycle_complete,
    record_offload_failure,
    record_offload_success,
)

INTERVAL_SECONDS = 15 * 60
SPARK_CONTAINER = "k2-spark-iceberg"
TABLES = [
    # (hot-tier source, iceberg target)
    ("binance_trades", "bronze.binance_trades"),
    ("kraken_trades", "bronze.kraken_trades"),
]

logging.basicConfig(
    filename="/tmp/iceberg-offload-scheduler.log",
    level=logging.INFO,
    format="%(asctime)s %(levelname)s %(message)s",
)
log = logging.getLogger("iceberg-offload-scheduler")

_stopping = False


def _handle_sigterm(signum, frame):
    global _stopping
    log.info("SIGTERM received, finishing current cycle")
    _stopping = True


def offload(source, target):
    cmd = [
        "docker", "exec", SPARK_CONTAINER,
        "spark-submit", "/opt/k2/offload/offload_table.py",
        "--source", source, "--target", target,
    ]
    log.info("running: %s", " ".join(cmd))
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        log.error("%s failed (rc=%s): %s", source, result.returncode, result.stderr[-2000:])
        record_offload_failure(target, "nonzero_exit")
        return False
    rows = 0
    for line in result.stdout.splitlines():
        if "rows offloaded" in line:
            rows = int(line.split(":")[1].split()[0])
    record_offload_success(target, rows)
    log.info("%s ok, %d rows", source, rows)
    return True


def run_cycle():
    started = time.monotonic()
    for source, target in TABLES:
        try:
            offload(source, target)
        except subprocess.TimeoutExpired:
            log.error("%s timed out after 600s", source)
            record_offload_failure(target, "timeout")
    record_cycle_complete(time.monotonic() - started)


def main():
    signal.signal(signal.SIGTERM, _handle_sigterm)
    ensure_metrics_server(8000)
    log.info("scheduler started, interval=%ss, tables=%s", INTERVAL_SECONDS, [t for _, t in TABLES])
    while not _stopping:
        cycle_start = time.time()
        run_cycle()
        # sleep whatever is left of the 15 minutes (a slow cycle just starts the next one late)
        elapsed = time.time() - cycle_start
        time.sleep(max(0, INTERVAL_SECONDS - elapsed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
