# Registers the ETL deployments (python -m pipelines.deploy)
from datetime import timedelta

from prefect.deployments import Deployment
from prefect.infrastructure import DockerContainer, Process
from prefect.orion.schemas.schedules import IntervalSchedule
from prefect.server.schemas.schedules import CronSchedule, RRuleSchedule

from pipelines.etl import backfill, etl

docker = DockerContainer(image="registry.local/etl:2.4", image_pull_policy="ALWAYS", env={"MODE": "prod"})

Deployment.build_from_flow(
    flow=etl,
    name="etl-docker",
    work_pool_name="docker-pool",
    infrastructure=docker,
    schedule=CronSchedule(cron="0 3 * * *", timezone="UTC"),
    parameters={"sources": ["a", "b"]},
    apply=True,
)

hourly = Deployment.build_from_flow(
    etl,
    "etl-hourly",
    work_queue_name="hourly",
    infrastructure=Process(working_dir="/srv/etl"),
    schedule=IntervalSchedule(interval=timedelta(hours=1)),
    is_schedule_active=True,
    infra_overrides={"env": {"LOG_LEVEL": "DEBUG"}},
)

monthly = Deployment.build_from_flow(
    flow=backfill,
    name="backfill-monthly",
    work_pool_name="process-pool",
    schedule=RRuleSchedule(rrule="FREQ=MONTHLY;BYMONTHDAY=1"),
    is_schedule_active=False,
    description="first of the month",
    version="1.2",
    tags=["backfill"],
    output="backfill-deployment.yaml",
)

if __name__ == "__main__":
    hourly.apply()
    monthly_id = monthly.apply()
    print(monthly_id)
