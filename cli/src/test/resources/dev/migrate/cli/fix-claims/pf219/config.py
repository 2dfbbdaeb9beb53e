from prefect import flow
from prefect.blocks.system import JSON


@flow
def etl():
    settings = JSON.load("etl-settings").value
    print(settings)
