"""APScheduler host for the billing jobs (aps-jobs.service)."""
from apscheduler.schedulers.blocking import BlockingScheduler

from billing import dunning

scheduler = BlockingScheduler(timezone="Europe/Berlin")

# dunning letters, weekday nights
scheduler.add_job(dunning.send_letters, "cron", day_of_week="mon-fri", hour=2, minute=30,
                  id="dunning_letters", replace_existing=True)

if __name__ == "__main__":
    scheduler.start()
