from prefect import flow, task


@task
def load(x):
    return x


@flow
def etl():
    f = load.submit(1)
    state = f.get_state()
    print(state)
