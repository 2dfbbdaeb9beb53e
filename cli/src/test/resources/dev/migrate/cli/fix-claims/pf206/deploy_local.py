from prefect import flow
from prefect.deployments import Deployment
from prefect.filesystems import LocalFileSystem


@flow
def load():
    pass


Deployment.build_from_flow(load, name="nightly", work_pool_name="etl", storage=LocalFileSystem(basepath="/srv/flows"), apply=True)
