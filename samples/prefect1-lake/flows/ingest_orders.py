"""ingest-orders: shop orders API -> lake (CSV + Parquet), nightly.

Incremental by default (orders updated since the previous day); pass full_refresh=True
to reload the last 90 days.
"""
from datetime import timedelta

import pendulum
import prefect
import requests
from prefect import Flow, Parameter, case, task
from prefect.core.parameter import DateTimeParameter
from prefect.engine import signals
from prefect.executors import LocalDaskExecutor
from prefect.run_configs import DockerRun
from prefect.schedules import CronSchedule
from prefect.storage import GitHub
from prefect.tasks.control_flow import merge
from prefect.tasks.secrets import PrefectSecret

from flows.common.lake import PROD_LAKE_ROOT, dataset_path, frame_from_records, write_frame

ORDERS_API = "https://api.shop.contoso-retail.com/v3/orders"
ORDER_COLUMNS = ["order_id", "customer_id", "status", "currency", "amount", "created_at", "updated_at"]


@task
def resolve_window(run_date, full_refresh):
    """Window end = run_date if given, else the scheduled start (or today for manual runs)."""
    end = run_date or prefect.context.get("scheduled_start_time") or pendulum.parse(prefect.context.today)
    days = 90 if full_refresh else 1
    return {"start": end.subtract(days=days), "end": end}


@task(max_retries=3, retry_delay=timedelta(minutes=2), timeout=600)
def extract_incremental(window, api_token):
    logger = prefect.context.get("logger")
    params = {"updated_since": window["start"].isoformat(), "updated_until": window["end"].isoformat()}
    orders, page = [], 1
    while True:
        resp = requests.get(
            ORDERS_API,
            params={**params, "page": page, "per_page": 500},
            headers={"Authorization": f"Bearer {api_token}"},
            timeout=60,
        )
        resp.raise_for_status()
        batch = resp.json()["orders"]
        orders.extend(batch)
        if len(batch) < 500:
            break
        page += 1
    logger.info("fetched %d orders updated in %s..%s", len(orders), params["updated_since"], params["updated_until"])
    if not orders:
        raise signals.SKIP(f"no orders updated since {params['updated_since']}")
    return orders


@task(max_retries=5, retry_delay=timedelta(minutes=5), timeout=timedelta(hours=1))
def extract_full(window, api_token):
    logger = prefect.context.get("logger")
    resp = requests.post(
        f"{ORDERS_API}/exports",
        json={"from": window["start"].isoformat(), "to": window["end"].isoformat()},
        headers={"Authorization": f"Bearer {api_token}"},
        timeout=600,
    )
    resp.raise_for_status()
    orders = resp.json()["orders"]
    logger.info("full export: %d orders", len(orders))
    return orders


@task(checkpoint=False)
def to_frame(orders):
    df = frame_from_records(orders, ORDER_COLUMNS)
    df["amount"] = df["amount"].astype(float)
    return df.sort_values("order_id")


@task(log_stdout=True, max_retries=2, retry_delay=timedelta(seconds=30))
def write_orders(df, lake_root, fmt):
    run_ts = prefect.context.get("scheduled_start_time") or pendulum.now("UTC")
    path = dataset_path(lake_root, "orders", run_ts, fmt)
    write_frame(df, path)
    print(f"wrote {len(df)} rows to {path}")
    return path


with Flow(
    "ingest-orders",
    schedule=CronSchedule("15 2 * * *", start_date=pendulum.datetime(2022, 3, 1, tz="Europe/Amsterdam")),
    executor=LocalDaskExecutor(scheduler="threads", num_workers=4),
    run_config=DockerRun(
        image="lakeacr.azurecr.io/lake-flows:1.4.1-2023.02",
        labels=["prod", "docker"],
        env={"PREFECT__LOGGING__LEVEL": "INFO"},
    ),
    storage=GitHub(
        repo="contoso-data/lake-flows",
        path="flows/ingest_orders.py",
        ref="main",
        access_token_secret="GITHUB_ACCESS_TOKEN",
    ),
) as flow:
    lake_root = Parameter("lake_root", default=PROD_LAKE_ROOT)
    run_date = DateTimeParameter("run_date", required=False)
    full_refresh = Parameter("full_refresh", default=False)
    api_token = PrefectSecret("ORDERS_API_TOKEN")

    window = resolve_window(run_date, full_refresh)

    with case(full_refresh, True):
        full_orders = extract_full(window, api_token)
    with case(full_refresh, False):
        incremental_orders = extract_incremental(window, api_token)
    orders = merge(full_orders, incremental_orders)

    df = to_frame(orders)
    write_orders(df, lake_root, "csv")
    write_orders(df, lake_root, "parquet")


if __name__ == "__main__":
    flow.register(project_name="lake-ingestion", labels=["prod", "docker"])
