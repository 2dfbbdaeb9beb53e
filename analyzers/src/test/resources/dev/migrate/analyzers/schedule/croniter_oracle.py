"""Prints croniter's next fire times, one expression per output line: the oracle for Prefect's cron dialect.

Usage: croniter_oracle.py START_ISO COUNT DAY_OR EXPR...  (naive wall-clock times, as Prefect feeds croniter)
"""
import sys
from datetime import datetime

from croniter import croniter

start = datetime.fromisoformat(sys.argv[1])
count = int(sys.argv[2])
day_or = sys.argv[3] == "true"
for expr in sys.argv[4:]:
    it = croniter(expr, start, day_or=day_or)
    print(" ".join(it.get_next(datetime).isoformat() for _ in range(count)))
