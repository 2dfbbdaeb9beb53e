from prefect import flow, task, get_run_logger
from prefect.blocks.system import Secret
import requests
import snowflake.connector
import subprocess
from datetime import timedelta

# Chemin vers le projet dbt (sur le VPS)
DBT_PROJECT_PATH = "/home/prefect/dbt-project"


@task(retries=3, retry_delay_seconds=60)
def declencher_azure_function():
    """DÃ©clenche une Azure Function qui envoie des donnÃ©es sur Blob Storage"""

    # RÃ©cupÃ©rer le secret depuis Prefect (configurÃ© dans l'UI)
    azure_function_url = Secret.load("azure-function-url").get()
    azure_function_key = Secret.load("azure-function-key").get()

    headers = {
        "x-functions-key": azure_function_key,
        "Content-Type": "application/json"
    }

    response = requests.post(
        azure_function_url,
        headers=headers,
        json={"action": "export_to_blob"},
        timeout=300,
    )

    response.raise_for_status()
    print(f"Azure Function dÃ©clenchÃ©e: {response.status_code}")
    return response.json()


@task(retries=3, retry_delay_seconds=120)
def snowflake_copy_into():
    """ExÃ©cute COPY INTO sur Snowflake depuis Blob Storage"""

    # RÃ©cupÃ©rer les credentials Snowflake
    conn = snowflake.connector.connect(
        account=Secret.load("snowflake-account").get(),
        user=Secret.load("snowflake-user").get(),
        password=Secret.load("snowflake-password").get(),
        warehouse=Secret.load("snowflake-warehouse").get(),
        database=Secret.load("snowflake-database").get(),
        schema=Secret.load("snowflake-schema").get(),
    )

    cursor = conn.cursor()

    # ExÃ©cuter COPY INTO
    copy_query = """
    COPY INTO ventes_brutes
    FROM @stage_azure_export/ventes/
    FILE_FORMAT = (TYPE = 'JSON')
    ON_ERROR = 'CONTINUE'
    """

    cursor.execute(copy_query)
    result = cursor.fetchone()

    cursor.close()
    conn.close()

    print(f"COPY INTO exÃ©cutÃ©: {result}")
    return result


@task(retries=2, retry_delay_seconds=[60, 120, 300], timeout_seconds=3600)
def dbt_run(full_refresh: bool = False, target: str = "prod"):
    """ExÃ©cute dbt run pour transformer les donnÃ©es"""
    logger = get_run_logger()

    commande = ["dbt", "run", "--profiles-dir", f"{DBT_PROJECT_PATH}/profiles", "--target", target]
    if full_refresh:
        commande.append("--full-refresh")

    result = subprocess.run(
        commande,
        cwd=DBT_PROJECT_PATH,
        capture_output=True,
        text=True
    )

    if result.returncode != 0:
        logger.error("Erreur dbt: %s", result.stderr)
        raise Exception(f"dbt run a Ã©chouÃ©: {result.stderr}")

    logger.info("dbt run terminÃ©:\n%s", result.stdout)
    return result.stdout


@flow(
    name="Pipeline Data Complet",
    description="Azure Function -> Snowflake COPY INTO -> dbt",
    retries=1,
    retry_delay_seconds=300,
    log_prints=True,
)
def pipeline_data_complet(full_refresh: bool = False, dbt_target: str = "prod"):
    """
    Orchestration complÃ¨te du pipeline de donnÃ©es:
    1. DÃ©clenche Azure Function (export vers Blob Storage)
    2. Charge les donnÃ©es dans Snowflake (COPY INTO)
    3. Transforme avec dbt
    """

    # Ã‰tape 1: Azure Function
    azure_result = declencher_azure_function()

    # Ã‰tape 2: Snowflake COPY INTO (attend que Azure soit fini)
    snowflake_result = snowflake_copy_into()

    # Ã‰tape 3: dbt run (attend que Snowflake soit fini)
    dbt_result = dbt_run(full_refresh=full_refresh, target=dbt_target)

    print("Pipeline complet terminÃ© avec succÃ¨s!")
    return {
        "azure": azure_result,
        "snowflake": snowflake_result,
        "dbt": dbt_result
    }


if __name__ == "__main__":
    # Pour tester localement
    pipeline_data_complet()
