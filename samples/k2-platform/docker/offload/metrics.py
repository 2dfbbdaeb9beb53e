"""Prometheus metrics for the Iceberg offload (scraped by k2-prometheus on :8000)."""
from prometheus_client import Counter, Gauge, Histogram, start_http_server

OFFLOAD_ROWS = Counter("offload_rows_total", "Rows offloaded to Iceberg", ["table"])
OFFLOAD_ERRORS = Counter("offload_errors_total", "Offload failures", ["table", "error_type"])
OFFLOAD_LAG = Gauge("offload_lag_minutes", "Minutes since the last successful offload", ["table"])
CYCLE_DURATION = Histogram(
    "offload_cycle_duration_seconds",
    "Duration of one full offload cycle",
    buckets=(10, 30, 60, 120, 300, 600, 900),
)

_server_started = False


def ensure_metrics_server(port=8000):
    global _server_started
    if not _server_started:
        start_http_server(port)
        _server_started = True


def record_offload_success(table, rows):
    OFFLOAD_ROWS.labels(table=table).inc(rows)
    OFFLOAD_LAG.labels(table=table).set(0)


def record_offload_failure(table, error_type):
    OFFLOAD_ERRORS.labels(table=table, error_type=error_type).inc()


def record_cycle_complete(duration_seconds):
    CYCLE_DURATION.observe(duration_seconds)
