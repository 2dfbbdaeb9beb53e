"""Replays Prefect 3's RRuleSchedule date loop with dateutil: the rule anchored at 2020-01-01 in the schedule's
zone (and an UNTIL read as a local time of that zone, as RRuleSchedule.to_rrule does), xafter(start, inc=True), each
date moved into the zone, duplicates dropped, the first N kept and sorted.
Prints UTC instants, one rule per line.

Usage: prefect_rrule_dates.py START_UTC_ISO COUNT TIMEZONE RULE...
"""
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from dateutil import tz as dateutil_tz
from dateutil.rrule import rrulestr

start = datetime.fromisoformat(sys.argv[1]).replace(tzinfo=timezone.utc)
count = int(sys.argv[2])
zone = sys.argv[3]
for text in sys.argv[4:]:
    rule = rrulestr(text, dtstart=datetime(2020, 1, 1), cache=True)
    localized = {"dtstart": rule._dtstart.replace(tzinfo=dateutil_tz.gettz(zone))}
    if rule._until:
        localized["until"] = rule._until.replace(tzinfo=dateutil_tz.gettz(zone))
    rule = rule.replace(**localized)
    dates = []
    seen = set()
    for d in rule.xafter(start, count=None, inc=True):
        local = d.astimezone(ZoneInfo(zone))
        if local not in seen:
            seen.add(local)
            dates.append(local)
        if len(dates) >= count:
            break
    print(" ".join(d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") for d in sorted(dates)))
