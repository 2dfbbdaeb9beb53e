"""Create/refresh the production deployment of the offload flow (v2.0).

    docker exec -w /opt/prefect/flows k2-prefect-agent python deploy_production.py

The deployment is created PAUSED: while the Phase 5 P4 workaround (scheduler.py on the
host) is in place, two schedulers would offload the same tables twice.
"""
from prefect.deployments import Deployment
from prefect.infrastructure import Process
from prefect.server.schemas.schedules import CronSchedule

from iceberg_offload_flow import iceberg_offload_main

process = Process(
    working_dir="/opt/prefect/flows",
    env={"PREFECT_LOGGING_LEVEL": "INFO"},
    stream_output=True,
)

deployment = Deployment.build_from_flow(
    flow=iceberg_offload_main,
    name="iceberg-offload-production",
    version="2.0.0",
    work_pool_name="default-agent-pool",
    work_queue_name="iceberg-offload",
    infrastructure=process,
    schedule=CronSchedule(cron="*/15 * * * *", timezone="UTC"),
    is_schedule_active=False,  # flip once scheduler.py is retired
    parameters={"layers": ["bronze"]},
    tags=["iceberg", "offload", "production", "phase-5"],
)

if __name__ == "__main__":
    deployment_id = deployment.apply()
    print(f"deployment iceberg-offload-main/iceberg-offload-production: {deployment_id}")
