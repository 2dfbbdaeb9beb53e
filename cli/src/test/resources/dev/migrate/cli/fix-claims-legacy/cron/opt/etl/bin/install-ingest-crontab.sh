#!/bin/bash
# Provision the crontab of the `ingest` user (run as ingest, from ansible).
set -euo pipefail

crontab <<EOT
*/3 * * * * /opt/ingest/bin/poll-sftp.sh
EOT
