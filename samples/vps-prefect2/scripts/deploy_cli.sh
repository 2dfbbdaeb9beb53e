#!/usr/bin/env bash
# Déploie le flow de maintenance via la CLI (ancienne méthode, gardée pour la maintenance).
# Usage: ./scripts/deploy_cli.sh
set -euo pipefail
cd /home/prefect/prefect-production
source venv/bin/activate

export PREFECT_API_URL="http://localhost:4200/api"

# -ib process/prod : bloc d'infrastructure Process créé à la main dans l'UI
prefect deployment build workflows/maintenance.py:nettoyage_hebdo \
    -n nettoyage-hebdo \
    -q maintenance \
    -ib process/prod \
    --cron "30 4 * * 0" --timezone "Europe/Paris" \
    -t maintenance \
    -a

prefect deployment ls
