# -*- coding: utf-8 -*-
"""A Prefect 1 style flow with odd formatting, used as a fuzzing seed when python3 is absent."""
from prefect import Flow, task, Parameter
from prefect.schedules import IntervalSchedule  # scheduling
import datetime as dt, os


@task(max_retries=3, retry_delay=dt.timedelta(seconds=10))
def extract(url: str, *, timeout=30) -> dict:
    if not url:
        raise ValueError(f"bad url: {url!r:>{10}}")
    return {"url": url, 'n': [i ** 2 for i in range(10) if i % 2], **os.environ}


class Loader(object):
    def __init__(self, target='db'):
        self.target = target

    async def load(self, rows, /, batch=100):
        async with self.conn() as c:
            for (i, row) in enumerate(rows):
                await c.write(row) if i < batch else None
        match rows:
            case [first, *rest] if first:
                return len(rest)
            case {"k": v, **kw}:
                return v
            case _:
                return 0


with Flow("etl", schedule=IntervalSchedule(interval=dt.timedelta(minutes=5))) as flow:
    url = Parameter("url", default="http://example.com")
    data = extract(url)
	
if __name__ == "__main__":
    flow.run()  # run locally
