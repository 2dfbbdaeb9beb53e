from prefect import flow
from prefect.deployments import Deployment
from prefect_aws import S3Bucket


@flow
def etl():
    pass


Deployment.build_from_flow(etl, name="nightly", work_pool_name="etl", storage=S3Bucket.load("code"), apply=True)
