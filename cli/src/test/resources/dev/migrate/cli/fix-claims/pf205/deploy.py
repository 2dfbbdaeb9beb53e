from prefect import flow
from prefect.deployments import Deployment
from prefect.infrastructure import Process


@flow
def etl():
    pass


Deployment.build_from_flow(etl, name="nightly", work_pool_name="etl", infrastructure=Process(env={"A": "1"}), apply=True)
