"""ingest-fx-rates: reference FX rates -> lake.

Two clocks:
  * hourly intraday snapshot of the majors from the market-data vendor;
  * 18:00 London on weekdays, the ECB reference fix for the full currency list
    (different parameters, set on the clock).
"""
from datetime import timedelta

import pendulum
import prefect
import requests
from prefect import Flow, Parameter, task, unmapped
from prefect.engine import signals
from prefect.executors import LocalDaskExecutor
from prefect.run_configs import DockerRun
from prefect.schedules import Schedule, filters
from prefect.schedules.clocks import CronClock, IntervalClock
from prefect.storage import GitHub
from prefect.tasks.secrets import PrefectSecret

from flows.common.lake import PROD_LAKE_ROOT, dataset_path, frame_from_records, write_frame

VENDOR_URL = "https://fx.vendor-markets.example.com/v1/spot"
ECB_URL = "https://data-api.ecb.europa.eu/service/data/EXR/D.{ccy}.EUR.SP00.A"
MAJORS = ["USD", "GBP", "JPY", "CHF"]


@task(cache_for=timedelta(hours=1), max_retries=3, retry_delay=timedelta(seconds=20), timeout=120)
def fetch_rate(currency, source, api_key):
    day = prefect.context.today  # "YYYY-MM-DD" of the scheduled run
    if source == "ecb":
        resp = requests.get(
            ECB_URL.format(ccy=currency),
            params={"startPeriod": day, "endPeriod": day, "format": "jsondata"},
            timeout=60,
        )
    else:
        resp = requests.get(VENDOR_URL, params={"base": "EUR", "symbol": currency},
                            headers={"apikey": api_key}, timeout=30)
    resp.raise_for_status()
    rate = resp.json().get("rate")
    if rate is None:
        raise signals.FAIL(f"{source} returned no rate for {currency} on {day}")
    return {"currency": currency, "rate": float(rate), "source": source, "as_of": day}


@task
def check_complete(rates, currencies):
    got = {r["currency"] for r in rates}
    missing = sorted(set(currencies) - got)
    if missing:
        raise signals.FAIL(f"missing rates for {missing}")
    return rates


@task(log_stdout=True, checkpoint=False)
def write_rates(rates, lake_root):
    params = prefect.context.parameters
    run_ts = prefect.context.scheduled_start_time or pendulum.now("UTC")
    df = frame_from_records(rates, ["currency", "rate", "source", "as_of"])
    path = write_frame(df, dataset_path(lake_root, "fx_rates", run_ts, "csv"))
    print(f"fx_rates ({params['source']}): {len(df)} rows -> {path}")
    return path


schedule = Schedule(
    clocks=[
        IntervalClock(
            interval=timedelta(hours=1),
            start_date=pendulum.datetime(2022, 1, 3, 7, 0, tz="Europe/London"),
        ),
        CronClock(
            "0 18 * * 1-5",
            start_date=pendulum.datetime(2022, 1, 3, tz="Europe/London"),
            parameter_defaults={
                "currencies": ["USD", "GBP", "JPY", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF"],
                "source": "ecb",
            },
        ),
    ],
    filters=[filters.is_weekday],
)

with Flow(
    "ingest-fx-rates",
    schedule=schedule,
    executor=LocalDaskExecutor(scheduler="threads", num_workers=8),
    run_config=DockerRun(image="lakeacr.azurecr.io/lake-flows:1.4.1-2023.02", labels=["prod", "docker"]),
    storage=GitHub(repo="contoso-data/lake-flows", path="flows/ingest_fx_rates.py", ref="main",
                   access_token_secret="GITHUB_ACCESS_TOKEN"),
) as flow:
    lake_root = Parameter("lake_root", default=PROD_LAKE_ROOT)
    currencies = Parameter("currencies", default=MAJORS)
    source = Parameter("source", default="vendor")
    vendor_key = PrefectSecret("FX_VENDOR_API_KEY")

    rates = fetch_rate.map(currencies, source=unmapped(source), api_key=unmapped(vendor_key))
    complete = check_complete(rates, currencies)
    write_rates(complete, lake_root)


if __name__ == "__main__":
    flow.register(project_name="lake-ingestion", labels=["prod", "docker"])
