import importlib
import sys
from unittest import mock

import pytest
from parsons import Table


@pytest.fixture
def fake_env(monkeypatch):
    monkeypatch.setenv("VAN_API_KEY_PASSWORD", "test-key|1")
    monkeypatch.setenv("REDSHIFT_USERNAME", "test")
    monkeypatch.setenv("REDSHIFT_PASSWORD", "test")


def test_applies_source_code_to_every_row(fake_env):
    rows = Table([{"vanid": 101}, {"vanid": 102}])
    with mock.patch("parsons.Redshift") as redshift, mock.patch("parsons.VAN") as van:
        redshift.return_value.query.return_value = rows
        sys.modules.pop("update_van_source_codes", None)
        importlib.import_module("update_van_source_codes")
    calls = van.return_value.apply_person_code.call_args_list
    assert [c.args for c in calls] == [(101, 12345), (102, 12345)]


def test_no_rows_means_no_api_calls(fake_env):
    with mock.patch("parsons.Redshift") as redshift, mock.patch("parsons.VAN") as van:
        redshift.return_value.query.return_value = Table([])
        sys.modules.pop("update_van_source_codes", None)
        importlib.import_module("update_van_source_codes")
    van.return_value.apply_person_code.assert_not_called()
