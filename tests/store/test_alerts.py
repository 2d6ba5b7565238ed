"""The store's alerts: saved and read back, removed with their markers; a marker claimed once; the change
cursor counts what was stored after it."""

from __future__ import annotations

import pytest

from frontlines.errors import FrontlinesError
from frontlines.records import Alert
from tests.api.builders import build, demo_specs, sequence_specs


def test_alerts_round_trip_and_remove(sqlite_store) -> None:  # noqa: ANN001
    a = sqlite_store.add_alert(Alert(name="k", sink="stdout", bbox=(32.0, 46.0, 33.0, 47.0), place="Kherson",
                                     place_id="geonames:706448", lat=46.6, lon=32.6, radius_km=25.0,
                                     plover_type="ASSAULT", actor="Russian", side="RUS", status="happened",
                                     min_killed=3))
    assert a.id is not None and a.created_at is not None
    [back] = sqlite_store.list_alerts()
    assert back == a and back.bbox == (32.0, 46.0, 33.0, 47.0) and back.min_killed == 3
    with pytest.raises(FrontlinesError) as info:
        sqlite_store.add_alert(Alert(name="k", sink="stdout"))
    assert info.value.code == "E907"
    assert sqlite_store.claim_alert(a.id, ["event:1"], "f")
    assert sqlite_store.remove_alert(a.id) and not sqlite_store.remove_alert(a.id)
    assert sqlite_store.list_alerts() == [] and sqlite_store.stats()["alerts"] == 0


def test_a_marker_is_claimed_once(sqlite_store) -> None:  # noqa: ANN001
    a = sqlite_store.add_alert(Alert(name="k", sink="stdout"))
    assert sqlite_store.claim_alert(a.id, ["event:1", "event:2"], "v1")
    assert not sqlite_store.claim_alert(a.id, ["event:2", "event:3"], "v1")  # event:2 is sent already
    assert sqlite_store.alert_marks(a.id, ["event:1", "event:2", "event:3"]) == {"event:1": "v1", "event:2": "v1"}
    # a change: claimed by the one who saw v1, not by a second who also saw v1
    assert sqlite_store.claim_alert(a.id, ["event:1", "event:2", "event:3"], "v2", previous="v1")
    assert not sqlite_store.claim_alert(a.id, ["event:1", "event:2"], "v2", previous="v1")
    assert set(sqlite_store.alert_marks(a.id, ["event:1", "event:2", "event:3"]).values()) == {"v2"}


def test_changes_since_counts_what_came_after_the_cursor(sqlite_store) -> None:  # noqa: ANN001
    from frontlines.runner import Runner

    start = sqlite_store.changes_since()
    assert start.cursor == (0, 0, 0) and start.events == 0
    for spec in demo_specs():
        article, extraction = build(spec)
        sqlite_store.add_article(article)
        sqlite_store.save_extraction(extraction)
    Runner(sqlite_store).after_run()
    after = sqlite_store.changes_since(start.cursor)
    assert after.events == 10 and after.incidents == sqlite_store.stats()["incidents"] > 0
    assert after.cursor > start.cursor
    assert sqlite_store.changes_since(after.cursor).events == 0  # nothing since
    article, extraction = build(sequence_specs()[0])
    sqlite_store.add_article(article)
    sqlite_store.save_extraction(extraction)
    Runner(sqlite_store).after_run()
    more = sqlite_store.changes_since(after.cursor)
    assert more.events == 1 and more.incidents >= 1 and more.control_changes == 1
