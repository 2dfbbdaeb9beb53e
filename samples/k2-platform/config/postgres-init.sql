-- Runs once, on an empty data directory.
CREATE USER prefect WITH PASSWORD 'pr3fect-K2-db-7781';
CREATE DATABASE prefect OWNER prefect;

-- Offload watermarks: one row per Iceberg table, advanced after each successful cycle.
\connect k2
CREATE TABLE IF NOT EXISTS offload_watermarks (
    table_name     text PRIMARY KEY,
    last_offset_ts timestamptz NOT NULL DEFAULT 'epoch',
    last_run_at    timestamptz,
    rows_last_run  bigint
);
INSERT INTO offload_watermarks (table_name) VALUES ('bronze.binance_trades'), ('bronze.kraken_trades')
ON CONFLICT DO NOTHING;
