"""Replays Prefect 3's CronSchedule date loop with the standard library: croniter on the naive local clock,
each match added to the localized start as Python does (wall-clock arithmetic, fold=0), duplicates dropped,
the first N kept and sorted. Prints UTC instants, one expression per line.

Usage: prefect_cron_dates.py START_UTC_ISO COUNT TIMEZONE DAY_OR EXPR...
"""
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from croniter import croniter

start_utc = datetime.fromisoformat(sys.argv[1]).replace(tzinfo=timezone.utc)
count = int(sys.argv[2])
tz = ZoneInfo(sys.argv[3])
day_or = sys.argv[4] == "true"
for expr in sys.argv[5:]:
    start = start_utc.astimezone(tz) - timedelta(seconds=1)
    start_naive = start.replace(tzinfo=None)
    cron = croniter(expr, start_naive, day_or=day_or)
    dates = []
    seen = set()
    counter = 0
    while len(dates) < count and counter <= 1000:
        nxt = cron.get_next(datetime)
        when = (start + (nxt - start_naive)).astimezone(timezone.utc)
        if when not in seen:
            seen.add(when)
            dates.append(when)
        counter += 1
    print(" ".join(d.strftime("%Y-%m-%dT%H:%M:%SZ") for d in sorted(dates)))
