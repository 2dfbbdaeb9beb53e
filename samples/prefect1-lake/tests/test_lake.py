from datetime import datetime

import pandas as pd
import pytest

from flows.common.lake import DEV_LAKE_ROOT, PROD_LAKE_ROOT, dataset_path, frame_from_records


def test_dataset_path_is_timestamped_per_run():
    ts = datetime(2023, 2, 14, 2, 15, 0)
    assert dataset_path(PROD_LAKE_ROOT, "orders", ts, "csv") == (
        "abfs://raw@lakeprodweu01.dfs.core.windows.net/ingest/orders/orders_20230214T021500.csv"
    )


def test_prod_and_dev_paths_differ_only_by_root():
    ts = datetime(2023, 2, 14, 18, 0, 0)
    prod = dataset_path(PROD_LAKE_ROOT, "fx_rates", ts, "csv")
    dev = dataset_path(DEV_LAKE_ROOT + "/", "fx_rates", ts, "csv")
    assert prod[len(PROD_LAKE_ROOT):] == dev[len(DEV_LAKE_ROOT):]


def test_frame_from_records_adds_missing_columns_in_order():
    df = frame_from_records([{"b": 2}], ["a", "b"])
    assert list(df.columns) == ["a", "b"]
    assert pd.isna(df.loc[0, "a"])


@pytest.mark.parametrize("ext", ["json", "txt"])
def test_unknown_format_is_rejected(ext, tmp_path):
    from flows.common.lake import write_frame

    with pytest.raises(ValueError):
        write_frame(pd.DataFrame({"a": [1]}), str(tmp_path / f"x.{ext}"))
