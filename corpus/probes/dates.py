"""Score the date probes: sentences written for the project, each with the date its marked event happened
(corpus/probes/README.md).

    .venv/bin/python corpus/probes/dates.py [--show] [FILE ...]

FILE defaults to ``dates.txt``; ``dates-held.txt`` holds the thirteenth session's probes, written before its rules.
Each line of ``dates.txt`` is ``published|expected|text``: the text's event word is in [brackets], the
expected date is a day (exact) or ``first..last`` (the event's date inside). The event scored is the one whose
trigger covers the bracketed word, else the one of its sentence whose trigger is nearest; none is a miss.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path

from frontlines.config import load_settings
from frontlines.eval.runner import event_date
from frontlines.pipeline import Resources, build_pipeline, default_stages, load_resources, process_batch
from frontlines.records import Article, Event

HERE = Path(__file__).parent


def _probes(path: Path) -> list[tuple[dt.date, dt.date, dt.date, str, int]]:
    """(published, first, last, text, offset of the marked word) for each probe line of ``path``."""
    out = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pub, want, marked = line.split("|", 2)
        marked = marked.replace("\\n", "\n")  # a written "\n" is a line break: "\n\n" starts a paragraph
        lo, _, hi = want.partition("..")
        mark = re.search(r"\[([^\]]+)\]", marked)
        if mark is None:
            raise ValueError(f"no [word] in {line!r}")
        text = marked[:mark.start()] + mark.group(1) + marked[mark.end():]
        out.append((dt.date.fromisoformat(pub), dt.date.fromisoformat(lo), dt.date.fromisoformat(hi or lo),
                    text, mark.start()))
    return out


def _marked(events: tuple[Event, ...], at: int) -> Event | None:
    """The event whose trigger covers the marked word, else the one of the marked word's sentence whose trigger
    is nearest to it (the trigger may be a noun beside the marked verb: "a missile [hit]")."""
    near = [(abs(e.trigger_evidence.start - at), e) for e in events if e.trigger_evidence is not None
            and e.evidence.start <= at < e.evidence.end]
    cover = [e for d, e in near if e.trigger_evidence is not None and e.trigger_evidence.start <= at < e.trigger_evidence.end]
    if cover:
        return cover[0]
    return min(near, key=lambda x: x[0])[1] if near else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="list the probes whose date is wrong")
    ap.add_argument("files", nargs="*", type=Path, default=[HERE / "dates.txt"], help="probe files (dates.txt)")
    args = ap.parse_args()
    resources = load_resources(load_settings())
    for path in args.files:
        _score(path, resources, show=args.show)
    return 0


def _score(path: Path, resources: Resources, *, show: bool) -> None:
    """Run one probe file and print how many of its probes are dated as written."""
    probes = _probes(path)
    arts = [Article(id=f"d{i}", text=t, published=pub) for i, (pub, _, _, t, _) in enumerate(probes)]
    right = 0
    for (pub, lo, hi, text, at), (_, ex) in zip(probes, process_batch(arts, resources, build_pipeline(default_stages()))):
        event = _marked(ex.events, at)
        got = event_date(event) if event is not None else None
        ok = got is not None and lo <= got <= hi
        right += ok
        if show and not ok:
            span = lo.isoformat() if lo == hi else f"{lo}..{hi}"
            print(f"   want {span}, got {got} ({event.time.text if event and event.time else 'no event' if event is None else 'no time'!r}): {text[:100]}")
    print(f"{path.name}: {right} of {len(probes)} dated as written")


if __name__ == "__main__":
    raise SystemExit(main())
