from prefect import flow
from prefect.filesystems import S3


@flow(result_storage=S3(bucket_path="etl-results/runs"))
def etl():
    print("etl")
