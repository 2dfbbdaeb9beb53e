#!/bin/sh
# Push a heartbeat so the monitoring knows cron is alive.
curl -fsS -m 10 --retry 3 https://hc.corp.example/ping/etl-01 > /dev/null
