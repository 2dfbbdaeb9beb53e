"""APScheduler host for the billing and data-quality jobs (aps-jobs.service).

APScheduler 3.10. Jobs persist in Postgres so a restart does not lose misfires.
"""
import os

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from dq import checks
from billing import dunning, usage

jobstores = {"default": SQLAlchemyJobStore(url=os.environ["APS_JOBSTORE_URL"])}
job_defaults = {"coalesce": True, "max_instances": 1, "misfire_grace_time": 600}

scheduler = BlockingScheduler(jobstores=jobstores, job_defaults=job_defaults, timezone="Europe/Berlin")

# dunning letters, weekday nights
scheduler.add_job(dunning.send_letters, "cron", day_of_week="mon-fri", hour=2, minute=30,
                  id="dunning_letters", replace_existing=True)

# metered usage import, every 20 minutes, +/- 30 s jitter
scheduler.add_job(usage.import_meter_readings, "interval", minutes=20, jitter=30,
                  id="usage_import", replace_existing=True)

# data-quality checks, every 4 hours, crontab syntax
scheduler.add_job(checks.run_all, CronTrigger.from_crontab("0 */4 * * *", timezone="UTC"),
                  id="dq_checks", replace_existing=True)


@scheduler.scheduled_job("cron", day="last", hour=23, minute=0, id="month_end_usage_close")
def month_end_usage_close():
    usage.close_month()


if __name__ == "__main__":
    scheduler.start()
