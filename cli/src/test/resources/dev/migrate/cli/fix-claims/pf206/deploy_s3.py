from prefect import flow
from prefect.deployments import Deployment
from prefect.filesystems import S3


@flow
def sync():
    pass


Deployment.build_from_flow(sync, name="nightly", work_pool_name="etl", storage=S3(bucket_path="acme/flows"), apply=True)
