from setuptools import find_packages, setup

setup(
    name="etl-flows",
    version="1.4.0",
    packages=find_packages(),
    install_requires=[
        "prefect==2.14.9",
        "prefect-shell==0.2.2",
        "psycopg2-binary==2.9.9",
    ],
)
