from prefect import flow, task


@task(persist_result=True)
def load(x):
    return x


@flow
def etl():
    load(1)
