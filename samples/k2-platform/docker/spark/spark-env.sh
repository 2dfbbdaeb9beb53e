#!/usr/bin/env bash
# Sourced by spark-submit inside k2-spark-iceberg.
export SPARK_LOCAL_IP=0.0.0.0
export PYSPARK_PYTHON=python3
export SPARK_DRIVER_MEMORY=2g
