"""Replays the schedule library's own loop on a fake clock and prints the instants a job ran at.

usage: schedule_lib_naive_runs.py ZONE START_UTC HOURS UNIT:AT...
The process's local clock is ZONE's wall clock (what datetime.now() returns on a host in that zone); the clock moves
in 30-second steps from START_UTC for HOURS, and run_pending() is called at each step, as a `while True:
schedule.run_pending(); time.sleep(...)` loop does. Prints one UTC instant per run.
"""
import datetime
import sys
from zoneinfo import ZoneInfo

import schedule

zone = ZoneInfo(sys.argv[1])
now = datetime.datetime.fromisoformat(sys.argv[2]).replace(tzinfo=datetime.timezone.utc)
end = now + datetime.timedelta(hours=int(sys.argv[3]))
clock = {"now": now}


class LocalClock(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        local = clock["now"].astimezone(zone)
        return cls(local.year, local.month, local.day, local.hour, local.minute, local.second)


schedule.datetime.datetime = LocalClock


def recorder(runs):
    return lambda: runs.append(clock["now"])


jobs = []
for spec in sys.argv[4:]:
    unit, at = spec.split(":", 1)
    runs = []
    getattr(schedule.every(), unit).at(at).do(recorder(runs))
    jobs.append(runs)
while clock["now"] < end:
    schedule.run_pending()
    clock["now"] += datetime.timedelta(seconds=30)
for runs in jobs:
    print(" ".join(r.strftime("%Y-%m-%dT%H:%M:%SZ") for r in runs))
