import prefect
from prefect import Flow, task
from prefect.engine import signals


@task
def fetch(rows):
    if not rows:
        raise signals.SKIP("nothing new")
    if rows == ["bad"]:
        raise signals.FAIL("bad rows")
    return rows


with Flow("skip-demo") as flow:
    fetch([])
