"""orders: shop API -> lake, nightly (a Prefect 1 flow)."""
from datetime import timedelta

import pendulum
import prefect
from prefect import Flow, Parameter, case, task
from prefect.engine import signals
from prefect.executors import LocalDaskExecutor
from prefect.run_configs import KubernetesRun
from prefect.schedules import CronSchedule
from prefect.storage import GitHub
from prefect.tasks.control_flow import merge
from prefect.tasks.secrets import PrefectSecret


@task(max_retries=3, retry_delay=timedelta(minutes=2), timeout=600)
def extract(full, api_token):
    logger = prefect.context.get("logger")
    logger.info("extracting for %s", prefect.context.today)
    if not api_token:
        raise signals.FAIL("no API token")
    return [{"id": 1, "full": full}]


@task(log_stdout=True)
def load(rows):
    print(f"loaded {len(rows)} rows")


with Flow(
    "orders",
    schedule=CronSchedule("15 2 * * *", start_date=pendulum.datetime(2022, 3, 1, tz="Europe/Amsterdam")),
    executor=LocalDaskExecutor(scheduler="threads", num_workers=4),
    run_config=KubernetesRun(labels=["prod"]),
    storage=GitHub(repo="contoso-data/lake-flows", path="flows/orders.py", ref="main"),
) as flow:
    full_refresh = Parameter("full_refresh", default=False)
    api_token = PrefectSecret("ORDERS_API_TOKEN")
    with case(full_refresh, True):
        full_rows = extract(True, api_token)
    with case(full_refresh, False):
        some_rows = extract(False, api_token)
    load(merge(full_rows, some_rows))


if __name__ == "__main__":
    flow.register(project_name="lake-ingestion", labels=["prod"])
