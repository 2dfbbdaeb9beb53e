# Création des blocs Secret (une seule fois, sur le VPS).
# ATTENTION: ne pas committer les vraies valeurs ! (trop tard...)
from prefect.blocks.system import Secret

Secret(value="https://fn-export-ventes.azurewebsites.net/api/export").save(name="azure-function-url", overwrite=True)
Secret(value="q7Fz3kP0vL9sXw2RtY8uBn4Mc6Hd1JeAg5KoTi0Wy3Ua==").save(name="azure-function-key", overwrite=True)
Secret(value="xy12345.west-europe.azure").save(name="snowflake-account", overwrite=True)
Secret(value="PREFECT_SVC").save(name="snowflake-user", overwrite=True)
Secret(value="Sn0wfl4ke-Prod-2024#x").save(name="snowflake-password", overwrite=True)
Secret(value="LOAD_WH").save(name="snowflake-warehouse", overwrite=True)
Secret(value="RAW").save(name="snowflake-database", overwrite=True)
Secret(value="VENTES").save(name="snowflake-schema", overwrite=True)
print("Secrets créés")
