"""Incident merging: pairwise precision/recall on the project's test set, and merge speed.

    .venv/bin/python bench/incidents.py [--copies 200]

Accuracy: tests/fixtures/incidents/reports.yaml (hand-built reports with gold
incident labels). Speed: the test set copied N times, each copy shifted by three
weeks (only month-level reports can link copies), merged all at once (the in-memory merge; the store
update adds SQL round trips per article).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.incidents.helpers (the fixture loader)

from frontlines.incidents import merge_incidents, pairwise_scores  # noqa: E402
from tests.incidents.helpers import FIXTURES, load_reports  # noqa: E402


def _shift(item, days: int, copy: int):  # noqa: ANN001, ANN202
    ev = item.event
    tv = ev.time
    if tv is not None:
        tv = dataclasses.replace(tv, start=tv.start + dt.timedelta(days=days), end=tv.end + dt.timedelta(days=days))
    return dataclasses.replace(
        item, key=f"{item.key}-{copy}", article_id=f"{item.article_id}-{copy}",
        published=item.published + dt.timedelta(days=days), event=dataclasses.replace(ev, time=tv),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    args = parser.parse_args()
    items, gold = load_reports(FIXTURES / "incidents" / "reports.yaml")
    incidents = merge_incidents(items)
    s = pairwise_scores(incidents, gold)
    print(f"test set: {len(items)} reports, {len(set(gold.values()))} gold incidents, {len(incidents)} merged")
    print(f"pairwise precision {s.precision:.3f} recall {s.recall:.3f} f1 {s.f1:.3f} "
          f"(pairs: predicted {s.predicted}, gold {s.gold}, correct {s.correct})")
    big = [_shift(i, 3 * c * 7, c) for c in range(args.copies) for i in items]
    start = time.perf_counter()
    merged = merge_incidents(big)
    seconds = time.perf_counter() - start
    print(f"speed: {len(big)} reports -> {len(merged)} incidents in {seconds:.2f} s "
          f"({len(big) / seconds:,.0f} reports/s)")


if __name__ == "__main__":
    main()
