#!/usr/bin/env bash
# Register every flow in flows/ with the Prefect 1 server (run from the repo root).
# CI runs this on every merge to main.
set -euo pipefail

export PREFECT__BACKEND=server
export PREFECT__SERVER__ENDPOINT="${PREFECT__SERVER__ENDPOINT:-http://prefect1.lake.internal:4200/graphql}"

prefect create project lake-ingestion --skip-if-exists
prefect register --project lake-ingestion -p flows/ -l prod

# flows that have to run on the k8s agent get the k8s label too
prefect register --project lake-ingestion -m flows.ingest_customers -l k8s
prefect register --project lake-ingestion -m flows.lake_maintenance -l k8s
