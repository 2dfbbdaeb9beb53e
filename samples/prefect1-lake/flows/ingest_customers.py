"""ingest-customers: CRM customers -> lake, every 6 hours.

Written with the imperative API (this flow predates our move to `with Flow(...)`).
"""
from datetime import datetime, timedelta, timezone

import prefect
import requests
from prefect import Flow, Parameter, Task, task
from prefect.executors import LocalDaskExecutor
from prefect.run_configs import KubernetesRun
from prefect.schedules import IntervalSchedule
from prefect.storage import GitHub
from prefect.tasks.secrets import PrefectSecret

from flows.common.lake import PROD_LAKE_ROOT, dataset_path, frame_from_records, write_frame

CRM_URL = "https://crm.contoso-retail.com/api/customers"
CUSTOMER_COLUMNS = ["customer_id", "email_hash", "country", "segment", "created_at", "updated_at"]


class FetchCustomers(Task):
    """Pages through the CRM; `since` is the last 6h window unless full_load."""

    def run(self, token, full_load=False):
        logger = prefect.context.logger
        since = None if full_load else prefect.context.scheduled_start_time.subtract(hours=6)
        params = {"limit": 1000}
        if since is not None:
            params["modified_since"] = since.isoformat()
        customers, cursor = [], None
        while True:
            if cursor:
                params["cursor"] = cursor
            resp = requests.get(CRM_URL, params=params, headers={"X-Api-Key": token}, timeout=120)
            resp.raise_for_status()
            body = resp.json()
            customers.extend(body["data"])
            cursor = body.get("next_cursor")
            if not cursor:
                break
        logger.info("fetched %d customers (full_load=%s)", len(customers), full_load)
        return customers


@task(log_stdout=True)
def write_customers(customers, lake_root):
    df = frame_from_records(customers, CUSTOMER_COLUMNS)
    run_ts = prefect.context.scheduled_start_time
    csv_path = write_frame(df, dataset_path(lake_root, "customers", run_ts, "csv"))
    parquet_path = write_frame(df, dataset_path(lake_root, "customers", run_ts, "parquet"))
    print(f"customers: {len(df)} rows -> {csv_path}, {parquet_path}")
    return [csv_path, parquet_path]


@task(trigger=prefect.triggers.all_finished)
def report_run(paths):
    params = prefect.context.parameters
    prefect.context.logger.info("customers run done, params=%s, files=%s", params, paths)


fetch_customers = FetchCustomers(name="fetch-customers", max_retries=3, retry_delay=timedelta(minutes=1))
crm_token = PrefectSecret("CRM_API_KEY")

flow = Flow(
    "ingest-customers",
    schedule=IntervalSchedule(
        start_date=datetime(2022, 1, 1, 0, 45, tzinfo=timezone.utc),
        interval=timedelta(hours=6),
    ),
)
lake_root = Parameter("lake_root", default=PROD_LAKE_ROOT)
full_load = Parameter("full_load", default=False)

flow.set_dependencies(task=fetch_customers, keyword_tasks={"token": crm_token, "full_load": full_load})
flow.set_dependencies(task=write_customers, keyword_tasks={"customers": fetch_customers, "lake_root": lake_root})
flow.set_dependencies(task=report_run, upstream_tasks=[write_customers], keyword_tasks={"paths": write_customers})

flow.executor = LocalDaskExecutor()
flow.run_config = KubernetesRun(
    image="lakeacr.azurecr.io/lake-flows:1.4.1-2023.02",
    labels=["prod", "k8s"],
    cpu_request="500m",
    memory_limit="2Gi",
    job_template_path="k8s/job_template.yaml",
    env={"AZURE_STORAGE_ACCOUNT": "lakeprodweu01"},
)
flow.storage = GitHub(repo="contoso-data/lake-flows", path="flows/ingest_customers.py", ref="main")

if __name__ == "__main__":
    flow.register(project_name="lake-ingestion", labels=["prod", "k8s"], idempotency_key=flow.serialized_hash())
