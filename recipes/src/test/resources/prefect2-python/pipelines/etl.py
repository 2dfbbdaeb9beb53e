"""Nightly ETL (Prefect 2)."""
from prefect import flow, task, get_run_logger
from prefect.task_runners import ConcurrentTaskRunner, SequentialTaskRunner
from prefect.variables import Variable


@task(retries=2)
def extract(source: str) -> list:
    return [source]


@task
def load(rows: list) -> int:
    return len(rows)


@flow(task_runner=ConcurrentTaskRunner())
def etl(sources: list):
    bucket = Variable.get("bucket").value
    logger = get_run_logger()
    logger.info("loading into %s", bucket)
    batches = extract.map(sources)
    audit = load.submit([bucket])
    return [b.result() for b in batches]


@flow(task_runner=SequentialTaskRunner())
def backfill(days: int = 7):
    for day in range(days):
        extract(str(day))
    load.map([[1], [2]])
