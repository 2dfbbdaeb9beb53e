from prefect import flow
from prefect.deployments import Deployment


@flow
def etl():
    pass


Deployment.build_from_flow(etl, name="nightly", work_queue_name="default", apply=True)
