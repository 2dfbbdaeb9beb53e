import os
from parsons import Redshift, Table, VAN
from prefect import flow, task

from utilities.logging import get_logger

van_source_code = 12345


@task
def fetch_query_results() -> Table:
    query_results = Redshift().query(
        "select vanid from organizing.volunteer_signups_needing_source_code"
    )
    return query_results


@task(retries=2, retry_delay_seconds=10)
def apply_origin_source_code(van_client: VAN, van_id: int, source_code: int) -> None:
    van_client.apply_person_code(van_id, source_code)


@flow(name="Update VAN Source Codes Sync", log_prints=True)
def update_van_source_codes():
    # still the Civis-style credential name; TODO move to a Secret block
    van_client = VAN(db="EveryAction", api_key=os.environ["VAN_API_KEY_PASSWORD"])

    query_results = fetch_query_results()

    for result in query_results:
        apply_origin_source_code(van_client, result['vanid'], van_source_code)

    get_logger().info("Finished applying source codes.")


if __name__ == '__main__':
    update_van_source_codes()
