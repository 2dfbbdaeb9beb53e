#!/bin/sh
prefect deployment build flows/etl.py:etl -n nightly -q default --apply
