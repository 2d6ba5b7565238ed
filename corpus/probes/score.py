"""Score the precision probes: sentences and short stories written for the project (corpus/probes/README.md).

    .venv/bin/python corpus/probes/score.py [--show]

Runs the default pipeline over ``no-event.txt`` (sentences that tell no happening), ``one-event.txt``
(sentences that tell exactly one) and ``stories.txt`` (short stories, each line "N|text": N events),
and prints how many come out as written. ``--show`` lists the ones that do not.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from frontlines.config import load_settings
from frontlines.pipeline import build_pipeline, default_stages, load_resources, process_batch
from frontlines.records import Article

HERE = Path(__file__).parent
PUBLISHED = dt.date(2024, 3, 5)


def _lines(name: str) -> list[str]:
    return [line.strip() for line in (HERE / name).read_text("utf-8").splitlines() if line.strip()]


def _counts(texts: list[str], resources: object) -> list[tuple[str, list[str]]]:
    arts = [Article(id=f"p{i}", text=t, published=PUBLISHED) for i, t in enumerate(texts)]
    out = []
    for art, ex in process_batch(arts, resources, build_pipeline(default_stages())):
        events = list(getattr(ex, "events", ()))
        out.append((art.text, [f"{e.trigger}:{e.plover_type}/{e.acled_sub_event_type}/{e.status.value}" for e in events]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="list the probes that do not come out as written")
    args = ap.parse_args()
    resources = load_resources(load_settings())
    sets = [("no-event.txt", [(t, 0) for t in _lines("no-event.txt")]),
            ("one-event.txt", [(t, 1) for t in _lines("one-event.txt")]),
            ("stories.txt", [(t.split("|", 1)[1], int(t.split("|", 1)[0])) for t in _lines("stories.txt")])]
    for name, rows in sets:
        results = _counts([t for t, _ in rows], resources)
        right = [(n == len(events)) for (_, n), (_, events) in zip(rows, results)]
        print(f"{name}: {sum(right)} of {len(rows)} as written")
        if args.show:
            for ok, (text, n), (_, events) in zip(right, rows, results):
                if not ok:
                    print(f"   want {n}, got {len(events)}: {text[:90]} || {'; '.join(events)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
