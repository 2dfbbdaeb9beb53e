"""Prefect 3's RRuleSchedule for any rule text: rrulestr with Prefect's DTSTART (2020-01-01), DTSTART and UNTIL given
the schedule's zone with their digits kept (RRuleSchedule.to_rrule), xafter(start, inc=True), each date moved into the
zone, duplicates dropped, the first N kept and sorted. A rule dateutil refuses prints "ERROR <message>".
To keep rules that (almost) never fire from walking to year 9999, every rule also stops at 2040, past the 2037 up to
which the test compares.

Usage: prefect_rrule_oracle.py START_UTC_ISO COUNT TIMEZONE RULE...   (one output line per rule, UTC instants)
"""
import sys
import warnings
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from dateutil import tz as dateutil_tz
from dateutil.rrule import rrule, rrulestr

warnings.simplefilter("ignore")  # COUNT beside UNTIL is deprecated in dateutil, not refused
start = datetime.fromisoformat(sys.argv[1]).replace(tzinfo=timezone.utc)
count = int(sys.argv[2])
zone = sys.argv[3]
for text in sys.argv[4:]:
    try:
        parsed = rrulestr(text, dtstart=datetime(2020, 1, 1), cache=True)
        if not isinstance(parsed, rrule):
            print("ERROR not a single rule")
            continue
        tzinfo = dateutil_tz.gettz(zone)
        localized = {"dtstart": parsed._dtstart.replace(tzinfo=tzinfo)}
        if parsed._until:
            localized["until"] = parsed._until.replace(tzinfo=tzinfo)
        ruled = parsed.replace(**localized)
        stop = datetime(2040, 1, 1, tzinfo=tzinfo)
        if ruled._until is None or ruled._until.replace(tzinfo=None) > stop.replace(tzinfo=None):
            ruled = ruled.replace(until=stop)
        dates = []
        seen = set()
        for d in ruled.xafter(start, count=None, inc=True):
            local = d.astimezone(ZoneInfo(zone))
            if local not in seen:
                seen.add(local)
                dates.append(local)
            if len(dates) >= count:
                break
        print(" ".join(d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") for d in sorted(dates)))
    except Exception as e:  # noqa: BLE001 - the test compares refusals too
        print("ERROR " + type(e).__name__ + " " + str(e).replace("\n", " "))
