#!/bin/sh
prefect deployment apply etl-deployment.yaml
