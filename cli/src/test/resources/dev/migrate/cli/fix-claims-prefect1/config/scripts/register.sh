#!/usr/bin/env bash
# Register the flows and start a local agent (Prefect 1).
set -euo pipefail

export PREFECT__LOGGING__LEVEL=INFO
export PREFECT__BACKEND=server
export PREFECT__SERVER__ENDPOINT="http://prefect1.internal:4200/graphql"

prefect register --project lake-ingestion -p flows/ -l prod
prefect agent local start -l prod
