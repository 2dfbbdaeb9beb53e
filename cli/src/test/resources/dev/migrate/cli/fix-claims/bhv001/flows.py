from prefect import flow, task


@task
def load(x):
    print(x)


@flow
def etl():
    load.submit(1)
