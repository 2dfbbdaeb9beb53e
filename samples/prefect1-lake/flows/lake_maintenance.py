"""lake-maintenance: weekly housekeeping of the raw zone, then a full customer reload.

Sunday 04:00 UTC, when nothing else writes to the lake.
"""
from datetime import timedelta

import prefect
from prefect import Flow, Parameter, task
from prefect.run_configs import KubernetesRun
from prefect.schedules import CronSchedule
from prefect.storage import GitHub
from prefect.tasks.prefect import StartFlowRun
from prefect.tasks.shell import ShellTask
from prefect.utilities.notifications import slack_notifier

purge_old_files = ShellTask(
    name="purge-raw-older-than-retention",
    helper_script="source /opt/lake/azcopy-env.sh",
    return_all=True,
    log_stderr=True,
    max_retries=1,
    retry_delay=timedelta(minutes=10),
)

compact_parquet = ShellTask(
    name="compact-parquet",
    command="python -m lake_tools.compact --zone raw --min-files 24",
    stream_output=True,
    timeout=3 * 60 * 60,
)

reload_customers = StartFlowRun(
    flow_name="ingest-customers",
    project_name="lake-ingestion",
    wait=True,
    parameters={"full_load": True},
)


@task
def purge_command(retention_days, lake_root):
    # azcopy has no "older than" filter: list, filter by date in the path, delete.
    cutoff = prefect.context.scheduled_start_time.subtract(days=retention_days).strftime("%Y%m%d")
    return (
        f"azcopy list '{lake_root}' --output-type=json "
        f"| python -m lake_tools.older_than {cutoff} "
        f"| xargs -r -n 50 azcopy remove"
    )


with Flow(
    "lake-maintenance",
    schedule=CronSchedule("0 4 * * 0"),
    state_handlers=[slack_notifier(only_states=[prefect.engine.state.Failed])],
    run_config=KubernetesRun(labels=["prod", "k8s"], image="lakeacr.azurecr.io/lake-tools:2023.01"),
    storage=GitHub(repo="contoso-data/lake-flows", path="flows/lake_maintenance.py", ref="main"),
) as flow:
    retention_days = Parameter("retention_days", default=400)
    lake_root = Parameter("lake_root", default="https://lakeprodweu01.blob.core.windows.net/raw/ingest")

    purged = purge_old_files(command=purge_command(retention_days, lake_root))
    compacted = compact_parquet(upstream_tasks=[purged])
    reload_customers(upstream_tasks=[compacted])


if __name__ == "__main__":
    flow.register(project_name="lake-ingestion", labels=["prod", "k8s"])
