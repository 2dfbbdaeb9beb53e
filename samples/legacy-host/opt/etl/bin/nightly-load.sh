#!/bin/bash
# Nightly load: extract -> stage -> merge. Called from /etc/cron.d/etl-nightly under flock.
set -euo pipefail
cd /opt/etl
source /etc/etl/warehouse.env
./venv/bin/python -m etl.extract --all
./venv/bin/python -m etl.stage
./venv/bin/python -m etl.merge --vacuum
