"""Offload one bronze table from the hot tier (Postgres) into Iceberg.

Runs INSIDE the k2-spark-iceberg container:

    docker exec k2-spark-iceberg spark-submit /opt/k2/offload/offload_table.py \
        --source binance_trades --target bronze.binance_trades

Incremental: reads rows newer than the watermark stored in offload_watermarks,
appends them to the Iceberg table, then advances the watermark in the same run.
"""
import argparse
import os
import sys
import time
from datetime import datetime, timezone

import psycopg2  # needed for the watermark table; see docker/spark/Dockerfile
from pyspark.sql import SparkSession

WATERMARK_DSN = os.environ.get("K2_WATERMARK_DSN", "postgresql://k2@postgres:5432/k2")
JDBC_URL = "jdbc:postgresql://postgres:5432/k2"


def read_watermark(conn, table_name):
    with conn.cursor() as cur:
        cur.execute(
            "SELECT last_offset_ts FROM offload_watermarks WHERE table_name = %s",
            (table_name,),
        )
        row = cur.fetchone()
    return row[0] if row else datetime(1970, 1, 1, tzinfo=timezone.utc)


def advance_watermark(conn, table_name, new_ts, rows):
    with conn.cursor() as cur:
        cur.execute(
            """
            UPDATE offload_watermarks
               SET last_offset_ts = %s, last_run_at = now(), rows_last_run = %s
             WHERE table_name = %s
            """,
            (new_ts, rows, table_name),
        )
    conn.commit()


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True, help="hot-tier table, e.g. binance_trades")
    parser.add_argument("--target", required=True, help="iceberg table, e.g. bronze.binance_trades")
    parser.add_argument("--max-rows", type=int, default=5_000_000)
    args = parser.parse_args(argv)

    started = time.monotonic()
    spark = SparkSession.builder.appName(f"offload-{args.source}").getOrCreate()
    conn = psycopg2.connect(WATERMARK_DSN)
    try:
        since = read_watermark(conn, args.target)
        query = (
            f"(SELECT * FROM {args.source} WHERE exchange_ts > '{since.isoformat()}' "
            f"ORDER BY exchange_ts LIMIT {args.max_rows}) AS incr"
        )
        df = (
            spark.read.format("jdbc")
            .option("url", JDBC_URL)
            .option("dbtable", query)
            .option("user", "k2")
            .option("password", os.environ.get("K2_PG_PASSWORD", ""))
            .load()
        )
        rows = df.count()
        if rows == 0:
            print(f"{args.source}: no new rows since {since}")
            return 0
        df.writeTo(args.target).append()
        new_ts = df.agg({"exchange_ts": "max"}).collect()[0][0]
        advance_watermark(conn, args.target, new_ts, rows)
        print(f"{args.source}: {rows} rows offloaded in {time.monotonic() - started:.2f}s")
        return 0
    finally:
        conn.close()
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())
