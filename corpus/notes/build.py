"""Build the events gold files (FORMAT.md, task "events") from notes.yaml.

    python corpus/notes/build.py

Writes notes-tune.jsonl and notes-check.jsonl next to this file. A note goes to
the tune half when int(sha256(id).hexdigest(), 16) % 5 < 3, else to the check
half. Output is deterministic: notes keep their order in notes.yaml, keys are
sorted, and nothing depends on the time or the machine.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # corpus/: the builds' shared part
from buildlib import EVENT_TYPES, duplicate_ids, iso, write_halves  # noqa: E402

HERE = Path(__file__).resolve().parent
SRC = HERE / "notes.yaml"
OUT_TUNE = HERE / "notes-tune.jsonl"
OUT_CHECK = HERE / "notes-check.jsonl"

OBLASTS = {
    "Donetsk oblast", "Luhansk oblast", "Zaporizhzhia oblast", "Kherson oblast", "Kharkiv oblast",
    "Dnipropetrovsk oblast", "Sumy oblast", "Chernihiv oblast", "Mykolaiv oblast",
}
VARIANTS = {"standard", "variant", "namesake", "tiny"}
GOLD_KEYS = (
    "event_type", "sub_event_type", "date", "location", "lat", "lon", "admin1",
    "actor1", "actor1_country", "actor2", "actor2_country", "fatalities",
)


def check(note: dict) -> list[str]:
    """Problems with one note (empty when it is valid)."""
    errs = []
    nid = note.get("id", "?")
    for key in ("id", "text", "published", "variant") + GOLD_KEYS:
        if key not in note:
            errs.append(f"{nid}: missing {key}")
    if errs:
        return errs
    subs = EVENT_TYPES.get(note["event_type"])
    if subs is None:
        errs.append(f"{nid}: unknown event_type {note['event_type']!r}")
    elif note["sub_event_type"] not in subs:
        errs.append(f"{nid}: {note['sub_event_type']!r} is no sub_event_type of {note['event_type']!r}")
    if note["admin1"] not in OBLASTS:
        errs.append(f"{nid}: admin1 {note['admin1']!r}")
    if note["variant"] not in VARIANTS:
        errs.append(f"{nid}: variant {note['variant']!r}")
    if not (44.0 <= float(note["lat"]) <= 53.0 and 22.0 <= float(note["lon"]) <= 41.0):
        errs.append(f"{nid}: point outside Ukraine")
    date, pub = dt.date.fromisoformat(iso(note["date"])), dt.date.fromisoformat(iso(note["published"]))
    if not (0 <= (pub - date).days <= 7):
        errs.append(f"{nid}: published {pub} is not within a week after {date}")
    if not isinstance(note["fatalities"], int) or note["fatalities"] < 0:
        errs.append(f"{nid}: fatalities")
    return errs


def document(note: dict) -> dict:
    event = {key: note[key] for key in GOLD_KEYS}
    event["date"] = iso(note["date"])
    event["lat"], event["lon"] = float(note["lat"]), float(note["lon"])
    return {
        "id": note["id"],
        "task": "events",
        "text": note["text"],
        "title": None,
        "published": iso(note["published"]),
        "source": "frontlines-notes",
        "gold": {"events": [event]},
    }


def main() -> int:
    notes = yaml.safe_load(SRC.read_text(encoding="utf-8"))
    errs = [e for note in notes for e in check(note)]
    errs += duplicate_ids([note.get("id") for note in notes])
    if errs:
        print("\n".join(errs), file=sys.stderr)
        return 1
    write_halves([document(note) for note in notes], OUT_TUNE, OUT_CHECK)
    for key in ("admin1", "variant"):
        counts: dict[str, int] = {}
        for note in notes:
            counts[note[key]] = counts.get(note[key], 0) + 1
        print(f"{key}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
