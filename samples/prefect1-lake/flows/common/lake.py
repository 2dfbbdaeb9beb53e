"""Where and how flows write into the lake.

Every dataset lands as one file per run:

    <lake_root>/<dataset>/<dataset>_<YYYYmmddTHHMMSS>.<csv|parquet>

The timestamp is the flow run's *scheduled* start time (UTC), so a retried or late run
overwrites its own file instead of creating a second one.

lake_root is a flow Parameter so that the same flow can run against the production lake
(Prefect 1, today) or the development lake (Prefect 2 port, during the dual run).
"""
import io
from datetime import datetime

import pandas as pd

PROD_LAKE_ROOT = "abfs://raw@lakeprodweu01.dfs.core.windows.net/ingest"
DEV_LAKE_ROOT = "abfs://raw@lakedevweu01.dfs.core.windows.net/ingest"

TIMESTAMP_FORMAT = "%Y%m%dT%H%M%S"


def dataset_path(lake_root: str, dataset: str, run_ts: datetime, ext: str) -> str:
    stamp = run_ts.strftime(TIMESTAMP_FORMAT)
    return f"{lake_root.rstrip('/')}/{dataset}/{dataset}_{stamp}.{ext}"


def storage_options(account_key: str) -> dict:
    # adlfs picks the account name from the abfs:// URL
    return {"account_key": account_key}


def write_frame(df: pd.DataFrame, path: str, account_key: str = None) -> str:
    opts = storage_options(account_key) if account_key else None
    if path.endswith(".csv"):
        df.to_csv(path, index=False, storage_options=opts)
    elif path.endswith(".parquet"):
        df.to_parquet(path, index=False, storage_options=opts)
    else:
        raise ValueError(f"unsupported lake format: {path}")
    return path


def frame_from_records(records: list, columns: list) -> pd.DataFrame:
    df = pd.DataFrame.from_records(records)
    missing = [c for c in columns if c not in df.columns]
    for c in missing:
        df[c] = None
    return df[columns]


def csv_bytes(df: pd.DataFrame) -> bytes:
    buf = io.StringIO()
    df.to_csv(buf, index=False)
    return buf.getvalue().encode("utf-8")
