from prefect import flow


@flow
def etl():
    print("etl")
