#!/bin/sh
prefect work-pool create etl
