"""Build the project's own events corpus (FORMAT.md "events" JSONL) from the article files.

    .venv/bin/python corpus/events/build.py

reads ``corpus/events/articles/*.yaml`` (one whole article each, written for the project
from public facts, with every event annotated) and writes ``events-tune.jsonl`` and
``events-check.jsonl`` next to this file. The split is fixed by the article id, once and
for all: an article is in the tune half when ``int(sha256(id).hexdigest(), 16) % 5 < 3``
(about 60%), else in the check half. Rules are written looking at the tune half only.

Each gold event carries the FORMAT.md fields plus ``plover_type``, ``status``,
``attributed_to``, ``quantities``, and its evidence as ``evidence`` (the words) with
``evidence_start``/``evidence_end`` (offsets of their first occurrence in the text).
A file that does not validate stops the build with the reason (nothing half-written).

Statements (ACCUSE, REJECT, REQUEST, THREATEN, SUPPORT with no ACLED type) are annotated with the
place they were made; the pipeline gives a statement no place of its own (a capital named for its
government is no place, DESIGN.md), so their location is not scored (``where_prec`` raised to 3;
admin1 still is).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).parent
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
STATUS = {"happened", "ordered", "announced", "planned", "threatened", "claimed", "denied", "negated", "hypothetical"}
ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
# speech acts: their annotated place (where the words were said) is left out of location scoring
SPEECH = {"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT"}
EVENT_KEYS = ("event_type", "sub_event_type", "date", "date_end", "date_prec", "location", "lat", "lon", "where_prec",
              "admin1", "actor1", "actor1_country", "actor2", "actor2_country", "fatalities", "plover_type", "status",
              "attributed_to", "quantities")


def half(article_id: str) -> str:
    return "tune" if int(hashlib.sha256(article_id.encode()).hexdigest(), 16) % 5 < 3 else "check"


def _iso(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def convert(path: Path) -> dict:
    a = yaml.safe_load(path.read_text("utf-8"))
    text = a["text"].rstrip("\n")
    events = []
    for k, e in enumerate(a.get("events") or []):
        where = f"{path.name} event {k + 1}"
        words = str(e["evidence"])
        start = text.find(words)
        if start < 0:
            raise ValueError(f"{where}: evidence not in the text: {words[:60]!r}")
        if e.get("plover_type") not in PLOVER:
            raise ValueError(f"{where}: plover_type {e.get('plover_type')!r}")
        if e.get("status") not in STATUS:
            raise ValueError(f"{where}: status {e.get('status')!r}")
        et, st = e.get("event_type"), e.get("sub_event_type")
        if et is not None and (et not in ACLED or (st is not None and st not in ACLED[et])):
            raise ValueError(f"{where}: ACLED type {et!r} / {st!r}")
        g = {key: e.get(key) for key in EVENT_KEYS}
        if g["plover_type"] in SPEECH and et is None and (g.get("where_prec") or 1) < 3:
            # a statement's place is where it was made, which the pipeline does not claim to know
            # (a capital used for its government is no place): its location is not scored
            g["where_prec"] = 3
        g["date"], g["date_end"] = _iso(g["date"]), _iso(g["date_end"])
        g.update(evidence=words, evidence_start=start, evidence_end=start + len(words))
        events.append(g)
    return {
        "id": a["id"], "task": "events", "text": text, "title": a.get("title"), "published": _iso(a["published"]),
        "source": a.get("source"), "conflict": a.get("conflict"), "style": a.get("style"),
        "gold": {"events": events},
    }


def main() -> int:
    halves: dict[str, list[dict]] = {"tune": [], "check": []}
    for path in sorted((HERE / "articles").glob("*.yaml")):
        try:
            doc = convert(path)
        except (ValueError, KeyError, yaml.YAMLError) as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            return 1
        halves[half(doc["id"])].append(doc)
    for name, docs in halves.items():
        out = HERE / f"events-{name}.jsonl"
        out.write_text("".join(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n" for d in docs), "utf-8")
        n_events = sum(len(d["gold"]["events"]) for d in docs)
        print(f"{out.name}: {len(docs)} articles, {n_events} events")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
