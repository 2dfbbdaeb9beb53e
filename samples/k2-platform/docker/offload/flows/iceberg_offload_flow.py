"""Iceberg offload flow (v2.0).

Bronze -> Iceberg offload for the exchange feeds, orchestrated by Prefect 2.
Each table is offloaded by spark-submit inside k2-spark-iceberg; the watermark is read
first from Postgres so a run with nothing to do finishes quickly.

Local run:   python iceberg_offload_flow.py            (serves the flow, every 15 min)
Deployment:  prefect deploy --all  (see prefect.yaml)   or  python deploy_production.py
"""
import subprocess
from datetime import timedelta

import psycopg2
from prefect import flow, get_run_logger, task
from prefect.tasks import task_input_hash

SPARK_CONTAINER = "k2-spark-iceberg"
WATERMARK_DSN = "postgresql://k2:k2-Pg-2024-Xw9q@postgres:5432/k2"

BRONZE_TABLES = {
    "binance_trades": "bronze.binance_trades",
    "kraken_trades": "bronze.kraken_trades",
}


@task(retries=2, retry_delay_seconds=30, cache_key_fn=task_input_hash, cache_expiration=timedelta(minutes=5))
def read_watermark(target: str) -> str:
    conn = psycopg2.connect(WATERMARK_DSN)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT last_offset_ts FROM offload_watermarks WHERE table_name = %s", (target,))
            row = cur.fetchone()
        return row[0].isoformat() if row else "1970-01-01T00:00:00+00:00"
    finally:
        conn.close()


@task(retries=2, retry_delay_seconds=30, timeout_seconds=600, tags=["spark"])
def offload_table(source: str, target: str, since: str) -> int:
    logger = get_run_logger()
    logger.info("offloading %s -> %s (since %s)", source, target, since)
    result = subprocess.run(
        [
            "docker", "exec", SPARK_CONTAINER,
            "spark-submit", "/opt/k2/offload/offload_table.py",
            "--source", source, "--target", target,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"offload of {source} failed: {result.stderr[-1000:]}")
    rows = 0
    for line in result.stdout.splitlines():
        if "rows offloaded" in line:
            rows = int(line.split(":")[1].split()[0])
    return rows


@flow(name="iceberg-offload-bronze")
def offload_bronze() -> dict:
    futures = {}
    for source, target in BRONZE_TABLES.items():
        since = read_watermark(target)
        futures[source] = offload_table.submit(source, target, since)
    return {source: fut.result() for source, fut in futures.items()}


@flow(name="iceberg-offload-main", version="2.0.0")
def iceberg_offload_main(layers: list = ["bronze"]) -> dict:
    """Entry point used by every deployment. Silver/Gold are not populated yet."""
    logger = get_run_logger()
    results = {}
    if "bronze" in layers:
        results["bronze"] = offload_bronze()
    logger.info("offload cycle finished: %s", results)
    return results


if __name__ == "__main__":
    # Dev convenience: long-running process that schedules itself. Not used in prod
    # (prod is the prefect.yaml deployment, or scheduler.py while P4 is in place).
    iceberg_offload_main.serve(
        name="iceberg-offload-local",
        cron="*/15 * * * *",
        tags=["iceberg", "offload", "dev"],
    )
