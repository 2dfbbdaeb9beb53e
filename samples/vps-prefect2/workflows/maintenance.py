# -*- coding: latin-1 -*-
# Maintenance hebdomadaire du serveur Prefect.
# Fichier historique en Latin-1 (écrit sous Windows) : ne pas ré-encoder.
import asyncio
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from prefect import flow, task, get_run_logger
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterStartTime

JOURS_A_GARDER = 30
REPERTOIRE_LOGS = Path("/home/prefect/logs")


@task(retries=1, retry_delay_seconds=60)
async def purger_anciens_runs(jours: int = JOURS_A_GARDER) -> int:
    """Supprime les flow runs de plus de `jours` jours (base PostgreSQL allégée)."""
    limite = datetime.now(timezone.utc) - timedelta(days=jours)
    supprimes = 0
    async with get_client() as client:
        runs = await client.read_flow_runs(
            flow_run_filter=FlowRunFilter(start_time=FlowRunFilterStartTime(before_=limite)),
            limit=500,
        )
        for run in runs:
            await client.delete_flow_run(run.id)
            supprimes += 1
    return supprimes


@task
def nettoyer_logs(repertoire: Path = REPERTOIRE_LOGS) -> int:
    """Efface les journaux dbt et les archives déjà envoyées."""
    total = 0
    for chemin in repertoire.glob("dbt-*.log.gz"):
        chemin.unlink()
        total += 1
    cible = Path("/home/prefect/dbt-project/target")
    if cible.exists():
        shutil.rmtree(cible)
    return total


@flow(name="Nettoyage Hebdo", log_prints=True)
async def nettoyage_hebdo(jours: int = JOURS_A_GARDER):
    logger = get_run_logger()
    nb_runs = await purger_anciens_runs(jours)
    nb_logs = nettoyer_logs()
    logger.info("Nettoyage terminé : %s runs supprimés, %s journaux effacés", nb_runs, nb_logs)


if __name__ == "__main__":
    asyncio.run(nettoyage_hebdo())
