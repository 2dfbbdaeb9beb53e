#!/usr/bin/env bash
# Set up Prefect 1 for the orders flows: commands Prefect 3 has no form of beside ones it translates.
set -euo pipefail

prefect backend server
prefect create project orders
prefect server create-tenant --name default --slug default
prefect register --project orders -p flows/
prefect agent kubernetes install -t "$PREFECT_TOKEN" --rbac
prefect agent start nomad
prefect agent docker start -l orders
