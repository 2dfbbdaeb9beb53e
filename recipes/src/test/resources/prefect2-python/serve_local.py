from prefect import flow
from prefect.deployments import Deployment
from prefect.client import get_client
from prefect.engine import pause_flow_run


@flow(log_prints=True)
def hello(name: str = "world"):
    pause_flow_run(timeout=30)
    print(f"hello {name}")


async def count_runs():
    async with get_client() as client:
        return len(await client.read_flow_runs())


if __name__ == "__main__":
    Deployment.build_from_flow(flow=hello, name="hello", interval=3600, apply=True)
