#!/bin/bash
set -euo pipefail
echo "installing crontab"
crontab -u deploy - <<'CRON'
SHELL=/bin/bash
0 */4 * * * /opt/app/bin/sync_inventory.sh
CRON
echo done
