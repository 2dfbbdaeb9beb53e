from unittest import mock

from parsons import Table

import sync_mobilize_events


def test_copies_only_when_rows(monkeypatch):
    monkeypatch.setenv("MOBILIZE_API_KEY_PASSWORD", "x")
    monkeypatch.setenv("REDSHIFT_USERNAME", "u")
    monkeypatch.setenv("REDSHIFT_PASSWORD", "p")
    mobilize, rs = mock.Mock(), mock.Mock()
    mobilize.get_events_organization.return_value = Table([{"id": 1}])
    mobilize.get_attendances.return_value = Table([])
    with mock.patch.object(sync_mobilize_events, "get_clients", return_value=(mobilize, rs)):
        sync_mobilize_events.main()
    copied = [c.args[1] for c in rs.copy.call_args_list]
    assert copied == ["mobilize.events_staging"]
