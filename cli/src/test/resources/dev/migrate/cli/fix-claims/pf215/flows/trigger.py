from prefect import flow
from prefect.client import get_client
from prefect.deployments.deployments import run_deployment


@flow
async def trigger_nightly():
    async with get_client() as client:
        await client.hello()
    await run_deployment("etl/nightly", timeout=0)
