#!/usr/bin/env bash
set -euo pipefail
export PREFECT_API_URL="https://prefect.acme.io/api"
# build and register the nightly deployment
prefect deployment build flows/sales.py:sales_flow -n nightly-sales -q default \
  --cron "0 2 * * *" --timezone Europe/Berlin -sb s3/etl-flows --apply
prefect deployment apply deployments/sales-deployment.yaml
prefect deployment set-schedule etl/nightly-sales --cron "0 3 * * *"
prefect work-pool create legacy --type prefect-agent
curl -u admin:CurlSecretPw https://prefect.acme.io/health
