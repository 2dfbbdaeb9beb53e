# workflows/deploy.py
# Usage (sur le VPS):  cd ~/prefect-production && python -m workflows.deploy
from datetime import datetime, timedelta

from prefect.deployments import Deployment
from prefect.server.schemas.schedules import CronSchedule, IntervalSchedule

from workflows.data_pipeline import pipeline_data_complet

# Déploiement production (quotidien à 2h, heure de Paris)
Deployment.build_from_flow(
    flow=pipeline_data_complet,
    name="production-daily",
    work_pool_name="default-pool",
    schedule=CronSchedule(cron="0 2 * * *", timezone="Europe/Paris"),
    tags=["production", "daily", "data-pipeline"],
    apply=True,
)

# Déploiement test (toutes les heures) - appliqué plus bas
test_deployment = Deployment.build_from_flow(
    flow=pipeline_data_complet,
    name="test-hourly",
    work_pool_name="default-pool",
    schedule=CronSchedule(cron="0 * * * *"),
    parameters={"dbt_target": "dev"},
    tags=["test", "hourly"]
)

# Rattrapage: gros entrepôt, full refresh, toutes les 6h MAIS désactivé par défaut.
# Activer depuis l'UI seulement après un incident.
rattrapage_deployment = Deployment.build_from_flow(
    flow=pipeline_data_complet,
    name="rattrapage-full-refresh",
    work_pool_name="default-pool",
    work_queue_name="rattrapage",
    schedule=IntervalSchedule(
        interval=timedelta(hours=6),
        anchor_date=datetime(2024, 1, 1, 0, 30),
        timezone="Europe/Paris",
    ),
    is_schedule_active=False,
    parameters={"full_refresh": True, "dbt_target": "rattrapage"},
    infra_overrides={"env": {"DBT_THREADS": "8"}, "working_dir": "/home/prefect/dbt-project"},
    tags=["rattrapage"],
)

if __name__ == "__main__":
    test_deployment.apply()
    rattrapage_deployment.apply()
    print("Déploiements mis à jour!")
