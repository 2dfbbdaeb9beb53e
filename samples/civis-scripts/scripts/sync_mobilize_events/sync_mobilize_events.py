"""Pull events and attendances from Mobilize and append them to Redshift.

Civis container script. Credentials come from Civis credential parameters, which Civis
exposes as <NAME>_USERNAME / <NAME>_PASSWORD environment variables.
"""
import datetime
import logging
import os

from parsons import MobilizeAmerica, Redshift

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)

ORGANIZATION_ID = 4821
SCHEMA = "mobilize"
LOOKBACK_HOURS = int(os.environ.get("LOOKBACK_HOURS", "2"))


def get_clients():
    mobilize = MobilizeAmerica(api_key=os.environ["MOBILIZE_API_KEY_PASSWORD"])
    rs = Redshift(
        username=os.environ["REDSHIFT_USERNAME"],
        password=os.environ["REDSHIFT_PASSWORD"],
        host=os.environ.get("REDSHIFT_HOST", "redshift.internal.example.org"),
        db="dev",
        port=5439,
    )
    return mobilize, rs


def main():
    mobilize, rs = get_clients()
    since = datetime.datetime.utcnow() - datetime.timedelta(hours=LOOKBACK_HOURS)

    events = mobilize.get_events_organization(
        organization_id=ORGANIZATION_ID, updated_since=since.strftime("%Y-%m-%d %H:%M:%S")
    )
    logger.info("%d events updated since %s", events.num_rows, since)
    if events.num_rows:
        rs.copy(events, f"{SCHEMA}.events_staging", if_exists="append", alter_table=True)

    attendances = mobilize.get_attendances(organization_id=ORGANIZATION_ID, updated_since=since)
    logger.info("%d attendances", attendances.num_rows)
    if attendances.num_rows:
        rs.copy(attendances, f"{SCHEMA}.attendances_staging", if_exists="append", alter_table=True)

    rs.query(open(os.path.join(os.path.dirname(__file__), "merge_staging.sql")).read())


if __name__ == "__main__":
    main()
