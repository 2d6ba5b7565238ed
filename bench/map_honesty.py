"""The map's honesty on a store: markers sized by what, and coarse dates shown how.

    .venv/bin/python bench/map_honesty.py --db frontlines.db

Asks the API (in process) for every event as GeoJSON and as JSON rows, and counts:
  - markers sized or numbered by a quantity that is not a casualty figure (killed, injured,
    casualties): target 0; and, for comparison, how many the old rule (the event's largest quantity
    of any kind) would have sized that way;
  - events whose time value is coarser than a week (month, season, quarter, year ...) whose `period`
    is still a day, i.e. would be listed, popped up or drawn on the timeline as a day: target 0;
  - markers whose number is not in their popup's casualty label: target 0;
  - the lean markers the page draws (/api/map/events) whose toll or period differs from the full
    feature's: target 0.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from frontlines.config import Settings  # noqa: E402
from frontlines.quantities.tolls import CASUALTY_KINDS  # noqa: E402

COARSE = {"month", "season", "quarter", "half", "year", "decade", "century"}


def _old_largest(quantities: list[dict]) -> tuple[float | None, str | None]:
    best: tuple[float | None, str | None] = (None, None)
    for q in quantities or []:
        value = q.get("value") if q.get("value") is not None else q.get("high") or q.get("low")
        if isinstance(value, (int, float)) and (best[0] is None or value > best[0]):
            best = (float(value), q.get("kind"))
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    args = ap.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from frontlines.api import create_app

    app = create_app(Settings(db=args.db))
    with TestClient(app) as client:
        features = client.get("/api/events.geojson", params={"limit": 10000}).json()["features"]
        lean = client.get("/api/map/events", params={"limit": 20000}).json()["features"]
        rows, offset = [], 0
        while True:
            page = client.get("/api/events", params={"limit": 1000, "offset": offset}).json()
            rows += page["events"]
            offset += 1000
            if offset >= page["total"]:
                break
    props = [f["properties"] for f in features]
    by_key = {r["key"]: r for r in rows}
    wrong_size = [p for p in props if p["quantity"] is not None and p["quantity_kind"] not in CASUALTY_KINDS]
    old = Counter(_old_largest((by_key[p["key"]]["data"] or {}).get("quantities"))[1] for p in props)
    old_wrong = sum(n for kind, n in old.items() if kind is not None and kind not in CASUALTY_KINDS)
    mismatch = [p for p in props if p["marker"] and p["marker"] not in p["casualties"]["label"]]
    coarse = [r for r in rows if ((r["data"] or {}).get("time") or {}).get("granularity") in COARSE]
    as_days = [r for r in coarse if r["period"] and len(r["period"]) == 10]
    full = {f["id"]: f["properties"] for f in features}
    differ = [f for f in lean if f["id"] not in full or f["properties"]["period"] != full[f["id"]]["period"]
              or (f["properties"]["toll"] or {}).get("size") != full[f["id"]]["quantity"]
              or (f["properties"]["toll"] or {}).get("marker", "") != full[f["id"]]["marker"]]
    print(f"{len(rows)} events, {len(props)} on the map")
    print(f"lean markers (/api/map/events): {len(lean)}; toll or period not the full feature's: {len(differ)}")
    print(f"markers sized by a non-casualty quantity: {len(wrong_size)} (the old largest-quantity rule: {old_wrong}, "
          f"by {', '.join(f'{k} {n}' for k, n in old.most_common() if k and k not in CASUALTY_KINDS)})")
    print(f"markers sized by a casualty figure: {sum(1 for p in props if p['quantity'] is not None)}; "
          f"numbered: {sum(1 for p in props if p['marker'])}; number not in the popup: {len(mismatch)}")
    print(f"coarse dates (month or coarser): {len(coarse)}; shown as a day: {len(as_days)}; periods: "
          f"{', '.join(sorted({r['period'] for r in coarse}))}")


if __name__ == "__main__":
    main()
