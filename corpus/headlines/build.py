"""Build the events gold files (FORMAT.md, task "events") from headlines.yaml.

    python corpus/headlines/build.py

Writes headlines-tune.jsonl and headlines-check.jsonl next to this file. A report goes
to the tune half when int(sha256(id).hexdigest(), 16) % 5 < 3, else to the check half
(the rule of corpus/notes). Output is deterministic: reports keep their order in
headlines.yaml, keys are sorted, and nothing depends on the time or the machine.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # corpus/: the builds' shared part
from buildlib import EVENT_TYPES, duplicate_ids, iso, write_halves  # noqa: E402

HERE = Path(__file__).resolve().parent
SRC = HERE / "headlines.yaml"
OUT_TUNE = HERE / "headlines-tune.jsonl"
OUT_CHECK = HERE / "headlines-check.jsonl"

# What a report's wording tries: the forms real headlines take (README.md lists them)
FORMS = {
    "plain", "title", "lower", "region", "hyphen-region", "possessive", "oblast", "district", "near",
    "outskirts", "border-area", "donbas", "russian", "lead", "lead-only", "dateline", "venue",
    "other-country",
}
GOLD_KEYS = (
    "event_type", "sub_event_type", "date", "location", "lat", "lon", "admin1", "where_prec",
    "actor1", "actor1_country", "actor2", "actor2_country", "fatalities",
)
REPORT_KEYS = ("id", "text", "published", "point", "country", "forms") + GOLD_KEYS


def check(report: dict) -> list[str]:
    """Problems with one report (empty when it is valid)."""
    rid = report.get("id", "?")
    errs = [f"{rid}: missing {key}" for key in REPORT_KEYS if key not in report]
    if errs:
        return errs
    subs = EVENT_TYPES.get(report["event_type"])
    if subs is None:
        errs.append(f"{rid}: unknown event_type {report['event_type']!r}")
    elif report["sub_event_type"] not in subs:
        errs.append(f"{rid}: {report['sub_event_type']!r} is no sub_event_type of {report['event_type']!r}")
    if report["where_prec"] not in (1, 2, 3, 4, 5):
        errs.append(f"{rid}: where_prec {report['where_prec']!r}")
    if not report["admin1"]:
        errs.append(f"{rid}: no admin1")
    if not (-90 <= float(report["lat"]) <= 90 and -180 <= float(report["lon"]) <= 180):
        errs.append(f"{rid}: point out of range")
    if not str(report["point"]).startswith(("geonames:", "postal:")):
        errs.append(f"{rid}: point {report['point']!r} is no gazetteer id")
    if not (isinstance(report["country"], str) and len(report["country"]) == 3):
        errs.append(f"{rid}: country {report['country']!r}")
    unknown = set(report["forms"]) - FORMS
    if unknown or not report["forms"]:
        errs.append(f"{rid}: forms {sorted(unknown) or 'empty'}")
    paragraphs = report["text"].split("\n\n")
    if len(paragraphs) > 2 or not paragraphs[0].strip() or any("\n" in p for p in paragraphs):
        errs.append(f"{rid}: a headline, then at most one lead paragraph after a blank line")
    date, pub = dt.date.fromisoformat(iso(report["date"])), dt.date.fromisoformat(iso(report["published"]))
    if not (0 <= (pub - date).days <= 7):
        errs.append(f"{rid}: published {pub} is not within a week after {date}")
    if not isinstance(report["fatalities"], int) or report["fatalities"] < 0:
        errs.append(f"{rid}: fatalities")
    return errs


def document(report: dict) -> dict:
    event = {key: report[key] for key in GOLD_KEYS}
    event["date"] = iso(report["date"])
    event["lat"], event["lon"] = float(report["lat"]), float(report["lon"])
    return {
        "id": report["id"],
        "task": "events",
        "text": report["text"],
        "title": None,
        "published": iso(report["published"]),
        "source": "frontlines-headlines",
        "gold": {"events": [event]},
    }


def main() -> int:
    reports = yaml.safe_load(SRC.read_text(encoding="utf-8"))
    errs = [e for report in reports for e in check(report)]
    errs += duplicate_ids([report.get("id") for report in reports])
    if errs:
        print("\n".join(errs), file=sys.stderr)
        return 1
    write_halves([document(report) for report in reports], OUT_TUNE, OUT_CHECK)
    counts: dict[str, dict[str, int]] = {"country": {}, "where_prec": {}, "forms": {}}
    for report in reports:
        for key, values in (("country", [report["country"]]), ("where_prec", [str(report["where_prec"])]),
                            ("forms", report["forms"])):
            for value in values:
                counts[key][value] = counts[key].get(value, 0) + 1
    for key, seen in counts.items():
        print(f"{key}: " + ", ".join(f"{k} {v}" for k, v in sorted(seen.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
