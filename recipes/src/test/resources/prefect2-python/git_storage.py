from prefect.deployments import Deployment
from prefect.filesystems import GitHub

from jobs.report import report

repo = GitHub(repository="https://github.com/acme/reports", reference="main")

Deployment.build_from_flow(flow=report, name="report", work_pool_name="k8s", storage=repo, entrypoint="jobs/report.py:report", apply=True)
