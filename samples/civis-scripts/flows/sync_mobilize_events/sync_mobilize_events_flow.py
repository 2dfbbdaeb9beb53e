"""Prefect port of scripts/sync_mobilize_events (Civis schedule turned off 2023-03-20)."""
import datetime
import os

from parsons import MobilizeAmerica, Redshift
from prefect import flow, task

from utilities.credentials import password, redshift_kwargs
from utilities.logging import get_logger

ORGANIZATION_ID = 4821
SCHEMA = "mobilize"
MERGE_SQL = os.path.join(os.path.dirname(__file__), "..", "..", "scripts", "sync_mobilize_events", "merge_staging.sql")


@task(retries=3, retry_delay_seconds=60)
def fetch(kind: str, since: datetime.datetime):
    mobilize = MobilizeAmerica(api_key=password("MOBILIZE_API_KEY"))
    if kind == "events":
        return mobilize.get_events_organization(
            organization_id=ORGANIZATION_ID, updated_since=since.strftime("%Y-%m-%d %H:%M:%S")
        )
    return mobilize.get_attendances(organization_id=ORGANIZATION_ID, updated_since=since)


@task
def load(tbl, table_name: str) -> int:
    if tbl.num_rows:
        Redshift(**redshift_kwargs()).copy(tbl, f"{SCHEMA}.{table_name}", if_exists="append", alter_table=True)
    return tbl.num_rows


@flow(name="Sync Mobilize Events")
def sync_mobilize_events(lookback_hours: int = 2):
    logger = get_logger()
    since = datetime.datetime.utcnow() - datetime.timedelta(hours=lookback_hours)
    events = load.submit(fetch.submit("events", since), "events_staging")
    attendances = load.submit(fetch.submit("attendances", since), "attendances_staging")
    logger.info("loaded %s events, %s attendances", events.result(), attendances.result())
    with open(MERGE_SQL) as f:
        Redshift(**redshift_kwargs()).query(f.read())


if __name__ == "__main__":
    sync_mobilize_events()
