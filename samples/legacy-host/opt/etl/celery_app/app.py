from datetime import timedelta

from celery import Celery
from celery.schedules import crontab

app = Celery("etl", include=["celery_app.tasks"])
app.conf.broker_url = "redis://127.0.0.1:6379/0"   # overridden by CELERY_BROKER_URL in prod
app.conf.timezone = "Europe/Berlin"
app.conf.enable_utc = True

app.conf.beat_schedule = {
    "refresh-search-index": {
        "task": "celery_app.tasks.refresh_search_index",
        "schedule": crontab(minute=0, hour="*/3"),
    },
    "expire-sessions": {
        "task": "celery_app.tasks.expire_sessions",
        "schedule": timedelta(seconds=300),
    },
    "morning-digest": {
        "task": "celery_app.tasks.send_digest",
        "schedule": crontab(hour=7, minute=30, day_of_week="mon-fri"),
        "args": ("ops@corp.example",),
    },
    "monthly-partition": {
        "task": "celery_app.tasks.create_next_partition",
        "schedule": crontab(0, 0, day_of_month="1"),
    },
    "heartbeat": {
        "task": "celery_app.tasks.heartbeat",
        "schedule": 60.0,
    },
}
