from prefect import flow
from prefect.deployments import Deployment
from prefect.filesystems import S3


@flow
def etl():
    print("etl")


deployment = Deployment.build_from_flow(
    flow=etl,
    name="etl",
    work_queue_name="etl",
    storage=S3.load("flows"),
)

if __name__ == "__main__":
    deployment.apply()
