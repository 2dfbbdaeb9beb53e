#!/bin/bash
# Provision the crontab of the `ingest` service user (run as ingest, from ansible).
# Replaces the whole crontab every time - do not edit it by hand on the box.
set -euo pipefail

INGEST_HOME=/opt/ingest

crontab <<EOF
MAILTO=ingest-alerts@corp.example
# SFTP drops from partners arrive at random; poll every 3 minutes
*/3 * * * * ${INGEST_HOME}/bin/poll-sftp.sh
# partner reconciliation, weekdays 06:45
45 6 * * 1-5 ${INGEST_HOME}/bin/reconcile.sh --all-partners
EOF

crontab -l | logger -t install-ingest-crontab
