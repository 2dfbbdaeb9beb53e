#!/usr/bin/env python3
"""Poor man's scheduler: sync the CRM and the ticketing system every 15 minutes.

Started by systemd (etl-scheduler.service, Restart=always). Written in 2019 as a stop-gap.
"""
import datetime
import logging
import os
import subprocess
import time

import psycopg2

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
log = logging.getLogger("loop_runner")

DSN = os.environ["WAREHOUSE_DSN"]


def sync_crm():
    subprocess.run(["/opt/etl/bin/extract-crm.sh", "--since", "15min"], check=True)


def sync_tickets():
    subprocess.run(["/opt/etl/venv/bin/python", "-m", "etl.tickets", "--incremental"], check=True)


def record_run(name, ok):
    with psycopg2.connect(DSN) as conn, conn.cursor() as cur:
        cur.execute(
            "insert into etl_meta.loop_runs(job, finished_at, ok) values (%s, now(), %s)",
            (name, ok),
        )


while True:
    started = datetime.datetime.now()
    for job in (sync_crm, sync_tickets):
        try:
            job()
            record_run(job.__name__, True)
        except Exception:  # keep the loop alive no matter what
            log.exception("%s failed", job.__name__)
            record_run(job.__name__, False)
    log.info("cycle took %s", datetime.datetime.now() - started)
    time.sleep(900)
