#!/usr/bin/env bash
# Start the Prefect 1 agents on lake-vm-01 (the k8s agent runs in the cluster, see k8s/).
# Usually started by supervisord; this script is for manual recovery.
set -euo pipefail

export PREFECT__BACKEND=server
export PREFECT__SERVER__ENDPOINT="http://prefect1.lake.internal:4200/graphql"

nohup prefect agent local start -l prod -l local --name lake-vm-01-local \
    -e AZURE_STORAGE_ACCOUNT=lakeprodweu01 > /var/tmp/prefect-agent-local.out 2>&1 &

nohup prefect agent docker start -l prod -l docker --name lake-vm-01-docker \
    > /var/tmp/prefect-agent-docker.out 2>&1 &

# in-cluster agent (normally deployed with `prefect agent kubernetes install ... | kubectl apply -f -`)
if [[ "${1:-}" == "--k8s" ]]; then
    prefect agent kubernetes start -l prod -l k8s --namespace lake-flows \
        --service-account-name prefect-agent
fi
