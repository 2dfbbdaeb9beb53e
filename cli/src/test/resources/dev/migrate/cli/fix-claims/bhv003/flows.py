from prefect import flow
from prefect.variables import Variable


@flow
def etl():
    bucket = Variable.get("bucket").value
    print(bucket)
